/**
 * The pointer side of the card: mouse movement fed to the hover-intent state machine (src/core/ui/hover-intent.ts),
 * one hit test per animation frame at most, and a tap on a name opening its card on touch screens. Listeners
 * are passive and removed with the signal; nothing here prevents the page's own handling of an event.
 */
import { DEFAULT_HOVER_CONFIG, hoverStep, initialHoverState, type HoverEvent, type HoverState } from '../../core/ui/hover-intent.ts';
import type { FoundMention } from '../scan/page-mentions.ts';

export interface HoverWiring {
  /** The shown mention under a viewport point, if any. */
  hitTest(x: number, y: number): FoundMention | undefined;
  isInCard(e: Event): boolean;
  open(m: FoundMention, how: { focus: boolean }): void;
  close(): void;
  /** The user's dwell before a card opens (settings.hoverDelayMs). */
  openDelayMs(): number;
  /** The pointer came onto a name (its card may open after the dwell): what the card shows can be fetched now. */
  pointing(m: FoundMention): void;
}

/** Elements a tap belongs to: tapping a name inside a link follows the link, as it always did. */
const INTERACTIVE = 'a[href], button, input, select, textarea, label, summary, [role="button"], [role="link"], [contenteditable]';

export class HoverController {
  private state: HoverState<FoundMention> = initialHoverState();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private frame = 0;
  private lastX = 0;
  private lastY = 0;
  private lastTouch = -Infinity;
  private pointed: FoundMention | null = null;

  constructor(private readonly wiring: HoverWiring, signal: AbortSignal) {
    const opts = { capture: true, passive: true, signal };
    document.addEventListener('mousemove', (e) => this.onMove(e), opts);
    document.documentElement.addEventListener('mouseleave', () => this.onLeave(), opts);
    document.addEventListener('pointerdown', (e) => {
      if (e.pointerType === 'touch') this.lastTouch = e.timeStamp;
    }, opts);
    document.addEventListener('click', (e) => this.onClick(e), opts);
    signal.addEventListener('abort', () => {
      clearTimeout(this.timer);
      if (this.frame) cancelAnimationFrame(this.frame);
    });
  }

  /** A card was opened by other means (keyboard, tap): hovering follows it. */
  opened(m: FoundMention): void {
    this.apply({ kind: 'opened', target: m, t: performance.now() });
  }

  /** The card was closed by other means. */
  closed(): void {
    this.apply({ kind: 'closed' });
  }

  private onMove(e: MouseEvent): void {
    if (this.wiring.isInCard(e)) {
      this.feed(e.clientX, e.clientY, null, true);
      return;
    }
    this.lastX = e.clientX;
    this.lastY = e.clientY;
    // One caret hit test per frame at most, however fast the events come.
    if (!this.frame) {
      this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        this.feed(this.lastX, this.lastY, this.wiring.hitTest(this.lastX, this.lastY) ?? null, false);
      });
    }
  }

  private onLeave(): void {
    this.feed(-1, -1, null, false);
  }

  private onClick(e: MouseEvent): void {
    // A tap: a click right after a touch pointerdown. A mouse click on a name does nothing special.
    if (e.timeStamp - this.lastTouch > 1000 || this.wiring.isInCard(e)) return;
    const target = e.target as Element | null;
    if (target?.closest?.(INTERACTIVE)) return;
    const m = this.wiring.hitTest(e.clientX, e.clientY);
    if (m) this.wiring.open(m, { focus: true });
  }

  private feed(x: number, y: number, over: FoundMention | null, inCard: boolean): void {
    if (over && over !== this.pointed) this.wiring.pointing(over);
    if (!inCard) this.pointed = over;
    this.apply({ kind: 'pointer', t: performance.now(), x, y, over, inCard });
  }

  private apply(event: HoverEvent<FoundMention>): void {
    const config = { ...DEFAULT_HOVER_CONFIG, openDelayMs: this.wiring.openDelayMs() };
    const step = hoverStep(this.state, event, config);
    this.state = step.state;
    if (step.open) this.wiring.open(step.open, { focus: false });
    if (step.close) this.wiring.close();
    clearTimeout(this.timer);
    this.timer = undefined;
    if (step.wakeAt !== undefined) {
      const delay = Math.max(0, step.wakeAt - performance.now());
      this.timer = setTimeout(() => this.apply({ kind: 'wake', t: performance.now() }), delay + 1);
    }
  }
}
