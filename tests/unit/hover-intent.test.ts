import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  DEFAULT_HOVER_CONFIG, hoverStep, initialHoverState, type HoverEvent, type HoverState, type HoverStep,
} from '../../src/core/ui/hover-intent.ts';

interface Name { id: string }
const QAANI: Name = { id: 'qaani' };
const ASSAD: Name = { id: 'assad' };

/** Runs events in order, waking the machine whenever it asked to be woken before the next event's time. */
function run(events: HoverEvent<Name>[], until: number): { opened: string[]; closed: number[]; state: HoverState<Name> } {
  let state = initialHoverState<Name>();
  let wakeAt: number | undefined;
  const opened: string[] = [];
  const closed: number[] = [];
  const apply = (step: HoverStep<Name>, t: number) => {
    state = step.state;
    if (step.open) opened.push(`${step.open.id}@${t}`);
    if (step.close) closed.push(t);
    wakeAt = step.wakeAt;
  };
  const timeOf = (e: HoverEvent<Name>) => ('t' in e ? e.t : 0);
  for (const e of [...events, { kind: 'wake', t: until } as const]) {
    while (wakeAt !== undefined && wakeAt <= timeOf(e)) {
      const t = wakeAt;
      apply(hoverStep(state, { kind: 'wake', t }), t);
    }
    apply(hoverStep(state, e), timeOf(e));
  }
  return { opened, closed, state };
}

const at = (t: number, x: number, over: Name | null, inCard = false): HoverEvent<Name> => ({ kind: 'pointer', t, x, y: 100, over, inCard });

test('resting on a name opens its card after the dwell from arrival; slow drift does not restart it', () => {
  const { opened } = run([at(0, 10, QAANI), at(20, 11, QAANI)], 1000);
  assert.deepEqual(opened, [`qaani@${DEFAULT_HOVER_CONFIG.openDelayMs}`]);
});

test('a pointer sweeping fast across names opens nothing', () => {
  // 40 px every 16 ms (2.5 px/ms) over alternating names, then off the text.
  const events: HoverEvent<Name>[] = [];
  for (let i = 0; i < 30; i++) events.push(at(i * 16, i * 40, i % 4 < 2 ? QAANI : ASSAD));
  events.push(at(30 * 16, 1300, null));
  const { opened } = run(events, 5000);
  assert.deepEqual(opened, []);
});

test('a fast pointer that stops on a name opens it once it has rested there', () => {
  const events: HoverEvent<Name>[] = [];
  for (let i = 0; i < 10; i++) events.push(at(i * 16, i * 40, QAANI));
  const { opened } = run(events, 2000);
  assert.deepEqual(opened, [`qaani@${9 * 16 + DEFAULT_HOVER_CONFIG.openDelayMs}`]);
});

test('the card stays open while the pointer crosses to the card and stays there', () => {
  const { opened, closed } = run([at(0, 10, QAANI), at(400, 10, null), at(450, 10, null, true), at(2000, 10, null, true)], 3000);
  assert.deepEqual(opened, [`qaani@${DEFAULT_HOVER_CONFIG.openDelayMs}`]);
  assert.deepEqual(closed, []);
});

test('the card closes about 300 ms after the pointer has left both the name and the card', () => {
  const { closed, state } = run([at(0, 10, QAANI), at(400, 10, null, true), at(600, 300, null)], 3000);
  assert.deepEqual(closed, [600 + DEFAULT_HOVER_CONFIG.closeDelayMs]);
  assert.equal(state.shown, null);
});

test('coming back to the name before the close delay keeps the card', () => {
  const { closed } = run([at(0, 10, QAANI), at(400, 200, null), at(500, 12, QAANI)], 3000);
  assert.deepEqual(closed, []);
});

test('resting on another name opens its card in place of the first', () => {
  const { opened, closed } = run([at(0, 10, QAANI), at(400, 200, ASSAD), at(420, 201, ASSAD)], 3000);
  assert.deepEqual(opened, [`qaani@150`, `assad@${400 + DEFAULT_HOVER_CONFIG.openDelayMs}`]);
  assert.deepEqual(closed, [], 'replaced, not closed');
});

test('a card opened from the keyboard closes when the pointer then moves off it, and Escape forgets it', () => {
  let s = hoverStep(initialHoverState<Name>(), { kind: 'opened', target: QAANI, t: 0 });
  assert.equal(s.state.shown, QAANI);
  s = hoverStep(s.state, at(10, 500, null));
  assert.equal(s.wakeAt, 10 + DEFAULT_HOVER_CONFIG.closeDelayMs);
  s = hoverStep(s.state, { kind: 'closed' });
  assert.equal(s.state.shown, null);
  assert.equal(hoverStep(s.state, { kind: 'wake', t: 1000 }).close, undefined, 'nothing left to close');
});

test('the delays come from the configuration (the user’s hover delay setting)', () => {
  const config = { ...DEFAULT_HOVER_CONFIG, openDelayMs: 600 };
  let s = hoverStep(initialHoverState<Name>(), at(0, 10, QAANI), config);
  assert.equal(s.wakeAt, 600);
  s = hoverStep(s.state, { kind: 'wake', t: 599 }, config);
  assert.equal(s.open, undefined, 'an early wake-up opens nothing');
  s = hoverStep(s.state, { kind: 'wake', t: 600 }, config);
  assert.equal(s.open, QAANI);
});
