/**
 * One scan of the document: read its text, have the background find the names, turn the mentions into DOM
 * ranges and paint them, and fetch the entities the card will need.
 */
import type { Entity, EntityType } from '../core/dataset-schema.ts';
import type { ArticleMeta } from '../shared/messages.ts';
import { sendToBackground } from '../shared/send.ts';
import { paintHighlights } from './highlights.ts';
import { PageMentionIndex } from './page-mentions.ts';
import { rangeOf, readPageText } from './page-text.ts';

export interface ScanOutcome {
  index: PageMentionIndex;
  entities: Map<string, Entity>;
  articles: Map<string, ArticleMeta>;
}

/** Ids an entity's card refers to: organisations of roles and targets of affiliations. */
function relatedIds(e: Entity): string[] {
  const ids = e.affiliations.map((a) => a.targetId);
  for (const r of e.roles) if (r.orgId) ids.push(r.orgId);
  return ids;
}

async function fetchEntities(ids: string[], into: ScanOutcome): Promise<void> {
  const missing = ids.filter((id) => !into.entities.has(id));
  if (missing.length === 0) return;
  const { entities, articles } = await sendToBackground('getEntities', { ids: missing });
  for (const e of entities) into.entities.set(e.id, e);
  for (const a of articles) into.articles.set(a.id, a);
}

export async function scanPage(root: Node): Promise<ScanOutcome> {
  const page = readPageText(root);
  const outcome: ScanOutcome = { index: new PageMentionIndex(), entities: new Map(), articles: new Map() };
  if (page.text.trim() === '') return outcome;
  const { mentions } = await sendToBackground('scanText', { text: page.text, licensed: [] });
  for (const m of mentions) {
    // The page may have changed while the background worked; a stale offset must not throw.
    try {
      outcome.index.add({ entityId: m.entityId, range: rangeOf(page, m.start, m.end), surface: page.text.slice(m.start, m.end) });
    } catch {
      /* node shorter than it was: skip this mention */
    }
  }
  const found = outcome.index.entityIds();
  await fetchEntities(found, outcome);
  await fetchEntities([...outcome.entities.values()].flatMap(relatedIds), outcome);

  const byType = new Map<EntityType, Range[]>();
  for (const m of outcome.index.all) {
    const type = outcome.entities.get(m.entityId)?.type;
    if (!type) continue;
    const list = byType.get(type);
    if (list) list.push(m.range);
    else byType.set(type, [m.range]);
  }
  paintHighlights(byType);
  return outcome;
}
