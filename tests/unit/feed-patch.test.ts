/**
 * Patches: diff and apply round-trip, shape rules, and the incremental check agreeing with validatePack on the
 * patched pack — on the real dataset changed in each way a patch can go wrong, and in ways it can go right.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DatasetPack } from '../../src/core/dataset/dataset-schema.ts';
import { validatePack } from '../../src/core/dataset/dataset-validate.ts';
import { checkPatch } from '../../src/core/feed/feed-patch-check.ts';
import { applyPatchToPack, checkPatchShape, diffPacks } from '../../src/core/feed/feed-patch.ts';
import { claimsFromMatcher } from '../../src/core/feed/feed-patch-claims.ts';
import { buildMatcher, serializeMatcher } from '../../src/core/matching/name-matcher.ts';
import { foldKey } from '../../src/core/matching/normalize.ts';
import { assemblePack, readSources, ROOT } from '../../scripts/data.ts';
import { patchBaseOf } from '../support/patch-base.ts';
import { nextVersion, person } from '../support/sync-packs.ts';

const base = assemblePack(readSources(ROOT).sources).pack as DatasetPack;
const sorted = (p: DatasetPack) => ({ ...p, entities: [...p.entities].sort((a, b) => (a.id < b.id ? -1 : 1)), articles: [...p.articles].sort((a, b) => (a.id < b.id ? -1 : 1)) });

/** The verdicts of both checks on `next` as a patch of `base`. */
function verdicts(next: DatasetPack): { patch: boolean; full: boolean; errors: string[] } {
  const patch = diffPacks(base, next);
  const errors = checkPatch(patch, patchBaseOf(base));
  return { patch: errors.length === 0, full: validatePack(applyPatchToPack(base, patch)).ok, errors: errors.map((e) => e.message) };
}

test('the real dataset is valid to start from', () => assert.ok(validatePack(base).ok));

test('a patch is refused when a text it puts holds a bidi control, as the whole pack would be', () => {
  const next = nextVersion(base, (p) => p.entities.push(person(base, 'zz-bidi', 'Overridden\u202eName')));
  const v = verdicts(next);
  assert.deepEqual([v.patch, v.full], [false, false]);
  assert.match(v.errors.join('\n'), /U\+202E RIGHT-TO-LEFT OVERRIDE/);
  const quiet = verdicts(nextVersion(base, (p) => p.entities.push(person(base, 'zz-plain', 'Plain Name'))));
  assert.deepEqual([quiet.patch, quiet.full], [true, true], 'the same patch without it is accepted');
});

test('diff then apply gives the new pack back, and the patch holds only what changed', () => {
  const next = nextVersion(base, (p) => {
    p.entities.push(person(base, 'zz-one', 'Ottoline Onesie'));
    p.entities[2]!.description.en += ' (edited)';
    p.entities.splice(p.entities.findIndex((e) => e.id === 'zz-one') === -1 ? 0 : 0, 0);
  });
  const patch = diffPacks(base, next);
  assert.deepEqual(patch.entities.put.map((e) => e.id).sort(), ['zz-one', next.entities[2]!.id].sort());
  assert.deepEqual(patch.entities.delete, []);
  assert.equal(patch.exclusions, undefined);
  assert.deepEqual(applyPatchToPack(base, patch), sorted(next));
  assert.ok(checkPatchShape(JSON.parse(JSON.stringify(patch))).ok);
});

test('shape: a patch must step one version, and never put and delete one id', () => {
  const patch = diffPacks(base, nextVersion(base, () => undefined));
  assert.ok(checkPatchShape(patch).ok);
  assert.match((checkPatchShape({ ...patch, to: patch.from + 2 }) as { problem: string }).problem, /leads from/);
  const both = { ...patch, entities: { put: [base.entities[0]!], delete: [base.entities[0]!.id] } };
  assert.match((checkPatchShape(both) as { problem: string }).problem, /both put and deleted/);
  assert.equal(checkPatchShape({ ...patch, entities: { put: [{ id: 'x' }], delete: [] } }).ok, false);
});

const cases: Array<[string, (p: DatasetPack) => void, boolean]> = [
  ['a valid new entity', (p) => p.entities.push(person(base, 'zz-new', 'Nerissa Newton')), true],
  ['a valid edit', (p) => (p.entities[0]!.description.en += '!'), true],
  ['a new entity pointing at nothing', (p) => p.entities.push(person(base, 'zz-bad', 'Bertram Bad', {
    affiliations: [{ relation: { en: 'of', ar: 'من' }, targetId: 'no-such', evidence: [{ articleId: base.articles[0]!.id, quote: base.articles[0]!.text.slice(0, 20) }] }],
  })), false],
  ['deleting an entity others refer to', (p) => {
    const target = base.entities.find((e) => base.entities.some((o) => o.affiliations.some((a) => a.targetId === e.id)))!;
    p.entities = p.entities.filter((e) => e.id !== target.id);
  }, false],
  ['deleting an entity nobody refers to', (p) => {
    const lonely = base.entities.find((e) => !base.entities.some((o) => o.affiliations.some((a) => a.targetId === e.id) || o.roles.some((r) => r.orgId === e.id)))!;
    p.entities = p.entities.filter((e) => e.id !== lonely.id);
  }, true],
  ['a quote not in its article', (p) => p.entities.push(person(base, 'zz-q', 'Quentin Quote', {
    affiliations: [{ relation: { en: 'of', ar: 'من' }, targetId: base.entities[0]!.id, evidence: [{ articleId: base.articles[0]!.id, quote: 'not in the article at all, surely' }] }],
  })), false],
  ['a new name another entity already has, unmarked', (p) => p.entities.push(person(base, 'zz-twin', base.entities[0]!.aliases[0]!.text)), false],
  ['an alias that is an exclusion', (p) => p.entities.push(person(base, 'zz-excl', base.exclusions[0]!.text)), false],
  ['an exclusion that is an alias', (p) => p.exclusions.push({ text: base.entities[0]!.aliases[0]!.text, lang: base.entities[0]!.aliases[0]!.lang, note: 'x' }), false],
  ['an article rewritten under its quotes', (p) => (p.articles[0]!.text = 'Nothing of what was quoted.'), false],
  ['an alias licensed by an entity that does not exist', (p) => p.entities.push({
    ...person(base, 'zz-ctx', 'Cyrus Context'), aliases: [{ text: 'Cyrus', lang: 'en', ambiguous: true, context: { licensedBy: ['no-such'] } }],
  }), false],
  ['an alias licensed by an entity that exists', (p) => p.entities.push({
    ...person(base, 'zz-ctx', 'Cyrus Context'), aliases: [{ text: 'Cyrus Context', lang: 'en' }, { text: 'Cyrus', lang: 'en', ambiguous: true, context: { licensedBy: [base.entities[0]!.id] } }],
  }), true],
  ['a new alias whose context names a new entity', (p) => {
    p.entities.push({ ...person(base, 'zz-ctx', 'Cyrus Context'), aliases: [{ text: 'Cyrus', lang: 'en', ambiguous: true, context: { licensedBy: ['zz-gone'] } }] });
    p.entities.push(person(base, 'zz-gone', 'Gideon Gone'));
  }, true],
  ['a romanised alias without a key', (p) => p.entities.push({ ...person(base, 'zz-rom', 'Ali'), aliases: [{ text: 'Ali', lang: 'en', romanised: true }] }), false],
  ['a role that ends before it starts', (p) => p.entities.push(person(base, 'zz-role', 'Rolanda Role', {
    roles: [{ title: { en: 'chief', ar: 'رئيس' }, start: '2020', end: '2019', evidence: [{ articleId: base.articles[0]!.id, quote: base.articles[0]!.text.slice(0, 20) }] }],
  })), false],
];
for (const [name, change, valid] of cases) {
  test(`the patch check agrees with validatePack: ${name}`, () => {
    const v = verdicts(nextVersion(base, change));
    assert.equal(v.full, valid, `validatePack on the patched pack: ${valid}`);
    assert.equal(v.patch, valid, `checkPatch: ${v.errors.join(' | ')}`);
  });
}

test('deleting an entity that an alias context or a compound part names is refused, as validatePack refuses it', () => {
  const withContext = nextVersion(base, (p) => {
    p.entities.push({ ...person(base, 'zz-ctx', 'Cyrus Context'), aliases: [
      { text: 'Cyrus Context', lang: 'en' },
      { text: 'Cyrus', lang: 'en', ambiguous: true, context: { licensedBy: ['zz-gone'] } },
      { text: 'Cyrus-Gone', lang: 'en', parts: [{ text: 'Cyrus', entityId: 'zz-ctx' }, { text: 'Gone', entityId: 'zz-part' }] },
    ] });
    p.entities.push(person(base, 'zz-gone', 'Gideon Gone'), person(base, 'zz-part', 'Petra Part'));
  });
  assert.ok(validatePack(withContext).ok);
  for (const id of ['zz-gone', 'zz-part']) {
    const next = nextVersion(withContext, (p) => (p.entities = p.entities.filter((e) => e.id !== id)));
    const patch = diffPacks(withContext, next);
    const errors = checkPatch(patch, patchBaseOf(withContext)).map((e) => e.message);
    assert.ok(errors.some((m) => m.includes(`"zz-ctx" still refers to the entity "${id}"`)), errors.join(' | '));
    assert.equal(validatePack(applyPatchToPack(withContext, patch)).ok, false);
  }
});

test('who claims a name, read from the compiled matcher, is what the aliases say', () => {
  const fromMatcher = claimsFromMatcher(buildMatcher(base));
  const fromPack = patchBaseOf(base);
  const keys = new Set([...base.entities.flatMap((e) => e.aliases.map((a) => foldKey(a.text))), ...base.exclusions.map((x) => foldKey(x.text)), 'no such name']);
  const sortClaims = (c: readonly { entityId: string; ambiguous: boolean }[]) => [...c].sort((a, b) => a.entityId.localeCompare(b.entityId));
  for (const key of keys) assert.deepEqual(sortClaims(fromMatcher(key)), sortClaims(fromPack.claimsOf(key)), key);
  assert.ok(keys.size > 20, 'the dataset has names to compare');
  assert.ok([...keys].some((k) => fromPack.claimsOf(k).some((c) => c.ambiguous)), 'including ambiguous ones');
});
