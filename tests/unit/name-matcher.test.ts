import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Alias, Entity, Exclusion } from '../../src/core/dataset/dataset-schema.ts';
import { buildMatcher, type Matcher } from '../../src/core/matching/name-matcher.ts';

type Spec = [text: string, lang: Alias['lang'], kind?: 'full' | 'ambiguous'];

function entity(id: string, specs: Spec[]): Entity {
  const aliases = specs.map(([text, lang, kind]): Alias => ({ text, lang, ...(kind ? { [kind]: true } : {}) }));
  return {
    id, type: 'person', name: { ar: id, en: id }, description: { ar: id, en: id }, aliases, roles: [], affiliations: [],
  };
}

const exclusion = (text: string, lang: Alias['lang']): Exclusion => ({ text, lang, note: 'names nothing' });

const ENTITIES = [
  entity('bashar-al-assad', [
    ['بشار الأسد', 'ar', 'full'], ['الأسد', 'ar', 'ambiguous'], ['بشار اسد', 'fa', 'full'],
    ['Bashar al-Assad', 'en', 'full'], ['al-Assad', 'en', 'ambiguous'], ['Assad', 'en', 'ambiguous'],
  ]),
  entity('hassan-nasrallah', [
    ['حسن نصر الله', 'ar', 'full'], ['نصر الله', 'ar', 'ambiguous'], ['Hassan Nasrallah', 'en', 'full'],
  ]),
  entity('esmail-qaani', [
    ['إسماعيل قاآني', 'ar', 'full'], ['قاآني', 'ar'], ['قآني', 'ar'], ['Esmail Qaani', 'en', 'full'], ['Qaani', 'en'],
    ["Qa'ani", 'en'],
  ]),
  entity('hezbollah', [['حزب الله', 'ar'], ['Hezbollah', 'en']]),
  entity('irgc', [['الحرس الثوري', 'ar'], ['الحرس الثوري الإيراني', 'ar'], ['IRGC', 'en']]),
  entity('israel', [['إسرائيل', 'ar'], ['Israel', 'en']]),
  entity('iran', [['إيران', 'ar'], ['Iran', 'en']]),
  entity('damascus', [['دمشق', 'ar'], ['Damascus', 'en']]),
  entity('lebanon', [['لبنان', 'ar']]),
  entity('washington', [['Washington', 'en'], ['واشنطن', 'ar']]),
  entity('bbc', [['BBC', 'en']]),
];
const EXCLUSIONS = [
  exclusion('كتائب حزب الله', 'ar'), exclusion('Washington Post', 'en'), exclusion('حافظ الأسد', 'ar'),
  exclusion('Hafez al-Assad', 'en'),
];
const matcher = buildMatcher({ entities: ENTITIES, exclusions: EXCLUSIONS });

/** Mentions as [covered substring, entity id], the easiest form to read in an assertion. */
function found(text: string, licensed?: ReadonlySet<string>, m: Matcher = matcher): [string, string][] {
  return m.scan(text, licensed).mentions.map((x) => [text.slice(x.start, x.end), x.entityId]);
}
const BASHAR = new Set(['bashar-al-assad']);

describe('offsets', () => {
  test('a proclitic stays outside the mention', () => {
    assert.deepEqual(matcher.scan('وحسن نصر الله').mentions, [{ start: 1, end: 13, entityId: 'hassan-nasrallah' }]);
  });

  test('ل + ال: the mention starts at the second lam (the name’s alef is not on the page)', () => {
    assert.deepEqual(matcher.scan('للحرس الثوري').mentions, [{ start: 1, end: 12, entityId: 'irgc' }]);
    assert.deepEqual(found('للأسد', BASHAR), [['لأسد', 'bashar-al-assad']]);
    assert.deepEqual(found('وللحرس الثوري'), [['لحرس الثوري', 'irgc']]);
  });

  test('offsets are UTF-16 offsets into the original text, diacritics of the last letter included', () => {
    const text = 'قال إسْمَاعِيلُ قَاآنِيُّ، ثم';
    const [m] = matcher.scan(text).mentions;
    assert.equal(text.slice(m!.start, m!.end), 'إسْمَاعِيلُ قَاآنِيُّ');
  });
});

describe('Arabic proclitics', () => {
  test('و ف ب ل ك and their combinations attach to any name', () => {
    for (const p of ['', 'و', 'ف', 'ب', 'ل', 'ك', 'وب', 'فب', 'ول', 'فل', 'وك']) {
      assert.deepEqual(found(`من ${p}دمشق.`), [['دمشق', 'damascus']], p);
    }
  });

  test('prefixes attach before the article of names that have it: وال بال وبال فبال كال', () => {
    for (const p of ['و', 'ب', 'وب', 'فب', 'ك', 'ف']) {
      assert.deepEqual(found(`${p}الحرس الثوري`), [['الحرس الثوري', 'irgc']], p);
    }
  });

  test('the article is never added to a name without it, and prefixes are not stripped inside words', () => {
    assert.deepEqual(found('الدمشق'), []);
    assert.deepEqual(found('سدمشق'), []);
    assert.deepEqual(found('ووبدمشق'), []);
  });

  test('لـ and quotation marks between the prefix and the name', () => {
    assert.deepEqual(found('لـ"حزب الله"'), [['حزب الله', 'hezbollah']]);
    assert.deepEqual(found('لـ”حزب الله” و«قاآني»'), [['حزب الله', 'hezbollah'], ['قاآني', 'esmail-qaani']]);
    assert.deepEqual(found('“BBC”'), [['BBC', 'bbc']]);
  });
});

describe('English clitics and articles', () => {
  test('a possessive stays outside the mention', () => {
    assert.deepEqual(found("Assad's army", BASHAR), [['Assad', 'bashar-al-assad']]);
    assert.deepEqual(found('Qaani’s trip'), [['Qaani', 'esmail-qaani']]);
    assert.deepEqual(found('Qaanis trip'), [], 'no apostrophe: not a possessive');
  });

  test('al-, Al, el- and dashes vary freely before a surname', () => {
    for (const t of ['al-Assad', 'Al Assad', 'el-Assad', 'Al-Assad', 'al‑Assad', 'al–Assad']) {
      assert.deepEqual(found(`said ${t} today`, BASHAR), [[t, 'bashar-al-assad']], t);
    }
    assert.deepEqual(found('Bashar el-Assad'), [['Bashar el-Assad', 'bashar-al-assad']]);
  });

  test('apostrophe variants fold alike', () => {
    for (const t of ["Qa'ani", 'Qa’ani', 'Qaʼani', 'Qaani']) assert.deepEqual(found(`${t} left`), [[t, 'esmail-qaani']]);
  });
});

describe('whole words only', () => {
  test('adjectives and longer words do not match the names inside them', () => {
    for (const t of ['Israeli', 'الإسرائيلية', 'إسرائيلية', 'إسرائيلي', 'Assadi', 'إيراني', 'الإيراني', 'Iranian', 'IRGCs']) {
      assert.deepEqual(found(t, BASHAR), [], t);
    }
  });

  test('the name itself, next to punctuation, matches', () => {
    assert.deepEqual(found('(Israel), إسرائيل؛ Iran.'), [['Israel', 'israel'], ['إسرائيل', 'israel'], ['Iran', 'iran']]);
  });
});

describe('leftmost-longest and exclusions', () => {
  test('exclusion phrases win over the names inside them', () => {
    assert.deepEqual(found('كتائب حزب الله'), []);
    assert.deepEqual(found('وكتائب حزب الله'), []);
    assert.deepEqual(found('the Washington Post reported'), []);
    assert.deepEqual(found('حافظ الأسد', BASHAR), []);
    assert.deepEqual(found('Hafez al-Assad', BASHAR), []);
  });

  test('the longest name wins, and mentions never overlap', () => {
    assert.deepEqual(found('الحرس الثوري الإيراني'), [['الحرس الثوري الإيراني', 'irgc']]);
    assert.deepEqual(found('حسن نصر الله'), [['حسن نصر الله', 'hassan-nasrallah']]);
    const text = 'بشار الأسد وحسن نصر الله وكتائب حزب الله وحزب الله في Washington';
    const { mentions } = matcher.scan(text);
    for (let i = 1; i < mentions.length; i++) assert.ok(mentions[i]!.start >= mentions[i - 1]!.end);
    assert.deepEqual(mentions.map((m) => m.entityId), ['bashar-al-assad', 'hassan-nasrallah', 'hezbollah', 'washington']);
  });
});

describe('cross-script', () => {
  test('one entity from Arabic, English and Persian-script text', () => {
    assert.deepEqual(found('بشار الأسد'), [['بشار الأسد', 'bashar-al-assad']]);
    assert.deepEqual(found('Bashar al-Assad'), [['Bashar al-Assad', 'bashar-al-assad']]);
    assert.deepEqual(found('با بشار اسد'), [['بشار اسد', 'bashar-al-assad']]);
    assert.deepEqual(found('سردار اسماعیل قاآنی گفت'), [['اسماعیل قاآنی', 'esmail-qaani']], 'Persian ی');
    assert.deepEqual(found('Esmail Qaani'), [['Esmail Qaani', 'esmail-qaani']]);
  });
});

describe('text variation inside names', () => {
  test('diacritics and tatweel inside a name', () => {
    assert.deepEqual(found('قـاآني'), [['قـاآني', 'esmail-qaani']]);
    assert.deepEqual(found('إسْمَاعِيل قَاآنِي'), [['إسْمَاعِيل قَاآنِي', 'esmail-qaani']]);
    assert.deepEqual(found('Qāʾānī'), [['Qāʾānī', 'esmail-qaani']]);
  });

  test('both spellings listed in the data match, each as written', () => {
    assert.deepEqual(found('قاآني وقآني'), [['قاآني', 'esmail-qaani'], ['قآني', 'esmail-qaani']]);
  });

  test('zero-width characters inside and around a name', () => {
    assert.deepEqual(found('إسماعيل\u200c قا\u200bآني'), [['إسماعيل\u200c قا\u200bآني', 'esmail-qaani']]);
    assert.deepEqual(found('\u200fQaani\u200e'), [['Qaani', 'esmail-qaani']]);
  });

  test('any whitespace run, line breaks included, between the words of a name', () => {
    assert.deepEqual(found('حسن\nنصر  الله'), [['حسن\nنصر  الله', 'hassan-nasrallah']]);
    assert.deepEqual(found('Hassan\r\n\tNasrallah'), [['Hassan\r\n\tNasrallah', 'hassan-nasrallah']]);
  });
  test('a quotation mark between the words of a name does not break it', () => {
    const cases: Array<[string, [string, string][]]> = [
      ['زار قائد الحرس "الثوري الإيراني" دمشق أمس', [['الحرس "الثوري الإيراني', 'irgc'], ['دمشق', 'damascus']]],
      ['وصل وفد من «الحرس» الثوري إلى بيروت', [['الحرس» الثوري', 'irgc']]],
      ['قاتل عناصر كتائب "حزب الله" في سوريا', []],
      ['an editorial in the "Washington" Post', []],
      ['“Esmail” Qaani landed', [['Esmail” Qaani', 'esmail-qaani']]],
    ];
    for (const [text, expected] of cases) assert.deepEqual(found(text), expected, text);
  });

  test('hamza and madda spellings of قاآني all fold to one name', () => {
    for (const spelling of ['قاآني', 'قاأني', 'قااني', 'قآاني', 'قآني', 'قاني']) {
      const text = `أعلن ${spelling} أمس`;
      assert.deepEqual(found(text), [[spelling, 'esmail-qaani']], spelling);
    }
  });
});
