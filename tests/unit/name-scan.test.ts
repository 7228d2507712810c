import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Alias, DatasetPack, Entity } from '../../src/core/dataset/dataset-schema.ts';
import { buildMatcher, serializeMatcher, type Matcher } from '../../src/core/matching/name-matcher.ts';
import { referenceScan } from '../support/reference-matcher.ts';

type Spec = [text: string, lang: Alias['lang'], kind?: 'full' | 'ambiguous' | '', more?: Partial<Alias>];

function entity(id: string, specs: Spec[]): Entity {
  const aliases = specs.map(([text, lang, kind, more]): Alias => ({ text, lang, ...(kind ? { [kind]: true } : {}), ...more }));
  return {
    id, type: 'person', name: { ar: id, en: id }, description: { ar: id, en: id }, aliases, roles: [], affiliations: [],
  };
}

/**
 * Keys for every path of the scan: multi-word names in both scripts, names with the article (ل + ال → لل),
 * ambiguous surnames that need licensing and context, exclusions, one-unit keys, keys with punctuation, keys
 * starting with a, e and el (the el → al rule), a key ending in s, and prefixes of one another; and the alias
 * rules: an exact-case abbreviation, romanised names (their spellings found through the romanisation key), page
 * context (licensing entities, refusing words before and after, a given name before), and a compound.
 */
const PACK: Pick<DatasetPack, 'entities' | 'exclusions'> = {
  entities: [
    entity('assad', [['بشار الأسد', 'ar', 'full'], ['الأسد', 'ar', 'ambiguous'], ['Bashar al-Assad', 'en', 'full'],
      ['Assad', 'en', 'ambiguous'], ['al-Assad', 'en', 'ambiguous']]),
    entity('hafez', [['Hafez al-Assad', 'en', 'full'], ['Assad', 'en', 'ambiguous']]),
    entity('nasrallah', [['حسن نصر الله', 'ar', 'full'], ['نصر الله', 'ar', 'ambiguous'], ['Nasrallah', 'en']]),
    entity('qaani', [['إسماعيل قاآني', 'ar', 'full'], ['قاآني', 'ar'], ["Qa'ani", 'en'], ['Esmail Qaani', 'en']]),
    entity('irgc', [['الحرس الثوري', 'ar'], ['الحرس الثوري الإيراني', 'ar'], ['IRGC', 'en']]),
    entity('hezbollah', [['حزب الله', 'ar'], ['Hezbollah', 'en']]),
    entity('damascus', [['دمشق', 'ar'], ['Damascus', 'en']]),
    entity('us', [['U.S.', 'en'], ['AT&T', 'en']]),
    entity('x', [['X', 'en'], ['و', 'ar']]),
    entity('kadi', [['Essam el-Kadi', 'en'], ['al Kadi', 'en'], ['Kadi', 'en', 'ambiguous']]),
    entity('reuters', [['Reuters', 'en'], ['Reuter', 'en']]),
    entity('aoun', [['ميشال عون', 'ar'], ['عون', 'ar', 'ambiguous'], ['Aoun', 'en', 'ambiguous']]),
    entity('ka', [['Ka Ra', 'en'], ['Ka Ra Mo Li', 'en'], ['كا را', 'ar']]),
    entity('usa', [['US', 'en', '', { exactCase: true }], ['United States', 'en']]),
    entity('ghaani', [['Esmail Ghaani', 'en', 'full', { romanised: true, context: { licensedBy: ['irgc'] } }],
      ['Ghaani', 'en', '', { romanised: true, context: { licensedBy: ['irgc'] } }]]),
    entity('pmf', [['Hashd al-Shaabi', 'en', '', { romanised: true, context: { licensedBy: ['usa', 'damascus'] } }],
      ['Mobilization Forces', 'en', 'ambiguous', { context: { licensedBy: ['damascus'], notPrecededBy: ['Iranian'] } }]]),
    entity('lebanon', [['Lebanon', 'en', 'ambiguous', { context: { licensedBy: ['hezbollah'], licensedByWords: ['Beirut', 'Damascus', 'بيروت'], notFollowedBy: ['Ohio', 'Pa.'] } }]]),
    entity('washington', [['Washington', 'en', '', { context: { notAfterGivenName: true, notFollowedBy: ['state'] } }]]),
    entity('qf', [['IRGC-QF', 'en', '', { parts: [{ text: 'IRGC', entityId: 'irgc' }, { text: 'QF', entityId: 'qf' }] }]]),
  ],
  exclusions: [
    { text: 'كتائب حزب الله', lang: 'ar', note: 'x' }, { text: 'Ka Ra Mo', lang: 'en', note: 'x' },
    { text: 'حافظ الأسد', lang: 'ar', note: 'x' },
  ],
};
const PIECES = [
  ...PACK.entities.flatMap((e) => e.aliases.map((a) => a.text)), ...PACK.exclusions.map((x) => x.text),
  'President', 'الرئيس', 'Hafez', 'Maher', 'the', 'Mr.', 'Gen.', 'al', 'El', 'el', 'said', 'قال', 'في', 'Ka', 'Kar',
  'Reutersx', 'إسرائيلية', 'Essam', 'Ra Mo',
  'us', 'Us', 'LET', 'BE', 'Ghani', 'Qani', 'Ismail Ghani', 'Ismail', 'Hashid Shaabi', 'Hashd ash-Sha’bi', 'Ohio',
  'George', 'state', 'Iranian', 'Kane', 'Qa', 'QF', 'IRGC QF', 'Esmaeil', 'Al Ghaani', 'Esmail Ghani’s', 'Beirut',
  'بيروت',
];
const PREFIXES = ['', '', '', 'و', 'ب', 'ل', 'ف', 'ك', 'وب', 'ول', 'فل', 'ال', 'لل', 'ولل'];
const SEPARATORS = [' ', ' ', ' ', ', ', '. ', '\n', '-', '، ', "'s ", '’s ', ' — ', '"', '  ', '\0'];
/** What the fold drops or changes inside words: marks, tatweel, format characters, apostrophes, case. */
const NOISE = ['\u0301', '\u064e', '\u0651', 'ـ', '\u200c', '\u200b', '\u200f', "'", 'É', 'é', 'ā', 'ی', 'ک', 'ة', '😀', '\u{10000}'];

const word = fc.tuple(fc.constantFrom(...PREFIXES), fc.constantFrom(...PIECES), fc.constantFrom(...SEPARATORS))
  .map(([p, w, sep]) => p + w + sep);
const noise = fc.oneof(fc.constantFrom(...NOISE), fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)));
/** Mostly names and words, sometimes noise glued into them. */
const textArb = fc.array(fc.oneof({ weight: 5, arbitrary: word }, { weight: 1, arbitrary: noise }), { maxLength: 30 })
  .map((parts) => parts.join(''));

const matcher = buildMatcher(PACK);

/** Asserts that the matcher scans `text` exactly as the whole-text reference does, in both forms. */
function assertAsReference(m: Matcher, text: string, licensed?: ReadonlySet<string>): void {
  const expected = referenceScan(serializeMatcher(m), text, licensed);
  const result = m.scan(text, licensed);
  assert.deepEqual(result, expected, JSON.stringify(text));
  const compact = m.scanCompact(text, licensed);
  assert.deepEqual(compact.starts.map((start, i) => ({
    start, end: compact.ends[i], entityId: compact.entityIds[compact.entities[i]!],
  })), expected.mentions);
  assert.deepEqual(compact.licensed, expected.licensed);
}

describe('the fast scan finds what the whole-text scan finds', () => {
  test('on random texts of names, prefixes, separators and noise', () => {
    fc.assert(fc.property(textArb, fc.boolean(), (text, given) => {
      assertAsReference(matcher, text, given ? new Set(['assad', 'aoun']) : undefined);
    }), { numRuns: 1500 });
  });

  test('after characters outside the BMP (two code units each), offsets stay those of the text', () => {
    for (const text of ['😀 بشار الأسد ', `\u{10000}${' '.repeat(100)}بشار الأسد `, '😀😀 Bashar al-Assad 😀 دمشق', 'z😀 Damascus']) {
      assertAsReference(matcher, text);
      const found = matcher.scan(text).mentions.map((m) => text.slice(m.start, m.end));
      assert.ok(found.every((s) => ['بشار الأسد', 'Bashar al-Assad', 'دمشق', 'Damascus'].includes(s)), JSON.stringify(found));
      assert.ok(found.length > 0, text);
    }
  });

  test('with a name across each offset of a scan block boundary (8,192 units)', () => {
    for (const name of ['Bashar al-Assad', 'الحرس الثوري', 'وبدمشق', 'Qa\'ani’s', 'Ka Ra Mo Li']) {
      for (let at = 8192 - name.length - 1; at <= 8193; at++) {
        const text = `${'ab '.repeat(at / 3)}${'c'.repeat(at % 3)} ${name} ${'de '.repeat(10)}`;
        assertAsReference(matcher, text);
        assert.ok(matcher.scan(text).mentions.length > 0 || name === 'Ka Ra Mo Li', `${name} at ${at}`);
      }
    }
  });

  test('on long random texts (several blocks)', () => {
    fc.assert(fc.property(fc.array(textArb, { minLength: 200, maxLength: 400 }), (parts) => {
      assertAsReference(matcher, parts.join(' '));
    }), { numRuns: 20 });
  });

  test('when the key set has no Latin a or e keys, and with a dictionary of many similar names', () => {
    const syllables = ['ka', 'ra', 'mo', 'li', 'sa', 'كا', 'را', 'مو', 'لي', 'سا'];
    const names: string[] = [];
    for (let i = 0; i < 400; i++) {
      const s = (k: number) => syllables[(i * 7 + k * 3) % syllables.length]! + syllables[(i + k) % syllables.length]!;
      names.push(`${s(0)} ${s(1)}${i % 3 ? '' : ` ${s(2)}`}`);
    }
    const many = buildMatcher({ entities: names.map((n, i) => entity(`n${i}`, [[n, 'ar']])), exclusions: [] });
    const pieces = fc.constantFrom(...names, ...syllables, 'el', 'e', 'a');
    const arb = fc.array(fc.tuple(fc.constantFrom(...PREFIXES), pieces, fc.constantFrom(...SEPARATORS)), { maxLength: 40 })
      .map((parts) => parts.map((p) => p.join('')).join(''));
    fc.assert(fc.property(arb, (text) => assertAsReference(many, text)), { numRuns: 500 });
  });
});

describe('paths of the fast scan', () => {
  const found = (text: string, licensed?: ReadonlySet<string>): [string, string][] =>
    matcher.scan(text, licensed).mentions.map((m) => [text.slice(m.start, m.end), m.entityId]);

  test('code units first seen in the middle of a text, in a later block', () => {
    const fresh = buildMatcher(PACK);
    const text = `${'Damascus '.repeat(1500)}ǅ ক Damascus ᏣᎳᎩ ⴰ Damascus`;
    assertAsReference(fresh, text);
    assert.equal(fresh.scan(text).mentions.length, 1502);
  });

  test('a name after a word with a mark, apostrophe or format character in it', () => {
    assert.deepEqual(found('Ka\u200bRa Damascus'), [['Damascus', 'damascus']]);
    assert.deepEqual(found("Ka'Ra Damascus"), [['Damascus', 'damascus']]);
    assert.deepEqual(found('Ka Ra\u0301 said'), [['Ka Ra\u0301', 'ka']]);
  });

  test('one-unit keys, keys with punctuation, and a key that is a prefix of a word', () => {
    assert.deepEqual(found('X, AT&T and the U.S. ReutersX Reuters’s و X'), [
      ['X', 'x'], ['AT&T', 'us'], ['U.S.', 'us'], ['Reuters', 'reuters'], ['و', 'x'], ['X', 'x'],
    ]);
  });

  test('el before a Latin word: at a word start, and inside a name', () => {
    assert.deepEqual(found('Essam el-Kadi, Essam al Kadi; El Kadi'), [
      ['Essam el-Kadi', 'kadi'], ['Essam al Kadi', 'kadi'], ['El Kadi', 'kadi'],
    ]);
  });

  test('an English possessive after a name of several words starts the next word', () => {
    assert.deepEqual(found("Bashar al-Assad's X"), [['Bashar al-Assad', 'assad'], ['X', 'x']]);
    assert.deepEqual(found('Ka Ra’s X'), [['Ka Ra', 'ka'], ['X', 'x']]);
  });

  test('licensing context folded from far back: a title before a surname with marks and spaces', () => {
    const text = 'Gen.   al-Aoun? no: Gen. \u200bAoun, الرئيس  عون';
    assertAsReference(matcher, text);
    assert.deepEqual(found(text), [['Aoun', 'aoun'], ['Aoun', 'aoun'], ['عون', 'aoun']]);
    assertAsReference(matcher, `${'ـ'.repeat(5000)} President ${'\u200c'.repeat(3000)}Assad`);
  });
});

describe('alias rules on the fast path', () => {
  const found = (text: string, licensed?: ReadonlySet<string>): [string, string][] => {
    assertAsReference(matcher, text, licensed);
    return matcher.scan(text, licensed).mentions.map((m) => [text.slice(m.start, m.end), m.entityId]);
  };

  test('romanised spellings: licensed by a full name, a title or page context, never over a listed key', () => {
    assert.deepEqual(found('Ismail Ghani met Esmail Ghaani'), [['Ismail Ghani', 'ghaani'], ['Esmail Ghaani', 'ghaani']]);
    assert.deepEqual(found('Ghani met the IRGC. Qani’s aide'), [['Ghani', 'ghaani'], ['IRGC', 'irgc'], ['Qani', 'ghaani']]);
    assert.deepEqual(found('Gen. Ghani spoke'), [['Ghani', 'ghaani']]);
    assert.deepEqual(found('Ghani spoke in Kabul'), []);
    assert.deepEqual(found('Esmaeil Qaani'), [['Qaani', 'qaani']], 'a listed key wins over a spelling around it');
    assert.deepEqual(found('Hashid ash-Sha’bi fighters near Damascus'), [['Hashid ash-Sha’bi', 'pmf'], ['Damascus', 'damascus']]);
    assert.deepEqual(found('hashid shaabi near Damascus'), [['Damascus', 'damascus']], 'lower case is not a name');
    assert.deepEqual(found('Ashraf Ghani and Esmail Ghaani'), [['Esmail Ghaani', 'ghaani']], 'a given name before it');
  });

  test('exact case, page context and compounds', () => {
    assert.deepEqual(found('the US and us; LET US BE; Us'), [['US', 'usa']]);
    assert.deepEqual(found('Lebanon, Ohio and Lebanon near Hezbollah'), [['Lebanon', 'lebanon'], ['Hezbollah', 'hezbollah']]);
    assert.deepEqual(found('Mobilization Forces near Damascus; Iranian Mobilization Forces'), [
      ['Mobilization Forces', 'pmf'], ['Damascus', 'damascus'],
    ]);
    assert.deepEqual(found('George Washington, Washington state, and Washington'), [['Washington', 'washington']]);
    assert.deepEqual(found('the IRGC-QF and IRGC QF'), [['IRGC', 'irgc'], ['QF', 'qf'], ['IRGC', 'irgc'], ['QF', 'qf']]);
  });
});

describe('scanCompact', () => {
  test('lists each entity once, in order of first mention, and is smaller as JSON', () => {
    const text = 'Damascus, دمشق and Hezbollah; Damascus again, then حزب الله and IRGC.';
    const compact = matcher.scanCompact(text);
    assert.deepEqual(compact.entityIds, ['damascus', 'hezbollah', 'irgc']);
    assert.deepEqual(compact.entities, [0, 0, 1, 0, 1, 2]);
    assert.ok(JSON.stringify(compact).length < JSON.stringify(matcher.scan(text)).length);
    assert.deepEqual(JSON.parse(JSON.stringify(compact)), compact, 'plain JSON data');
  });

  test('passes licensing on like scan', () => {
    const first = matcher.scanCompact('Bashar al-Assad arrived.');
    assert.deepEqual(first.licensed, ['assad']);
    const later = matcher.scanCompact('Later Assad left.', new Set(first.licensed));
    assert.deepEqual(later.entityIds, ['assad']);
    assert.deepEqual([later.starts, later.ends], [[6], [11]]);
  });

  test('an empty text, a text without names, and a dictionary without names', () => {
    const none = { starts: [], ends: [], entities: [], entityIds: [], licensed: [] };
    for (const text of ['', 'nothing here', '\0\0']) assert.deepEqual(matcher.scanCompact(text), none);
    const empty = buildMatcher({ entities: [], exclusions: [] });
    assert.deepEqual(empty.scanCompact('وبدمشق وللحرس el Assad و'), none);
  });
});
