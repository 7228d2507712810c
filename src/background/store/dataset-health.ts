/**
 * What happens when a stored record turns out damaged (entity-buckets.ts checks every bucket it reads): the
 * Updates tab is told at once (SyncState.damaged), and the dataset is repaired the way a wiped one is restored,
 * the copy built into Dramatis first and then the latest version from the feed (restore-published.ts). One repair
 * at a time, however many reads find the damage meanwhile; the reads themselves fail (a scan finds nothing in
 * that chunk) until the repaired dataset is announced, and open tabs rescan then.
 */
import { restorePublished } from '../sync/restore-published.ts';
import { updateSyncState } from '../sync/sync-state.ts';

/** A memo, not state: a restarted worker that reads the damage again starts a repair again. */
let repairing: Promise<void> | undefined;

export function reportDamage(detail: string): void {
  if (repairing) return;
  repairing = (async () => {
    await updateSyncState(() => ({ damaged: { at: Date.now(), detail } }));
    await restorePublished({ repair: true });
  })()
    .catch((err: unknown) => console.error('Dramatis: repairing the dataset failed:', err))
    .finally(() => {
      repairing = undefined;
    });
}
