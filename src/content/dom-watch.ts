/**
 * Following a dynamic page: one MutationObserver (on the document and on each open shadow root the scan met)
 * collects what changed, and after a short quiet spell hands over the block-level regions to rescan, outermost
 * only. Text a page reveals (a [hidden] or display: none element shown by an attribute or class change) is
 * looked at again. A history-API navigation (SPA route change) is reported as such: a new document context.
 *
 * The observer's callback only records; all reading happens later, at idle time, in the scanner.
 */
import { guarded } from './guard.ts';
import { HOST_TAG, blockAround, isHidden, isInSkippedRegion } from './text-skip.ts';

export interface DomWatchCallbacks {
  /** Regions whose text may have changed. */
  changed(roots: Node[]): void;
  /** The page moved to another URL without loading a new document. */
  navigated(): void;
}

/** Quiet time before changes are handed over, and the longest they wait on a page that never stops changing. */
const QUIET_MS = 150;
const MAX_WAIT_MS = 1000;
/** Past this many changed regions, rescanning the whole body is cheaper than working them out. */
const MAX_REGIONS = 200;
/** Hidden elements remembered for a second look. */
const MAX_HIDDEN = 2000;

const OBSERVE: MutationObserverInit = {
  childList: true,
  characterData: true,
  subtree: true,
  attributes: true,
  // Only what can show hidden text.
  attributeFilter: ['hidden', 'open', 'style', 'class'],
};

/** The URL without its fragment: a #section jump is not a new document. */
const pageKey = (href: string): string => href.split('#')[0] ?? href;

function isOurHost(n: Node): boolean {
  return n.nodeType === Node.ELEMENT_NODE && (n as Element).localName === HOST_TAG;
}

export class DomWatch {
  private readonly observer: MutationObserver;
  private readonly observed = new WeakSet<Node>();
  private readonly dirty = new Set<Node>();
  private readonly hidden = new Set<Element>();
  private attributesChanged = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private firstChangeAt = 0;
  private url = pageKey(location.href);

  constructor(private readonly cb: DomWatchCallbacks, signal: AbortSignal) {
    this.observer = new MutationObserver(guarded((records: MutationRecord[]) => this.onRecords(records)));
    this.observe(document);
    const check = guarded(() => this.checkUrl());
    window.addEventListener('popstate', check, { signal });
    const nav = (globalThis as { navigation?: EventTarget }).navigation;
    nav?.addEventListener?.('currententrychange', check, { signal });
    signal.addEventListener('abort', () => {
      this.observer.disconnect();
      clearTimeout(this.timer);
      this.dirty.clear();
      this.hidden.clear();
    });
  }

  observe(root: Document | ShadowRoot): void {
    if (this.observed.has(root)) return;
    this.observed.add(root);
    this.observer.observe(root, OBSERVE);
  }

  /** Remembers an element the scan skipped as hidden, to look again when the page changes its attributes. */
  noteHidden(el: Element): void {
    if (this.hidden.size < MAX_HIDDEN) this.hidden.add(el);
  }

  /** Forgets pending changes (a full rescan is about to read everything). */
  discardPending(): void {
    this.dirty.clear();
    this.hidden.clear();
    this.attributesChanged = false;
  }

  private onRecords(records: MutationRecord[]): void {
    if (this.checkUrl()) return;
    for (const r of records) {
      if (r.type === 'attributes') {
        if (this.hidden.size > 0) this.attributesChanged = true;
        continue;
      }
      if (r.type === 'childList' && [...r.addedNodes, ...r.removedNodes].every(isOurHost)) continue;
      const target = r.type === 'characterData' ? r.target.parentNode : r.target;
      if (target) this.dirty.add(target);
    }
    if (this.dirty.size === 0 && !this.attributesChanged) return;
    const t = performance.now();
    if (this.timer === undefined) this.firstChangeAt = t;
    clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(QUIET_MS, this.firstChangeAt + MAX_WAIT_MS - t));
    this.timer = setTimeout(guarded(() => this.flush()), wait);
  }

  /** True (and reported) when the URL changed since last looked. */
  private checkUrl(): boolean {
    const key = pageKey(location.href);
    if (key === this.url) return false;
    this.url = key;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.discardPending();
    this.cb.navigated();
    return true;
  }

  private flush(): void {
    this.timer = undefined;
    if (this.attributesChanged) {
      this.attributesChanged = false;
      for (const el of this.hidden) {
        if (!el.isConnected) this.hidden.delete(el);
        else if (!isHidden(el)) {
          this.hidden.delete(el);
          this.dirty.add(el);
        }
      }
    }
    const regions = new Set<Node>();
    for (const node of this.dirty) {
      if (!node.isConnected) continue;
      regions.add(blockAround(node));
      if (regions.size > MAX_REGIONS) break;
    }
    const overflow = regions.size > MAX_REGIONS;
    this.dirty.clear();
    if (overflow) {
      this.cb.changed([document.body ?? document.documentElement]);
      return;
    }
    const list = [...regions].filter((n) => !isInSkippedRegion(n));
    // Outermost only: a region inside another is rescanned with it.
    const outermost = list.filter((n) => !list.some((o) => o !== n && o.contains(n)));
    if (outermost.length > 0) this.cb.changed(outermost);
  }
}
