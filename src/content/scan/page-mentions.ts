/**
 * The names found on this page: each a StaticRange and an entity, kept in document order, with lookup from a
 * text node to the mentions in it (hover hit-testing), removal of what a page change invalidated, and the
 * per-entity, per-surface counts of the automation contract.
 *
 * Static, not live, ranges: the browser updates every live Range in a document on every DOM change anywhere in
 * it, so thousands of live ranges made the page's own DOM work slower with every name found (issue 13). A static
 * range is a node and offsets the browser never touches; a page change is followed by rescanning the region it
 * changed (dom-watch.ts), as before. Live ranges are made only for a moment where layout is asked (hit-testing,
 * placing the card).
 *
 * Bounded: a removed mention is dropped from every structure at once (the document-ordered list is compacted
 * once removals are a good part of it), since a static range holds its nodes and would keep a subtree the page
 * dropped alive. Adding is O(1) however many names one text node holds: mentions are indexed by node, and
 * within a node by start offset.
 */
import type { PageMention } from '../../shared/api/messages.ts';
import { hostOf } from './text-skip.ts';

export interface FoundMention {
  entityId: string;
  range: StaticRange;
  /** The text exactly as it stands on the page. */
  surface: string;
}

/** The mentions of one text node. */
interface NodeMentions {
  /** Those starting in the node, by start offset (a rescan of the same text replaces them). */
  byStart: Map<number, FoundMention>;
  /** Those covering any part of it (a mention can span several nodes: <b>Bashar</b> al-Assad). */
  all: Set<FoundMention>;
}

/** Past this many removed mentions, and once they are a quarter of the list, the list is compacted. */
const COMPACT_AFTER = 256;

/** The node itself, or the outermost shadow host it sits under: its place in the document's own tree. */
function liftToDocument(node: Node): Node {
  let n = node;
  for (let root = n.getRootNode(); ; root = n.getRootNode()) {
    const host = hostOf(root);
    if (!host) return n;
    n = host;
  }
}

/** Document order of two boundary points, across shadow trees (a shadow tree sorts at its host). */
export function comparePoints(a: Node, aOffset: number, b: Node, bOffset: number): number {
  if (a === b) return aOffset - bOffset;
  if (a.getRootNode() === b.getRootNode()) {
    const pos = a.compareDocumentPosition(b);
    if (pos & Node.DOCUMENT_POSITION_CONTAINED_BY) return -1;
    if (pos & Node.DOCUMENT_POSITION_CONTAINS) return 1;
    return pos & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
  }
  const la = liftToDocument(a);
  const lb = liftToDocument(b);
  if (la === lb) return 0;
  return la.compareDocumentPosition(lb) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}

const compareMentions = (x: FoundMention, y: FoundMention): number =>
  comparePoints(x.range.startContainer, x.range.startOffset, y.range.startContainer, y.range.startOffset);

/** A live Range over a static one, for the moment layout is asked of it; null when the page moved the text. */
export function liveRange(r: AbstractRange): Range | null {
  try {
    const range = new Range();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    return range;
  } catch {
    return null;
  }
}

export class PageMentionIndex {
  private list: FoundMention[] = [];
  private ordered = true;
  /** Removed mentions still in `list` (dropped in one pass once there are enough of them). */
  private deadInList = 0;
  private readonly byNode = new Map<Node, NodeMentions>();
  /** The text node each mention is indexed under, or the nodes when it spans several. */
  private readonly nodesOf = new Map<FoundMention, Node | Node[]>();
  /** Bumped by every change: tells whether a rescan changed anything. */
  version = 0;

  /** Every mention, in document order. */
  get all(): readonly FoundMention[] {
    if (this.deadInList > 0) this.compact();
    if (!this.ordered) {
      this.list.sort(compareMentions);
      this.ordered = true;
    }
    return this.list;
  }

  /** Every mention, in no particular order: a copy, cheaper than `all` (no sort, no compaction). */
  snapshot(): FoundMention[] {
    return [...this.nodesOf.keys()];
  }

  get size(): number {
    return this.nodesOf.size;
  }

  has(m: FoundMention): boolean {
    return this.nodesOf.has(m);
  }

  /**
   * Adds a mention. One already indexed at the same start (a rescan of the same text) is replaced: rescans are
   * idempotent. Returns the replaced mention, if any.
   */
  add(m: FoundMention): FoundMention | undefined {
    const { startContainer, startOffset } = m.range;
    const same = this.byNode.get(startContainer)?.byStart.get(startOffset);
    if (same) this.remove(same);
    this.version++;
    const last = this.list[this.list.length - 1];
    if (this.ordered && last && compareMentions(last, m) > 0) this.ordered = false;
    this.list.push(m);
    // Most names sit in one text node: no array for them (a page can hold tens of thousands of names).
    const nodes = startContainer === m.range.endContainer ? startContainer : textNodesOf(m.range);
    this.nodesOf.set(m, nodes);
    for (const node of Array.isArray(nodes) ? nodes : [nodes]) this.entryOf(node).all.add(m);
    this.entryOf(startContainer).byStart.set(startOffset, m);
    return same;
  }

  private entryOf(node: Node): NodeMentions {
    let entry = this.byNode.get(node);
    if (!entry) {
      entry = { byStart: new Map(), all: new Set() };
      this.byNode.set(node, entry);
    }
    return entry;
  }

  /** Removes one mention; false if it was not indexed. */
  remove(m: FoundMention): boolean {
    const nodes = this.nodesOf.get(m);
    if (!nodes) return false;
    for (const node of Array.isArray(nodes) ? nodes : [nodes]) {
      const entry = this.byNode.get(node);
      if (!entry) continue;
      entry.all.delete(m);
      if (entry.byStart.get(m.range.startOffset) === m) entry.byStart.delete(m.range.startOffset);
      if (entry.all.size === 0) this.byNode.delete(node);
    }
    this.nodesOf.delete(m);
    this.deadInList++;
    this.version++;
    if (this.deadInList >= COMPACT_AFTER && this.deadInList * 4 >= this.list.length) this.compact();
    return true;
  }

  /**
   * Removes the mentions whose text has left the page, or whose offsets no longer fit their text (the page
   * rewrote it: the region's rescan finds what it says now); returns them.
   */
  removeDisconnected(): FoundMention[] {
    const gone: FoundMention[] = [];
    for (const [m, nodes] of this.nodesOf) {
      const { startContainer, startOffset, endContainer, endOffset } = m.range;
      if (
        (Array.isArray(nodes) ? nodes.some((n) => !n.isConnected) : !nodes.isConnected) ||
        startOffset > (startContainer as Text).length ||
        endOffset > (endContainer as Text).length
      ) {
        gone.push(m);
      }
    }
    for (const m of gone) this.remove(m);
    return gone;
  }

  /** The mentions whose text is inside `root` (not inside shadow trees below it, as Node.contains). */
  within(root: Node): FoundMention[] {
    const found = new Set<FoundMention>();
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const entry = this.byNode.get(n);
      if (entry) for (const m of entry.all) if (root.contains(m.range.startContainer)) found.add(m);
    }
    return [...found];
  }

  clear(): void {
    if (this.nodesOf.size > 0) this.version++;
    this.list = [];
    this.deadInList = 0;
    this.byNode.clear();
    this.nodesOf.clear();
    this.ordered = true;
  }

  /** The mention under a caret position, if the point is really over its text (not just nearest to it). */
  at(node: Node, offset: number, x: number, y: number): FoundMention | undefined {
    const entry = this.byNode.get(node);
    if (!entry) return undefined;
    for (const m of entry.all) {
      const r = m.range;
      const inStart = node !== r.startContainer || offset >= r.startOffset;
      const inEnd = node !== r.endContainer || offset <= r.endOffset;
      if (inStart && inEnd && pointIsOver(r, x, y)) return m;
    }
    return undefined;
  }

  /** The mention containing the boundary point (node, offset), else the first one after it; among `keep`. */
  atOrAfter(node: Node, offset: number, keep: (m: FoundMention) => boolean): FoundMention | undefined {
    for (const m of this.all) {
      if (!keep(m)) continue;
      const { endContainer, endOffset } = m.range;
      if (comparePoints(node, offset, endContainer, endOffset) <= 0) return m;
    }
    return undefined;
  }

  /** The next (step 1) or previous (step -1) mention from `from` in document order, wrapping; among `keep`. */
  neighbour(from: FoundMention, step: 1 | -1, keep: (m: FoundMention) => boolean): FoundMention | undefined {
    const all = this.all;
    const n = all.length;
    const i = all.indexOf(from);
    if (i < 0) return undefined;
    for (let k = 1; k <= n; k++) {
      const m = all[(i + step * k + n * k) % n]!;
      if (m !== from && keep(m)) return m;
    }
    return undefined;
  }

  /** One row per entity and distinct surface, in order of first appearance. */
  summary(nameOf: (entityId: string) => string): PageMention[] {
    const rows = new Map<string, PageMention>();
    for (const m of this.all) {
      const key = `${m.entityId}\u0000${m.surface}`;
      const row = rows.get(key);
      if (row) row.count += 1;
      else rows.set(key, { entityId: m.entityId, name: nameOf(m.entityId), surface: m.surface, count: 1 });
    }
    return [...rows.values()];
  }

  /** Drops removed mentions from the document-ordered list (order is kept). */
  private compact(): void {
    this.list = this.list.filter((m) => this.nodesOf.has(m));
    this.deadInList = 0;
  }
}

/** The text nodes a range covers: a mention can span several (<b>Bashar</b> al-Assad), all in one block. */
function textNodesOf(range: AbstractRange): Node[] {
  const { startContainer, endContainer } = range;
  const nodes: Node[] = [startContainer];
  const walker = document.createTreeWalker(startContainer.getRootNode(), NodeFilter.SHOW_TEXT);
  walker.currentNode = startContainer;
  // A name is at most a few hundred characters: it can't span more nodes than this.
  for (let n = walker.nextNode(), k = 0; n && k < 1000; n = walker.nextNode(), k++) {
    nodes.push(n);
    if (n === endContainer) break;
  }
  return nodes;
}

export function pointIsOver(range: AbstractRange, x: number, y: number): boolean {
  const live = liveRange(range);
  if (!live) return false;
  for (const rect of live.getClientRects()) {
    if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return true;
  }
  return false;
}
