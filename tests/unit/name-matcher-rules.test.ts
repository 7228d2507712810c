/**
 * The alias rules of issue 12 on sentences written for these tests, in English and Arabic: exact-case
 * abbreviations, romanised spellings, page context as data (licensing entities, refusing words, a given name
 * before), compounds counted as their parts, first names once the full name is on the page.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Alias, Entity } from '../../src/core/dataset/dataset-schema.ts';
import { buildMatcher } from '../../src/core/matching/name-matcher.ts';

type Spec = [text: string, lang: Alias['lang'], more?: Partial<Alias>];

function entity(id: string, specs: Spec[]): Entity {
  const aliases = specs.map(([text, lang, more]): Alias => ({ text, lang, ...more }));
  return {
    id, type: 'place', name: { ar: id, en: id }, description: { ar: id, en: id }, aliases, roles: [], affiliations: [],
  };
}

const STATES = ['Ohio', 'Pennsylvania', 'Pa.', 'Tennessee', 'Tenn.', 'Oregon', 'Maryland', 'Md.'];
const ENTITIES = [
  entity('usa', [['United States', 'en'], ['US', 'en', { exactCase: true, context: { notFollowedBy: ['$'] } }], ['الولايات المتحدة', 'ar']]),
  entity('iraq', [['Iraq', 'en'], ['العراق', 'ar']]),
  entity('syria', [['Syria', 'en'], ['سوريا', 'ar']]),
  entity('hezbollah', [['Hezbollah', 'en'], ['حزب الله', 'ar']]),
  entity('lebanon', [['لبنان', 'ar'], ['Lebanon', 'en', { ambiguous: true, context: {
    licensedBy: ['hezbollah', 'syria'], licensedByWords: ['Beirut', 'Lebanese', 'بيروت'], notFollowedBy: STATES } }]]),
  entity('washington', [
    ['Washington', 'en', { context: { notAfterGivenName: true, notFollowedBy: ['Post', 'state', ...STATES], notPrecededBy: ['state of'] } }],
    ['واشنطن', 'ar', { context: { notFollowedBy: ['بوست'], notPrecededBy: ['ولاية'] } }],
  ]),
  entity('pmf', [
    ['Popular Mobilization Forces', 'en', { full: true }], ['الحشد الشعبي', 'ar', { full: true }],
    ['Hashd al-Shaabi', 'en', { full: true, romanised: true, context: { licensedBy: ['iraq'] } }],
    ['Mobilization Forces', 'en', { ambiguous: true, context: { licensedBy: ['iraq'], notPrecededBy: ['Iranian', 'Basij'] } }],
    ['الحشد', 'ar', { ambiguous: true, context: { licensedBy: ['iraq'] } }],
  ]),
  entity('qaani', [
    ['Esmail Qaani', 'en', { full: true, romanised: true, context: { licensedBy: ['quds-force'] } }],
    ['Qaani', 'en', { romanised: true, context: { licensedBy: ['quds-force'] } }],
    ['إسماعيل قاآني', 'ar', { full: true }], ['قاآني', 'ar'], ['إسماعيل', 'ar', { ambiguous: true }],
  ]),
  entity('kadhimi', [['Mustafa al-Kadhimi', 'en', { full: true, romanised: true }], ['Kadhimi', 'en', { romanised: true }]]),
  entity('irgc', [['IRGC', 'en'], ['Revolutionary Guards', 'en'], ['الحرس الثوري', 'ar'], ['حرس الثورة', 'ar']]),
  entity('quds-force', [
    ['Quds Force', 'en', { full: true }], ['فيلق القدس', 'ar', { full: true }],
    ['IRGC-QF', 'en', { parts: [{ text: 'IRGC', entityId: 'irgc' }, { text: 'QF', entityId: 'quds-force' }] }],
  ]),
  entity('bashar', [['Bashar al-Assad', 'en', { full: true }], ['Bashar', 'en', { ambiguous: true }],
    ['بشار الأسد', 'ar', { full: true }], ['بشار', 'ar', { ambiguous: true }]]),
];
const matcher = buildMatcher({ entities: ENTITIES, exclusions: [{ text: 'US Open', lang: 'en', note: 'tennis' }] });

/** Mentions as "surface=entity", in order. */
const found = (text: string): string[] => matcher.scan(text).mentions.map((m) => `${text.slice(m.start, m.end)}=${m.entityId}`);

function table(cases: Array<[string, string[]]>): void {
  for (const [text, expected] of cases) assert.deepEqual(found(text), expected, text);
}

describe('exact-case abbreviations', () => {
  test('"US" as written, never "us" or "Us"; not in an all-capitals line, where case says nothing', () => {
    table([
      ['The US embassy said the talks would go on.', ['US=usa']],
      ['He told us the US would not wait for us.', ['US=usa']],
      ['LET US BE CLEAR ABOUT THIS', []],
      ['US TROOPS LEAVE BAGHDAD', []],
      ['A US drone hit the convoy.', ['US=usa']],
      ['Tehran warns US over sanctions', ['US=usa']],
      ['Us and them', []],
      ['She won the US Open twice.', []],
      ['The deal is worth US$5 million to the US Treasury.', ['US=usa']],
      ['قال مسؤول في الـ US إن المحادثات مستمرة', ['US=usa']],
      ['أعلنت الولايات المتحدة أن us لا تعني شيئاً', ['الولايات المتحدة=usa']],
    ]);
  });

  test('an all-capitals dateline still finds a name that is not exact-case', () => {
    table([['WASHINGTON (Reuters) — The US said on Monday', ['WASHINGTON=washington', 'US=usa']]]);
  });
});

describe('romanised spellings', () => {
  test('spellings nobody listed, found through the key where the page licenses them', () => {
    table([
      ['Esmail Qaani visited Baghdad; later Ghaani met officials and Qa’ani left.', ['Esmail Qaani=qaani', 'Ghaani=qaani', 'Qa’ani=qaani']],
      ['The Quds Force chief Ismail Qani arrived.', ['Quds Force=quds-force', 'Ismail Qani=qaani']],
      ['General Ghani inspected the troops.', ['Ghani=qaani']],
      ['Ghani flew to Kabul for talks.', []],
      ['Mustapha Al-Kazemi spoke in Iraq.', ['Iraq=iraq']],
      ['Mustafa al-Kadhimi, and later Moustafa Kazimi, spoke.', ['Mustafa al-Kadhimi=kadhimi', 'Moustafa Kazimi=kadhimi']],
      ['Fighters of the Hashid ash-Sha’bi entered Iraq.', ['Hashid ash-Sha’bi=pmf', 'Iraq=iraq']],
      ['Hashd Shaabi units in Iraq', ['Hashd Shaabi=pmf', 'Iraq=iraq']],
    ]);
  });

  test('lower case and given names before a spelling are not the name; Arabic text is untouched', () => {
    table([
      ['the quds force and ghaani', ['quds force=quds-force']],
      ['The Quds Force met Ashraf Ghani.', ['Quds Force=quds-force']],
      ['التقى قاآني قادة فيلق القدس', ['قاآني=qaani', 'فيلق القدس=quds-force']],
    ]);
  });
});

describe('page context as data', () => {
  test('an ambiguous place counts where the page names what it is tied to, and not before a US state', () => {
    table([
      ['Lebanon hoped to fix the road with federal funds.', []],
      ['Hezbollah fighters returned to Lebanon.', ['Hezbollah=hezbollah', 'Lebanon=lebanon']],
      ['Lebanon, Ohio is far from Syria.', ['Syria=syria']],
      ['Refugees from Syria crossed into Lebanon (Pa.) in the story.', ['Syria=syria']],
      ['عاد مقاتلو حزب الله إلى لبنان', ['حزب الله=hezbollah', 'لبنان=lebanon']],
      ['زار الوفد لبنان أمس', ['لبنان=lebanon']],
      ['Lebanon’s banks reopened in Beirut on Monday.', ['Lebanon=lebanon']],
      ['The Lebanese pound fell again; Lebanon asked for help.', ['Lebanon=lebanon']],
      ['Beirut is 40 km from Lebanon, Pa., says nobody.', []],
    ]);
  });

  test('a licensing word licenses across chunks, and names nothing itself', () => {
    const later = matcher.scan('The port of Beirut reopened.');
    assert.deepEqual(later.mentions, []);
    assert.deepEqual(later.licensed, ['lebanon']);
    assert.deepEqual(matcher.scan('Lebanon hoped for aid.', new Set(later.licensed)).mentions.map((m) => m.entityId), ['lebanon']);
  });

  test('a given name before it, a newspaper or a state after it: another Washington', () => {
    table([
      ['Washington imposed new sanctions.', ['Washington=washington']],
      ['George Washington crossed the Delaware.', []],
      ['The Washington Post reported it; officials in Washington denied it.', ['Washington=washington']],
      ['He lives in Washington state, not in the state of Washington you mean.', []],
      ['Tehran-Washington talks resumed.', ['Washington=washington']],
      ['Washington, Pa. held a parade.', []],
      ['فرضت واشنطن عقوبات جديدة', ['واشنطن=washington']],
      ['نشرت صحيفة واشنطن بوست التقرير', []],
      ['يعيش في ولاية واشنطن', []],
    ]);
  });

  test('a partial name counts where the page names the country it belongs to', () => {
    table([
      ['Mobilization Forces location comes under fire in Baghdad', []],
      ['Mobilization Forces location comes under fire in Iraq', ['Mobilization Forces=pmf', 'Iraq=iraq']],
      ['Iraq said the Iranian Mobilization Forces were not there.', ['Iraq=iraq']],
      ['قصفت طائرة مقرا تابعا للحشد في العراق', ['لحشد=pmf', 'العراق=iraq']],
      ['قال الحشد في العراق إن', ['الحشد=pmf', 'العراق=iraq']],
      ['خرج الحشد إلى الشوارع', []],
    ]);
  });
});

describe('compounds count as their parts', () => {
  test('one mention per part, each of its own entity, both highlighted', () => {
    table([
      ['The IRGC-QF was designated in 2007.', ['IRGC=irgc', 'QF=quds-force']],
      ['The IRGC Quds Force commander arrived.', ['IRGC=irgc', 'Quds Force=quds-force']],
      ['Iran’s Revolutionary Guards-Quds Force', ['Revolutionary Guards=irgc', 'Quds Force=quds-force']],
      ['قائد الحرس الثوري-فيلق القدس', ['الحرس الثوري=irgc', 'فيلق القدس=quds-force']],
    ]);
  });
});

describe('Arabic variants', () => {
  test('a partial organisation name, hamza and madda spellings, a quotation mark inside a name', () => {
    table([
      ['عين قائدا لفيلق القدس التابع لحرس الثورة', ['فيلق القدس=quds-force', 'حرس الثورة=irgc']],
      ['وصل قاأني ثم غادر قااني وعاد قآاني', ['قاأني=qaani', 'قااني=qaani', 'قآاني=qaani']],
      ['هاجمت مواقع تابعة لفيلق "القدس" قرب دمشق', ['فيلق "القدس=quds-force']],
    ]);
  });

  test('a first name alone counts once the full name is on the page', () => {
    table([
      ['استقبل بشار الأسد الوفد، ثم قال بشار إن', ['بشار الأسد=bashar', 'بشار=bashar']],
      ['قال بشار إن الطقس جميل', []],
      ['التقى إسماعيل قاآني قادة الفصائل. وقال إسماعيل إن', ['إسماعيل قاآني=qaani', 'إسماعيل=qaani']],
      ['Bashar al-Assad received them; Bashar spoke first.', ['Bashar al-Assad=bashar', 'Bashar=bashar']],
      ['Bashar spoke first.', []],
    ]);
  });
});
