/**
 * Wires the update channel into the background at every worker start: triggers (alarms, browser start,
 * install), recovery of a job the previous worker left unfinished, persistence, and the check that follows a
 * restore after a wipe. Called synchronously at the top level of src/background/index.ts.
 */
import { browser } from '../../shared/browser.ts';
import { ensureDataset, onRestoredAfterWipe } from '../store/bundled-pack.ts';
import { feedConfig } from './feed-config.ts';
import { recoverInterruptedJob } from './job-lock.ts';
import { runCheck } from './run-check.ts';
import { scheduledCheckDue, syncAlarms, wireSchedule } from './scheduler-alarms.ts';
import { requestPersistence } from './storage-resilience.ts';

const report = (what: string) => (err: unknown) => console.error(`Dramatis: ${what} failed:`, err);

/** Whether a feed is set; makes the alarms agree (an alarm left from a removed feed is cleared). */
async function hasFeed(): Promise<boolean> {
  const feed = (await feedConfig()) !== null;
  await syncAlarms(feed);
  return feed;
}

async function scheduledCheck(atStartup: boolean): Promise<void> {
  if ((await hasFeed()) && (await scheduledCheckDue(atStartup))) await runCheck(false);
}

export function startSync(): void {
  void recoverInterruptedJob();
  wireSchedule((atStartup) => void scheduledCheck(atStartup).catch(report('a scheduled check')));
  onRestoredAfterWipe(() => void hasFeed().then(async (feed) => void (feed && (await runCheck(false)))).catch(report('the check after a restore')));
  browser.runtime.onInstalled.addListener(({ reason }) => {
    void (async () => {
      await ensureDataset();
      await requestPersistence();
      // A fresh install checks at once (when its build has a feed); an update or reload keeps to the schedule.
      if ((await hasFeed()) && reason === 'install') await runCheck(false);
    })().catch(report('the first check'));
  });
  // Browsers may drop alarms on an update or a restart: make sure they agree with the feed at every start.
  void hasFeed().catch(report('scheduling checks'));
}
