/**
 * Which of many ranges are near the viewport. Browsers re-process every range of a Highlight whenever it
 * changes (Chromium measured here: adding to a Highlight that holds 8,000 ranges costs a 130–170 ms frame), so
 * on a page with thousands of names only those within a screen or so of the viewport are registered, and the
 * set follows scrolling. An IntersectionObserver watches the elements that hold the ranges, so nothing is
 * computed on scroll by us for them and the browser reports changes in batches.
 *
 * An element holding very many names (one paragraph of 40,000 names, issue 13) is near the viewport as a whole
 * while only a screenful of its names is: registering all of them made every frame take half a second. Such a
 * "dense" element registers only the names whose text is within the margin, found by a binary search over its
 * names in document order (lines follow the text's order within one element), and follows scrolling (a passive
 * listener, at most once a frame) while it is near.
 */
import { comparePoints, liveRange } from '../scan/page-mentions.ts';

/** How far beyond the viewport, above and below, ranges stay registered: scrolling a screen shows no gap. */
const MARGIN = '100% 0px 100% 0px';
/** An element with more names than this registers only those near the viewport. */
const DENSE_ABOVE = 256;
/** At most this many names of one dense element are registered at once (a screen holds far fewer). */
const DENSE_WINDOW_MAX = 3000;

export interface NearViewportCallbacks {
  shown(range: AbstractRange): void;
  hidden(range: AbstractRange): void;
}

interface Holder {
  ranges: Set<AbstractRange>;
  near: boolean;
  /** For a dense element: its ranges in document order (null: to sort again), and those registered now. */
  sorted: AbstractRange[] | null;
  shown: Set<AbstractRange> | null;
}

const byPosition = (a: AbstractRange, b: AbstractRange): number =>
  comparePoints(a.startContainer, a.startOffset, b.startContainer, b.startOffset);

export class NearViewport {
  private readonly observer: IntersectionObserver;
  private readonly holders = new Map<Element, Holder>();
  /** Where each range was filed (its text may have left the page since). */
  private readonly elementOf = new Map<AbstractRange, Element>();
  /** Dense elements near the viewport: their windows follow scrolling. */
  private readonly denseNear = new Set<Holder>();
  private frame = 0;
  private readonly listening = new AbortController();

  constructor(private readonly cb: NearViewportCallbacks) {
    this.observer = new IntersectionObserver((entries) => {
      for (const entry of entries) this.update(entry.target, entry.isIntersecting);
    }, { rootMargin: MARGIN });
    const follow = () => this.schedule();
    const opts = { capture: true, passive: true, signal: this.listening.signal };
    document.addEventListener('scroll', follow, opts);
    window.addEventListener('resize', follow, opts);
  }

  track(range: AbstractRange): void {
    const el = holderOf(range);
    if (!el || this.elementOf.has(range)) return;
    this.elementOf.set(range, el);
    let holder = this.holders.get(el);
    if (!holder) {
      holder = { ranges: new Set(), near: false, sorted: null, shown: null };
      this.holders.set(el, holder);
      this.observer.observe(el);
    }
    holder.ranges.add(range);
    if (holder.shown) {
      holder.sorted = null;
      if (holder.near) this.schedule();
    } else if (holder.ranges.size > DENSE_ABOVE) {
      this.makeDense(holder);
    } else if (holder.near) {
      this.cb.shown(range);
    }
  }

  untrack(range: AbstractRange): void {
    const el = this.elementOf.get(range);
    this.elementOf.delete(range);
    const holder = el ? this.holders.get(el) : undefined;
    if (!el || !holder?.ranges.delete(range)) return;
    if (holder.shown) {
      holder.sorted = null;
      if (holder.shown.delete(range)) this.cb.hidden(range);
    } else if (holder.near) {
      this.cb.hidden(range);
    }
    if (holder.ranges.size === 0) {
      this.holders.delete(el);
      this.denseNear.delete(holder);
      this.observer.unobserve(el);
    }
  }

  destroy(): void {
    this.observer.disconnect();
    this.listening.abort();
    if (this.frame) cancelAnimationFrame(this.frame);
    this.holders.clear();
    this.elementOf.clear();
    this.denseNear.clear();
  }

  private update(el: Element, isNear: boolean): void {
    const holder = this.holders.get(el);
    if (!holder || isNear === holder.near) return;
    holder.near = isNear;
    if (holder.shown) {
      if (isNear) {
        this.denseNear.add(holder);
        this.schedule();
      } else {
        this.denseNear.delete(holder);
        for (const r of holder.shown) this.cb.hidden(r);
        holder.shown.clear();
      }
      return;
    }
    for (const r of holder.ranges) {
      if (isNear) this.cb.shown(r);
      else this.cb.hidden(r);
    }
  }

  /** From now on this element registers only the names near the viewport. */
  private makeDense(holder: Holder): void {
    if (holder.near) for (const r of holder.ranges) this.cb.hidden(r);
    holder.shown = new Set();
    holder.sorted = null;
    if (holder.near) {
      this.denseNear.add(holder);
      this.schedule();
    }
  }

  /** Recomputes the dense elements' windows in the next frame (once, however many changes come before it). */
  private schedule(): void {
    if (this.frame || this.denseNear.size === 0) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      for (const holder of this.denseNear) this.refresh(holder);
    });
  }

  private refresh(holder: Holder): void {
    const sorted = (holder.sorted ??= [...holder.ranges].sort(byPosition));
    const vh = window.innerHeight || document.documentElement.clientHeight;
    const [top, bottom] = [-vh, 2 * vh];
    // The first name whose text ends below the band's top, and the first that starts below its bottom.
    const first = search(sorted, (r) => (rectOf(r)?.bottom ?? -Infinity) >= top);
    const end = Math.min(search(sorted, (r) => (rectOf(r)?.top ?? -Infinity) > bottom), first + DENSE_WINDOW_MAX);
    const next = new Set(sorted.slice(first, Math.max(first, end)));
    const shown = holder.shown!;
    for (const r of shown) if (!next.has(r)) this.cb.hidden(r);
    for (const r of next) if (!shown.has(r)) this.cb.shown(r);
    holder.shown = next;
  }
}

/** The first index in `xs` where `pred` holds (xs.length if nowhere), `pred` being false then true along xs. */
function search<T>(xs: readonly T[], pred: (x: T) => boolean): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pred(xs[mid]!)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function rectOf(r: AbstractRange): DOMRect | undefined {
  return liveRange(r)?.getBoundingClientRect();
}

/** The element a range's text sits in (what the observer watches). */
function holderOf(range: AbstractRange): Element | null {
  const node = range.startContainer;
  return node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
}
