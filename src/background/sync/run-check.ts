/**
 * One check of the feed, start to end: the signed index (fetched whole, unconditionally; refused once expired), the version rules, then patches
 * when a chain of them leads from the stored version, or the full pack; every file's size and hash checked
 * against the signed index before it is parsed, and every update validated before it is installed. Any
 * failure leaves the stored dataset as it was and is recorded, in words, for the Updates tab.
 */
import { Value } from '@sinclair/typebox/value';
import { DatasetPack } from '../../core/dataset/dataset-schema.ts';
import { validatePack } from '../../core/dataset/dataset-validate.ts';
import { MAX_FILE_BYTES, MAX_INDEX_BYTES, checkFeedIndex, expiryProblem, type FeedFile, type SignedFeedIndex } from '../../core/feed/feed-index.ts';
import { checkPatchShape, type DatasetPatch } from '../../core/feed/feed-patch.ts';
import { FIRST_RETRY_MS, nextCheckDelay } from '../../core/feed/feed-schedule.ts';
import { verifyFeedIndex } from '../../core/feed/feed-signature.ts';
import { acceptsVersion, planUpdate } from '../../core/feed/feed-version.ts';
import { isLocal } from '../../shared/api/messages.ts';
import type { SyncOutcome } from '../../shared/api/sync-api.ts';
import { ensureDataset } from '../store/bundled-pack.ts';
import { checkSha256, download, parseJson } from './download.ts';
import { feedConfig, type FeedConfig } from './feed-config.ts';
import { installFullPack, installPatch, timed, type Timings } from './install-update.ts';
import { withJobLock } from './job-lock.ts';
import { ensurePeriodicAlarm, scheduleRetry } from './scheduler-alarms.ts';
import { FeedError, toSyncError } from './sync-error.ts';
import { ProgressReporter, updateSyncState } from './sync-state.ts';

/** Checks the feed. Manual checks wait for a running job; scheduled ones skip if one runs. */
export function runCheck(manual: boolean): Promise<SyncOutcome> {
  return withJobLock('check', manual, () => check());
}

async function check(): Promise<SyncOutcome> {
  const progress = new ProgressReporter('check');
  const timings: Timings = {};
  const started = performance.now();
  const config = await feedConfig();
  // No feed set: nothing to check, and nothing recorded (no failure, no retry: there is nothing to retry).
  if (!config) return { ok: false, error: { code: 'noFeed', at: Date.now() } };
  try {
    progress.report('index');
    const stored = await ensureDataset();
    const fetched = await timed(timings, 'index', () =>
      download(config.feedUrl, { stallTimeoutMs: config.stallTimeoutMs, maxBytes: MAX_INDEX_BYTES }));
    const { signed, signedBy } = await verifiedIndex(parseJson(fetched, 'badIndex', 'The feed index'), config);
    // An expired index is an old copy (or a host holding updates back): not even "nothing new" is believed.
    const expired = expiryProblem(signed.index, Date.now());
    if (expired) throw new FeedError('expired', expired);
    const keep = { feedUrl: config.feedUrl, indexExpires: Date.parse(signed.index.expires), signedBy };
    const plan = planUpdate({ ...stored, local: isLocal(stored) }, signed.index);
    switch (plan.kind) {
      case 'up-to-date':
        return await succeed('upToDate', stored.version, keep, timings, started);
      case 'rollback':
        throw new FeedError('rollback', `the feed offers version ${plan.offered}; version ${plan.stored} is installed`);
      case 'other-dataset':
        throw new FeedError('otherDataset', `the feed publishes "${plan.offered}"; "${plan.stored}" is installed`);
      case 'patches': {
        let version = stored.version;
        for (const ref of plan.chain) {
          const patch = await fetchPatch(ref, signed, config, progress, timings);
          version = (await installPatch(patch, progress, timings)).version;
        }
        return await succeed('updated', version, keep, timings, started);
      }
      case 'full': {
        const pack = await fetchPack(signed, config, progress, timings);
        const now = await ensureDataset();
        if (!acceptsVersion({ ...now, local: isLocal(now) }, pack)) throw new FeedError('rollback', `version ${pack.version} is not newer`);
        const info = await installFullPack(pack, 'feedFull', progress, timings);
        return await succeed('updated', info.version, keep, timings, started);
      }
    }
  } catch (err) {
    const error = toSyncError(err);
    const offline = error.code === 'offline';
    const state = await updateSyncState((s) => {
      const failures = offline ? s.failures : s.failures + 1;
      return {
        lastCheckAt: Date.now(), lastResult: offline ? 'offline' : 'failed', lastError: error, failures,
        nextCheckAt: Date.now() + (offline ? FIRST_RETRY_MS : nextCheckDelay(failures, Math.random())),
      };
    });
    await scheduleRetry(state.nextCheckAt!);
    return { ok: false, error };
  } finally {
    // A feed that is checked is checked on schedule too (a feed set since the worker started has no alarm yet).
    await ensurePeriodicAlarm().catch(() => undefined);
    await progress.clear();
  }
}

async function succeed(
  result: 'updated' | 'upToDate', version: number, keep: { feedUrl: string; indexExpires: number; signedBy: string },
  timings: Timings, started: number,
): Promise<SyncOutcome> {
  timings.total = Math.round(performance.now() - started);
  const now = Date.now();
  await updateSyncState(() => ({
    ...keep, lastCheckAt: now, lastSuccessAt: now, lastResult: result, lastError: undefined, failures: 0,
    nextCheckAt: now + nextCheckDelay(0), ...(result === 'updated' ? { timings } : {}),
  }));
  return { ok: true, result, version };
}

async function verifiedIndex(parsed: unknown, config: FeedConfig): Promise<{ signed: SignedFeedIndex; signedBy: string }> {
  const checked = checkFeedIndex(parsed);
  if (!checked.ok) throw new FeedError('badIndex', checked.problem);
  const signature = await verifyFeedIndex(crypto.subtle, checked.index, config.trustedKeys);
  if (!signature.ok) {
    const ids = checked.index.signatures.map((s) => s.keyId).join(', ');
    throw new FeedError(signature.reason === 'unknown-key' ? 'unknownKey' : 'badSignature', `signed by ${ids}`);
  }
  return { signed: checked.index, signedBy: signature.keyId };
}

/** Downloads a file the signed index lists, checking its size and hash; returns the bytes. */
async function fetchListed(file: FeedFile, config: FeedConfig, progress: ProgressReporter, timings: Timings): Promise<Uint8Array> {
  const url = new URL(file.url, config.feedUrl);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new FeedError('badIndex', `${file.url} is not an http(s) URL`);
  progress.report('download', 0, file.size);
  const got = await timed(timings, 'download', () =>
    download(url.href, {
      stallTimeoutMs: config.stallTimeoutMs, maxBytes: MAX_FILE_BYTES, expectedSize: file.size,
      onProgress: (done, total) => progress.report('download', done, total),
    }));
  progress.report('verify');
  await timed(timings, 'verify', () => checkSha256(got, file.sha256, url.href));
  return got;
}

async function fetchPack(signed: SignedFeedIndex, config: FeedConfig, progress: ProgressReporter, timings: Timings): Promise<DatasetPack> {
  const bytes = await fetchListed(signed.index.pack, config, progress, timings);
  progress.report('validate');
  const parsed = await timed(timings, 'parse', () => parseJson(bytes, 'schema', 'The dataset pack'));
  const result = await timed(timings, 'validate', () => validatePack(parsed));
  if (!result.ok) {
    const first = result.errors[0];
    const detail = first ? `${first.record ? `${first.record}: ` : ''}${first.path}: ${first.message}` : '';
    // The schema failing and a reference dangling are told apart for the reader; only a failure pays the check.
    throw new FeedError(Value.Check(DatasetPack, parsed) ? 'invalid' : 'schema', detail);
  }
  const pack = result.pack;
  if (pack.datasetId !== signed.index.datasetId || pack.version !== signed.index.version) {
    throw new FeedError('versionMismatch', `the pack is ${pack.datasetId} v${pack.version}; the index promised ${signed.index.datasetId} v${signed.index.version}`);
  }
  return pack;
}

async function fetchPatch(
  ref: SignedFeedIndex['index']['patches'][number], signed: SignedFeedIndex, config: FeedConfig, progress: ProgressReporter, timings: Timings,
): Promise<DatasetPatch> {
  const bytes = await fetchListed(ref, config, progress, timings);
  const checked = checkPatchShape(parseJson(bytes, 'schema', 'A patch'));
  if (!checked.ok) throw new FeedError('schema', checked.problem);
  const patch = checked.patch;
  if (patch.datasetId !== signed.index.datasetId || patch.from !== ref.from || patch.to !== ref.to) {
    throw new FeedError('versionMismatch', `the patch leads ${patch.datasetId} ${patch.from}→${patch.to}; the index promised ${ref.from}→${ref.to}`);
  }
  return patch;
}
