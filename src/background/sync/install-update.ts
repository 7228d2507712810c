/**
 * Installs a checked update (a full pack or a patch) and everything that follows it: the matcher ready, open
 * tabs told to rescan, and "what changed" recorded for the Updates tab. The dataset itself changes in one
 * transaction (dataset-store.ts); what follows may be lost with the worker and is redone on the next wake
 * (the matcher is rebuilt when its version lags; the stamp is rewritten by the next install).
 */
import type { DatasetPack } from '../../core/dataset/dataset-schema.ts';
import { checkPatch, patchLookups } from '../../core/feed/feed-patch-check.ts';
import { claimsFromMatcher } from '../../core/feed/feed-patch-claims.ts';
import type { DatasetPatch } from '../../core/feed/feed-patch.ts';
import type { DatasetInfo } from '../../shared/api/messages.ts';
import type { LastChange, UpdateSource } from '../../shared/api/sync-api.ts';
import { announceDataset, applyPatchRows, gatherPatchBase, installPack, storedEntityIds, type PackOrigin } from '../store/dataset-store.ts';
import { openDatabase } from '../store/db.ts';
import { matcherAfterPatch, matcherFor, usePatchedMatcher } from '../store/matcher-cache.ts';
import { FeedError } from './sync-error.ts';
import type { ProgressReporter } from './sync-state.ts';
import { updateSyncState } from './sync-state.ts';

export type Timings = Record<string, number>;

/** Times `work` into `timings[name]` (ms). */
export async function timed<T>(timings: Timings, name: string, work: () => Promise<T> | T): Promise<T> {
  const start = performance.now();
  try {
    return await work();
  } finally {
    timings[name] = Math.round((performance.now() - start) * 10) / 10;
  }
}

const names = (entities: DatasetPack['entities']) => entities.slice(0, 10).map((e) => ({ id: e.id, en: e.name.en, ar: e.name.ar }));

async function finish(info: DatasetInfo, change: LastChange, progress: ProgressReporter, timings: Timings): Promise<void> {
  progress.report('matcher');
  await timed(timings, 'matcher', () => matcherFor(info.version));
  await announceDataset(info.version);
  await updateSyncState(() => ({ lastChange: change, knownVersion: info.version }));
}

export async function installFullPack(
  pack: DatasetPack, source: UpdateSource, progress: ProgressReporter, timings: Timings, fileName?: string,
): Promise<DatasetInfo> {
  const db = await openDatabase();
  // What the stored data held, to say what changed (a damaged dataset being replaced counts as empty).
  const before = new Set(await storedEntityIds(db).catch(() => [] as string[]));
  const fromVersion = (await db.get('meta', 'dataset') as DatasetInfo | undefined)?.version;
  // Compiling the names comes first, outside the transaction (installPack); the rows follow, reported as 'apply'.
  progress.report('matcher');
  const origin: PackOrigin = source === 'import'
    ? { source: 'import', importedAt: Date.now(), ...(fileName ? { fileName } : {}) }
    : { source: source === 'bundled' ? 'bundled' : 'feed' };
  const info = await timed(timings, 'apply', () => installPack(db, pack, origin, (done, total) => progress.report('apply', done, total), timings));
  const after = new Set(pack.entities.map((e) => e.id));
  const added = pack.entities.filter((e) => !before.has(e.id));
  let removed = 0;
  for (const id of before) if (!after.has(id)) removed++;
  await finish(
    info,
    { source, ...(fromVersion !== undefined ? { from: fromVersion } : {}), to: info.version, added: added.length, removed, names: names(added), at: Date.now() },
    progress,
    timings,
  );
  return info;
}

/** Checks `patch` against the rows it touches, then applies it. */
export async function installPatch(patch: DatasetPatch, progress: ProgressReporter, timings: Timings): Promise<DatasetInfo> {
  const db = await openDatabase();
  progress.report('validate', 0, patch.entities.put.length);
  // The matcher of the stored version knows who claims each name; it is current (or rebuilt now) after a patch.
  const before = (await db.get('meta', 'dataset')) as DatasetInfo | undefined;
  const claims = claimsFromMatcher(await timed(timings, 'claims', () => matcherFor(before?.version ?? patch.from)));
  const base = await timed(timings, 'gather', () => gatherPatchBase(db, patchLookups(patch), claims));
  const errors = await timed(timings, 'validate', () => checkPatch(patch, base));
  const first = errors[0];
  if (first) throw new FeedError('invalid', `${first.record ? `${first.record}: ` : ''}${first.path}: ${first.message}`);
  // The matcher of the new version, as an overlay over the stored one's base: written with the rows.
  const patched = await timed(timings, 'overlay', () => matcherAfterPatch(patch));
  progress.report('apply', 0, patch.entities.put.length + patch.entities.delete.length);
  const info = await timed(timings, 'apply', () => applyPatchRows(db, patch, patched?.record));
  if (patched) usePatchedMatcher(info.version, patched);
  const added = patch.entities.put.filter((e) => !base.hasEntity(e.id)).length;
  await finish(
    info,
    {
      source: 'feedPatch', from: patch.from, to: patch.to, added, changed: patch.entities.put.length - added,
      removed: patch.entities.delete.length, names: names(patch.entities.put), at: Date.now(),
    },
    progress,
    timings,
  );
  return info;
}
