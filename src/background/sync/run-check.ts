/**
 * A check of the feed as the background runs it: one job at a time (job-lock.ts), the feed in force
 * (feed-config.ts), progress written for the Updates tab, and the real network, store and alarms given to the
 * check itself (feed-check.ts, which decides what to do).
 */
import type { SyncOutcome } from '../../shared/api/sync-api.ts';
import { ensureDataset } from '../store/bundled-pack.ts';
import { download } from './download.ts';
import { checkFeed, type CheckDeps } from './feed-check.ts';
import { feedConfig } from './feed-config.ts';
import { installFullPack, installPatch } from './install-update.ts';
import { withJobLock } from './job-lock.ts';
import { ensurePeriodicAlarm, scheduleRetry } from './scheduler-alarms.ts';
import { SyncJob } from './sync-job.ts';
import { ProgressReporter, updateSyncState } from './sync-state.ts';

const deps: CheckDeps = {
  storedDataset: ensureDataset,
  download,
  installPack: (pack, job) => installFullPack(pack, 'feedFull', job),
  installPatch,
  updateState: updateSyncState,
  scheduleRetry,
  now: () => Date.now(),
  random: () => Math.random(),
};

/** Checks the feed. Manual checks wait for a running job; scheduled ones skip if one runs. */
export function runCheck(manual: boolean): Promise<SyncOutcome> {
  return withJobLock('check', manual, () => check());
}

async function check(): Promise<SyncOutcome> {
  const progress = new ProgressReporter('check');
  const startedAt = performance.now();
  const feed = await feedConfig();
  // No feed set: nothing to check, and nothing recorded (no failure, no retry: there is nothing to retry).
  if (!feed) return { ok: false, error: { code: 'noFeed', at: Date.now() } };
  try {
    return await checkFeed(new SyncJob({ progress, feed, startedAt }), deps);
  } finally {
    // A feed that is checked is checked on schedule too (a feed set since the worker started has no alarm yet).
    await ensurePeriodicAlarm().catch(() => undefined);
    await progress.clear();
  }
}
