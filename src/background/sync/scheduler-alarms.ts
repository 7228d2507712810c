/**
 * When checks run: a periodic alarm every CHECK_INTERVAL (alarms survive worker restarts and browser
 * restarts), a check at browser start and after install, and a one-off retry alarm after a failure, at the
 * backoff time recorded in the state. Scheduled checks respect the backoff; "Check now" does not. Without a
 * feed there is nothing to check: no alarm exists, and no check is made.
 */
import { CHECK_INTERVAL_MS, checkDue } from '../../core/feed/feed-schedule.ts';
import { browser } from '../../shared/browser.ts';
import { loadSyncState } from './sync-state.ts';

export const PERIODIC_ALARM = 'dramatis-sync';
export const RETRY_ALARM = 'dramatis-sync-retry';
/** An alarm may fire a little early; a check due within this is run. */
const SLACK_MS = 5 * 60 * 1000;

export async function ensurePeriodicAlarm(): Promise<void> {
  if (await browser.alarms.get(PERIODIC_ALARM)) return;
  const minutes = CHECK_INTERVAL_MS / 60_000;
  await browser.alarms.create(PERIODIC_ALARM, { periodInMinutes: minutes, delayInMinutes: minutes });
}

/** The alarms a feed needs, or none without one (a check that can only fail must not be scheduled). */
export async function syncAlarms(hasFeed: boolean): Promise<void> {
  if (hasFeed) return ensurePeriodicAlarm();
  await Promise.all([browser.alarms.clear(PERIODIC_ALARM), browser.alarms.clear(RETRY_ALARM)]);
}

export async function scheduleRetry(at: number): Promise<void> {
  await browser.alarms.create(RETRY_ALARM, { when: Math.max(at, Date.now() + 60_000) });
}

/** Whether a scheduled check should run now: at browser start unless backing off after failures, else when due. */
export async function scheduledCheckDue(atStartup: boolean): Promise<boolean> {
  const state = await loadSyncState();
  if (atStartup && state.failures === 0) return true;
  return checkDue(Date.now() + SLACK_MS, state.nextCheckAt);
}

/** Registers the triggers (synchronously, at the top level of the worker: a restarted worker must hear them). */
export function wireSchedule(runScheduled: (atStartup: boolean) => void): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === PERIODIC_ALARM || alarm.name === RETRY_ALARM) runScheduled(false);
  });
  browser.runtime.onStartup.addListener(() => runScheduled(true));
}
