/**
 * Following a dynamic page: one MutationObserver collects what changed, and after a short quiet spell hands over
 * the block-level regions to rescan, outermost only. It observes
 * - the document and each open shadow root the scan met, for added and removed nodes;
 * - the regions the scan read text in, for text edits (text-regions.ts: not the whole document, so the page's
 *   own text edits elsewhere cost nothing; regions the page rewrites in bursts are looked at now and then);
 * - attributes that can show hidden text, only while some found name is hidden (a page animating styles is
 *   otherwise not watched attribute by attribute).
 * Text a page reveals (a [hidden] or display: none element shown by an attribute or class change) is looked at
 * again. A history-API navigation (SPA route change) is reported as such: a new document context.
 *
 * The observer's callback only records; all reading happens later, at idle time, in the scanner.
 *
 * Nothing the page drops is kept: an observer holds on to every node it observes, so when shadow roots or text
 * regions have left the page the observer is rebuilt without them (a host the page puts back is rescanned as an
 * added node, and observed again), and remembered hidden elements that left the page are dropped.
 */
import { guarded } from '../guard.ts';
import { HOST_TAG, blockAround, isHidden, isInSkippedRegion } from './text-skip.ts';
import { POLL_MS, TextRegions } from './text-regions.ts';

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
/** Registrations on nodes gone from the page tolerated before the observer is rebuilt without them. */
const MAX_STALE = 64;

/** Only what can show hidden text. */
const SHOWING_ATTRIBUTES = ['hidden', 'open', 'style', 'class'];

/** The URL without its fragment: a #section jump is not a new document. */
const pageKey = (href: string): string => href.split('#')[0] ?? href;

function isOurHost(n: Node): boolean {
  return n.nodeType === Node.ELEMENT_NODE && (n as Element).localName === HOST_TAG;
}

export class DomWatch {
  private readonly observer: MutationObserver;
  /** The open shadow roots the scan met and which are observed, besides the document. */
  private readonly roots = new Set<ShadowRoot>();
  private readonly text = new TextRegions();
  private readonly dirty = new Set<Node>();
  private readonly hidden = new Set<Element>();
  private attributesChanged = false;
  /** Attribute changes are observed (some found name is hidden). */
  private watchingAttributes = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private poller: ReturnType<typeof setInterval> | undefined;
  private firstChangeAt = 0;
  private url = pageKey(location.href);

  constructor(private readonly cb: DomWatchCallbacks, signal: AbortSignal) {
    this.observer = new MutationObserver(guarded((records: MutationRecord[]) => this.onRecords(records)));
    this.observer.observe(document, this.optionsFor(document));
    const check = guarded(() => this.checkUrl());
    window.addEventListener('popstate', check, { signal });
    const nav = (globalThis as { navigation?: EventTarget }).navigation;
    nav?.addEventListener?.('currententrychange', check, { signal });
    signal.addEventListener('abort', () => {
      this.observer.disconnect();
      clearTimeout(this.timer);
      clearInterval(this.poller);
      this.dirty.clear();
      this.hidden.clear();
      this.roots.clear();
      this.text.clear();
    });
  }

  /** Watches an open shadow root the scan met. */
  observe(root: ShadowRoot): void {
    if (this.roots.has(root)) return;
    this.roots.add(root);
    this.observer.observe(root, this.optionsFor(root));
  }

  /** Watches a region the scan read text in for text edits (a block, a shadow root, or a text node). */
  watchText(region: Node): void {
    if (this.text.add(region)) this.observer.observe(region, this.optionsFor(region));
  }

  /** The shadow roots watched now (where hit tests look, besides the document). */
  shadowRoots(): ShadowRoot[] {
    return [...this.roots];
  }

  /** Remembers an element the scan skipped as hidden, to look again when the page changes its attributes. */
  noteHidden(el: Element): void {
    if (this.hidden.size >= MAX_HIDDEN) return;
    this.hidden.add(el);
    if (!this.watchingAttributes) {
      this.watchingAttributes = true;
      // Observing a node again replaces its options: the document and the roots now also take attributes.
      this.observer.observe(document, this.optionsFor(document));
      for (const root of this.roots) this.observer.observe(root, this.optionsFor(root));
    }
  }

  /** Forgets pending changes (a full rescan is about to read everything). */
  discardPending(): void {
    this.dirty.clear();
    this.hidden.clear();
    this.attributesChanged = false;
  }

  /** What the observer takes from a node: structure from the document and shadow roots, text from regions. */
  private optionsFor(node: Node): MutationObserverInit {
    const structural = node === document || this.roots.has(node as ShadowRoot);
    const text = this.text.observed.has(node);
    const options: MutationObserverInit = {
      childList: structural,
      subtree: structural || (text && node.nodeType !== Node.TEXT_NODE),
      characterData: text,
    };
    if (structural && this.watchingAttributes) options.attributeFilter = SHOWING_ATTRIBUTES;
    return options;
  }

  private onRecords(records: MutationRecord[]): void {
    if (this.checkUrl()) return;
    this.collect(records);
    this.schedule();
  }

  private schedule(): void {
    if (this.dirty.size === 0 && !this.attributesChanged) return;
    const t = performance.now();
    if (this.timer === undefined) this.firstChangeAt = t;
    clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(QUIET_MS, this.firstChangeAt + MAX_WAIT_MS - t));
    this.timer = setTimeout(guarded(() => this.flush()), wait);
  }

  private collect(records: MutationRecord[]): void {
    let heated = false;
    const regionCache = new Map<Node, Node | null>();
    for (const r of records) {
      if (r.type === 'attributes') {
        if (this.hidden.size > 0) this.attributesChanged = true;
        continue;
      }
      if (r.type === 'childList' && [...r.addedNodes, ...r.removedNodes].every(isOurHost)) continue;
      const target = r.type === 'characterData' ? r.target.parentNode : r.target;
      if (target) this.dirty.add(target);
      if (r.type === 'characterData' && this.text.count(r.target, regionCache)) heated = true;
    }
    if (heated) {
      // Stop observing the hot regions (an observer can't unobserve one node: rebuilt), look at them now and then.
      this.rebuild();
      this.poller ??= setInterval(guarded(() => this.pollHot()), POLL_MS);
    }
  }

  private pollHot(): void {
    if (document.hidden) return;
    const { changed, cooled } = this.text.poll();
    for (const region of cooled) this.observer.observe(region, this.optionsFor(region));
    if (this.text.hotCount === 0) {
      clearInterval(this.poller);
      this.poller = undefined;
    }
    if (changed.length === 0) return;
    for (const region of changed) this.dirty.add(region.nodeType === Node.TEXT_NODE ? region.parentNode ?? region : region);
    this.schedule();
  }

  /** Observes again from scratch: the document, the shadow roots and the text regions that are still wanted. */
  private rebuild(): void {
    // Records already queued survive the disconnect only if taken first.
    const pending = this.observer.takeRecords();
    this.observer.disconnect();
    this.watchingAttributes = this.hidden.size > 0;
    this.observer.observe(document, this.optionsFor(document));
    for (const root of this.roots) this.observer.observe(root, this.optionsFor(root));
    for (const region of this.text.observed) if (!this.roots.has(region as ShadowRoot)) this.observer.observe(region, this.optionsFor(region));
    this.text.stale = 0;
    if (pending.length > 0) this.collect(pending);
  }

  /** Lets go of what the page dropped: shadow roots whose host left the page, text regions, hidden elements. */
  private forgetDropped(): void {
    for (const el of this.hidden) if (!el.isConnected) this.hidden.delete(el);
    let rebuild = false;
    for (const root of this.roots) {
      if (!root.host.isConnected) {
        this.roots.delete(root);
        rebuild = true;
      }
    }
    this.text.flushed();
    if (rebuild || this.text.stale >= MAX_STALE) this.rebuild();
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
    this.forgetDropped();
    if (this.attributesChanged) {
      this.attributesChanged = false;
      for (const el of this.hidden) {
        if (!isHidden(el)) {
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
