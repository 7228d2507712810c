/**
 * The dataset sources in data/ and `npm run data`: the real data compiles and validates, covers the article's
 * entities with the agreed flags, the generated schema is up to date, and problems are reported against the
 * source file a person has to edit.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { DatasetPack, Entity } from '../../src/core/dataset/dataset-schema.ts';
import { foldKey } from '../../src/core/matching/normalize.ts';
import {
  buildPack,
  formatProblem,
  readSources,
  ROOT,
  SCHEMA_FILE,
  schemaFileText,
  type DataSources,
} from '../../scripts/data.ts';

const ARTICLE_FILE = 'data/articles/000_4f7f3227c46c7de5.txt';
const ARTICLE_ID = 'step-2020-11-22-qaani';
const read = readSources(ROOT);

function build(): DatasetPack {
  const result = buildPack(read.sources);
  assert.deepEqual(result.ok ? [] : result.problems.map(formatProblem), []);
  assert.ok(result.ok);
  return result.pack;
}

function entity(pack: DatasetPack, id: string): Entity {
  const found = pack.entities.find((e) => e.id === id);
  assert.ok(found, `no entity ${id}`);
  return found;
}

/** A copy of the sources with `tamper` applied to the parsed value of one file. */
function tamperedSources(file: string, tamper: (value: any) => void): DataSources {
  const sources = structuredClone(read.sources);
  const all = [sources.dataset, sources.exclusions, ...sources.entities, ...sources.articles.map((a) => a.meta)];
  const source = all.find((s) => s.file === file);
  assert.ok(source, `no source ${file}`);
  tamper(source.value);
  return sources;
}

function problemsOf(sources: DataSources): string[] {
  const result = buildPack(sources);
  assert.equal(result.ok, false, 'expected problems');
  return result.ok ? [] : result.problems.map(formatProblem);
}

test('the sources read cleanly and compile to a valid pack', () => {
  assert.deepEqual(read.problems, []);
  const pack = build();
  assert.equal(pack.datasetId, 'dramatis-core');
  assert.ok(pack.entities.length >= 25 && pack.exclusions.length > 0);
  assert.deepEqual(pack.entities.map((e) => e.id), [...pack.entities.map((e) => e.id)].sort(), 'entities in file-name order');
});

test('the article is bundled verbatim, with its metadata', () => {
  const [article] = build().articles;
  const text = readFileSync(join(ROOT, ARTICLE_FILE), 'utf8');
  assert.equal(article?.id, ARTICLE_ID);
  assert.equal(article.text, text);
  assert.equal(article.title.ar, text.split('\n')[2]);
  assert.equal(article.published, '2020-11-22');
  assert.deepEqual(article.publisher, { ar: 'وكالة ستيب الإخبارية', en: 'Step News Agency' });
  assert.match(article.url, /^https:\/\/stepagency-sy\.net\/2020\/11\/22\//);
});

test('the generated JSON Schema is up to date with the TypeBox source (run `npm run data` if not)', () => {
  assert.equal(readFileSync(join(ROOT, SCHEMA_FILE), 'utf8'), schemaFileText());
});

test('every entity the article names is there, with the right type', () => {
  const pack = build();
  const expected: Record<Entity['type'], string[]> = {
    person: ['esmail-qaani', 'bashar-al-assad', 'hassan-nasrallah', 'mustafa-al-kadhimi', 'donald-trump'],
    organisation: ['quds-force', 'islamic-revolutionary-guard-corps', 'hezbollah', 'popular-mobilization-forces',
      'iraqi-ministry-of-interior', 'syrian-government-assad-era', 'iraqi-government', 'iranian-government'],
    media: ['bbc', 'abc-news'],
    place: ['syria', 'iraq', 'lebanon', 'israel', 'iran', 'united-states', 'damascus', 'baghdad', 'tehran', 'washington'],
  };
  for (const [type, ids] of Object.entries(expected)) {
    for (const id of ids) assert.equal(entity(pack, id).type, type, id);
  }
});

test('every entity is named in the article by one of its aliases, and its display names are aliases', () => {
  const pack = build();
  const text = pack.articles[0]!.text;
  for (const e of pack.entities) {
    // ل + ال is written لل (للنظام الإيراني): the one proclitic that changes the name's own letters.
    const forms = (a: string): string[] => (a.startsWith('ال') ? [a, `ل${a.slice(1)}`] : [a]);
    assert.ok(e.aliases.some((a) => forms(a.text).some((f) => text.includes(f))), `${e.id} is not named in the article`);
    for (const name of [e.name.ar, e.name.en]) {
      const bare = name.replace(/ \(.*\)$/, ''); // "Syrian government (Assad era)" → "Syrian government"
      assert.ok(e.aliases.some((a) => a.text === bare), `${e.id}: its name ${bare} is not an alias`);
    }
  }
});

test('ambiguity flags follow the dataset policy', () => {
  const pack = build();
  const flag = (id: string, text: string): boolean | undefined => {
    const alias = entity(pack, id).aliases.find((a) => a.text === text);
    assert.ok(alias, `${id} has no alias ${text}`);
    return alias.ambiguous === true;
  };
  assert.equal(flag('esmail-qaani', 'قاآني'), false, 'the bare surname is distinctive');
  assert.equal(flag('bashar-al-assad', 'الأسد'), true, 'also "the lion" and other Assads');
  assert.equal(flag('bashar-al-assad', 'Assad'), true);
  assert.equal(flag('hassan-nasrallah', 'نصر الله'), true, 'also "God\'s victory"');
  assert.equal(flag('bashar-al-assad', 'بشار الأسد'), false);
  // القدس alone is Jerusalem far more often than the Quds Force: it must not name anything unambiguously.
  const quds = foldKey('القدس');
  assert.ok(pack.entities.every((e) => e.aliases.every((a) => a.ambiguous || foldKey(a.text) !== quds)));
  // Every entity with ambiguous aliases has a name to license them: a full name, or (for a place without one,
  // where any other alias licenses) a non-ambiguous alias; and "Lebanon" also counts where its page context is.
  for (const e of pack.entities.filter((x) => x.aliases.some((a) => a.ambiguous))) {
    assert.ok(e.aliases.some((a) => a.full) || (e.type === 'place' && e.aliases.some((a) => !a.ambiguous)),
      `${e.id} has ambiguous aliases but no name to license them`);
  }
  assert.equal(flag('lebanon', 'Lebanon'), true, 'also a dozen US towns');
  assert.ok(entity(pack, 'lebanon').aliases.find((a) => a.text === 'Lebanon')?.context?.licensedBy?.includes('hezbollah'));
});

test('every exclusion contains a whole alias (otherwise it shadows nothing and is dead weight)', () => {
  const pack = build();
  const keys = pack.entities.flatMap((e) => e.aliases.map((a) => ` ${foldKey(a.text)} `));
  for (const x of pack.exclusions) {
    const phrase = ` ${foldKey(x.text)} `;
    assert.ok(keys.some((k) => phrase.includes(k) && phrase !== k), `exclusion ${x.text} contains no alias`);
  }
});

test('the article supports the core facts with verbatim evidence', () => {
  const pack = build();
  const role = (id: string) => entity(pack, id).roles[0];
  assert.deepEqual(role('esmail-qaani')?.title.en, 'Commander of the Quds Force');
  assert.equal(role('esmail-qaani')?.orgId, 'quds-force');
  assert.equal(role('bashar-al-assad')?.title.en, 'President of Syria');
  assert.equal(role('hassan-nasrallah')?.title.en, 'Leader of Hezbollah');
  assert.equal(role('mustafa-al-kadhimi')?.title.en, 'Prime Minister of Iraq');
  assert.equal(role('donald-trump')?.title.en, 'President of the United States');
  const met = entity(pack, 'esmail-qaani').affiliations.filter((a) => a.relation.en === 'met');
  assert.deepEqual(met.map((a) => a.targetId).sort(), ['bashar-al-assad', 'hassan-nasrallah', 'mustafa-al-kadhimi']);
  assert.ok(met.every((a) => a.date === '2020-11'), 'the meetings are dated November 2020');
  const partOf = entity(pack, 'quds-force').affiliations.find((a) => a.targetId === 'islamic-revolutionary-guard-corps');
  assert.equal(partOf?.evidence[0]?.quote, 'فيلق القدس، في الحرس الثوري الإيراني');
});

test('a problem is reported against the source file, record and path to edit', () => {
  const quote = problemsOf(tamperedSources('data/entities/esmail-qaani.json', (e) => {
    e.roles[0].evidence[0].quote = 'قائد فيلق القدس إسماعيل قاآني';
  }));
  assert.deepEqual(quote, [
    'data/entities/esmail-qaani.json: esmail-qaani: roles[0].evidence[0].quote: ' +
      `The quote "قائد فيلق القدس إسماعيل قاآني" is not in the text of the article "${ARTICLE_ID}".`,
  ]);
  const exclusion = problemsOf(tamperedSources('data/exclusions.json', (x) => (x[3].lang = 'de')));
  assert.match(exclusion[0] ?? '', /^data\/exclusions\.json: \[3\]\.lang: Expected one of ar, en, fa; got "de"\.$/);
  const link = problemsOf(tamperedSources(ARTICLE_FILE.replace('.txt', '.json'), (a) => (a.url = 'javascript:alert(1)')));
  assert.deepEqual(link, [`${ARTICLE_FILE.replace('.txt', '.json')}: ${ARTICLE_ID}: url: Links must be http(s) URLs; got "javascript:alert(1)".`]);
  const header = problemsOf(tamperedSources('data/dataset.json', (d) => (d.version = 1.5)));
  assert.deepEqual(header, ['data/dataset.json: version: Expected a whole number, got 1.5.']);
});

test('the assembler refuses what the sources must not say', () => {
  const misnamed = problemsOf(tamperedSources('data/entities/iraq.json', (e) => (e.id = 'republic-of-iraq')));
  assert.deepEqual(misnamed, ['data/entities/iraq.json: republic-of-iraq: id: The file of the entity "republic-of-iraq" must be named republic-of-iraq.json.']);
  const compiled = problemsOf(tamperedSources('data/dataset.json', (d) => (d.entities = [])));
  assert.deepEqual(compiled, ['data/dataset.json: entities: "entities" is filled in by the build; remove it.']);
  const text = problemsOf(tamperedSources(ARTICLE_FILE.replace('.txt', '.json'), (a) => (a.text = 'x')));
  assert.deepEqual(text, [`${ARTICLE_FILE.replace('.txt', '.json')}: text: The text comes from ${ARTICLE_FILE}; remove this field.`]);
});

test('npm run data refuses a bidi control in any text, and a version past the ceiling, where they are written', () => {
  const name = problemsOf(tamperedSources('data/entities/iraq.json', (e) => (e.name.en = 'Iraq\u202e')));
  assert.equal(name.length, 1);
  assert.match(name[0]!, /^data\/entities\/iraq\.json: iraq: name\.en: Contains the invisible direction control U\+202E RIGHT-TO-LEFT OVERRIDE/);
  const publisher = problemsOf(tamperedSources(ARTICLE_FILE.replace('.txt', '.json'), (a) => (a.publisher.en = 'Step\u2067')));
  assert.match(publisher[0]!, /publisher\.en: Contains the invisible direction control U\+2067 RIGHT-TO-LEFT ISOLATE/);
  const version = problemsOf(tamperedSources('data/dataset.json', (d) => (d.version = Number.MAX_SAFE_INTEGER)));
  assert.deepEqual(version, [`data/dataset.json: version: Must be at most 1000000000, got ${Number.MAX_SAFE_INTEGER}.`]);
});

test('an edited article text breaks the quotes that relied on it, reported against the entity files', () => {
  const sources = structuredClone(read.sources);
  sources.articles[0]!.text.value = sources.articles[0]!.text.value.replaceAll('بشار الأسد', 'بشار');
  const problems = problemsOf(sources);
  assert.ok(problems.length > 0);
  assert.ok(problems.every((p) => p.startsWith('data/entities/') && p.includes(': The quote ')), problems.join('\n'));
});

test('word lists: "@name" in an alias context is written out from data/word-lists.json; an unknown list is a problem', () => {
  const withList = (lists: unknown, words: string[]): DataSources => {
    const sources = tamperedSources('data/entities/damascus.json', (e) => {
      e.aliases.push({ text: 'Damasco', lang: 'en', context: { notFollowedBy: ['Gate', ...words] } });
    });
    sources.wordLists = { file: 'data/word-lists.json', value: lists };
    return sources;
  };
  const real = read.sources.wordLists?.value as Record<string, unknown> | undefined;
  const lists = { ...real, 'test-states': { note: 'for this test', words: ['Maryland', 'Md.'] } };
  const result = buildPack(withList(lists, ['@test-states']));
  assert.ok(result.ok, result.ok ? '' : result.problems.map(formatProblem).join('\n'));
  const alias = entity(result.pack, 'damascus').aliases.find((a) => a.text === 'Damasco');
  assert.deepEqual(alias?.context?.notFollowedBy, ['Gate', 'Maryland', 'Md.']);

  const unknown = problemsOf(withList(lists, ['@no-such-list']));
  assert.equal(unknown.length, 1);
  assert.match(unknown[0]!, /^data\/entities\/damascus\.json: damascus: aliases\[\d+\]\.context\.notFollowedBy\[1\]: There is no word list "no-such-list"/);
  const malformed = problemsOf(withList({ ...real, 'Bad Name': { words: [] } }, []));
  assert.match(malformed[0]!, /^data\/word-lists\.json: Bad Name: A word list is named in lowercase-and-hyphens/);
});

test('relations say what the tie is, and dates live in their own field (shown muted, after the target)', () => {
  const pack = build();
  for (const e of pack.entities) {
    for (const a of e.affiliations) {
      for (const text of [a.relation.en, a.relation.ar]) {
        assert.doesNotMatch(text, /\d|\(/, `${e.id} → ${a.targetId}: a date or a bracket in the relation "${text}"`);
      }
    }
  }
});

test('every quote of the bundled article has a faithful English translation, marked as such', () => {
  const pack = build();
  const quotes = pack.entities.flatMap((e) => [...e.roles, ...e.affiliations].flatMap((f) => f.evidence));
  assert.ok(quotes.length >= 30);
  for (const ev of quotes) {
    assert.equal(ev.articleId, ARTICLE_ID);
    const en = ev.translation?.en;
    assert.ok(en && /[a-z]/.test(en) && !/[\u0600-\u06ff]/.test(en), `no English translation of ${ev.quote}`);
    assert.equal(ev.translation?.ar, undefined, 'the quote itself is the Arabic');
  }
  // The same words get the same translation wherever they are quoted.
  const byQuote = new Map<string, string>();
  for (const ev of quotes) {
    const seen = byQuote.get(ev.quote);
    if (seen !== undefined) assert.equal(ev.translation?.en, seen, ev.quote);
    byQuote.set(ev.quote, ev.translation!.en!);
  }
});

test('every description names its source and the day it was checked; npm run data requires it', () => {
  const pack = build();
  for (const e of pack.entities) {
    const source = e.descriptionSource;
    assert.ok(source, `${e.id} has no descriptionSource`);
    assert.match(source.url, /^https:\/\/en\.wikipedia\.org\/wiki\/./);
    assert.deepEqual(source.name, { ar: 'ويكيبيديا', en: 'Wikipedia' });
    assert.ok(source.checked >= pack.articles[0]!.published, 'checked after the article it describes');
  }
  const missing = problemsOf(tamperedSources('data/entities/iraq.json', (e) => delete e.descriptionSource));
  assert.equal(missing.length, 1);
  assert.match(missing[0]!, /^data\/entities\/iraq\.json: iraq: descriptionSource: The description needs its source/);
  const bad = problemsOf(tamperedSources('data/entities/iraq.json', (e) => (e.descriptionSource.checked = '2026-02-30')));
  assert.deepEqual(bad, ['data/entities/iraq.json: iraq: descriptionSource.checked: "2026-02-30" is not a day of the calendar.']);
});

test('a translation in the article\'s own language, or an empty one, is refused', () => {
  const same = problemsOf(tamperedSources('data/entities/esmail-qaani.json', (e) => (e.roles[0].evidence[0].translation = { ar: 'نص' })));
  assert.deepEqual(same, [
    'data/entities/esmail-qaani.json: esmail-qaani: roles[0].evidence[0].translation.ar: The article is in "ar", so the quote itself is the text in that language; a translation must be in another language.',
  ]);
  const empty = problemsOf(tamperedSources('data/entities/esmail-qaani.json', (e) => (e.roles[0].evidence[0].translation = {})));
  assert.deepEqual(empty, [
    'data/entities/esmail-qaani.json: esmail-qaani: roles[0].evidence[0].translation: Give at least one translation ("en" or "ar"), or leave the field out.',
  ]);
});
