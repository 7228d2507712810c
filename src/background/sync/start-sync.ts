/**
 * Wires the update channel into the background at every worker start: triggers (alarms, browser start,
 * install), recovery of a job the previous worker left unfinished, persistence, and the check that follows a
 * restore after a wipe. Called synchronously at the top level of src/background/index.ts.
 */
import { browser } from '../../shared/browser.ts';
import { ensureDataset, onRestoredAfterWipe } from '../bundled-pack.ts';
import { recoverInterruptedJob } from './job-lock.ts';
import { runCheck } from './run-check.ts';
import { ensurePeriodicAlarm, scheduledCheckDue, wireSchedule } from './scheduler-alarms.ts';
import { requestPersistence } from './storage-resilience.ts';

const report = (what: string) => (err: unknown) => console.error(`Dramatis: ${what} failed:`, err);

async function scheduledCheck(atStartup: boolean): Promise<void> {
  if (await scheduledCheckDue(atStartup)) await runCheck(false);
}

export function startSync(): void {
  void recoverInterruptedJob();
  wireSchedule((atStartup) => void scheduledCheck(atStartup).catch(report('a scheduled check')));
  onRestoredAfterWipe(() => void runCheck(false).catch(report('the check after a restore')));
  browser.runtime.onInstalled.addListener(({ reason }) => {
    void (async () => {
      await ensureDataset();
      await requestPersistence();
      // A fresh install checks at once; an extension update or reload keeps to the schedule.
      if (reason === 'install') await runCheck(false);
    })().catch(report('the first check'));
  });
  // Browsers may drop alarms on an update or a restart: make sure the periodic one exists at every start.
  void ensurePeriodicAlarm().catch(report('scheduling checks'));
}
