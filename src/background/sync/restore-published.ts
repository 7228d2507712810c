/**
 * "Restore the published dataset" (the Updates tab): the data the reader imported from a file, which is local
 * and not what the publisher signed, is replaced by the copy built into Dramatis, and the feed is checked at once
 * for the latest signed version. Also the repair of a damaged dataset (entity-buckets.ts).
 */
import type { SyncOutcome } from '../../shared/api/sync-api.ts';
import { readBundledPack } from '../store/bundled-pack.ts';
import { installFullPack } from './install-update.ts';
import { withJobLock } from './job-lock.ts';
import { runCheck } from './run-check.ts';
import { toSyncError } from './sync-error.ts';
import { SyncJob } from './sync-job.ts';
import { ProgressReporter, updateSyncState } from './sync-state.ts';

/**
 * Installs the bundled pack over whatever is stored, then checks the feed (its result goes to the status).
 * `repair`: the stored data was damaged; the status keeps saying so, with when it was repaired.
 */
export async function restorePublished({ repair = false }: { repair?: boolean } = {}): Promise<SyncOutcome> {
  const outcome = await withJobLock('restore', true, async (): Promise<SyncOutcome> => {
    const progress = new ProgressReporter('restore');
    const job = new SyncJob({ progress, feed: undefined });
    try {
      job.report('validate');
      const info = await installFullPack(await readBundledPack(), 'bundled', job);
      await updateSyncState((s) => ({
        lastError: undefined,
        damaged: repair && s.damaged ? { ...s.damaged, repairedAt: Date.now() } : undefined,
      }));
      return { ok: true, result: 'updated', version: info.version };
    } catch (err) {
      const error = toSyncError(err);
      await updateSyncState(() => ({ lastError: error }));
      return { ok: false, error };
    } finally {
      await progress.clear();
    }
  });
  // The published data may have moved on since this build: the feed says (a failure shows in the status).
  if (outcome.ok) await runCheck(true).catch(() => undefined);
  return outcome;
}
