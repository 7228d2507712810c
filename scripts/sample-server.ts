/**
 * A small static HTTP server on 127.0.0.1 (a random free port) for the sample article and test pages.
 * Content scripts only run on http(s) pages, so the demo and the browser tests need a real server.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Page {
  body: string | Buffer;
  type?: string;
  /** `gzip` when `body` is gzip bytes: served with `Content-Encoding: gzip`, as a site would serve it. */
  encoding?: 'gzip';
}

export interface RunningServer {
  origin: string;
  /** Adds or replaces a page while running (tests add their own fixtures). */
  set(path: string, page: Page): void;
  close(): Promise<void>;
}

export async function startServer(pages: Record<string, Page> = {}): Promise<RunningServer> {
  const routes = new Map(Object.entries(pages));
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const page = routes.get(path);
    if (!page) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': page.type ?? 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      ...(page.encoding ? { 'content-encoding': page.encoding } : {}),
    });
    res.end(page.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    set: (path, page) => void routes.set(path, page),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
