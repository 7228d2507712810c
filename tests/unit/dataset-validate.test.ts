/**
 * validatePack on the real pack and on tampered copies of it: each class of error is found, at the right path,
 * naming the record, in words a dataset editor can act on.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DatasetPack, Entity } from '../../src/core/dataset/dataset-schema.ts';
import { validatePack, type ValidationError } from '../../src/core/dataset/dataset-validate.ts';
import { assemblePack, readSources, ROOT } from '../../scripts/data.ts';

const realPack = assemblePack(readSources(ROOT).sources).pack as DatasetPack;

/** A deep copy of the real pack, changed by `tamper`. */
function tampered(tamper: (pack: DatasetPack) => void): DatasetPack {
  const pack = structuredClone(realPack);
  tamper(pack);
  return pack;
}

function entity(pack: DatasetPack, id: string): Entity {
  const found = pack.entities.find((e) => e.id === id);
  assert.ok(found, `no entity ${id}`);
  return found;
}

function indexOf(id: string): number {
  return realPack.entities.findIndex((e) => e.id === id);
}

/** The errors of an invalid pack (fails the test if the pack is valid). */
function errorsOf(candidate: unknown): ValidationError[] {
  const result = validatePack(candidate);
  assert.equal(result.ok, false, 'expected the pack to be rejected');
  return result.ok ? [] : result.errors;
}

test('the real pack validates and comes back as it went in', () => {
  const result = validatePack(realPack);
  assert.deepEqual(result.ok ? [] : result.errors, []);
  assert.ok(result.ok && result.pack === realPack);
});

test('schema: a wrong entity type names the record, the path and the allowed values', () => {
  const errors = errorsOf(tampered((p) => ((entity(p, 'bbc') as { type: string }).type = 'company')));
  assert.equal(errors.length, 1);
  assert.deepEqual(errors[0], {
    path: `entities[${indexOf('bbc')}].type`,
    record: 'bbc',
    message: 'Expected one of person, organisation, media, place; got "company".',
  });
});

test('schema: a missing field is reported once, by name', () => {
  const errors = errorsOf(tampered((p) => delete (entity(p, 'iraq') as Partial<Entity>).name));
  assert.deepEqual(errors, [{ path: `entities[${indexOf('iraq')}].name`, record: 'iraq', message: 'The required field "name" is missing.' }]);
});

test('schema: an unknown field lists the fields there are', () => {
  const [error] = errorsOf(tampered((p) => Object.assign(entity(p, 'iran').aliases[0]!, { confidence: 1 })));
  assert.equal(error?.path, `entities[${indexOf('iran')}].aliases[0].confidence`);
  assert.match(error?.message ?? '', /"confidence" is not a field of this record; the fields are: text, lang, ambiguous, full, exactCase, romanised, context, parts, note\./);
});

test('schema: ids, dates, versions and the format version get messages that say the rule', () => {
  const cases: Array<[(p: DatasetPack) => void, string, RegExp]> = [
    [(p) => (entity(p, 'iraq').id = 'Iraq'), `entities[${indexOf('iraq')}].id`, /lowercase letters, digits and hyphens, starting with a letter or digit; got "Iraq"/],
    [(p) => (p.published = '22/11/2020'), 'published', /date and time such as "2020-11-22T09:30:00Z"/],
    [(p) => (p.version = 0), 'version', /Must be at least 1, got 0/],
    [(p) => ((p as { formatVersion: number }).formatVersion = 2), 'formatVersion', /understands dataset format 1; the pack is format 2/],
    [(p) => (p.articles[0]!.published = '22-11-2020'), 'articles[0].published', /YYYY, YYYY-MM or YYYY-MM-DD/],
    [(p) => (entity(p, 'iraq').aliases[0]!.text = ''), `entities[${indexOf('iraq')}].aliases[0].text`, /Must not be empty/],
  ];
  for (const [tamper, path, message] of cases) {
    const errors = errorsOf(tampered(tamper));
    assert.equal(errors[0]?.path, path);
    assert.match(errors[0]?.message ?? '', message);
  }
});

test('schema: something that is not a pack at all', () => {
  for (const candidate of [null, 42, 'pack', [], undefined]) {
    const errors = errorsOf(candidate);
    assert.equal(errors[0]?.path, '');
  }
});

test('links: a javascript: URL is refused, and so is an http URL that does not parse', () => {
  const js = errorsOf(tampered((p) => (p.articles[0]!.url = 'javascript:alert(1)')));
  assert.deepEqual(js, [{ path: 'articles[0].url', record: 'step-2020-11-22-qaani', message: 'Links must be http(s) URLs; got "javascript:alert(1)".' }]);
  const broken = errorsOf(tampered((p) => (p.articles[0]!.url = 'https://exa mple.com/')));
  assert.equal(broken[0]?.path, 'articles[0].url');
  assert.match(broken[0]?.message ?? '', /valid http\(s\) URLs/);
});

test('evidence: a quote that is not verbatim is found, with a hint about what differs', () => {
  const qaani = indexOf('esmail-qaani');
  // The article writes “قاآني” with curly quotes; straight ones are not the same text.
  const quotes = errorsOf(tampered((p) => {
    const ev = entity(p, 'esmail-qaani').affiliations[0]!.evidence[1]!;
    ev.quote = ev.quote.replace(/[“”]/g, '"');
  }));
  assert.equal(quotes.length, 1);
  assert.equal(quotes[0]?.path, `entities[${qaani}].affiliations[0].evidence[1].quote`);
  assert.equal(quotes[0]?.record, 'esmail-qaani');
  assert.match(quotes[0]?.message ?? '', /is not in the text of the article "step-2020-11-22-qaani" exactly: it differs in diacritics, hamza, quotation marks/);

  const spaces = errorsOf(tampered((p) => {
    const ev = entity(p, 'esmail-qaani').roles[0]!.evidence[0]!;
    ev.quote = ev.quote.replace(' ', '  ');
  }));
  assert.match(spaces[0]?.message ?? '', /differs only in spaces or line breaks/);

  const invented = errorsOf(tampered((p) => (entity(p, 'donald-trump').roles[0]!.evidence[0]!.quote = 'ترامب يزور دمشق')));
  assert.match(invented[0]?.message ?? '', /^The quote "ترامب يزور دمشق" is not in the text of the article "step-2020-11-22-qaani"\.$/);
});

test('dangling ids: orgId, targetId and articleId must resolve', () => {
  const errors = errorsOf(tampered((p) => {
    entity(p, 'bashar-al-assad').roles[0]!.orgId = 'syrian-ministry-of-lions';
    entity(p, 'quds-force').affiliations[0]!.targetId = 'irgc';
    entity(p, 'hezbollah').affiliations[0]!.evidence[0]!.articleId = 'no-such-article';
  }));
  assert.deepEqual(errors.map((e) => [e.record, e.message]), [
    ['bashar-al-assad', 'The role\'s organisation "syrian-ministry-of-lions" is not an entity of the dataset.'],
    ['quds-force', 'The affiliation\'s target "irgc" is not an entity of the dataset.'],
    ['hezbollah', 'The evidence cites the article "no-such-article", which is not in the dataset.'],
  ].sort((a, b) => indexOf(a[0]!) - indexOf(b[0]!)));
});

test('an entity cannot be affiliated with itself', () => {
  const errors = errorsOf(tampered((p) => (entity(p, 'hezbollah').affiliations[0]!.targetId = 'hezbollah')));
  assert.deepEqual(errors.map((e) => e.message), ["The affiliation's target is the entity itself."]);
});

test('duplicate ids: entities and articles', () => {
  const entities = errorsOf(tampered((p) => p.entities.push(structuredClone(entity(p, 'iraq')))));
  assert.ok(entities.some((e) => e.path === `entities[${realPack.entities.length}].id` && e.record === 'iraq' &&
    e.message === `The entity id "iraq" is also used by entities[${indexOf('iraq')}].`));
  const articles = errorsOf(tampered((p) => p.articles.push(structuredClone(p.articles[0]!))));
  assert.deepEqual(articles, [{ path: 'articles[1].id', record: 'step-2020-11-22-qaani', message: 'The article id "step-2020-11-22-qaani" is used by another article too.' }]);
});

test('aliases: a name two entities share must be ambiguous in both, compared after folding', () => {
  // With a shadda and without the hamza: still the same name once folded.
  const clash = errorsOf(tampered((p) => entity(p, 'tehran').aliases.push({ text: 'اسماعيل قاآنيّ', lang: 'ar' })));
  assert.equal(clash.length, 1);
  assert.equal(clash[0]?.record, 'tehran');
  assert.match(clash[0]?.message ?? '', /also names "esmail-qaani" \(entities\[\d+\]\.aliases\[0\]: "إسماعيل قاآني"\); a name two entities share must be marked "ambiguous": true in both\./);

  // Assad's "الأسد" is ambiguous; a second claimant that is not ambiguous conflicts, one that is does not.
  const lion = { text: 'الأسد', lang: 'ar' } as const;
  assert.equal(errorsOf(tampered((p) => entity(p, 'damascus').aliases.push({ ...lion }))).length, 1);
  assert.equal(validatePack(tampered((p) => entity(p, 'damascus').aliases.push({ ...lion, ambiguous: true }))).ok, true);
});

test('aliases: inconsistent flags inside one entity, and ambiguous + full', () => {
  const flags = errorsOf(tampered((p) => entity(p, 'bashar-al-assad').aliases.push({ text: 'الاسد', lang: 'ar' })));
  assert.match(flags[0]?.message ?? '', /matches the same text as aliases\[3\] but has a different "ambiguous" flag/);
  const both = errorsOf(tampered((p) => entity(p, 'iraq').aliases.push({ text: 'Mesopotamia', lang: 'en', ambiguous: true, full: true })));
  assert.match(both[0]?.message ?? '', /marked both "ambiguous" and "full"/);
});

test('aliases: an alias that is also an exclusion would never be found', () => {
  const errors = errorsOf(tampered((p) => entity(p, 'bashar-al-assad').aliases.push({ text: 'HAFEZ AL-ASSAD', lang: 'en' })));
  assert.deepEqual(errors.map((e) => [e.record, e.message]), [
    ['bashar-al-assad', 'The alias "HAFEZ AL-ASSAD" is also the exclusion "Hafez al-Assad", which names nothing, so the alias would never be found.'],
  ]);
});

test('alias rules: exactCase, romanised, page context and parts are checked, and the entities they name exist', () => {
  const at = (id: string) => `entities[${indexOf(id)}].aliases[${realPack.entities[indexOf(id)]!.aliases.length}]`;
  const cases: Array<[string, (p: DatasetPack) => void, string, RegExp]> = [
    ['exactCase without letters', (p) => entity(p, 'iraq').aliases.push({ text: '٢٠٢٠', lang: 'ar', exactCase: true }), '.exactCase', /no letter with a case/],
    ['romanised Arabic script', (p) => entity(p, 'tehran').aliases.push({ text: 'تهرانی', lang: 'fa', romanised: true }), '.romanised', /not in Latin letters/],
    ['romanised and ambiguous', (p) => entity(p, 'tehran').aliases.push({ text: 'Tehrani', lang: 'en', ambiguous: true, romanised: true }), '.romanised', /guesses of a guess/],
    ['romanised without a key', (p) => entity(p, 'tehran').aliases.push({ text: 'Ali', lang: 'en', romanised: true }), '.romanised', /no romanisation key/],
    ['context naming no entity', (p) => entity(p, 'lebanon').aliases.push({ text: 'Liban', lang: 'en', context: { licensedBy: ['beirut'] } }), '.context.licensedBy[0]', /is licensed by "beirut", which is not an entity of the dataset/],
    ['context naming itself', (p) => entity(p, 'lebanon').aliases.push({ text: 'Liban', lang: 'en', context: { licensedBy: ['lebanon'] } }), '.context.licensedBy[0]', /is licensed by the entity itself/],
    ['a refusing word without letters', (p) => entity(p, 'lebanon').aliases.push({ text: 'Liban', lang: 'en', context: { notFollowedBy: [' - '] } }), '.context.notFollowedBy[0]', /no letters or digits/],
    ['parts that are not the words', (p) => entity(p, 'quds-force').aliases.push({ text: 'Pasdaran-QF', lang: 'en', parts: [{ text: 'Pasdaran', entityId: 'islamic-revolutionary-guard-corps' }, { text: 'Quds', entityId: 'quds-force' }] }), '.parts', /must be its words, in order/],
    ['parts without the entity itself', (p) => entity(p, 'quds-force').aliases.push({ text: 'IRGC Hezbollah', lang: 'en', parts: [{ text: 'IRGC', entityId: 'islamic-revolutionary-guard-corps' }, { text: 'Hezbollah', entityId: 'hezbollah' }] }), '.parts', /must name the entity itself/],
    ['a part naming no entity', (p) => entity(p, 'quds-force').aliases.push({ text: 'XYZ QF', lang: 'en', parts: [{ text: 'XYZ', entityId: 'xyz' }, { text: 'QF', entityId: 'quds-force' }] }), '.parts[0].entityId', /names "xyz", which is not an entity/],
  ];
  for (const [name, change, field, message] of cases) {
    const errors = errorsOf(tampered(change));
    const id = errors[0]?.record ?? '';
    assert.equal(errors.length, 1, `${name}: ${JSON.stringify(errors)}`);
    assert.equal(errors[0]?.path, `${at(id)}${field}`, name);
    assert.match(errors[0]?.message ?? '', message, name);
  }
  // The same name twice in one entity, with different rules: the matcher keeps one set per name.
  const twice = errorsOf(tampered((p) => entity(p, 'united-states').aliases.push({ text: 'usa', lang: 'en', exactCase: true })));
  assert.match(twice[0]?.message ?? '', /different exactCase, romanised, context or parts/);
});

test('roles: an end before the start', () => {
  const errors = errorsOf(tampered((p) => Object.assign(entity(p, 'mustafa-al-kadhimi').roles[0]!, { start: '2020-05', end: '2019' })));
  assert.deepEqual(errors.map((e) => e.message), ['The role ends (2019) before it starts (2020-05).']);
  assert.equal(validatePack(tampered((p) => Object.assign(entity(p, 'mustafa-al-kadhimi').roles[0]!, { start: '2020-05', end: '2020' }))).ok, true);
});

test('errors stop at the cap', () => {
  const pack = tampered((p) => p.entities.forEach((e) => (e.affiliations = [{ relation: { ar: 'ب', en: 'b' }, targetId: 'nobody', evidence: [{ articleId: 'x', quote: 'y' }] }])));
  const result = validatePack(pack, 5);
  assert.equal(result.ok ? 0 : result.errors.length, 5);
});

// Scale, not speed: how long validation takes is the bench's to say (`npm run bench`, sync rows: "validate"),
// not a timed test's, which a loaded machine fails at random.
test('100,000 entities with shared and cross-referenced names validate', () => {
  const words = Array.from({ length: 2000 }, (_, i) => `w${i.toString(36)}`);
  const articles = Array.from({ length: 100 }, (_, a) => ({
    ...realPack.articles[0]!,
    id: `article-${a}`,
    text: Array.from({ length: 1000 }, (_, i) => words[(a * 7 + i) % words.length]).join(' '),
  }));
  const entities: Entity[] = Array.from({ length: 100_000 }, (_, i) => {
    const article = articles[i % articles.length]!;
    const at = (i * 13) % 900;
    return {
      id: `entity-${i}`,
      type: 'person',
      name: { ar: `اسم ${i}`, en: `Name ${i}` },
      description: { ar: 'وصف', en: 'A description.' },
      aliases: [
        { text: `Person Number ${i}`, lang: 'en', full: true },
        { text: `Number${i}`, lang: 'en' },
        { text: 'Smith', lang: 'en', ambiguous: true },
      ],
      roles: [{ title: { ar: 'عضو', en: 'Member' }, orgId: `entity-${(i + 1) % 100_000}`,
        evidence: [{ articleId: article.id, quote: article.text.slice(at * 3, at * 3 + 40) }] }],
      affiliations: [],
    };
  });
  const pack: DatasetPack = { ...realPack, articles, entities, exclusions: [] };
  const result = validatePack(pack);
  assert.deepEqual(result.ok ? [] : result.errors.slice(0, 3), []);
});
