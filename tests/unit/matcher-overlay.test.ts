/**
 * An update overlay finds exactly what a matcher built from the whole updated dataset finds: random datasets,
 * random sequences of patches (entities put, changed and deleted, names shared, made ambiguous, romanised,
 * given page context), random texts, compared scan by scan, licences and patch-check claims included, and
 * after a round trip through structured clone (what IndexedDB stores).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type { Alias, Entity } from '../../src/core/dataset/dataset-schema.ts';
import {
  buildMatcher, changedSinceBase, loadMatcher, serializeMatcher, serializeOverlay, updateMatcher, type Matcher,
} from '../../src/core/matching/name-matcher.ts';
import { foldKey } from '../../src/core/matching/normalize.ts';

/** Names that share words, prefixes and keys, in both scripts, so that patches keep changing who wins where. */
const NAMES = [
  'Bashar al-Assad', 'Assad', 'al-Assad', 'Hafez al-Assad', 'Bashar', 'Esmail Qaani', 'Qaani', 'Ghaani', 'Esmail',
  'Quds Force', 'IRGC', 'IRGC Quds Force', 'Lebanon', 'Washington', 'US', 'United States', 'Ka Ra', 'Ka Ra Mo',
  'Ka Ra Mo Li', 'Ka', 'Hashd al-Shaabi', 'Hashid', 'بشار الأسد', 'الأسد', 'بشار', 'إسماعيل قاآني', 'قاآني',
  'حزب الله', 'كتائب حزب الله', 'الحرس الثوري', 'الحرس', 'دمشق', 'نصر الله', 'حسن نصر الله',
];
/** Entities the aliases' page context and compounds name: never changed, as the patch check requires. */
const ANCHORS: Entity[] = [entity('anchor-a', [{ text: 'Beirut', lang: 'en' }]), entity('anchor-b', [{ text: 'بيروت', lang: 'ar' }])];
const EXCLUSIONS = [{ text: 'كتائب حزب الله', lang: 'ar' as const, note: 'x' }, { text: 'Ka Ra Mo', lang: 'en' as const, note: 'x' }];

function entity(id: string, aliases: Alias[]): Entity {
  return { id, type: 'person', name: { ar: id, en: id }, description: { ar: id, en: id }, aliases, roles: [], affiliations: [] };
}

const lang = (text: string): Alias['lang'] => (/[\u0600-\u06ff]/.test(text) ? 'ar' : 'en');
const aliasArb: fc.Arbitrary<Alias> = fc.record({
  text: fc.constantFrom(...NAMES),
  kind: fc.constantFrom('', '', 'full', 'ambiguous'),
  romanised: fc.boolean(),
  exactCase: fc.constantFrom(false, false, false, true),
  context: fc.constantFrom(undefined, undefined, 'licensedBy', 'notFollowedBy', 'words'),
}).map(({ text, kind, romanised, exactCase, context }) => {
  const alias: Alias = { text, lang: lang(text), ...(kind ? { [kind]: true } : {}) };
  if (romanised && alias.lang === 'en' && !alias.ambiguous) alias.romanised = true;
  if (exactCase && text === text.toUpperCase()) alias.exactCase = true;
  if (context === 'licensedBy') alias.context = { licensedBy: ['anchor-a'] };
  if (context === 'notFollowedBy') alias.context = { notFollowedBy: ['Ohio'] };
  if (context === 'words') alias.context = { licensedByWords: ['Beirut', 'بيروت'] };
  return alias;
});
const aliasesArb = fc.array(aliasArb, { minLength: 1, maxLength: 3 });

type Step = { put: Array<[string, Alias[]]>; remove: string[] };
const IDS = Array.from({ length: 14 }, (_, i) => `e${String(i).padStart(2, '0')}`);
const stepArb: fc.Arbitrary<Step> = fc.record({
  put: fc.array(fc.tuple(fc.constantFrom(...IDS, 'n1', 'n2', 'n3', 'z9'), aliasesArb), { maxLength: 4 }),
  remove: fc.array(fc.constantFrom(...IDS, 'n1', 'n2'), { maxLength: 3 }),
});
const baseArb = fc.array(fc.tuple(fc.constantFrom(...IDS), aliasesArb), { minLength: 1, maxLength: 12 })
  .map((list) => new Map(list));

const WORDS = [...NAMES, 'President', 'Mr.', 'the', 'said', 'قال', 'في', 'Ohio', 'Beirut', 'بيروت', 'us', 'Qani', 'Hashd ash-Shaabi', 'Ismail Ghani'];
const SEPS = [' ', ', ', '. ', ' — ', "'s ", '\n'];
const textArb = fc.array(fc.tuple(fc.constantFrom('', '', 'و', 'ب', 'لل'), fc.constantFrom(...WORDS), fc.constantFrom(...SEPS)), { maxLength: 25 })
  .map((parts) => parts.map(([p, w, s]) => (/^[\u0600-\u06ff]/.test(w) ? p : '') + w + s).join(''));

const datasetOf = (rows: Map<string, Alias[]>): Entity[] => [...ANCHORS, ...[...rows].map(([id, aliases]) => entity(id, aliases))];

function assertSameScans(actual: Matcher, expected: Matcher, texts: string[]): void {
  for (const text of texts) {
    for (const given of [undefined, new Set(['e01', 'n1'])]) {
      assert.deepEqual(actual.scan(text, given), expected.scan(text, given), JSON.stringify(text));
      assert.deepEqual(actual.scanCompact(text, given), expected.scanCompact(text, given));
    }
  }
  for (const name of [...NAMES, 'Beirut']) {
    const byId = (c: { entityId: string }[]) => [...c].sort((a, b) => a.entityId.localeCompare(b.entityId));
    assert.deepEqual(byId(actual.keyClaims(foldKey(name))), byId(expected.keyClaims(foldKey(name))), name);
  }
}

describe('an update overlay', () => {
  test('finds what a matcher built from the whole updated dataset finds, after any sequence of patches', () => {
    fc.assert(fc.property(baseArb, fc.array(stepArb, { minLength: 1, maxLength: 4 }), fc.array(textArb, { minLength: 3, maxLength: 6 }), (base, steps, texts) => {
      const rows = new Map(base);
      let m = buildMatcher({ entities: datasetOf(rows), exclusions: EXCLUSIONS });
      for (const step of steps) {
        for (const id of step.remove) rows.delete(id);
        for (const [id, aliases] of step.put) rows.set(id, aliases);
        const changed = [...step.remove, ...step.put.map(([id]) => id)];
        const put = new Set(step.put.map(([id]) => id));
        m = updateMatcher(m, changed, datasetOf(rows).filter((e) => put.has(e.id)));
        assertSameScans(m, buildMatcher({ entities: datasetOf(rows), exclusions: EXCLUSIONS }), texts);
      }
      // What IndexedDB keeps: the base and the overlay, loaded again.
      const stored = loadMatcher(structuredClone(serializeMatcher(m)), structuredClone(serializeOverlay(m)));
      assertSameScans(stored, buildMatcher({ entities: datasetOf(rows), exclusions: EXCLUSIONS }), texts);
    }), { numRuns: 300 });
  });

  test('keeps the base as it is and remembers every entity changed since it', () => {
    const base = buildMatcher({ entities: datasetOf(new Map([['e01', [{ text: 'Bashar al-Assad', lang: 'en' }]]])), exclusions: [] });
    const once = updateMatcher(base, ['e02'], [entity('e02', [{ text: 'Esmail Qaani', lang: 'en' }])]);
    const twice = updateMatcher(once, ['e01'], []);
    assert.equal(serializeMatcher(twice), serializeMatcher(base));
    assert.deepEqual(changedSinceBase(twice), ['e01', 'e02']);
    assert.deepEqual(twice.scan('Bashar al-Assad met Esmail Qaani.').mentions.map((x) => x.entityId), ['e02']);
  });

  test('is refused over another base', () => {
    const a = buildMatcher({ entities: ANCHORS, exclusions: [] });
    const b = buildMatcher({ entities: datasetOf(new Map([['e01', [{ text: 'Qaani', lang: 'en' }]]])), exclusions: [] });
    const overlay = serializeOverlay(updateMatcher(a, ['e05'], [entity('e05', [{ text: 'Assad', lang: 'en' }])]));
    assert.throws(() => loadMatcher(serializeMatcher(b), overlay), /another base/);
  });
});
