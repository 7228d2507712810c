/**
 * Hover intent as a pure state machine: when a hover card should open and close, given pointer samples and
 * timer wake-ups. Pure (no DOM, no clock): the content script feeds it events with timestamps and schedules a
 * wake-up when it asks for one, so every rule here is tested in Node.
 *
 * The rules a reader expects:
 * - the card opens after the pointer has rested on a name for `openDelayMs` (about 150 ms); a pointer moving
 *   faster than `maxSpeedPxPerMs` restarts that dwell, so sweeping across a line of text opens nothing;
 * - it stays open while the pointer is over the name or over the card (crossing the small gap between them
 *   included), and closes `closeDelayMs` (about 300 ms) after the pointer has left both;
 * - resting on another name opens that name's card in its place.
 *
 * Targets are compared with `===`: the caller passes the same object for the same name.
 */

export interface HoverConfig {
  openDelayMs: number;
  closeDelayMs: number;
  /** Above this speed the pointer is travelling, not reading: the dwell restarts. */
  maxSpeedPxPerMs: number;
}

export const DEFAULT_HOVER_CONFIG: Readonly<HoverConfig> = Object.freeze({
  openDelayMs: 150,
  closeDelayMs: 300,
  maxSpeedPxPerMs: 0.5,
});

export type HoverEvent<T> =
  /** A pointer sample: what is under it (a name, or null) and whether it is over the card. */
  | { kind: 'pointer'; t: number; x: number; y: number; over: T | null; inCard: boolean }
  /** A wake-up the machine asked for (or any later time: early or late wake-ups are harmless). */
  | { kind: 'wake'; t: number }
  /** A card was opened by other means (keyboard, tap): hovering now follows that card. */
  | { kind: 'opened'; target: T; t: number }
  /** The card was closed by other means (Escape, its close button, the page going away). */
  | { kind: 'closed' };

export interface HoverState<T> {
  /** The target whose card is open. */
  shown: T | null;
  /** The name the pointer rests on, waiting for its dwell to complete. */
  candidate: T | null;
  /** When the current dwell on `candidate` started. */
  dwellSince: number;
  /** When the pointer left both the shown name and the card (null while it is over one of them). */
  leftAt: number | null;
  /** The previous pointer sample, for the speed. */
  last: { t: number; x: number; y: number } | null;
}

export interface HoverStep<T> {
  state: HoverState<T>;
  /** Open the card for this target (replacing any other). */
  open?: T;
  /** Close the card. */
  close?: true;
  /** Call again with a `wake` event at (or after) this time. */
  wakeAt?: number;
}

export function initialHoverState<T>(): HoverState<T> {
  return { shown: null, candidate: null, dwellSince: 0, leftAt: null, last: null };
}

/** The next state for one event, with what to do. */
export function hoverStep<T>(state: HoverState<T>, event: HoverEvent<T>, config: HoverConfig = DEFAULT_HOVER_CONFIG): HoverStep<T> {
  switch (event.kind) {
    case 'opened':
      return { state: { ...state, shown: event.target, candidate: null, leftAt: null } };
    case 'closed':
      return { state: { ...state, shown: null, candidate: null, leftAt: null } };
    case 'pointer':
      return settle(onPointer(state, event, config), event.t, config);
    case 'wake':
      return settle(state, event.t, config);
  }
}

function onPointer<T>(state: HoverState<T>, e: Extract<HoverEvent<T>, { kind: 'pointer' }>, config: HoverConfig): HoverState<T> {
  const next: HoverState<T> = { ...state, last: { t: e.t, x: e.x, y: e.y } };
  const fast = isFast(state.last, e, config);

  if (e.inCard || (e.over !== null && e.over === state.shown)) {
    // Over the open card or its own name: keep it, and forget any other name passed on the way.
    next.leftAt = null;
    next.candidate = null;
    return next;
  }
  if (state.shown !== null && next.leftAt === null) next.leftAt = e.t;

  if (e.over === null) {
    next.candidate = null;
  } else if (e.over !== state.candidate || fast) {
    // A new name, or the pointer still travelling: the dwell (re)starts now.
    next.candidate = e.over;
    next.dwellSince = e.t;
  }
  return next;
}

function isFast<T>(last: HoverState<T>['last'], e: { t: number; x: number; y: number }, config: HoverConfig): boolean {
  if (!last) return false;
  const dt = e.t - last.t;
  const distance = Math.hypot(e.x - last.x, e.y - last.y);
  // Two samples in the same millisecond: judge by distance over one millisecond.
  return distance / Math.max(dt, 1) > config.maxSpeedPxPerMs;
}

/** Fires whatever is due at time `t`, and says when to look again. */
function settle<T>(state: HoverState<T>, t: number, config: HoverConfig): HoverStep<T> {
  let next = state;
  let open: T | undefined;
  let close = false;

  if (next.candidate !== null && t - next.dwellSince >= config.openDelayMs) {
    const target = next.candidate;
    open = target;
    next = { ...next, shown: target, candidate: null, leftAt: null };
  } else if (next.shown !== null && next.leftAt !== null && t - next.leftAt >= config.closeDelayMs) {
    next = { ...next, shown: null, leftAt: null };
    close = true;
  }

  const wakes: number[] = [];
  if (next.candidate !== null) wakes.push(next.dwellSince + config.openDelayMs);
  if (next.shown !== null && next.leftAt !== null) wakes.push(next.leftAt + config.closeDelayMs);

  const step: HoverStep<T> = { state: next };
  if (open !== undefined) step.open = open;
  if (close) step.close = true;
  if (wakes.length > 0) step.wakeAt = Math.min(...wakes);
  return step;
}
