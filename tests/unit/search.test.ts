import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Entity } from '../../src/core/dataset/dataset-schema.ts';
import { buildSearchIndex, loosen } from '../../src/core/search/search.ts';
import { bundledPack } from '../support/pack.ts';

const pack = bundledPack();
const index = buildSearchIndex(pack.entities);
const ids = (query: string, limit = 10) => index.search(query, limit).map((h) => h.entityId);

function entity(id: string, en: string, ar: string, aliases: string[] = [], type: Entity['type'] = 'person'): Entity {
  return {
    id, type, name: { en, ar }, description: { en: 'x', ar: 'x' }, roles: [], affiliations: [],
    aliases: aliases.map((text) => ({ text, lang: /[a-z]/i.test(text) ? 'en' : 'ar' })),
  } as Entity;
}

describe('search over the bundled dataset', () => {
  it('finds Qaani from an Arabic query typed without hamza or madda', () => {
    assert.equal(ids('اسماعيل قاني')[0], 'esmail-qaani');
    assert.equal(ids('إسماعيل قاآني')[0], 'esmail-qaani');
  });

  it('finds Qaani from an English alias, whole or begun', () => {
    assert.equal(ids('ghaani')[0], 'esmail-qaani');
    assert.equal(ids('Ghaa')[0], 'esmail-qaani');
    assert.equal(ids("qa'ani")[0], 'esmail-qaani');
    assert.equal(index.search('ghaani', 1)[0]?.matched, 'Ghaani', 'reports the alias that matched');
  });

  it('finds a name by any of its words, and an Arabic word without its article', () => {
    assert.ok(ids('Assad').includes('bashar-al-assad'));
    assert.ok(ids('اسد').includes('bashar-al-assad'));
    assert.ok(ids('نصر الله').includes('hassan-nasrallah'));
  });

  it('needs every word of the query to begin a word of the same name', () => {
    assert.deepEqual(ids('bashar nasrallah'), []);
    assert.deepEqual(ids('zzzz'), []);
  });

  it('returns nothing for an empty or blank query, and at most `limit` hits', () => {
    assert.deepEqual(index.search('', 10), []);
    assert.deepEqual(index.search('   ', 10), []);
    assert.equal(index.search('a', 3).length, 3);
    assert.equal(index.size, pack.entities.length);
  });

  it('gives one hit per entity, with its type and both names', () => {
    const hits = index.search('qaani', 10);
    assert.equal(hits.filter((h) => h.entityId === 'esmail-qaani').length, 1);
    assert.equal(hits[0]?.type, 'person');
    assert.equal(hits[0]?.name.ar, 'إسماعيل قاآني');
  });
});

describe('search ranking and loose spellings', () => {
  const small = buildSearchIndex([
    entity('iraq', 'Iraq', 'العراق'),
    entity('iran', 'Iran', 'إيران'),
    entity('iranian-gov', 'Iranian government', 'الحكومة الإيرانية'),
    entity('qaani', 'Esmail Qaani', 'إسماعيل قاآني'),
  ]);

  it('ranks a whole-name match above a name that only begins with the query', () => {
    assert.deepEqual(small.search('iran', 5).map((h) => h.entityId), ['iran', 'iranian-gov']);
  });

  it('finds a spelling with a letter doubled or single when the dataset lacks that alias', () => {
    assert.deepEqual(small.search('قاني', 5).map((h) => h.entityId), ['qaani']);
    assert.deepEqual(small.search('qani', 5).map((h) => h.entityId), ['qaani']);
  });

  it('loosens by collapsing runs of a letter only', () => {
    assert.equal(loosen('قااني'), 'قاني');
    assert.equal(loosen('qaani al assad'), 'qani al asad');
    assert.equal(loosen(''), '');
  });
});
