import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Alias, Entity } from '../../src/core/dataset/dataset-schema.ts';
import { buildMatcher, type Matcher } from '../../src/core/matching/name-matcher.ts';

type Spec = [text: string, lang: Alias['lang'], kind?: 'full' | 'ambiguous'];

function entity(id: string, specs: Spec[]): Entity {
  const aliases = specs.map(([text, lang, kind]): Alias => ({ text, lang, ...(kind ? { [kind]: true } : {}) }));
  return {
    id, type: 'person', name: { ar: id, en: id }, description: { ar: id, en: id }, aliases, roles: [], affiliations: [],
  };
}

const BASHAR = entity('bashar-al-assad', [
  ['بشار الأسد', 'ar', 'full'], ['الأسد', 'ar', 'ambiguous'], ['Bashar al-Assad', 'en', 'full'],
  ['al-Assad', 'en', 'ambiguous'], ['Assad', 'en', 'ambiguous'],
]);
const AOUN = entity('michel-aoun', [['ميشال عون', 'ar'], ['عون', 'ar', 'ambiguous'], ['Aoun', 'en', 'ambiguous']]);
const HAFEZ = entity('hafez-al-assad', [['Hafez al-Assad', 'en', 'full'], ['Assad', 'en', 'ambiguous']]);
/** No exclusions here: the generic given-name rule alone must block "Hafez al-Assad". */
const matcher = buildMatcher({ entities: [BASHAR, AOUN], exclusions: [] });

function found(text: string, licensed?: ReadonlySet<string>, m: Matcher = matcher): [string, string][] {
  return m.scan(text, licensed).mentions.map((x) => [text.slice(x.start, x.end), x.entityId]);
}

describe('licensing of ambiguous aliases', () => {
  test('an ambiguous alias alone is dropped', () => {
    assert.deepEqual(found('زئير الأسد في الغابة'), []);
    assert.deepEqual(found('Assad spoke'), []);
  });

  test('a full name licenses the ambiguous alias after it', () => {
    assert.deepEqual(found('التقى بشار الأسد وفدا، وقال الأسد'), [
      ['بشار الأسد', 'bashar-al-assad'], ['الأسد', 'bashar-al-assad'],
    ]);
  });

  test('a full name licenses the ambiguous alias before it (the whole text is scanned first)', () => {
    assert.deepEqual(found('قال الأسد إن... بحسب بشار الأسد'), [
      ['الأسد', 'bashar-al-assad'], ['بشار الأسد', 'bashar-al-assad'],
    ]);
  });

  test('licensing carries across chunks of one document through `licensed`', () => {
    const first = matcher.scan('Bashar al-Assad arrived.');
    assert.deepEqual(first.licensed, ['bashar-al-assad']);
    assert.deepEqual(found('Later Assad left.', new Set(first.licensed)), [['Assad', 'bashar-al-assad']]);
  });

  test('only licensing names license: an ambiguous alias does not license itself', () => {
    assert.deepEqual(matcher.scan('الأسد').licensed, []);
    assert.deepEqual(matcher.scan('الأسد', new Set(['bashar-al-assad'])).licensed, []);
  });

  test('when no alias is marked full, any non-ambiguous alias licenses', () => {
    assert.deepEqual(found('قال ميشال عون ثم عون'), [['ميشال عون', 'michel-aoun'], ['عون', 'michel-aoun']]);
  });
});

describe('context', () => {
  test('a title before an ambiguous alias decides it when one entity fits', () => {
    assert.deepEqual(found('قال الرئيس الأسد'), [['الأسد', 'bashar-al-assad']]);
    assert.deepEqual(found('والرئيس عون'), [['عون', 'michel-aoun']]);
    assert.deepEqual(found('وللرئيس عون'), [['عون', 'michel-aoun']]);
    assert.deepEqual(found('كبرئيس عون'), [], 'not a proclitic sequence');
    assert.deepEqual(found('President Assad said'), [['Assad', 'bashar-al-assad']]);
    assert.deepEqual(found('President al-Assad said'), [['al-Assad', 'bashar-al-assad']]);
    assert.deepEqual(found('Gen. Aoun said'), [['Aoun', 'michel-aoun']]);
  });

  test('a title cannot choose between two entities that share the alias', () => {
    const m = buildMatcher({ entities: [BASHAR, HAFEZ], exclusions: [] });
    assert.deepEqual(found('President Assad said', undefined, m), []);
    assert.deepEqual(found('Hafez al-Assad. Then Assad.', undefined, m), [
      ['Hafez al-Assad', 'hafez-al-assad'], ['Assad', 'hafez-al-assad'],
    ]);
  });

  test('a bare surname after another capitalised given name is another person, licensed or not', () => {
    const text = 'Bashar al-Assad succeeded Hafez al-Assad; Maher Assad leads a division.';
    assert.deepEqual(found(text), [['Bashar al-Assad', 'bashar-al-assad']]);
  });

  test('lower-case words, titles, possessives and the entity’s own names do not block', () => {
    const licensed = new Set(['bashar-al-assad']);
    assert.deepEqual(found('the Assad regime', licensed), [['Assad', 'bashar-al-assad']]);
    assert.deepEqual(found("Syria's Assad", licensed), [['Assad', 'bashar-al-assad']]);
    assert.deepEqual(found('Bashar Assad', licensed), [['Assad', 'bashar-al-assad']]);
    assert.deepEqual(found('On Monday Assad said', licensed), [['Assad', 'bashar-al-assad']]);
  });

  test('Arabic has no capitals: a preceding word does not block, exclusions and licensing decide', () => {
    assert.deepEqual(found('بشار الأسد. ماهر الأسد'), [['بشار الأسد', 'bashar-al-assad'], ['الأسد', 'bashar-al-assad']]);
    const withExclusion = buildMatcher({
      entities: [BASHAR], exclusions: [{ text: 'ماهر الأسد', lang: 'ar', note: 'his brother' }],
    });
    assert.deepEqual(found('بشار الأسد. ماهر الأسد', undefined, withExclusion), [['بشار الأسد', 'bashar-al-assad']]);
  });
});

describe('entities sharing a key', () => {
  test('a licensed entity is preferred (one sense per discourse)', () => {
    const beirut = entity('aoun-street', [['Aoun', 'en']]);
    const m = buildMatcher({ entities: [beirut, AOUN], exclusions: [] });
    assert.deepEqual(found('Aoun', undefined, m), [['Aoun', 'aoun-street']]);
    assert.deepEqual(found('Aoun', new Set(['michel-aoun']), m), [['Aoun', 'michel-aoun']]);
  });
});
