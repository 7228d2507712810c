/**
 * The names found on this page: each a live DOM range and an entity, kept in document order, with lookup from
 * a text node to the mentions in it (hover hit-testing), removal of what a page change invalidated, and the
 * per-entity, per-surface counts of the automation contract.
 */
import type { PageMention } from '../shared/messages.ts';
import { hostOf } from './text-skip.ts';

export interface FoundMention {
  entityId: string;
  range: Range;
  /** The text exactly as it stands on the page. */
  surface: string;
}

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
function comparePoints(a: Node, aOffset: number, b: Node, bOffset: number): number {
  if (a.getRootNode() === b.getRootNode()) {
    if (a === b) return aOffset - bOffset;
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

export class PageMentionIndex {
  private list: FoundMention[] = [];
  private ordered = true;
  /** Mentions removed from the index but not yet from `list` (dropped lazily: removal stays O(1)). */
  private readonly dead = new Set<FoundMention>();
  private readonly byNode = new Map<Node, FoundMention[]>();
  /** The text nodes each live mention is indexed under. */
  private readonly nodesOf = new Map<FoundMention, Node[]>();
  /** Bumped by every change: tells whether a rescan changed anything. */
  version = 0;

  /** Every mention, in document order. */
  get all(): readonly FoundMention[] {
    if (this.dead.size > 0) {
      this.list = this.list.filter((m) => !this.dead.has(m));
      this.dead.clear();
    }
    if (!this.ordered) {
      this.list.sort(compareMentions);
      this.ordered = true;
    }
    return this.list;
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
    const same = this.byNode.get(startContainer)?.find((x) => x.range.startContainer === startContainer && x.range.startOffset === startOffset);
    if (same) this.remove(same);
    this.version++;
    const last = this.list[this.list.length - 1];
    if (this.ordered && last && compareMentions(last, m) > 0) this.ordered = false;
    this.list.push(m);
    const nodes = this.textNodesOf(m.range);
    this.nodesOf.set(m, nodes);
    for (const node of nodes) {
      const list = this.byNode.get(node);
      if (list) list.push(m);
      else this.byNode.set(node, [m]);
    }
    return same;
  }

  /** Removes one mention; false if it was not indexed. */
  remove(m: FoundMention): boolean {
    const nodes = this.nodesOf.get(m);
    if (!nodes) return false;
    for (const node of nodes) {
      const rest = (this.byNode.get(node) ?? []).filter((x) => x !== m);
      if (rest.length > 0) this.byNode.set(node, rest);
      else this.byNode.delete(node);
    }
    this.nodesOf.delete(m);
    this.dead.add(m);
    this.version++;
    return true;
  }

  /**
   * Removes the mentions whose text has left the page; returns them. Judged by the text nodes, not the range:
   * when a node is removed, a live range over it moves to the parent, still connected, collapsed.
   */
  removeDisconnected(): FoundMention[] {
    const gone: FoundMention[] = [];
    for (const [m, nodes] of this.nodesOf) if (m.range.collapsed || nodes.some((n) => !n.isConnected)) gone.push(m);
    for (const m of gone) this.remove(m);
    return gone;
  }

  /** The mentions whose text is inside `root` (not inside shadow trees below it, as Node.contains). */
  within(root: Node): FoundMention[] {
    const found = new Set<FoundMention>();
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      for (const m of this.byNode.get(n) ?? []) if (root.contains(m.range.startContainer)) found.add(m);
    }
    return [...found];
  }

  clear(): void {
    if (this.nodesOf.size > 0) this.version++;
    this.list = [];
    this.dead.clear();
    this.byNode.clear();
    this.nodesOf.clear();
    this.ordered = true;
  }

  /** The mention under a caret position, if the point is really over its text (not just nearest to it). */
  at(node: Node, offset: number, x: number, y: number): FoundMention | undefined {
    const candidates = this.byNode.get(node);
    if (!candidates) return undefined;
    for (const m of candidates) {
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

  entityIds(): string[] {
    return [...new Set(this.all.map((m) => m.entityId))];
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

  /** The text nodes a range covers: a mention can span several (<b>Bashar</b> al-Assad). */
  private textNodesOf(range: Range): Node[] {
    const { startContainer, endContainer } = range;
    if (startContainer === endContainer) return [startContainer];
    const nodes: Node[] = [startContainer];
    const walker = document.createTreeWalker(range.commonAncestorContainer, NodeFilter.SHOW_TEXT);
    walker.currentNode = startContainer;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      nodes.push(n);
      if (n === endContainer) break;
    }
    return nodes;
  }
}

export function pointIsOver(range: Range, x: number, y: number): boolean {
  for (const rect of range.getClientRects()) {
    if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return true;
  }
  return false;
}
