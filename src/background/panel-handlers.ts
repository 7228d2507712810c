/** Handlers for PanelApi (side panel, card and article reader). */
import type { Entity } from '../core/dataset/dataset-schema.ts';
import { namedIds, tiesOf } from '../core/dataset/entity-graph.ts';
import { ENTITY_TYPES } from '../core/dataset/entity-types.ts';
import { browser } from '../shared/browser.ts';
import type { ArticleMeta, Handlers } from '../shared/api/messages.ts';
import type { EntityView, PanelApi } from '../shared/api/panel-api.ts';
import { READER_OPENED_KEY } from '../shared/storage-keys.ts';
import { ensureDataset } from './store/bundled-pack.ts';
import { articleMetasIn, getEntitiesWithSources } from './store/dataset-store.ts';
import { openDatabase } from './store/db.ts';
import { BUCKET_STORE, entitiesIn } from './store/entity-buckets.ts';
import { panelIndexes } from './store/search-cache.ts';

/** Most hits one search returns; the panel shows far fewer. */
const MAX_HITS = 100;
/** Longest query accepted: no name in the dataset is longer (aliases are capped at 200 characters). */
const MAX_QUERY = 200;

/** The reader's URL for an article, optionally at a passage and for an entity. */
export function readerUrl(articleId: string, quote?: string, entityId?: string): string {
  const q = new URLSearchParams({ article: articleId });
  if (quote) q.set('quote', quote);
  if (entityId) q.set('entity', entityId);
  return browser.runtime.getURL(`reader.html?${q.toString()}`);
}

/** A card opens the reader on a click: more often than this, from one tab, is not a reader clicking. */
const READER_FROM_TAB_EVERY_MS = 1000;

/**
 * A content script may open the reader only at a passage it can name: a quote the dataset cites, from that
 * article, for that entity (what its card shows), and not in a burst. An extension page may open any article.
 */
async function checkPassage(articleId: string, quote: string | undefined, entityId: string | undefined, tabId: number | undefined): Promise<void> {
  if (entityId === undefined || quote === undefined || tabId === undefined) throw new Error('openReader: a page may open the reader only at a passage its card shows');
  const { entities } = await getEntitiesWithSources(await openDatabase(), [entityId]);
  const cites = entities[0] && [...entities[0].roles, ...entities[0].affiliations].some((f) => f.evidence.some((e) => e.articleId === articleId && e.quote === quote));
  if (!cites) throw new Error('openReader: that passage is not one the dataset cites for this entity');
  const opened = ((await browser.storage.session.get(READER_OPENED_KEY))[READER_OPENED_KEY] ?? {}) as Record<string, number>;
  const now = Date.now();
  if (now - (opened[tabId] ?? 0) < READER_FROM_TAB_EVERY_MS) throw new Error('openReader: too many at once');
  const recent = Object.fromEntries(Object.entries(opened).filter(([, at]) => now - at < 60_000));
  await browser.storage.session.set({ [READER_OPENED_KEY]: { ...recent, [tabId]: now } });
}

async function entityView(entityId: string): Promise<EntityView | null> {
  const [{ namers }, db] = await Promise.all([panelIndexes(), openDatabase()]);
  const tx = db.transaction([BUCKET_STORE, 'articles']);
  const [entity] = await entitiesIn(tx, [entityId]);
  if (!entity) return null;
  const relatedIds = [...new Set([...namedIds(entity), ...(namers.get(entityId) ?? [])])];
  const related = (await entitiesIn(tx, relatedIds)).filter(
    (e): e is Entity => e !== undefined,
  );
  // The sources of what is said about this entity: its own facts and others' facts that name it.
  const articleIds = new Set<string>();
  for (const fact of [...entity.roles, ...entity.affiliations]) for (const ev of fact.evidence) articleIds.add(ev.articleId);
  for (const tie of tiesOf(entity, related)) for (const ev of tie.evidence) articleIds.add(ev.articleId);
  const articles = await articleMetasIn(tx, articleIds);
  await tx.done;
  return { entity, related, articles };
}

export const panelHandlers: Handlers<PanelApi> = {
  async openReader({ articleId, quote, entityId }, ctx) {
    await ensureDataset();
    if (ctx.from === 'content') await checkPassage(articleId, quote, entityId, ctx.tabId);
    await browser.tabs.create({ url: readerUrl(articleId, quote?.slice(0, 2000), entityId) });
    return { opened: true };
  },

  async searchEntities({ query, limit }) {
    const { search } = await panelIndexes();
    return { hits: search.search(query.slice(0, MAX_QUERY), Math.max(0, Math.min(MAX_HITS, Math.floor(limit)))) };
  },

  async getEntityView({ entityId }) {
    return entityView(entityId);
  },

  async getArticle({ articleId }) {
    await ensureDataset();
    return (await (await openDatabase()).get('articles', articleId)) ?? null;
  },

  async browseEntities({ lang, limit }) {
    const { browse } = await panelIndexes();
    const take = Math.max(0, Math.min(MAX_BROWSE, Math.floor(limit)));
    const groups = ENTITY_TYPES.map((type) => {
      const all = browse(type, lang);
      return { type, total: all.length, entities: all.slice(0, take).map((e) => ({ id: e.id, name: e.name })) };
    });
    return { groups: groups.filter((g) => g.total > 0) };
  },

  async listArticles() {
    await ensureDataset();
    const articles: ArticleMeta[] = [];
    // A cursor, so no more than one article's text is held at a time.
    let cursor = await (await openDatabase()).transaction('articles').store.openCursor();
    for (; cursor; cursor = await cursor.continue()) {
      const { text: _text, ...meta } = cursor.value;
      articles.push(meta);
    }
    articles.sort((a, b) => b.published.localeCompare(a.published) || a.id.localeCompare(b.id));
    return { articles };
  },
};

/** Most entities of one type an empty Search lists; beyond that, a search finds them. */
const MAX_BROWSE = 500;
