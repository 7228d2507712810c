/**
 * Downloads from a feed: streamed with progress, abandoned when no byte arrives for the stall timeout, capped
 * in size (the body may never exceed what the index declared, nor the hard cap), and checked against the
 * declared size and SHA-256. A feed on another origin must send CORS headers (see data/feed/README.md): the
 * extension asks for no host permissions.
 *
 * Every request is the same for every reader: no cookie, no cache, and no conditional request (an ETag a
 * server hands out and the extension echoes back every 6 hours can tell one install from another; the index is
 * a few hundred bytes, so asking for it whole each time costs nothing worth that).
 */
import { bytesToHex } from '../../core/feed/feed-signature.ts';
import { FeedError } from './sync-error.ts';

export interface DownloadOptions {
  stallTimeoutMs: number;
  /** Never read more than this. */
  maxBytes: number;
  /** The exact size the index declared, when known. */
  expectedSize?: number;
  onProgress?: (done: number, total: number) => void;
}

export async function download(url: string, options: DownloadOptions): Promise<Uint8Array> {
  if (globalThis.navigator?.onLine === false) throw new FeedError('offline');
  const controller = new AbortController();
  let stalled = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      stalled = true;
      controller.abort();
    }, options.stallTimeoutMs);
  };
  arm();
  try {
    let response: Response;
    try {
      response = await fetch(url, {
        signal: controller.signal,
        // Neither stored nor revalidated: the HTTP cache would send If-None-Match with the ETag it kept.
        cache: 'no-store',
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
      });
    } catch (err) {
      if (stalled) throw new FeedError('timeout', url);
      // The connection may have dropped while we waited.
      if ((globalThis.navigator as Navigator | undefined)?.onLine === false) throw new FeedError('offline');
      throw new FeedError('network', `${url}: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (!response.ok) throw new FeedError('http', `HTTP ${response.status} ${response.statusText} (${url})`.trim());
    const limit = Math.min(options.maxBytes, options.expectedSize ?? Infinity);
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (Number.isFinite(declared) && declared > limit) {
      throw new FeedError('tooLarge', `${declared} bytes announced, at most ${limit} expected (${url})`);
    }
    const bytes = await readCapped(response, limit, options, arm, () => stalled, url);
    if (options.expectedSize !== undefined && bytes.length !== options.expectedSize) {
      throw new FeedError('truncated', `${bytes.length} of ${options.expectedSize} bytes received (${url})`);
    }
    return bytes;
  } finally {
    clearTimeout(timer);
  }
}

async function readCapped(
  response: Response, limit: number, options: DownloadOptions, arm: () => void, stalled: () => boolean, url: string,
): Promise<Uint8Array> {
  const total = options.expectedSize ?? 0;
  const chunks: Uint8Array[] = [];
  let received = 0;
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array(0);
  try {
    for (;;) {
      let step: ReadableStreamReadResult<Uint8Array>;
      try {
        step = await reader.read();
      } catch (err) {
        if (stalled()) throw new FeedError('timeout', url);
        throw new FeedError('truncated', `${url}: ${err instanceof Error ? err.message : String(err)}`);
      }
      if (step.done) break;
      arm();
      received += step.value.length;
      if (received > limit) throw new FeedError('tooLarge', `more than ${limit} bytes (${url})`);
      chunks.push(step.value);
      options.onProgress?.(received, total);
    }
  } finally {
    reader.cancel().catch(() => undefined);
  }
  const out = new Uint8Array(received);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Throws unless `bytes` hash to `sha256` (lowercase hex). */
export async function checkSha256(bytes: Uint8Array, sha256: string, url: string): Promise<void> {
  const digest = bytesToHex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as BufferSource)));
  if (digest !== sha256) throw new FeedError('hash', `${url}: SHA-256 ${digest}, the index says ${sha256}`);
}

/** Parses downloaded JSON; `code` says which error a file that is not JSON is. */
export function parseJson(bytes: Uint8Array, code: 'badIndex' | 'schema' | 'badFile', what: string): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (err) {
    throw new FeedError(code, `${what} is not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
}
