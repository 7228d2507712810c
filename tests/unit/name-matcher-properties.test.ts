import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import type { Alias, DatasetPack, Entity } from '../../src/core/dataset/dataset-schema.ts';
import { buildMatcher, loadMatcher, serializeMatcher, type Matcher, type ScanResult } from '../../src/core/matching/name-matcher.ts';
import { foldForMatch, foldKey, isWordCode } from '../../src/core/matching/normalize.ts';

type Pack = Pick<DatasetPack, 'entities' | 'exclusions'>;
type Spec = [text: string, lang: Alias['lang'], kind?: 'full' | 'ambiguous'];

function entity(id: string, specs: Spec[]): Entity {
  const aliases = specs.map(([text, lang, kind]): Alias => ({ text, lang, ...(kind ? { [kind]: true } : {}) }));
  return {
    id, type: 'person', name: { ar: id, en: id }, description: { ar: id, en: id }, aliases, roles: [], affiliations: [],
  };
}

const PACK: Pack = {
  entities: [
    entity('bashar-al-assad', [
      ['بشار الأسد', 'ar', 'full'], ['الأسد', 'ar', 'ambiguous'], ['Bashar al-Assad', 'en', 'full'],
      ['Assad', 'en', 'ambiguous'],
    ]),
    entity('hassan-nasrallah', [['حسن نصر الله', 'ar', 'full'], ['نصر الله', 'ar', 'ambiguous'], ['Nasrallah', 'en']]),
    entity('esmail-qaani', [['إسماعيل قاآني', 'ar', 'full'], ['قاآني', 'ar'], ['قآني', 'ar'], ["Qa'ani", 'en']]),
    entity('hezbollah', [['حزب الله', 'ar'], ['Hezbollah', 'en']]),
    entity('irgc', [['الحرس الثوري', 'ar'], ['IRGC', 'en']]),
    entity('israel', [['إسرائيل', 'ar'], ['Israel', 'en']]),
    entity('damascus', [['دمشق', 'ar'], ['Damascus', 'en']]),
    entity('lebanon', [['لبنان', 'ar'], ['Lebanon', 'en']]),
  ],
  exclusions: [{ text: 'كتائب حزب الله', lang: 'ar', note: 'x' }, { text: 'Washington Post', lang: 'en', note: 'x' }],
};

/**
 * Checks what every scan must satisfy: mentions sorted, non-overlapping, inside the text; each covers a
 * substring that folds to one of its entity's aliases (or, after ل + ال → لل, to the alias without its ا); each
 * ends at a word end or before an English 's; each starts at a word start or after an Arabic proclitic.
 */
function assertWellFormed(pack: Pack, text: string, result: ScanResult): void {
  const keys = new Map(pack.entities.map((e) => [e.id, new Set(e.aliases.map((a) => foldKey(a.text)))]));
  const { folded, map } = foldForMatch(text);
  let last = 0;
  for (const m of result.mentions) {
    assert.ok(m.start >= last && m.start < m.end && m.end <= text.length, JSON.stringify({ text, m }));
    last = m.end;
    const key = foldKey(text.slice(m.start, m.end));
    const own = keys.get(m.entityId)!;
    const viaLamLam = key.startsWith('ل') && own.has(`ا${key}`) && folded[map.indexOf(m.start) - 1] === 'ل';
    assert.ok(own.has(key) || viaLamLam, `${JSON.stringify(key)} is not an alias of ${m.entityId} in ${JSON.stringify(text)}`);
    const fs = map.indexOf(m.start);
    let fe = fs;
    while (fe < folded.length && map[fe]! < m.end) fe++;
    const after = folded.charCodeAt(fe);
    assert.ok(fe === folded.length || !isWordCode(after) || folded.slice(fe, fe + 2).match(/^s(?![\p{L}\p{N}])/u),
      `ends inside a word: ${JSON.stringify(text)}`);
    let ws = fs;
    while (ws > 0 && isWordCode(folded.charCodeAt(ws - 1))) ws--;
    assert.match(folded.slice(ws, fs), /^(?:[وف]?[بلك]?)$/u, `starts inside a word: ${JSON.stringify(text)}`);
  }
}

const PIECES = [
  ...PACK.entities.flatMap((e) => e.aliases.map((a) => a.text)), ...PACK.exclusions.map((x) => x.text),
  'إسرائيلية', 'الإسرائيلي', 'Israeli', 'Assadi', 'الأسدي', 'قال', 'the', 'said', 'حزب', 'الله', 'نصر', 'Washington',
  'Post', 'بشار', 'Bashar', 'Hafez', 'President', 'الرئيس', 'Qaani',
];
const PREFIXES = ['', '', '', 'و', 'ب', 'ل', 'ف', 'ك', 'وب', 'ول', 'فل', 'ال', 'لـ', 'لـ"', 'س'];
const SEPARATORS = [' ', ' ', '  ', '\n', '، ', '. ', '«', '» ', '“', '” ', "'s ", '’s ', '-', 's ', 'ي '];
const NOISE = ['', '', '', '', 'ـ', 'َ', 'ّ', '\u200c', '\u200b', 'ٌ'];

/** Inserts marks, tatweel or zero-width characters after some Arabic letters. */
const sprinkle = (s: string, picks: number[]): string =>
  [...s].map((ch, i) => (/[\u0600-\u06ff]/u.test(ch) ? ch + NOISE[picks[i % picks.length]! % NOISE.length] : ch)).join('');

const textArb = fc.array(
  fc.tuple(fc.constantFrom(...PREFIXES), fc.constantFrom(...PIECES), fc.constantFrom(...SEPARATORS),
    fc.array(fc.nat(), { minLength: 1, maxLength: 5 })),
  { maxLength: 12 },
).map((parts) => parts.map(([p, w, sep, picks]) => p + sprinkle(w, picks) + sep).join(''));

describe('properties', () => {
  const matcher = buildMatcher(PACK);

  test('every mention is well formed, with and without licensing from earlier chunks', () => {
    fc.assert(fc.property(textArb, fc.boolean(), (text, licensedBefore) => {
      const licensed = licensedBefore ? new Set(['bashar-al-assad', 'hassan-nasrallah']) : undefined;
      assertWellFormed(PACK, text, matcher.scan(text, licensed));
    }), { numRuns: 500 });
  });

  test('a non-ambiguous alias between neutral words is found, whatever its prefix, marks and separators', () => {
    const aliases = PACK.entities.flatMap((e) => e.aliases.filter((a) => !a.ambiguous).map((a) => [e.id, a.text] as const));
    const arb = fc.tuple(fc.constantFrom(...aliases), fc.constantFrom('', 'و', 'ف', 'ب', 'ل', 'ك', 'وب', 'ول', 'فل'),
      fc.constantFrom(' ', '\n', '، ', ' «', ' “'), fc.constantFrom(' ', '. ', '» ', '”', "'s ", '\n'),
      fc.array(fc.nat(), { minLength: 1, maxLength: 5 }));
    fc.assert(fc.property(arb, ([[id, alias], prefix, before, after, picks]) => {
      const arabic = /[\u0600-\u06ff]/u.test(alias);
      // ل + ال is written لل: the alias loses its alef, and the mention starts at the second lam.
      const merged = arabic && prefix.endsWith('ل') && alias.startsWith('ال');
      const name = sprinkle(merged ? alias.slice(1) : alias, picks);
      const text = `قال said${before}${arabic ? prefix : ''}${name}${after}then`;
      const { mentions } = matcher.scan(text);
      assert.equal(mentions.length, 1, JSON.stringify(text));
      assert.equal(mentions[0]!.entityId, id);
      assert.equal(foldKey(text.slice(mentions[0]!.start, mentions[0]!.end)), foldKey(name));
    }), { numRuns: 500 });
  });

  test('a matcher loaded from its structured clone scans exactly like the original', () => {
    const loaded = loadMatcher(structuredClone(serializeMatcher(matcher)));
    fc.assert(fc.property(textArb, (text) => assert.deepEqual(loaded.scan(text), matcher.scan(text))), { numRuns: 200 });
  });
});

describe('serialization', () => {
  test('the serialized form is typed arrays and strings, and its version is checked', () => {
    const s = serializeMatcher(buildMatcher(PACK));
    assert.ok(s.trie.firstChild instanceof Uint32Array && s.trie.nodeChar instanceof Uint16Array);
    assert.ok(s.entries.entryEntity instanceof Int32Array && s.entries.entryFlags instanceof Uint8Array);
    assert.throws(() => loadMatcher({ ...s, foldVersion: s.foldVersion + 1 }), /fold version/);
    assert.throws(() => loadMatcher({ ...s, format: 'other' } as unknown as typeof s), /not a serialized matcher/);
    const empty = { starts: [], ends: [], entities: [], entityIds: [], licensed: [] };
    assert.throws(() => serializeMatcher({ scan: () => ({ mentions: [], licensed: [] }), scanCompact: () => empty, licensesOthers: () => false, keyClaims: () => [] }), TypeError);
  });

  // How fast it loads is the bench's to say (scripts/bench/matcher-node.ts, "load ms"), not a timed test's.
  test('100,000 names load from a structured clone, without a rebuild, and find names', () => {
    const entities: Entity[] = [];
    for (let i = 0; i < 100_000; i++) {
      const t = i % 2 ? `name${i.toString(36)} family${(i * 7919).toString(36)}` : `اسم${i.toString(36)} عائلة`;
      entities.push(entity(`e${i}`, [[t, i % 2 ? 'en' : 'ar']]));
    }
    const stored = structuredClone(serializeMatcher(buildMatcher({ entities, exclusions: [] })));
    const m = loadMatcher(stored);
    assert.equal(serializeMatcher(m).trie, stored.trie, 'the loaded matcher uses the stored arrays as they are');
    const name = `Name1 FAMILY${(7919).toString(36)}`;
    assert.deepEqual(m.scan(`x ${name}.`).mentions, [{ start: 2, end: 2 + name.length, entityId: 'e1' }]);
    assert.deepEqual(m.scan('اسم0 عائلة').mentions, [{ start: 0, end: 10, entityId: 'e0' }]);
  });
});

/** The real dataset, from the compiled pack if `npm run data` has run, else from its sources; undefined if absent. */
function realPack(): Pack | undefined {
  const root = new URL('../../', import.meta.url);
  const packFile = new URL('generated/pack.json', root);
  if (existsSync(packFile)) return JSON.parse(readFileSync(packFile, 'utf8')) as DatasetPack;
  const dir = new URL('data/entities/', root);
  if (!existsSync(dir)) return undefined;
  const entities = readdirSync(dir).filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as Entity);
  const exclusionsFile = new URL('data/exclusions.json', root);
  const exclusions = existsSync(exclusionsFile) ? JSON.parse(readFileSync(exclusionsFile, 'utf8')) : [];
  return { entities, exclusions };
}

describe('the real article', () => {
  const articleFile = new URL('../../data/articles/000_4f7f3227c46c7de5.txt', import.meta.url);
  const pack = realPack();
  const skip = !pack || !existsSync(articleFile) ? 'real data or article not there yet' : false;

  test('names in data/articles/000_4f7f3227c46c7de5.txt', { skip }, () => {
    const text = readFileSync(articleFile, 'utf8');
    const result = buildMatcher(pack!).scan(text);
    assertWellFormed(pack!, text, result);
    const count = (alias: string): number | undefined => {
      const e = pack!.entities.find((x) => x.aliases.some((a) => a.text === alias));
      return e && result.mentions.filter((m) => m.entityId === e.id).length;
    };
    // Facts of the text, whatever else the data holds (checked only for entities that are in it):
    // قاآني ×9 (5 with إسماعيل, 3 in quotes “قاآني”, 1 bare); إسرائيل ×4, never إسرائيلية ×2; بشار الأسد ×3;
    // Nasrallah ×3, once as ونصر الله, licensed by حسن نصر الله AFTER it.
    const expected: [string, number][] = [['إسماعيل قاآني', 9], ['إسرائيل', 4], ['بشار الأسد', 3], ['حسن نصر الله', 3]];
    for (const [alias, n] of expected) {
      const c = count(alias);
      if (c !== undefined) assert.equal(c, n, alias);
    }
    for (const m of result.mentions) assert.ok(!text.slice(m.start, m.end + 1).startsWith('إسرائيلي'));
  });
});
