/** Version rules and the check schedule: pure functions of the stored version, the index and the clock. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FeedIndexBody } from '../../src/core/feed/feed-index.ts';
import { CHECK_INTERVAL_MS, FIRST_RETRY_MS, STALE_AFTER_MS, checkDue, feedFreshness, nextCheckDelay } from '../../src/core/feed/feed-schedule.ts';
import { expiryProblem } from '../../src/core/feed/feed-index.ts';
import { acceptsVersion, planUpdate } from '../../src/core/feed/feed-version.ts';

const file = (size: number) => ({ url: 'x.json', size, sha256: '0'.repeat(64) });
const index = (version: number, patches: Array<[number, number]>, packSize = 1000): FeedIndexBody => ({
  feedFormat: 1, datasetId: 'd', version, published: '2027-01-01T00:00:00Z', expires: '2027-01-15T00:00:00Z', pack: file(packSize),
  patches: patches.map(([from, size]) => ({ from, to: from + 1, ...file(size) })),
});

test('no stored dataset takes the full pack; the same version is nothing new; an older one is a rollback', () => {
  assert.deepEqual(planUpdate(undefined, index(3, [])), { kind: 'full' });
  assert.deepEqual(planUpdate({ datasetId: 'd', version: 3 }, index(3, [])), { kind: 'up-to-date' });
  assert.deepEqual(planUpdate({ datasetId: 'd', version: 4 }, index(3, [])), { kind: 'rollback', offered: 3, stored: 4 });
  assert.deepEqual(planUpdate({ datasetId: 'e', version: 1 }, index(3, [])), { kind: 'other-dataset', offered: 'd', stored: 'e' });
});

test('a complete, lighter chain of patches is taken; a gap or a heavier chain falls back to the pack', () => {
  const chain = planUpdate({ datasetId: 'd', version: 1 }, index(3, [[1, 10], [2, 10]]));
  assert.equal(chain.kind, 'patches');
  assert.deepEqual(chain.kind === 'patches' && chain.chain.map((p) => p.from), [1, 2]);
  assert.deepEqual(planUpdate({ datasetId: 'd', version: 1 }, index(3, [[2, 10]])), { kind: 'full' });
  assert.deepEqual(planUpdate({ datasetId: 'd', version: 1 }, index(3, [[1, 600], [2, 600]])), { kind: 'full' });
});

test('only a newer version of the same dataset is accepted', () => {
  assert.ok(acceptsVersion(undefined, { datasetId: 'd', version: 1 }));
  assert.ok(acceptsVersion({ datasetId: 'd', version: 1 }, { datasetId: 'd', version: 2 }));
  assert.ok(!acceptsVersion({ datasetId: 'd', version: 2 }, { datasetId: 'd', version: 2 }));
  assert.ok(!acceptsVersion({ datasetId: 'd', version: 2 }, { datasetId: 'd', version: 1 }));
  assert.ok(!acceptsVersion({ datasetId: 'd', version: 1 }, { datasetId: 'e', version: 2 }));
});

test('any signed version of the dataset supersedes local (imported) data, in full, whatever version it claims', () => {
  const local = { datasetId: 'd', version: 1_000_000_000, local: true };
  assert.deepEqual(planUpdate(local, index(2, [[1, 10]])), { kind: 'full' });
  assert.deepEqual(planUpdate({ ...local, version: 2 }, index(2, [])), { kind: 'full' }, 'even the same version: the rows differ');
  assert.deepEqual(planUpdate({ ...local, datasetId: 'e' }, index(2, [])), { kind: 'other-dataset', offered: 'd', stored: 'e' });
  assert.ok(acceptsVersion(local, { datasetId: 'd', version: 2 }));
  assert.ok(!acceptsVersion(local, { datasetId: 'e', version: 2 }));
});

test('checks every 6 hours; after failures, retries back off from 5 minutes, never beyond 6 hours', () => {
  assert.equal(CHECK_INTERVAL_MS, 6 * 3600_000);
  assert.equal(nextCheckDelay(0), CHECK_INTERVAL_MS);
  assert.equal(nextCheckDelay(1, 0.5), FIRST_RETRY_MS);
  assert.equal(nextCheckDelay(2, 0.5), 2 * FIRST_RETRY_MS);
  assert.equal(nextCheckDelay(3, 0.5), 4 * FIRST_RETRY_MS);
  assert.equal(nextCheckDelay(50, 1), CHECK_INTERVAL_MS);
  assert.ok(nextCheckDelay(1, 0) < nextCheckDelay(1, 1), 'jitter spreads retries');
  for (let f = 1; f < 20; f++) assert.ok(nextCheckDelay(f + 1, 0.5) >= nextCheckDelay(f, 0.5));
  assert.ok(checkDue(10, undefined) && checkDue(10, 10) && !checkDue(9, 10));
});

test('an index is believed until it expires, and never for longer than 45 days ahead', () => {
  const now = Date.parse('2027-01-10T00:00:00Z');
  assert.equal(expiryProblem({ expires: '2027-01-15T00:00:00Z' }, now), null);
  assert.match(expiryProblem({ expires: '2027-01-09T23:59:59Z' }, now) ?? '', /expired on 2027-01-09T23:59:59Z/);
  assert.match(expiryProblem({ expires: '2027-01-10T00:00:00Z' }, now) ?? '', /expired/, 'the moment it expires');
  assert.match(expiryProblem({ expires: '2027-03-10T00:00:00Z' }, now) ?? '', /longer than an index may/);
});

test('the data is stale once the believed index expired, or a week went by without a successful check', () => {
  const now = Date.parse('2027-02-01T00:00:00Z');
  assert.deepEqual(feedFreshness({}, now), { stale: false }, 'nothing checked yet: nothing to say');
  assert.deepEqual(feedFreshness({ lastCheckAt: now - 1000 }, now), { stale: true }, 'checked, never confirmed');
  assert.deepEqual(feedFreshness({ lastSuccessAt: now - 1000, indexExpires: now + 1000 }, now), { stale: false });
  assert.deepEqual(feedFreshness({ lastSuccessAt: now - 1000, indexExpires: now - 1 }, now), { stale: true, since: now - 1000 });
  assert.deepEqual(feedFreshness({ lastSuccessAt: now - STALE_AFTER_MS - 1 }, now), { stale: true, since: now - STALE_AFTER_MS - 1 });
});
