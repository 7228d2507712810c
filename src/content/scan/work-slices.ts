/**
 * Work in small slices, so the page stays responsive: every slice ends within MAX_SLICE_MS of our own work (the
 * "no task over 50 ms" rule, with room for the browser's own work in the same task), runs in a task of its own
 * (input and rendering go between two slices), and is recorded as a `dramatis:task` (scan-timing.ts).
 *
 * A scan waits for the page to be idle once, before it starts (`whenIdle`: the page's own start-up work and
 * whatever it is doing right now go first); its slices then follow one another as ordinary tasks. Waiting for an
 * idle period before every slice made a long page's scan mostly waiting: an idle callback requested during an
 * idle period only runs in the next one, up to 50 ms later, and a scan of 1 MB is dozens of slices.
 */
import { now, recordTask } from './scan-timing.ts';

/** Our work per slice, at most. */
export const MAX_SLICE_MS = 8;
/** A page that is never idle still gets scanned, this late at most. */
const IDLE_TIMEOUT_MS = 1000;

/** Thrown (as a rejection) when the signal aborts the work: the caller's scan has been superseded. */
export class Superseded extends Error {
  constructor() {
    super('superseded');
  }
}

/** Resolves in a new task (a message to ourselves: not clamped like a nested setTimeout(0)). */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Resolves once the page is idle (or after IDLE_TIMEOUT_MS of a page that never is); rejects if `signal` aborts. */
export async function whenIdle(signal: AbortSignal): Promise<void> {
  await new Promise<void>((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: IDLE_TIMEOUT_MS });
    else setTimeout(resolve, 16);
  });
  if (signal.aborted) throw new Superseded();
}

/**
 * Calls `work(timeUp)` in slices until it returns true, each slice in a fresh task. `work` must check `timeUp()`
 * often and return false when it says so; it resumes in the next slice. Rejects with Superseded if `signal`
 * aborts first. `what` names the work in the timings.
 */
export async function inSlices(work: (timeUp: () => boolean) => boolean, signal: AbortSignal, what: string): Promise<void> {
  for (;;) {
    if (signal.aborted) throw new Superseded();
    await nextTask();
    if (signal.aborted) throw new Superseded();
    const start = now();
    let finished: boolean;
    try {
      finished = work(() => now() - start >= MAX_SLICE_MS);
    } finally {
      recordTask(start, what);
    }
    if (finished) return;
  }
}

/** Runs a short synchronous step (painting, a lookup) and records it as a task. */
export function timedTask<R>(what: string, fn: () => R): R {
  const start = now();
  try {
    return fn();
  } finally {
    recordTask(start, what);
  }
}
