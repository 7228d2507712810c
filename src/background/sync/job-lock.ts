/**
 * One sync or import at a time, across everything the background runs: a Web Lock, which the browser releases
 * by itself if the worker dies, so a killed job never leaves a stale lock behind. A running job is marked in
 * storage.local (which survives a killed worker, an extension reload and a browser crash, unlike
 * storage.session); a mark found when a worker starts belongs to a job that died with the previous worker or
 * event page, and is recorded as interrupted — its transaction never committed, so the stored data is the old
 * data, whole.
 */
import { FIRST_RETRY_MS } from '../../core/feed/feed-schedule.ts';
import { browser } from '../../shared/browser.ts';
import { SYNC_PROGRESS_KEY, SYNC_RUNNING_KEY } from '../../shared/storage-keys.ts';
import type { SyncOutcome, SyncProgress } from '../../shared/api/sync-api.ts';
import { scheduleRetry } from './scheduler-alarms.ts';
import { loadProgress, updateSyncState } from './sync-state.ts';

const LOCK = 'dramatis-sync';

let recovery: Promise<void> | undefined;

/** Run once per worker start, before any job: records a job the previous worker left unfinished. */
export function recoverInterruptedJob(): Promise<void> {
  recovery ??= (async () => {
    const running = (await browser.storage.local.get(SYNC_RUNNING_KEY))[SYNC_RUNNING_KEY] as { job?: string } | undefined;
    if (!running) return;
    const left = await loadProgress().catch(() => null);
    const detail = [running.job, left?.phase].filter(Boolean).join(', ');
    await updateSyncState(() => ({ lastError: { code: 'interrupted', ...(detail ? { detail } : {}), at: Date.now() } }));
    await browser.storage.session.remove(SYNC_PROGRESS_KEY);
    await browser.storage.local.remove(SYNC_RUNNING_KEY);
    // A check the browser cut short is tried again soon, not only at the next 6-hour mark.
    if (running.job === 'check') await scheduleRetry(Date.now() + FIRST_RETRY_MS);
  })().catch((err: unknown) => console.error('Dramatis: recovering the sync state failed:', err));
  return recovery;
}

/** Runs `job` holding the lock; `wait`: queue behind a running job, else answer 'busy' at once. */
export async function withJobLock(kind: SyncProgress['job'], wait: boolean, job: () => Promise<SyncOutcome>): Promise<SyncOutcome> {
  await recoverInterruptedJob();
  const marked = async () => {
    await browser.storage.local.set({ [SYNC_RUNNING_KEY]: { job: kind, at: Date.now() } });
    try {
      return await job();
    } finally {
      await browser.storage.local.remove(SYNC_RUNNING_KEY);
    }
  };
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (!locks) return marked();
  const result = await locks.request(LOCK, { ifAvailable: !wait }, async (lock) => (lock ? marked() : null));
  return result ?? { ok: false, error: { code: 'busy', at: Date.now() } };
}
