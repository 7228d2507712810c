/**
 * Requests the side panel, the card and the article reader make: see src/background/panel-handlers.ts. Like every
 * API file, free of browser calls (the senders are in send.ts), so Node tests can check its schemas.
 */
// The builders one by one, not the `Type` namespace: see messages.ts.
import * as T from '@sinclair/typebox';
import type { Article, Bilingual, Entity, EntityType } from '../../core/dataset/dataset-schema.ts';
import type { SearchHit } from '../../core/search/search.ts';
import type { AccessTable, ParamsTable } from './dispatch.ts';
import { IdParam, NoParams, type ArticleMeta } from './messages.ts';

/** Everything the panel's entity view shows: the entity, every entity tied to it (both ways), their sources. */
export interface EntityView {
  entity: Entity;
  /** The entities it names (affiliations, role organisations) and the entities that name it. */
  related: Entity[];
  /** The articles cited by its facts and by the facts of others about it, without their texts. */
  articles: ArticleMeta[];
}

export interface PanelApi {
  /**
   * Opens the bundled article reader (reader.html) in a new tab, scrolled to and marking `quote` when given,
   * with the mentions of `entityId` emphasised. Reader URL: reader.html?article=<id>&quote=<text>&entity=<id>.
   */
  openReader: { params: { articleId: string; quote?: string; entityId?: string }; result: { opened: boolean } };
  /**
   * Entities whose names or aliases match `query` (folded as the matcher folds names), best first; at most
   * `limit` (capped at 100). An empty query returns no hits but readies the index, so the panel can warm it up.
   */
  searchEntities: { params: { query: string; limit: number }; result: { hits: SearchHit[] } };
  /** The entity view of `entityId`, or null when the stored dataset has no such entity. */
  getEntityView: { params: { entityId: string }; result: EntityView | null };
  /** A bundled article with its full text (for the reader), or null when the dataset has no such article. */
  getArticle: { params: { articleId: string }; result: Article | null };
  /**
   * Every entity by type, for an empty Search: per type the first `limit` (capped at 500) in the order of their
   * names in `lang`, and how many there are.
   */
  browseEntities: { params: { lang: 'ar' | 'en'; limit: number }; result: { groups: BrowseGroup[] } };
  /** The dataset's articles without their texts, newest first (the reader's list when no article is named). */
  listArticles: { params: Record<string, never>; result: { articles: ArticleMeta[] } };
}

export interface BrowseGroup {
  type: EntityType;
  total: number;
  entities: Array<{ id: string; name: Bilingual }>;
}

/**
 * A card may open the reader at a passage it shows (the background checks the passage is one the dataset cites:
 * panel-handlers.ts); searching and reading the dataset are the side panel's and the reader's.
 */
export const PANEL_ACCESS: AccessTable<PanelApi> = {
  openReader: 'content',
  searchEntities: 'extension',
  getEntityView: 'extension',
  getArticle: 'extension',
  browseEntities: 'extension',
  listArticles: 'extension',
};

/** The params of each request (listen.ts checks them first); the handlers cap limits and lengths to their bounds. */
export const PANEL_PARAMS: ParamsTable<PanelApi> = {
  openReader: T.Object({ articleId: IdParam, quote: T.Optional(T.String()), entityId: T.Optional(IdParam) }),
  searchEntities: T.Object({ query: T.String(), limit: T.Number() }),
  getEntityView: T.Object({ entityId: IdParam }),
  getArticle: T.Object({ articleId: IdParam }),
  browseEntities: T.Object({ lang: T.Union([T.Literal('ar'), T.Literal('en')]), limit: T.Number() }),
  listArticles: NoParams,
};

/**
 * An event, not a request: a content script sends `{ type: PAGE_MENTIONS_CHANGED }` with runtime.sendMessage
 * after its page's mentions changed (a rescan found more or fewer), so an open side panel describing that tab
 * asks `getPageMentions` again. Nobody answers it; the background's dispatcher ignores it as an unknown type.
 */
export const PAGE_MENTIONS_CHANGED = 'pageMentionsChanged';

export function isPageMentionsChanged(msg: unknown): boolean {
  return typeof msg === 'object' && msg !== null && (msg as { type?: unknown }).type === PAGE_MENTIONS_CHANGED;
}
