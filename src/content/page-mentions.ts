/**
 * The names found on this page: each a DOM range and an entity, with lookup from a text node to the mentions
 * in it (for hover hit-testing) and the per-entity, per-surface counts of the automation contract.
 */
import type { Entity } from '../core/dataset-schema.ts';
import type { PageMention } from '../shared/messages.ts';

export interface FoundMention {
  entityId: string;
  range: Range;
  /** The text exactly as it stands on the page. */
  surface: string;
}

export class PageMentionIndex {
  readonly all: FoundMention[] = [];
  private readonly byNode = new Map<Node, FoundMention[]>();

  add(m: FoundMention): void {
    this.all.push(m);
    // A mention can span several text nodes (<b>Bashar</b> al-Assad): index it under each.
    const { startContainer, endContainer } = m.range;
    this.indexUnder(startContainer, m);
    if (endContainer !== startContainer) {
      const walker = document.createTreeWalker(m.range.commonAncestorContainer, NodeFilter.SHOW_TEXT);
      walker.currentNode = startContainer;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        this.indexUnder(n, m);
        if (n === endContainer) break;
      }
    }
  }

  private indexUnder(node: Node, m: FoundMention): void {
    const list = this.byNode.get(node);
    if (list) list.push(m);
    else this.byNode.set(node, [m]);
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

  entityIds(): string[] {
    return [...new Set(this.all.map((m) => m.entityId))];
  }

  /** One row per entity and distinct surface, in order of first appearance. */
  summary(entities: ReadonlyMap<string, Entity>): PageMention[] {
    const rows = new Map<string, PageMention>();
    for (const m of this.all) {
      const key = `${m.entityId}\u0000${m.surface}`;
      const row = rows.get(key);
      if (row) row.count += 1;
      else rows.set(key, { entityId: m.entityId, name: entities.get(m.entityId)?.name.en ?? m.entityId, surface: m.surface, count: 1 });
    }
    return [...rows.values()];
  }
}

export function pointIsOver(range: Range, x: number, y: number): boolean {
  for (const rect of range.getClientRects()) {
    if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return true;
  }
  return false;
}
