/**
 * The real-page corpus lives inside the repository (tests/fixtures/corpus), so a clone with nothing beside it
 * can run the browser tests and the bench: every page its README lists is there, decompresses to the page it
 * names (SHA-256), and nothing unlisted sits beside them.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CORPUS_DIR, corpusPageHtml, corpusPageNames } from '../../scripts/corpus.ts';

const README = join(CORPUS_DIR, '..', 'README.md');

/** Rows of the README's table: page name → SHA-256 prefix of the uncompressed page. */
function listed(): Map<string, string> {
  const rows = new Map<string, string>();
  for (const m of readFileSync(README, 'utf8').matchAll(/^\| ([\w-]+) \| .* \| \d+ \| `([0-9a-f]{16})` \|$/gm)) {
    rows.set(m[1]!, m[2]!);
  }
  return rows;
}

describe('the corpus of real pages', () => {
  it('holds the 40 pages the README lists, and no others', () => {
    assert.deepEqual(corpusPageNames(), [...listed().keys()].sort());
    assert.equal(corpusPageNames().length, 40);
  });

  it('keeps the upstream licence beside the pages', () => {
    assert.ok(existsSync(join(CORPUS_DIR, 'LICENSE.md')));
    assert.match(readFileSync(join(CORPUS_DIR, 'LICENSE.md'), 'utf8'), /Apache License\s+Version 2\.0/);
  });

  it('decompresses each page to the bytes the README records', () => {
    for (const [name, hash] of listed()) {
      const html = corpusPageHtml(name);
      assert.equal(createHash('sha256').update(html, 'utf8').digest('hex').slice(0, 16), hash, name);
      assert.match(html, /<html|<body|<div/i, `${name} is HTML`);
    }
  });
});
