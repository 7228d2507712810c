/**
 * The one parse-and-validate path of a pack (src/background/sync/parse-pack.ts), shared by the feed, an imported
 * file and the bundled snapshot: which error each refusal is, and its words (the Updates tab shows them).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parsePack, validationDetail, type PackSource } from '../../src/background/sync/parse-pack.ts';
import { FeedError } from '../../src/background/sync/sync-error.ts';
import { SyncJob } from '../../src/background/sync/sync-job.ts';
import { bundledPack } from '../support/pack.ts';
import { nextVersion, person } from '../support/sync-packs.ts';

const v1 = bundledPack();
const bytes = (value: unknown) => new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));

/** The FeedError `parsePack` throws, as code and detail. */
async function refusal(input: Uint8Array, source: PackSource): Promise<{ code: string; detail: string | undefined }> {
  try {
    await parsePack(input, source);
  } catch (err) {
    assert.ok(err instanceof FeedError, String(err));
    return { code: err.code, detail: err.detail };
  }
  assert.fail('the pack was accepted');
}

test('a valid pack comes back as it was sent', async () => {
  assert.deepEqual(await parsePack(bytes(v1), 'feed'), v1);
});

test('a file that is not JSON: badFile for an import, schema for a feed, each naming what it was', async () => {
  const broken = bytes('{"formatVersion": 1, "entities": [');
  const imported = await refusal(broken, 'import');
  assert.equal(imported.code, 'badFile');
  assert.match(imported.detail ?? '', /^The file is not valid JSON: /);
  const fed = await refusal(broken, 'feed');
  assert.equal(fed.code, 'schema');
  assert.match(fed.detail ?? '', /^The dataset pack is not valid JSON: /);
  assert.match((await refusal(new Uint8Array([0xff, 0xfe, 0x7b]), 'import')).detail ?? '', /^The file is not valid JSON: /, 'not UTF-8 either');
});

test('the wrong shape is schema; the right shape breaking a rule is invalid, said as record: path: message', async () => {
  const robot = nextVersion(v1, (p) => ((p.entities[0] as { type: string }).type = 'robot'));
  const shape = await refusal(bytes(robot), 'import');
  assert.equal(shape.code, 'schema');
  assert.match(shape.detail ?? '', new RegExp(`^${robot.entities[0]!.id}: entities\\[0\\]\\.type: `));
  const dangling = nextVersion(v1, (p) => p.entities.push(person(v1, 'zz-dangling', 'Dorian Dangler', {
    affiliations: [{ relation: { en: 'member of', ar: 'عضو في' }, targetId: 'no-such-entity', evidence: [{ articleId: v1.articles[0]!.id, quote: v1.articles[0]!.text.slice(0, 40) }] }],
  })));
  for (const source of ['feed', 'import'] as const) {
    const rule = await refusal(bytes(dangling), source);
    assert.equal(rule.code, 'invalid', source);
    assert.match(rule.detail ?? '', /^zz-dangling: entities\[\d+\]\.affiliations\[0\]\.targetId: .*no-such-entity/, source);
  }
});

test('validation errors in words: the record first when there is one', () => {
  assert.equal(validationDetail({ record: 'qaani', path: 'entities[3].aliases[0].text', message: 'is empty' }), 'qaani: entities[3].aliases[0].text: is empty');
  assert.equal(validationDetail({ path: 'version', message: 'Must be at most 1000000000' }), 'version: Must be at most 1000000000');
});

test('a job times the parse and the validation', async () => {
  let tick = 0;
  const job = new SyncJob({ progress: { report: () => undefined }, feed: undefined, clock: () => (tick += 2) });
  await parsePack(bytes(v1), 'import', job);
  assert.deepEqual(Object.keys(job.timings).sort(), ['parse', 'validate']);
  assert.equal(job.timings.parse, 2);
});
