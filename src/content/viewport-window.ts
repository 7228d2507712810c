/**
 * Which of many ranges are near the viewport. Browsers re-process every range of a Highlight whenever it
 * changes (Chromium measured here: adding to a Highlight that holds 8,000 ranges costs a 130–170 ms frame), so
 * on a page with thousands of names only those within a screen or so of the viewport are registered, and the
 * set follows scrolling. An IntersectionObserver watches the elements that hold the ranges, so nothing is
 * computed on scroll by us and the browser reports changes in batches.
 */

/** How far beyond the viewport, above and below, ranges stay registered: scrolling a screen shows no gap. */
const MARGIN = '100% 0px 100% 0px';

export interface WindowCallbacks {
  shown(range: Range): void;
  hidden(range: Range): void;
}

export class ViewportWindow {
  private readonly observer: IntersectionObserver;
  private readonly byElement = new Map<Element, Set<Range>>();
  /** Where each range was filed (its text may have left the page since). */
  private readonly elementOf = new Map<Range, Element>();
  private readonly near = new Set<Element>();

  constructor(private readonly cb: WindowCallbacks) {
    this.observer = new IntersectionObserver((entries) => {
      for (const entry of entries) this.update(entry.target, entry.isIntersecting);
    }, { rootMargin: MARGIN });
  }

  track(range: Range): void {
    const el = holderOf(range);
    if (!el || this.elementOf.has(range)) return;
    this.elementOf.set(range, el);
    const ranges = this.byElement.get(el);
    if (ranges) {
      ranges.add(range);
      if (this.near.has(el)) this.cb.shown(range);
    } else {
      this.byElement.set(el, new Set([range]));
      this.observer.observe(el);
    }
  }

  untrack(range: Range): void {
    const el = this.elementOf.get(range);
    this.elementOf.delete(range);
    const ranges = el ? this.byElement.get(el) : undefined;
    if (!el || !ranges?.delete(range)) return;
    if (this.near.has(el)) this.cb.hidden(range);
    if (ranges.size === 0) {
      this.byElement.delete(el);
      this.near.delete(el);
      this.observer.unobserve(el);
    }
  }

  destroy(): void {
    this.observer.disconnect();
    this.byElement.clear();
    this.elementOf.clear();
    this.near.clear();
  }

  private update(el: Element, isNear: boolean): void {
    const ranges = this.byElement.get(el);
    if (!ranges || isNear === this.near.has(el)) return;
    if (isNear) this.near.add(el);
    else this.near.delete(el);
    for (const r of ranges) {
      if (isNear) this.cb.shown(r);
      else this.cb.hidden(r);
    }
  }
}

/** The element a range's text sits in (what the observer watches). */
function holderOf(range: Range): Element | null {
  const node = range.startContainer;
  return node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
}
