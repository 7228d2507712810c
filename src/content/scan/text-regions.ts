/**
 * Where text changes are watched. A MutationObserver that watches character data over the whole document makes
 * every text edit the page makes cost a mutation record (measured: 20,000 edits of one text node 2–3× slower in
 * Chromium, 5× in Firefox, with an observer that does nothing), so text is watched per region instead: each
 * block the scan read text in (or the text node itself, for text directly in <body>) is observed for character
 * data, and nothing else is.
 *
 * A region the page rewrites many times in a short while (a counter, a clock, a ticker) is "hot": it stops
 * being observed edit by edit, and is looked at every POLL_MS instead (its text compared with the last look; a
 * change is rescanned like any other). After half a minute without a change it is observed again. So a page
 * that edits text in bursts pays for the records of one burst, then nothing.
 */

/** Character-data records for one region within one watch period past which it is hot. */
export const HOT_RECORDS = 200;
/** How often hot regions are looked at. */
export const POLL_MS = 2000;
/**
 * Looks without a change after which a hot region is observed again: half a minute, as a page that edits in
 * bursts may well come back to the same text by the next look (a look can't see the edits in between).
 */
const QUIET_POLLS = 15;

interface Hot {
  text: string;
  quiet: number;
}

const textOf = (node: Node): string => (node.nodeType === Node.TEXT_NODE ? (node as Text).data : node.textContent ?? '');

export class TextRegions {
  /** Regions observed for character data (hot ones excluded). */
  readonly observed = new Set<Node>();
  private readonly hot = new Map<Node, Hot>();
  /** Records per region since the last flush. */
  private readonly counts = new Map<Node, number>();
  /** Registrations on regions that left the page: the observer keeps those nodes alive until it is rebuilt. */
  stale = 0;

  isHot(region: Node): boolean {
    return this.hot.has(region);
  }

  get hotCount(): number {
    return this.hot.size;
  }

  /** A region the scan read text in: true when it is new (observe it). */
  add(region: Node): boolean {
    if (this.observed.has(region) || this.hot.has(region)) return false;
    this.observed.add(region);
    return true;
  }

  /**
   * Counts a character-data record on `text`; returns the region it belongs to when that region has just become
   * hot (the caller stops observing it), else null. `cache` spares a walk up the tree per record of a burst.
   */
  count(text: Node, cache: Map<Node, Node | null>): Node | null {
    let region = cache.get(text);
    if (region === undefined) {
      region = this.regionOf(text);
      cache.set(text, region);
    }
    if (!region || this.hot.has(region)) return null;
    const n = (this.counts.get(region) ?? 0) + 1;
    this.counts.set(region, n);
    if (n <= HOT_RECORDS) return null;
    // A region observed around it observes it too (its subtree): it goes hot with it.
    for (let r: Node | null = region; r; r = r.parentNode) {
      if (r !== region && !this.observed.has(r)) continue;
      this.observed.delete(r);
      this.hot.set(r, { text: textOf(r), quiet: 0 });
    }
    return region;
  }

  /** A flush: counts start over; regions that left the page are forgotten. Returns how many were dropped. */
  flushed(): number {
    this.counts.clear();
    let dropped = 0;
    for (const region of this.observed) {
      if (!region.isConnected) {
        this.observed.delete(region);
        dropped++;
      }
    }
    for (const region of this.hot.keys()) if (!region.isConnected) this.hot.delete(region);
    this.stale += dropped;
    return dropped;
  }

  /**
   * Looks at the hot regions: returns those whose text changed since the last look (to rescan) and those quiet
   * long enough to be observed again (already moved back to `observed`).
   */
  poll(): { changed: Node[]; cooled: Node[] } {
    const changed: Node[] = [];
    const cooled: Node[] = [];
    for (const [region, state] of this.hot) {
      if (!region.isConnected) {
        this.hot.delete(region);
        continue;
      }
      const text = textOf(region);
      if (text !== state.text) {
        state.text = text;
        state.quiet = 0;
        changed.push(region);
      } else if (++state.quiet >= QUIET_POLLS) {
        this.hot.delete(region);
        this.observed.add(region);
        cooled.push(region);
      }
    }
    return { changed, cooled };
  }

  clear(): void {
    this.observed.clear();
    this.hot.clear();
    this.counts.clear();
    this.stale = 0;
  }

  /** The observed or hot region a text node belongs to: itself, or its nearest such ancestor. */
  private regionOf(node: Node): Node | null {
    for (let n: Node | null = node, depth = 0; n && depth < 64; n = n.parentNode, depth++) {
      if (this.observed.has(n) || this.hot.has(n)) return n;
    }
    return null;
  }
}
