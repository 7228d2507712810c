/**
 * When to check a feed: every CHECK_INTERVAL normally; after failures, sooner at first and then backing off
 * exponentially (with jitter, so many readers whose checks failed together don't retry together), never later
 * than the normal interval. Pure: the clock and the randomness are parameters.
 */
export const CHECK_INTERVAL_MS = 6 * 60 * 60 * 1000;
export const FIRST_RETRY_MS = 5 * 60 * 1000;

/** Delay before the next check after `failures` consecutive failures (0: a success). */
export function nextCheckDelay(failures: number, random: number = 0.5): number {
  if (failures <= 0) return CHECK_INTERVAL_MS;
  const base = FIRST_RETRY_MS * 2 ** Math.min(failures - 1, 16);
  const jittered = base * (0.75 + 0.5 * Math.min(1, Math.max(0, random)));
  return Math.min(CHECK_INTERVAL_MS, Math.round(jittered));
}

/** Whether a scheduled (not manual) check may run now. */
export function checkDue(now: number, nextCheckAt: number | undefined): boolean {
  return nextCheckAt === undefined || now >= nextCheckAt;
}

/** A week without a successful check (28 of them missed) and the data may be out of date: the Updates tab says so. */
export const STALE_AFTER_MS = 7 * 24 * 60 * 60 * 1000;

/** How current the data is known to be: confirmed lately, never confirmed, or not confirmed since `since`. */
export type Freshness = { stale: false } | { stale: true; since?: number };

/**
 * From the sync state: stale once the last index believed has expired, or a week has passed without a
 * successful check; "never" (no `since`) when no check has succeeded yet although one was made.
 */
export function feedFreshness(s: { lastSuccessAt?: number; lastCheckAt?: number; indexExpires?: number }, now: number): Freshness {
  if (s.lastSuccessAt === undefined) return s.lastCheckAt === undefined ? { stale: false } : { stale: true };
  if ((s.indexExpires !== undefined && now >= s.indexExpires) || now - s.lastSuccessAt > STALE_AFTER_MS) {
    return { stale: true, since: s.lastSuccessAt };
  }
  return { stale: false };
}
