/**
 * Installs a checked update (a full pack or a patch) and everything that follows it: the matcher ready, open
 * tabs told to rescan, and "what changed" recorded for the Updates tab. The dataset itself changes in one
 * transaction (dataset-store.ts); what follows may be lost with the worker and is redone on the next wake
 * (the matcher is rebuilt when its version lags; the stamp is rewritten by the next install).
 * Each step is timed here, by the run's SyncJob, and not in the store: the store only stores.
 */
import type { DatasetPack } from '../../core/dataset/dataset-schema.ts';
import { checkPatch, patchLookups } from '../../core/feed/feed-patch-check.ts';
import { claimsFromMatcher } from '../../core/feed/feed-patch-claims.ts';
import type { DatasetPatch } from '../../core/feed/feed-patch.ts';
import { buildMatcher, serializeMatcher } from '../../core/matching/name-matcher.ts';
import type { DatasetInfo } from '../../shared/api/messages.ts';
import type { LastChange, UpdateSource } from '../../shared/api/sync-api.ts';
import { announceDataset, checkAndApplyPatch, installPack, storedEntityIds, type PackOrigin } from '../store/dataset-store.ts';
import { briefsAfterPatch } from '../store/brief-cache.ts';
import { openDatabase } from '../store/db.ts';
import { bucketsOf } from '../store/entity-buckets.ts';
import { matcherAfterPatch, matcherFor, usePatchedMatcher } from '../store/matcher-cache.ts';
import { validationDetail } from './parse-pack.ts';
import { FeedError } from './sync-error.ts';
import type { SyncJob } from './sync-job.ts';
import { updateSyncState } from './sync-state.ts';

const names = (entities: DatasetPack['entities']) => entities.slice(0, 10).map((e) => ({ id: e.id, en: e.name.en, ar: e.name.ar }));

async function finish(info: DatasetInfo, change: LastChange, job: SyncJob): Promise<void> {
  job.report('matcher');
  await job.time('matcher', () => matcherFor(info.version));
  await announceDataset(info.version);
  await updateSyncState(() => ({ lastChange: change, knownVersion: info.version }));
}

export async function installFullPack(pack: DatasetPack, source: UpdateSource, job: SyncJob, fileName?: string): Promise<DatasetInfo> {
  const db = await openDatabase();
  // What the stored data held, to say what changed (a damaged dataset being replaced counts as empty).
  const before = new Set(await storedEntityIds(db).catch(() => [] as string[]));
  const fromVersion = (await db.get('meta', 'dataset') as DatasetInfo | undefined)?.version;
  // Compiling the names comes first, outside the transaction (installPack); the rows follow, reported as 'apply'.
  job.report('matcher');
  const origin: PackOrigin = source === 'import'
    ? { source: 'import', importedAt: Date.now(), ...(fileName ? { fileName } : {}) }
    : { source: source === 'bundled' ? 'bundled' : 'feed' };
  const info = await job.time('apply', async () => {
    const records = {
      matcher: await job.time('compile', () => serializeMatcher(buildMatcher(pack))),
      buckets: await job.time('buckets', () => bucketsOf(pack.entities)),
    };
    return job.time('write', () => installPack(db, pack, origin, records, (done, total) => job.report('apply', done, total)));
  });
  const after = new Set(pack.entities.map((e) => e.id));
  const added = pack.entities.filter((e) => !before.has(e.id));
  let removed = 0;
  for (const id of before) if (!after.has(id)) removed++;
  await finish(
    info,
    { source, ...(fromVersion !== undefined ? { from: fromVersion } : {}), to: info.version, added: added.length, removed, names: names(added), at: Date.now() },
    job,
  );
  return info;
}

/**
 * Checks `patch` against the rows it touches and applies it, in one transaction. The matcher of the new version
 * (an overlay over the stored base) is compiled first, from memory, because nothing slow may run inside the
 * transaction; a patch the check refuses throws it away.
 */
export async function installPatch(patch: DatasetPatch, job: SyncJob): Promise<DatasetInfo> {
  const db = await openDatabase();
  job.report('validate', 0, patch.entities.put.length);
  // The matcher of the stored version knows who claims each name; it is current (or rebuilt now) after a patch.
  const before = (await db.get('meta', 'dataset')) as DatasetInfo | undefined;
  const claims = claimsFromMatcher(await job.time('claims', () => matcherFor(before?.version ?? patch.from)));
  const patched = await job.time('overlay', () => matcherAfterPatch(patch));
  job.report('apply', 0, patch.entities.put.length + patch.entities.delete.length);
  const started = job.now();
  const outcome = await job.time('apply', () => checkAndApplyPatch(db, patch, {
    lookups: patchLookups(patch),
    claimsOf: claims,
    read: () => job.since('gather', started),
    check: (base) => job.timeSync('validate', () => checkPatch(patch, base)),
  }, patched?.record));
  if (!outcome.ok) throw new FeedError('invalid', validationDetail(outcome.errors[0]!));
  const { info, added } = outcome;
  if (patched) usePatchedMatcher(info.version, patched);
  briefsAfterPatch(patch.from, info.version, patch.entities.put, patch.entities.delete);
  await finish(
    info,
    {
      source: 'feedPatch', from: patch.from, to: patch.to, added, changed: patch.entities.put.length - added,
      removed: patch.entities.delete.length, names: names(patch.entities.put), at: Date.now(),
    },
    job,
  );
  return info;
}
