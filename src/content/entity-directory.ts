/**
 * What the content script knows about entities, fetched from the background on demand and only for this page:
 * a brief (type, English name, whether it has ambiguous aliases; it comes with each scan's answer) for each
 * entity found here, and the full records of the few whose cards were opened recently. No copy of the dataset
 * lives in a tab.
 */
import type { Entity } from '../core/dataset-schema.ts';
import type { EntityBrief } from '../core/entity-brief.ts';
import type { ArticleMeta } from '../shared/messages.ts';
import { sendToBackground } from '../shared/send.ts';

export type { EntityBrief };

/** Everything one card shows. */
export interface CardData {
  entity: Entity;
  /** Entities the card names (organisations of roles, targets of affiliations), by id. */
  related: ReadonlyMap<string, Entity>;
  articles: ReadonlyMap<string, ArticleMeta>;
}

/** Full records kept for cards: enough to go back and forth between a few names without refetching. */
const FULL_CACHE = 32;
/** getEntities takes at most this many ids per request. */
const BATCH = 500;

export class EntityDirectory {
  private readonly briefs = new Map<string, EntityBrief>();
  private readonly full = new Map<string, Entity>();
  private readonly articles = new Map<string, ArticleMeta>();

  brief(id: string): EntityBrief | undefined {
    return this.briefs.get(id);
  }

  /** Keeps the briefs a scan's answer brought (`briefs[i]` is that of `ids[i]`; null: not in the dataset). */
  learn(ids: readonly string[], briefs: ReadonlyArray<EntityBrief | null>): void {
    ids.forEach((id, i) => {
      const brief = briefs[i];
      if (brief) this.briefs.set(id, brief);
    });
  }

  /** The entity and what its card cites; null when the dataset no longer has it. */
  async cardData(id: string): Promise<CardData | null> {
    await this.ensureFull([id]);
    const entity = this.full.get(id);
    if (!entity) return null;
    const relatedIds = [...entity.affiliations.map((a) => a.targetId), ...entity.roles.flatMap((r) => (r.orgId ? [r.orgId] : []))];
    await this.ensureFull(relatedIds);
    const related = new Map<string, Entity>();
    for (const rid of relatedIds) {
      const r = this.full.get(rid);
      if (r) related.set(rid, r);
    }
    return { entity, related, articles: this.articles };
  }

  /** Forgets everything (a new dataset was installed). */
  clear(): void {
    this.briefs.clear();
    this.full.clear();
    this.articles.clear();
  }

  private async ensureFull(ids: string[]): Promise<void> {
    const missing = [...new Set(ids)].filter((id) => !this.full.has(id));
    if (missing.length > 0) {
      const { entities, articles } = await sendToBackground('getEntities', { ids: missing.slice(0, BATCH) });
      for (const e of entities) this.full.set(e.id, e);
      for (const a of articles) this.articles.set(a.id, a);
    }
    // Least recently used out: re-insert what was asked for, drop the oldest.
    for (const id of ids) {
      const e = this.full.get(id);
      if (e) {
        this.full.delete(id);
        this.full.set(id, e);
      }
    }
    while (this.full.size > FULL_CACHE + ids.length) {
      const oldest = this.full.keys().next().value;
      if (oldest === undefined) break;
      this.full.delete(oldest);
    }
  }
}
