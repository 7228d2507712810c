/** Version rules and the check schedule: pure functions of the stored version, the index and the clock. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FeedIndexBody } from '../../src/core/feed-index.ts';
import { CHECK_INTERVAL_MS, FIRST_RETRY_MS, checkDue, nextCheckDelay } from '../../src/core/feed-schedule.ts';
import { acceptsVersion, planUpdate } from '../../src/core/feed-version.ts';

const file = (size: number) => ({ url: 'x.json', size, sha256: '0'.repeat(64) });
const index = (version: number, patches: Array<[number, number]>, packSize = 1000): FeedIndexBody => ({
  feedFormat: 1, datasetId: 'd', version, published: '2027-01-01T00:00:00Z', pack: file(packSize),
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
