/**
 * What a check of the feed decides (src/background/sync/feed-check.ts), in Node: nothing to do, a chain of
 * patches, the full pack, a refusal, and the backoff after failures. The feeds are real (published and signed
 * by scripts/feed.ts into a temporary folder); the network, the store, the sync state, the alarms and the clock
 * are fakes given to the check, so each test says exactly what was fetched, installed and recorded.
 */
import assert from 'node:assert/strict';
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { buildFeed, trustedKeyOf } from '../../scripts/feed.ts';
import { applyPatchToPack } from '../../src/core/feed/feed-patch.ts';
import type { DatasetPack } from '../../src/core/dataset/dataset-schema.ts';
import { CHECK_INTERVAL_MS, FIRST_RETRY_MS, nextCheckDelay } from '../../src/core/feed/feed-schedule.ts';
import type { TrustedKey } from '../../src/core/feed/feed-signature.ts';
import type { DatasetInfo } from '../../src/shared/api/messages.ts';
import type { SyncOutcome, SyncPhase, SyncState } from '../../src/shared/api/sync-api.ts';
import { checkFeed, type CheckDeps } from '../../src/background/sync/feed-check.ts';
import { FeedError } from '../../src/background/sync/sync-error.ts';
import { SyncJob } from '../../src/background/sync/sync-job.ts';
import { bundledPack } from '../support/pack.ts';
import { nextVersion, person } from '../support/sync-packs.ts';

/** When the feeds are signed; they expire two weeks later. */
const SIGNED_AT = Date.parse('2027-03-01T00:00:00Z');
const NOW = SIGNED_AT + 3_600_000;
const ORIGIN = 'https://feed.example';

const key = generateKeyPairSync('ed25519').privateKey;
const stranger = generateKeyPairSync('ed25519').privateKey;
const v1 = bundledPack();
const v2 = nextVersion(v1, (p) => p.entities.push(person(v1, 'zz-two', 'Tamsin Twoson')));
const v3 = nextVersion(v2, (p) => p.entities.push(person(v1, 'zz-three', 'Thaddeus Threeson')));

const root = mkdtempSync(join(tmpdir(), 'dramatis-planning-'));
after(() => rmSync(root, { recursive: true, force: true }));

/** Publishes `packs` in order into folder `name` (each after the first brings a patch from the one before). */
function publish(name: string, packs: DatasetPack[], signer: KeyObject = key, signedAt = SIGNED_AT): string {
  for (const p of packs) buildFeed(join(root, name), p, [signer], { now: signedAt });
  return name;
}

const feeds = {
  same: publish('same', [v1]),
  chain: publish('chain', [v1, v2, v3]),
  fullOnly: publish('full-only', [v3]),
  older: publish('older', [v2]),
  stranger: publish('stranger', [v2], stranger),
  expired: publish('expired', [v2], key, SIGNED_AT - 30 * 86_400_000),
  otherDataset: publish('other-dataset', [{ ...v2, datasetId: 'someone-else' }]),
  tampered: publish('tampered', [v2]),
  dangling: publish('dangling', [nextVersion(v1, (p) => p.entities.push(person(v1, 'zz-dangling', 'Dorian Dangler', {
    affiliations: [{ relation: { en: 'member of', ar: 'عضو في' }, targetId: 'no-such-entity', evidence: [{ articleId: v1.articles[0]!.id, quote: v1.articles[0]!.text.slice(0, 40) }] }],
  })))]),
};
// The pack changed after it was signed: its hash no longer matches the index.
const tamperedPack = join(root, 'tampered', `packs/${v2.datasetId}-2.json`);
writeFileSync(tamperedPack, readFileSync(tamperedPack, 'utf8').replace('Tamsin', 'Tamsim'));

const info = (p: DatasetPack, source: DatasetInfo['source'] = 'feed'): DatasetInfo =>
  ({ datasetId: p.datasetId, version: p.version, published: p.published, entityCount: p.entities.length, source });

/** A browser around the check: what is stored, what it fetched, installed and recorded. */
class World {
  stored: DatasetPack;
  source: DatasetInfo['source'];
  state: SyncState = { failures: 0 };
  fetched: string[] = [];
  installed: string[] = [];
  retries: number[] = [];
  progress: SyncPhase[] = [];
  offline = false;
  now = NOW;

  constructor(stored: DatasetPack, source: DatasetInfo['source'] = 'bundled') {
    this.stored = stored;
    this.source = source;
  }

  readonly deps: CheckDeps = {
    storedDataset: async () => info(this.stored, this.source),
    download: async (url) => {
      if (this.offline) throw new FeedError('offline');
      this.fetched.push(url.slice(ORIGIN.length + 1));
      return new Uint8Array(readFileSync(join(root, new URL(url).pathname)));
    },
    installPack: async (pack) => {
      this.installed.push(`pack ${pack.version}`);
      this.stored = pack;
      this.source = 'feed';
      return info(pack);
    },
    installPatch: async (patch) => {
      this.installed.push(`patch ${patch.from}→${patch.to}`);
      this.stored = applyPatchToPack(this.stored, patch);
      return info(this.stored);
    },
    updateState: async (change) => (this.state = { ...this.state, ...change(this.state) }),
    scheduleRetry: async (at) => void this.retries.push(at),
    now: () => this.now,
    random: () => 0.5,
  };

  check(folder: string, keys: readonly TrustedKey[] = [trustedKeyOf(key)]): Promise<SyncOutcome> {
    const feed = { feedUrl: `${ORIGIN}/${folder}/index.json`, stallTimeoutMs: 1000, trustedKeys: keys, source: 'subscription' as const };
    let tick = 0;
    const job = new SyncJob({ progress: { report: (phase) => void this.progress.push(phase) }, feed, clock: () => (tick += 5) });
    return checkFeed(job, this.deps);
  }
}

const errorOf = (outcome: SyncOutcome) => (outcome.ok ? 'ok' : outcome.error.code);

test('the installed version on offer: nothing to do, only the index fetched, checked again in 6 hours', async () => {
  const world = new World(v1);
  const outcome = await world.check(feeds.same);
  assert.deepEqual(outcome, { ok: true, result: 'upToDate', version: 1 });
  assert.deepEqual(world.fetched, ['same/index.json']);
  assert.deepEqual(world.installed, []);
  assert.equal(world.state.lastResult, 'upToDate');
  assert.equal(world.state.lastSuccessAt, NOW);
  assert.equal(world.state.nextCheckAt, NOW + CHECK_INTERVAL_MS);
  assert.equal(world.state.signedBy, trustedKeyOf(key).keyId);
  assert.equal(world.state.indexExpires, SIGNED_AT + 14 * 86_400_000);
  assert.equal(world.state.timings, undefined, 'timings are kept for an update only');
  assert.deepEqual(world.retries, []);
});

test('a chain of patches from the stored version: each fetched and installed in order, the pack never fetched', async () => {
  const world = new World(v1);
  const outcome = await world.check(feeds.chain);
  assert.deepEqual(outcome, { ok: true, result: 'updated', version: 3 });
  assert.deepEqual(world.installed, ['patch 1→2', 'patch 2→3']);
  assert.deepEqual(world.fetched, ['chain/index.json', `chain/patches/${v1.datasetId}-1-2.json`, `chain/patches/${v1.datasetId}-2-3.json`]);
  assert.deepEqual(world.stored.entities.map((e) => e.id), v3.entities.map((e) => e.id));
  assert.equal(world.state.lastResult, 'updated');
  // Timed by the job (its clock ticks 5 ms a reading): the benchmark reads these.
  assert.ok((world.state.timings?.download ?? 0) > 0 && (world.state.timings?.total ?? 0) > 0, JSON.stringify(world.state.timings));
  assert.ok(world.progress.includes('download') && world.progress.includes('verify'));
});

test('a patch chain only from where the reader is: one version along, one patch', async () => {
  const world = new World(v2);
  assert.deepEqual(await world.check(feeds.chain), { ok: true, result: 'updated', version: 3 });
  assert.deepEqual(world.installed, ['patch 2→3']);
});

test('no patch leads from the stored version: the full pack, parsed and validated, then installed', async () => {
  const world = new World(v1);
  const outcome = await world.check(feeds.fullOnly);
  assert.deepEqual(outcome, { ok: true, result: 'updated', version: 3 });
  assert.deepEqual(world.fetched, ['full-only/index.json', `full-only/packs/${v1.datasetId}-3.json`]);
  assert.deepEqual(world.installed, ['pack 3']);
  assert.ok(world.progress.includes('validate'));
  assert.ok(world.state.timings?.parse !== undefined && world.state.timings.validate !== undefined, JSON.stringify(world.state.timings));
});

test('over imported (local) data, the signed pack replaces it whole, whatever version the import claimed', async () => {
  const world = new World(nextVersion(v1, () => undefined, 500), 'import');
  assert.deepEqual(await world.check(feeds.chain), { ok: true, result: 'updated', version: 3 });
  assert.deepEqual(world.installed, ['pack 3'], 'no patch is applied to rows that are not the publisher\'s');
});

test('refusals: each leaves the data as it was, says why, and counts a failure', async () => {
  const cases: Array<[string, string, DatasetPack]> = [
    [feeds.older, 'rollback', v3],
    [feeds.otherDataset, 'otherDataset', v1],
    [feeds.expired, 'expired', v1],
    [feeds.stranger, 'unknownKey', v1],
    [feeds.tampered, 'hash', v1],
    [feeds.dangling, 'invalid', v1],
  ];
  for (const [folder, code, stored] of cases) {
    const world = new World(stored);
    const outcome = await world.check(folder);
    assert.equal(errorOf(outcome), code, `${folder}: ${JSON.stringify(outcome)}`);
    assert.deepEqual(world.installed, [], `${folder}: nothing installed`);
    assert.equal(world.stored, stored, `${folder}: the data unchanged`);
    assert.equal(world.state.failures, 1, folder);
    assert.equal(world.state.lastResult, 'failed', folder);
    assert.equal(world.state.lastError?.code, code, folder);
  }
});

test('a pack that breaks a rule is refused in the words the Updates tab shows: record, path, message', async () => {
  const world = new World(v1);
  const outcome = await world.check(feeds.dangling);
  assert.ok(!outcome.ok);
  assert.match(outcome.error.detail ?? '', /^zz-dangling: entities\[\d+\]\.affiliations\[0\]\.targetId: /);
});

test('failures back off: the retry comes later after each one, never later than the normal interval; a success resets it', async () => {
  const world = new World(v1);
  const delays: number[] = [];
  for (let i = 1; i <= 8; i++) {
    await world.check(feeds.expired);
    assert.equal(world.state.failures, i);
    delays.push(world.state.nextCheckAt! - NOW);
    assert.equal(world.retries.at(-1), world.state.nextCheckAt, 'the retry alarm is set for the recorded time');
  }
  assert.deepEqual(delays, [1, 2, 3, 4, 5, 6, 7, 8].map((n) => nextCheckDelay(n, 0.5)));
  assert.equal(delays[0], FIRST_RETRY_MS);
  for (let i = 1; i < delays.length; i++) assert.ok(delays[i]! >= delays[i - 1]!, `delay ${i} ≥ delay ${i - 1}: ${delays}`);
  assert.equal(delays.at(-1), CHECK_INTERVAL_MS);

  assert.deepEqual(await world.check(feeds.same), { ok: true, result: 'upToDate', version: 1 });
  assert.equal(world.state.failures, 0);
  assert.equal(world.state.lastError, undefined);
  assert.equal(world.state.nextCheckAt, NOW + CHECK_INTERVAL_MS);
});

test('offline is not the feed failing: no failure counted, tried again in a few minutes', async () => {
  const world = new World(v1);
  world.state = { failures: 3 };
  world.offline = true;
  const outcome = await world.check(feeds.chain);
  assert.equal(errorOf(outcome), 'offline');
  assert.equal(world.state.failures, 3);
  assert.equal(world.state.lastResult, 'offline');
  assert.equal(world.state.nextCheckAt, NOW + FIRST_RETRY_MS);
  assert.deepEqual(world.retries, [NOW + FIRST_RETRY_MS]);
  assert.deepEqual(world.installed, []);
});

test('an index signed by a key the reader did not give is refused before anything else is fetched', async () => {
  const world = new World(v1);
  const outcome = await world.check(feeds.chain, [trustedKeyOf(stranger)]);
  assert.equal(errorOf(outcome), 'unknownKey');
  assert.deepEqual(world.fetched, ['chain/index.json']);
});
