/**
 * `npm run feed -- serve <dir>`: serves a feed folder on 127.0.0.1 as any static host or CDN would, with what a
 * feed host must do for the extension (see data/feed/README.md): CORS (`Access-Control-Allow-Origin: *`) and
 * exact Content-Length. Like most static hosts it also sends ETag / Last-Modified and answers conditional
 * requests with 304, which the extension never makes (tests check it sends no validator back). Tests reuse it
 * with `intercept` to inject faults on a real server.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

export const CORS_HEADERS: Readonly<Record<string, string>> = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, HEAD, OPTIONS',
  'access-control-expose-headers': 'Content-Length',
  'access-control-max-age': '600',
};

export interface FeedServer {
  origin: string;
  /** Every request path received, in order (tests assert conditional requests and what was fetched). */
  requests: Array<{ path: string; headers: IncomingMessage['headers']; status: number; /** When the answer was sent (epoch ms). */ at: number }>;
  close(): Promise<void>;
}

/** Answers a request itself when it returns true (tests: faults); otherwise the file is served. */
export type Intercept = (path: string, req: IncomingMessage, res: ServerResponse) => boolean;

export async function startFeedServer(dir: string, options: { port?: number; intercept?: Intercept } = {}): Promise<FeedServer> {
  const root = normalize(dir + sep);
  const requests: FeedServer['requests'] = [];
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    const entry = { path, headers: req.headers, status: 0, at: 0 };
    requests.push(entry);
    res.on('finish', () => {
      entry.status = res.statusCode;
      entry.at = Date.now();
    });
    for (const [k, v] of Object.entries(CORS_HEADERS)) res.setHeader(k, v);
    if (req.method === 'OPTIONS') return void res.writeHead(204).end();
    if (options.intercept?.(path, req, res)) return;
    const file = normalize(join(root, path));
    let body: Buffer;
    try {
      if (!file.startsWith(root) || !statSync(file).isFile()) throw new Error('not a file');
      body = readFileSync(file);
    } catch {
      return void res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
    }
    const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 32)}"`;
    const lastModified = statSync(file).mtime.toUTCString();
    const headers = { etag, 'last-modified': lastModified, 'cache-control': 'no-cache' };
    const since = req.headers['if-modified-since'];
    if (req.headers['if-none-match'] === etag || (!req.headers['if-none-match'] && since && Date.parse(since) >= Date.parse(lastModified))) {
      return void res.writeHead(304, headers).end();
    }
    const type = extname(file) === '.json' ? 'application/json' : 'application/octet-stream';
    res.writeHead(200, { ...headers, 'content-type': type, 'content-length': String(body.length) });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new Error(`port ${options.port} on 127.0.0.1 is in use: pass --port <another>`) : error));
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
