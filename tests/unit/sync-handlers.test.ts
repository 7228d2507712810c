/**
 * The Updates tab's requests (src/background/sync-handlers.ts), answered from a fake sync service: what each
 * asks of the sync code, with which params, and the status's answer when the dataset can't be read.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { syncHandlersOf, type SyncService } from '../../src/background/sync-handlers.ts';
import type { RequestContext } from '../../src/shared/api/messages.ts';
import type { SyncOutcome } from '../../src/shared/api/sync-api.ts';
import { bundledPack } from '../support/pack.ts';

const fromPanel: RequestContext = { from: 'extension' };
const updated: SyncOutcome = { ok: true, result: 'updated', version: 2 };
const dataset = { datasetId: 'dramatis-core', version: 1, published: '2027-01-01T00:00:00Z', entityCount: 25 };
const feed = { url: 'https://feed.example/index.json', source: 'subscription' as const, keys: [{ keyId: 'k1' }] };

/** A sync service that records each call as `name(args)` and answers `updated`. */
function fakeService(overrides: Partial<SyncService> = {}): { service: SyncService; calls: string[] } {
  const calls: string[] = [];
  const record = <T>(name: string, answer: T) => async (...args: unknown[]) => {
    calls.push(`${name}(${args.map((a) => (a === undefined ? 'undefined' : JSON.stringify(a))).join(', ')})`);
    return answer;
  };
  const service: SyncService = {
    storedDataset: record('storedDataset', dataset),
    loadState: record('loadState', { failures: 2 }),
    loadProgress: record('loadProgress', null),
    feedInfo: record('feedInfo', feed),
    runCheck: record('runCheck', updated),
    stageChunk: record('stageChunk', { received: 4 }),
    commitImport: record('commitImport', updated),
    restorePublished: record('restorePublished', updated),
    exportDataset: record('exportDataset', bundledPack()),
    subscribeFeed: record('subscribeFeed', { ok: true, feed, check: updated }),
    removeFeed: record('removeFeed', { removed: true }),
    ...overrides,
  };
  return { service, calls };
}

test('the status gathers the dataset, the state, the progress and the feed', async () => {
  const { service } = fakeService();
  const status = await syncHandlersOf(service).getSyncStatus({}, fromPanel);
  assert.deepEqual(status, { dataset, state: { failures: 2 }, progress: null, feed });
});

test('a dataset that cannot be read shows as none: the status still answers, with the state that says why', async () => {
  const { service } = fakeService({ storedDataset: () => Promise.reject(new Error('entity bucket 7 is not a list')) });
  const status = await syncHandlersOf(service).getSyncStatus({}, fromPanel);
  assert.equal(status.dataset, null);
  assert.deepEqual(status.state, { failures: 2 });
});

test('"Check now" is a manual check (it waits for a running job instead of skipping)', async () => {
  const { service, calls } = fakeService();
  assert.deepEqual(await syncHandlersOf(service).checkNow({}, fromPanel), updated);
  assert.deepEqual(calls, ['runCheck(true)']);
});

test('an import passes its pieces and its commit on as sent, the file name included', async () => {
  const { service, calls } = fakeService();
  const handlers = syncHandlersOf(service);
  assert.deepEqual(await handlers.importChunk({ importId: 'import-1', index: 3, text: '"x"' }, fromPanel), { received: 4 });
  assert.deepEqual(await handlers.importCommit({ importId: 'import-1', count: 4, fileName: 'mine.json' }, fromPanel), updated);
  await handlers.importCommit({ importId: 'import-2', count: 1 }, fromPanel);
  assert.deepEqual(calls, [
    'stageChunk("import-1", 3, "\\"x\\"")',
    'commitImport("import-1", 4, "mine.json")',
    'commitImport("import-2", 1, undefined)',
  ]);
});

test('subscribing passes the request whole; removing and restoring ask for nothing else', async () => {
  const { service, calls } = fakeService();
  const handlers = syncHandlersOf(service);
  const request = { feedUrl: 'https://feed.example/index.json', publicKey: 'AAAA' };
  assert.equal((await handlers.subscribeFeed(request, fromPanel)).ok, true);
  assert.deepEqual(await handlers.removeFeed({}, fromPanel), { removed: true });
  assert.deepEqual(await handlers.restorePublished({}, fromPanel), updated);
  assert.deepEqual(calls, [`subscribeFeed(${JSON.stringify(request)})`, 'removeFeed()', 'restorePublished()']);
});
