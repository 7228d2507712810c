/**
 * Work in small slices at idle time, so the page stays responsive: every slice ends within MAX_SLICE_MS of
 * our own work (the "no task over 50 ms" rule, with room for the browser's own work in the same task), and is
 * recorded as a `dramatis:task` (scan-timing.ts).
 */
import { now, recordTask } from './scan-timing.ts';

/** Our work per slice, at most. */
export const MAX_SLICE_MS = 8;
/** A slice forced by the idle timeout (a busy page) still does this much. */
const MIN_SLICE_MS = 3;
/** A page that is never idle still gets scanned, this late at most. */
const IDLE_TIMEOUT_MS = 1000;

interface IdleDeadlineLike {
  timeRemaining(): number;
}

function requestIdle(cb: (deadline: IdleDeadlineLike) => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(cb, { timeout: IDLE_TIMEOUT_MS });
  else setTimeout(() => cb({ timeRemaining: () => MAX_SLICE_MS }), 16);
}

/** Thrown (as a rejection) when the signal aborts the work: the caller's scan has been superseded. */
export class Superseded extends Error {
  constructor() {
    super('superseded');
  }
}

/** The end of the idle period the browser last granted (performance.now() time). */
let idleUntil = 0;

/** Resolves in a new task (a message to ourselves: not throttled like setTimeout(0)). */
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

/** Resolves in an idle callback, with the time it grants. */
function idleCallback(): Promise<number> {
  return new Promise((resolve) => requestIdle((deadline) => resolve(deadline.timeRemaining())));
}

/**
 * Calls `work(timeUp)` in slices until it returns true. `work` must check `timeUp()` often and return false when
 * it says so; it resumes in the next slice. Every slice runs in a task of its own, at idle time: in an idle
 * callback, or in a fresh task while the idle period the browser last granted lasts (so one idle period serves
 * several slices, with the page free to handle input between them). Rejects with Superseded if `signal` aborts
 * first. `what` names the work in the timings.
 */
export async function idleWork(work: (timeUp: () => boolean) => boolean, signal: AbortSignal, what: string): Promise<void> {
  for (;;) {
    if (signal.aborted) throw new Superseded();
    if (idleUntil - now() >= MIN_SLICE_MS) {
      await nextTask();
    } else {
      const remaining = await idleCallback();
      idleUntil = now() + remaining;
    }
    if (signal.aborted) throw new Superseded();
    const start = now();
    const budget = Math.min(MAX_SLICE_MS, Math.max(MIN_SLICE_MS, idleUntil - start));
    let finished: boolean;
    try {
      finished = work(() => now() - start >= budget);
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
