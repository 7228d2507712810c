/**
 * What one check of the feed decides and does, start to end: the signed index (fetched whole, unconditionally;
 * refused once expired), the version rules, then patches when a chain of them leads from the stored version, or
 * the full pack; every file's size and hash checked against the signed index before it is parsed, and every
 * update validated before it is installed. Any failure leaves the stored dataset as it was and is recorded, in
 * words, for the Updates tab, with the next try backed off (an offline browser is not the feed failing: it is
 * tried again soon, and counts no failure).
 *
 * Everything it touches outside itself comes in `CheckDeps` (the network, the store, the sync state, the alarms,
 * the clock), so it runs in Node against fakes (tests/unit/sync-planning.test.ts); run-check.ts gives it the real
 * ones and holds the job lock.
 */
import type { DatasetPack } from '../../core/dataset/dataset-schema.ts';
import { MAX_FILE_BYTES, MAX_INDEX_BYTES, checkFeedIndex, expiryProblem, type FeedFile, type SignedFeedIndex } from '../../core/feed/feed-index.ts';
import { checkPatchShape, type DatasetPatch } from '../../core/feed/feed-patch.ts';
import { FIRST_RETRY_MS, nextCheckDelay } from '../../core/feed/feed-schedule.ts';
import { verifyFeedIndex } from '../../core/feed/feed-signature.ts';
import { acceptsVersion, planUpdate } from '../../core/feed/feed-version.ts';
import { isLocal, type DatasetInfo } from '../../shared/api/messages.ts';
import type { SyncOutcome, SyncState } from '../../shared/api/sync-api.ts';
import { checkSha256, parseJson, type DownloadOptions } from './download.ts';
import { parsePack } from './parse-pack.ts';
import { FeedError, toSyncError } from './sync-error.ts';
import type { FeedJob } from './sync-job.ts';

export interface CheckDeps {
  /** The stored dataset's info (seeding it from the bundle when there is none). */
  storedDataset(): Promise<DatasetInfo>;
  /** Downloads a file (download.ts: size-capped, stall timeout). */
  download(url: string, options: DownloadOptions): Promise<Uint8Array>;
  installPack(pack: DatasetPack, job: FeedJob): Promise<DatasetInfo>;
  installPatch(patch: DatasetPatch, job: FeedJob): Promise<DatasetInfo>;
  /** Read-modify-write of the persisted sync state. */
  updateState(change: (s: SyncState) => Partial<SyncState>): Promise<SyncState>;
  /** Sets the one-off retry alarm. */
  scheduleRetry(at: number): Promise<void>;
  /** Wall-clock time (epoch ms): expiry and the schedule. */
  now(): number;
  /** In [0, 1): spreads the backoff, so readers who failed together don't retry together. */
  random(): number;
}

type Keep = Pick<SyncState, 'feedUrl' | 'indexExpires' | 'signedBy'>;

/** Checks the feed of `job` and records the outcome in the sync state. */
export async function checkFeed(job: FeedJob, deps: CheckDeps): Promise<SyncOutcome> {
  try {
    job.report('index');
    const stored = await deps.storedDataset();
    const fetched = await job.time('index', () =>
      deps.download(job.feed.feedUrl, { stallTimeoutMs: job.feed.stallTimeoutMs, maxBytes: MAX_INDEX_BYTES }));
    const { signed, signedBy } = await verifiedIndex(parseJson(fetched, 'badIndex', 'The feed index'), job);
    // An expired index is an old copy (or a host holding updates back): not even "nothing new" is believed.
    const expired = expiryProblem(signed.index, deps.now());
    if (expired) throw new FeedError('expired', expired);
    const keep: Keep = { feedUrl: job.feed.feedUrl, indexExpires: Date.parse(signed.index.expires), signedBy };
    const plan = planUpdate({ ...stored, local: isLocal(stored) }, signed.index);
    switch (plan.kind) {
      case 'up-to-date':
        return await succeed('upToDate', stored.version, keep, job, deps);
      case 'rollback':
        throw new FeedError('rollback', `the feed offers version ${plan.offered}; version ${plan.stored} is installed`);
      case 'other-dataset':
        throw new FeedError('otherDataset', `the feed publishes "${plan.offered}"; "${plan.stored}" is installed`);
      case 'patches': {
        let version = stored.version;
        for (const ref of plan.chain) {
          const patch = await fetchPatch(ref, signed, job, deps);
          version = (await deps.installPatch(patch, job)).version;
        }
        return await succeed('updated', version, keep, job, deps);
      }
      case 'full': {
        const pack = await fetchPack(signed, job, deps);
        const now = await deps.storedDataset();
        if (!acceptsVersion({ ...now, local: isLocal(now) }, pack)) throw new FeedError('rollback', `version ${pack.version} is not newer`);
        const info = await deps.installPack(pack, job);
        return await succeed('updated', info.version, keep, job, deps);
      }
    }
  } catch (err) {
    return fail(err, deps);
  }
}

async function succeed(result: 'updated' | 'upToDate', version: number, keep: Keep, job: FeedJob, deps: CheckDeps): Promise<SyncOutcome> {
  const timings = job.finishTimings();
  const now = deps.now();
  await deps.updateState(() => ({
    ...keep, lastCheckAt: now, lastSuccessAt: now, lastResult: result, lastError: undefined, failures: 0,
    nextCheckAt: now + nextCheckDelay(0), ...(result === 'updated' ? { timings } : {}),
  }));
  return { ok: true, result, version };
}

/** Records a failed check: one more failure (unless offline), and the retry it backs off to. */
async function fail(err: unknown, deps: CheckDeps): Promise<SyncOutcome> {
  const error = toSyncError(err);
  const offline = error.code === 'offline';
  const state = await deps.updateState((s) => {
    const failures = offline ? s.failures : s.failures + 1;
    const now = deps.now();
    return {
      lastCheckAt: now, lastResult: offline ? 'offline' : 'failed', lastError: error, failures,
      nextCheckAt: now + (offline ? FIRST_RETRY_MS : nextCheckDelay(failures, deps.random())),
    };
  });
  await deps.scheduleRetry(state.nextCheckAt!);
  return { ok: false, error };
}

async function verifiedIndex(parsed: unknown, job: FeedJob): Promise<{ signed: SignedFeedIndex; signedBy: string }> {
  const checked = checkFeedIndex(parsed);
  if (!checked.ok) throw new FeedError('badIndex', checked.problem);
  const signature = await verifyFeedIndex(crypto.subtle, checked.index, job.feed.trustedKeys);
  if (!signature.ok) {
    const ids = checked.index.signatures.map((s) => s.keyId).join(', ');
    throw new FeedError(signature.reason === 'unknown-key' ? 'unknownKey' : 'badSignature', `signed by ${ids}`);
  }
  return { signed: checked.index, signedBy: signature.keyId };
}

/** Downloads a file the signed index lists, checking its size and hash; returns the bytes. */
async function fetchListed(file: FeedFile, job: FeedJob, deps: CheckDeps): Promise<Uint8Array> {
  const url = new URL(file.url, job.feed.feedUrl);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new FeedError('badIndex', `${file.url} is not an http(s) URL`);
  job.report('download', 0, file.size);
  const got = await job.time('download', () =>
    deps.download(url.href, {
      stallTimeoutMs: job.feed.stallTimeoutMs, maxBytes: MAX_FILE_BYTES, expectedSize: file.size,
      onProgress: (done, total) => job.report('download', done, total),
    }));
  job.report('verify');
  await job.time('verify', () => checkSha256(got, file.sha256, url.href));
  return got;
}

async function fetchPack(signed: SignedFeedIndex, job: FeedJob, deps: CheckDeps): Promise<DatasetPack> {
  const bytes = await fetchListed(signed.index.pack, job, deps);
  job.report('validate');
  const pack = await parsePack(bytes, 'feed', job);
  if (pack.datasetId !== signed.index.datasetId || pack.version !== signed.index.version) {
    throw new FeedError('versionMismatch', `the pack is ${pack.datasetId} v${pack.version}; the index promised ${signed.index.datasetId} v${signed.index.version}`);
  }
  return pack;
}

async function fetchPatch(ref: SignedFeedIndex['index']['patches'][number], signed: SignedFeedIndex, job: FeedJob, deps: CheckDeps): Promise<DatasetPatch> {
  const bytes = await fetchListed(ref, job, deps);
  const checked = checkPatchShape(parseJson(bytes, 'schema', 'A patch'));
  if (!checked.ok) throw new FeedError('schema', checked.problem);
  const patch = checked.patch;
  if (patch.datasetId !== signed.index.datasetId || patch.from !== ref.from || patch.to !== ref.to) {
    throw new FeedError('versionMismatch', `the patch leads ${patch.datasetId} ${patch.from}→${patch.to}; the index promised ${ref.from}→${ref.to}`);
  }
  return patch;
}
