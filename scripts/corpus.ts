/**
 * The real-page corpus the browser tests and the bench read: 40 saved pages from mozilla/readability's test
 * pages, kept gzip-compressed inside the repository (tests/fixtures/corpus/, whose README says where each page
 * comes from), so nothing the tests or the bench need lives outside it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { ROOT } from './build.ts';

export const CORPUS_DIR = join(ROOT, 'tests', 'fixtures', 'corpus', 'readability');
const SUFFIX = '.html.gz';

/** The corpus pages' names (file names without `.html.gz`), sorted. */
export function corpusPageNames(): string[] {
  return readdirSync(CORPUS_DIR)
    .filter((f) => f.endsWith(SUFFIX))
    .map((f) => f.slice(0, -SUFFIX.length))
    .sort();
}

/** A page as stored: gzip bytes, to be served with `Content-Encoding: gzip`. */
export function corpusPageGzip(name: string): Buffer {
  return readFileSync(join(CORPUS_DIR, `${name}${SUFFIX}`));
}

/** A page's HTML, decompressed. */
export function corpusPageHtml(name: string): string {
  return gunzipSync(corpusPageGzip(name)).toString('utf8');
}
