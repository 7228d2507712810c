/**
 * The content script's own timings, written to the page's performance timeline (the content script shares it
 * with the page in Chromium and Firefox alike), where `npm run bench` and the browser tests read them with
 * `performance.getEntriesByName(name)` from the page. Only test builds write them (tests/support/test-build.ts
 * defines __DRAMATIS_TIMINGS__, as it defines the test keys): the page reads that timeline too, and measures
 * named `dramatis:*` would tell it that Dramatis runs and when it found something. A normal build (`npm run
 * build`, `npm run package`) defines nothing, so `TIMINGS` is false and every measure below is dead code.
 *
 *
 * - `dramatis:scan`  (measure) one per full scan of a document context: from the scan's start until every
 *                    chunk's highlights are registered, licensing second pass included. Wall time: it includes
 *                    the time between slices and the background's work. Its detail: how many names the page
 *                    holds then (on a long page only those near the viewport are registered as highlights).
 * - `dramatis:chunk` (measure) one per chunk sent to the background: from starting to read it until its
 *                    highlights are registered.
 * - `dramatis:task`  (measure) one per synchronous slice of work on the page's main thread; its `detail` says
 *                    what: 'read' (reading text), 'send' (handing a chunk to the extension's messaging, which
 *                    serialises it), 'map' (turning mentions into ranges), 'paint' (registering found names'
 *                    highlights, or repainting after a settings change). Their sum is the content script's
 *                    main-thread time; the longest is its longest task. Capped at MAX_TASK_ENTRIES per page so a
 *                    page that changes forever doesn't grow the timeline forever.
 *
 * - `dramatis:card`  (measure) one per card opened: from the moment it is asked to open (the hover delay over,
 *                    a tap, a key) until the frame that shows it has painted (the first task after that frame's
 *                    animation callbacks); its detail, how much of that was our work, until the card was
 *                    rendered and placed (the rest is waiting for the frame).
 *
 * Measures are given explicit start and end times, never mark names: a page that clears its marks
 * (performance.clearMarks()) must not make a measure throw.
 */

declare const __DRAMATIS_TIMINGS__: boolean | undefined;

/** True in a test build only (see above). */
export const TIMINGS: boolean = typeof __DRAMATIS_TIMINGS__ !== 'undefined' && __DRAMATIS_TIMINGS__ === true;

export const SCAN_MEASURE = 'dramatis:scan';
export const CHUNK_MEASURE = 'dramatis:chunk';
export const TASK_MEASURE = 'dramatis:task';
export const CARD_MEASURE = 'dramatis:card';
export const MAX_TASK_ENTRIES = 5000;

let taskEntries = 0;

function measure(name: string, start: number, end: number, detail?: string): void {
  if (!TIMINGS) return;
  try {
    performance.measure(name, detail === undefined ? { start, end } : { start, end, detail });
  } catch {
    // A page can replace `performance`; timings are never worth an error.
  }
}

export function now(): number {
  return performance.now();
}

/** `what` (the measure's detail) names the work: 'read', 'map', 'paint', … */
export function recordTask(start: number, what: string): void {
  if (!TIMINGS || taskEntries >= MAX_TASK_ENTRIES) return;
  taskEntries++;
  measure(TASK_MEASURE, start, performance.now(), what);
}

export function recordChunk(start: number): void {
  measure(CHUNK_MEASURE, start, performance.now());
}

/** `found`: the names the page holds after the scan (its detail: painted or not, near the viewport or not). */
export function recordScan(start: number, found: number): void {
  measure(SCAN_MEASURE, start, performance.now(), String(found));
}

/**
 * Records a card asked to open at `start`, shown (rendered and placed) now, once the frame that shows it has
 * painted; the detail is the part of it that was our work, until shown, in ms (the rest is the wait for a frame).
 */
export function recordCardPainted(start: number): void {
  if (!TIMINGS) return;
  const work = performance.now() - start;
  requestAnimationFrame(() => setTimeout(() => measure(CARD_MEASURE, start, performance.now(), work.toFixed(2)), 0));
}
