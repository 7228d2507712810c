/**
 * What the content script knows about entities, fetched from the background on demand and only for this page:
 * a brief (type, English name, whether it has ambiguous aliases; it comes with each scan's answer) for each
 * entity found here, and the full records of the few whose cards were opened recently. No copy of the dataset
 * lives in a tab.
 */
import type { Entity } from '../core/dataset/dataset-schema.ts';
import type { EntityBrief } from '../core/dataset/entity-brief.ts';
import type { ArticleMeta } from '../shared/api/messages.ts';
import { sendToBackground } from '../shared/api/send.ts';

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
  /** Records being fetched, by id; `generation` tells a fetch begun before `clear` (a new dataset) to drop its answer. */
  private readonly pending = new Map<string, Promise<void>>();
  private generation = 0;

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

  /**
   * Fetches what the card of `id` will show, ahead of it: the pointer is on the name and the card opens after the
   * hover delay, so the round trip is done by then and the card paints in the frame it opens.
   */
  prefetch(id: string): void {
    this.cardData(id).catch(() => undefined);
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

  /**
   * A new dataset was installed: the full records go (a card asks again), the briefs stay until the rescan's
   * answers replace them, so the names still on the page keep their type and card meanwhile.
   */
  forgetRecords(): void {
    this.generation++;
    this.pending.clear();
    this.full.clear();
    this.articles.clear();
  }

  private async ensureFull(ids: string[]): Promise<void> {
    const missing = [...new Set(ids)].filter((id) => !this.full.has(id));
    // A record already being fetched (a prefetch on hover, the card's own request) is awaited, not asked again.
    const waits = missing.flatMap((id) => this.pending.get(id) ?? []);
    const ask = missing.filter((id) => !this.pending.has(id)).slice(0, BATCH);
    if (ask.length > 0) {
      const generation = this.generation;
      const done: Promise<void> = sendToBackground('getEntities', { ids: ask }).then(({ entities, articles }) => {
        if (generation !== this.generation) return;
        for (const e of entities) this.full.set(e.id, e);
        for (const a of articles) this.articles.set(a.id, a);
      }).finally(() => {
        for (const id of ask) if (this.pending.get(id) === done) this.pending.delete(id);
      });
      for (const id of ask) this.pending.set(id, done);
      waits.push(done);
    }
    await Promise.all(waits);
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
