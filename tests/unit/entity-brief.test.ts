import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Alias, Entity } from '../../src/core/dataset/dataset-schema.ts';
import { briefOf } from '../../src/core/dataset/entity-brief.ts';
import { buildMatcher, mentionsOf } from '../../src/core/matching/name-matcher.ts';

function entity(id: string, type: Entity['type'], aliases: Alias[]): Entity {
  return { id, type, name: { ar: id, en: `${id} (en)` }, description: { ar: id, en: id }, aliases, roles: [], affiliations: [] };
}

const BASHAR = entity('bashar-al-assad', 'person', [
  { text: 'Bashar al-Assad', lang: 'en', full: true },
  { text: 'Assad', lang: 'en', ambiguous: true },
]);
const DAMASCUS = entity('damascus', 'place', [{ text: 'Damascus', lang: 'en' }]);
// An alias marked both ambiguous and full licenses itself: it never waits for a licence.
const SELF = entity('self-licensing', 'organisation', [{ text: 'Selfco', lang: 'en', ambiguous: true, full: true }]);

test('a brief carries the type, the English name, and whether any alias waits for a licence', () => {
  assert.deepEqual(briefOf(BASHAR), { type: 'person', nameEn: 'bashar-al-assad (en)', ambiguous: true });
  assert.deepEqual(briefOf(DAMASCUS), { type: 'place', nameEn: 'damascus (en)', ambiguous: false });
  assert.equal(briefOf(SELF).ambiguous, false);
});

test('mentionsOf expands the compact answer scanText sends into the same mentions scan finds', () => {
  const matcher = buildMatcher({ entities: [BASHAR, DAMASCUS], exclusions: [] });
  const text = 'Bashar al-Assad flew from Damascus. Assad landed; Damascus waited.';
  const compact = matcher.scanCompact(text);
  const mentions = mentionsOf(compact);
  assert.deepEqual(mentions, matcher.scan(text).mentions);
  assert.deepEqual(mentions.map((m) => text.slice(m.start, m.end)), ['Bashar al-Assad', 'Damascus', 'Assad', 'Damascus']);
  assert.deepEqual(compact.entityIds, ['bashar-al-assad', 'damascus'], 'each entity once, in order of first mention');
});
