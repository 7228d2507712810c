/**
 * The persisted sync status (storage.local: survives restarts) and the progress of the running job
 * (storage.session: gone with the browser session; a job found there at worker start was interrupted).
 */
import { browser } from '../../shared/browser.ts';
import { SYNC_PROGRESS_KEY, SYNC_STATE_KEY } from '../../shared/storage-keys.ts';
import type { SyncPhase, SyncProgress, SyncState } from '../../shared/api/sync-api.ts';
import type { ProgressSink } from './sync-job.ts';

export async function loadSyncState(): Promise<SyncState> {
  const raw = (await browser.storage.local.get(SYNC_STATE_KEY))[SYNC_STATE_KEY] as (SyncState & { etag?: unknown; lastModified?: unknown }) | undefined;
  if (typeof raw !== 'object' || raw === null) return { failures: 0 };
  // Earlier versions kept the feed's ETag to echo back: dropped at the next write, never sent again.
  const { etag: _etag, lastModified: _lastModified, ...state } = raw;
  return { ...state, failures: Number(raw.failures) || 0 };
}

/** Read-modify-write of the state. Only the background writes it, and one job at a time (job-lock.ts). */
export async function updateSyncState(change: (s: SyncState) => Partial<SyncState>): Promise<SyncState> {
  const current = await loadSyncState();
  const next = { ...current, ...change(current) };
  await browser.storage.local.set({ [SYNC_STATE_KEY]: next });
  return next;
}

export async function loadProgress(): Promise<SyncProgress | null> {
  const raw = (await browser.storage.session.get(SYNC_PROGRESS_KEY))[SYNC_PROGRESS_KEY] as SyncProgress | undefined;
  return raw ?? null;
}

/** Reports progress, at most every 150 ms within a phase (each report is a storage write and an event). */
export class ProgressReporter implements ProgressSink {
  private last = 0;
  private phase: SyncPhase | undefined;
  /** Writes in order, so a late progress write can't land after clear(). */
  private writes: Promise<unknown> = Promise.resolve();

  constructor(private readonly job: SyncProgress['job']) {}

  report(phase: SyncPhase, done = 0, total = 0): void {
    const now = Date.now();
    if (phase === this.phase && now - this.last < 150 && done < total) return;
    this.phase = phase;
    this.last = now;
    const progress: SyncProgress = { job: this.job, phase, done, total, at: now };
    this.writes = this.writes.then(() => browser.storage.session.set({ [SYNC_PROGRESS_KEY]: progress })).catch(() => undefined);
  }

  async clear(): Promise<void> {
    this.phase = undefined;
    await this.writes;
    await browser.storage.session.remove(SYNC_PROGRESS_KEY);
  }
}
