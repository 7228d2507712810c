/**
 * The longest single task on a page's main thread within a window, read from a Chromium trace: every task the
 * renderer runs, not only the ≥ 50 ms ones the Long Tasks API reports. The window is bounded by user-timing
 * events (performance.mark / measure) the page or the content script records, which the trace carries on the
 * same clock as the tasks.
 */
import type { CDPSession } from 'playwright-core';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

export async function startTrace(cdp: CDPSession): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  const onData = (e: { value: unknown[] }) => void events.push(...(e.value as TraceEvent[]));
  cdp.on('Tracing.dataCollected', onData);
  await cdp.send('Tracing.start', {
    categories: 'toplevel,blink.user_timing,__metadata',
    transferMode: 'ReportEvents',
  });
  return async () => {
    const done = new Promise<void>((resolve) => void cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end');
    await done;
    cdp.off('Tracing.dataCollected', onData);
    return events;
  };
}

/**
 * Longest task (ms) on the renderer main thread that carries the window's user-timing events, among tasks that
 * overlap [first `startName` event, last `endName` event]. Undefined when the window isn't in the trace.
 */
export function longestTask(events: TraceEvent[], startName: string, endName: string): number | undefined {
  const starts = events.filter((e) => e.name === startName && e.cat.includes('user_timing'));
  const ends = events.filter((e) => e.name === endName && e.cat.includes('user_timing'));
  if (starts.length === 0 || ends.length === 0) return undefined;
  const { pid } = starts[0]!;
  const from = Math.min(...starts.map((e) => e.ts));
  const to = Math.max(...ends.map((e) => e.ts + (e.dur ?? 0)));
  const mainThreads = new Set(
    events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === pid && e.args?.name === 'CrRendererMain').map((e) => e.tid),
  );
  // Tasks come as complete events (X), or as begin/end pairs (B/E) when they span a trace buffer flush.
  const spans: Array<[number, number]> = [];
  const open = new Map<number, number>();
  for (const e of events) {
    if (e.pid !== pid || !mainThreads.has(e.tid) || !e.cat.includes('toplevel')) continue;
    if (e.ph === 'X' && e.dur !== undefined) spans.push([e.ts, e.ts + e.dur]);
    else if (e.ph === 'B') open.set(e.tid, e.ts);
    else if (e.ph === 'E' && open.has(e.tid)) {
      spans.push([open.get(e.tid)!, e.ts]);
      open.delete(e.tid);
    }
  }
  let longest = 0;
  for (const [s, t] of spans) if (t >= from && s <= to) longest = Math.max(longest, (t - s) / 1000);
  return longest;
}
