/**
 * A selection looked up from the page's context menu: its edges cleaned, and found by the search whatever
 * Arabic prefixes or diacritics it carries, as the matcher finds names on pages.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildSearchIndex } from '../../src/core/search/search.ts';
import { MAX_QUERY_CHARS, resolveProclitics, selectionQuery, withoutProclitics } from '../../src/core/search/search-query.ts';
import { bundledPack } from '../support/pack.ts';

test('a selection loses its surrounding punctuation, quote marks, line breaks and an English possessive', () => {
  assert.equal(selectionQuery('  “قاآني”، '), 'قاآني');
  assert.equal(selectionQuery('Bashar\n al-Assad.'), 'Bashar al-Assad');
  assert.equal(selectionQuery('(Hezbollah)'), 'Hezbollah');
  assert.equal(selectionQuery('Assad’s'), 'Assad');
  assert.equal(selectionQuery("Nasrallah's,"), 'Nasrallah');
  assert.equal(selectionQuery('...'), '');
  // Inner punctuation is the name's own.
  assert.equal(selectionQuery('al-Kadhimi'), 'al-Kadhimi');
});

test('a long selection is cut to the longest query, at a space', () => {
  const long = 'word '.repeat(100);
  const q = selectionQuery(long);
  assert.ok(q.length <= MAX_QUERY_CHARS && q.length > MAX_QUERY_CHARS - 6, `${q.length}`);
  assert.ok(q.endsWith('word'));
});

test('an Arabic word is read without its proclitics, conjunction first', () => {
  assert.deepEqual(withoutProclitics('وحسن'), ['حسن']);
  assert.deepEqual(withoutProclitics('وبدمشق'), ['بدمشق', 'دمشق']);
  assert.deepEqual(withoutProclitics('للحرس'), ['الحرس', 'لحرس']);
  assert.deepEqual(withoutProclitics('ولبغداد'), ['لبغداد', 'بغداد']);
  assert.deepEqual(withoutProclitics('حسن'), []);
  assert.deepEqual(withoutProclitics('وب'), []);
});

test('only a word nothing begins is read without its prefixes', () => {
  const known = new Set(['حسن', 'نصر', 'الله', 'وزير']);
  assert.equal(resolveProclitics('وحسن نصر الله', (w) => known.has(w)), 'حسن نصر الله');
  assert.equal(resolveProclitics('وزير', (w) => known.has(w)), 'وزير');
  assert.equal(resolveProclitics('وفلان', (w) => known.has(w)), 'وفلان');
});

test('the search finds the entity of a selection with prefixes, diacritics or punctuation', () => {
  const index = buildSearchIndex(bundledPack().entities);
  const first = (selection: string) => index.search(selectionQuery(selection), 5)[0]?.entityId;
  assert.equal(first('وحسن نصر الله'), 'hassan-nasrallah');
  assert.equal(first('للحرس الثوري'), 'islamic-revolutionary-guard-corps');
  assert.equal(first('بَشّار الأسد،'), 'bashar-al-assad');
  assert.equal(first('“قاآني”'), 'esmail-qaani');
  assert.equal(first('وبدمشق'), 'damascus');
  assert.equal(first('فالكاظمي'), 'mustafa-al-kadhimi');
  assert.equal(first('Assad’s'), 'bashar-al-assad');
  // A word that names nothing, with or without prefixes, still finds nothing.
  assert.equal(first('وزير'), undefined);
});
