/**
 * The message protocol: one map of request type to `{ params, result }` per receiver. A handler table typed as
 * `Handlers<BackgroundApi>` must implement every request, so a missing handler is a compile error, and a caller
 * of `send('getEntity', …)` gets the right params and result types.
 *
 * Messages cross a trust boundary (other extensions' pages and any web page can't send to us without
 * `externally_connectable`, but our own content scripts run inside hostile pages), so receivers drop what they
 * don't know (`isRequest`) and check each request's params against its schema (the *_PARAMS tables, beside the
 * types) before dispatch: dispatch.ts. A request resolves to its result as is (the
 * automation contract promises `{ url, mentions }`, not an envelope); a failure rejects with a readable message.
 */
// The builders one by one, not the `Type` namespace: a content script loads this file, and `Type` would bring
// every builder TypeBox has into it (about 45 kB minified, against 3 kB for these).
import * as T from '@sinclair/typebox';
import type { DatasetPack, Entity, Article } from '../../core/dataset/dataset-schema.ts';
import type { EntityBrief } from '../../core/dataset/entity-brief.ts';
import type { Mention } from '../../core/matching/name-matcher.ts';
import type { ScanAnswer } from '../../core/matching/scan-answer.ts';
import type { PageStatus } from '../../core/ui/toolbar-state.ts';
import type { PanelApi } from './panel-api.ts';
import type { AccessTable, ParamsTable } from './dispatch.ts';
import type { SyncApi } from './sync-api.ts';


/**
 * Larger texts are refused rather than risking the worker's memory; the content script sends chunks (far
 * smaller: text-reader.ts).
 */
export const MAX_SCAN_CHARS = 4_000_000;

/** Params of a request that takes none: `{}` (other properties are ignored, as they always were). */
export const NoParams = T.Object({});

/** An entity's or an article's id as a request names it (ids are at most 80 characters: dataset-schema.ts). */
export const IdParam = T.String({ minLength: 1, maxLength: 80 });

/** One row of the automation contract: an entity and one distinct surface text found on a page. */
export interface PageMention {
  entityId: string;
  /** The entity's English display name. */
  name: string;
  /** The text exactly as it stands on the page. */
  surface: string;
  count: number;
}

export interface PageMentions {
  url: string;
  mentions: PageMention[];
}

/** Where the stored data came from: the copy built into Dramatis, the signed feed, or a file the reader imported. */
export type DatasetSource = 'bundled' | 'feed' | 'import';

export interface DatasetInfo {
  datasetId: string;
  version: number;
  published: string;
  entityCount: number;
  /** Absent in data stored by earlier versions of Dramatis (which was bundled or from the feed). */
  source?: DatasetSource;
  /** For an import: when, and the file's name as the reader's system gave it. */
  importedAt?: number;
  fileName?: string;
}

/** Imported data is local: not what the publisher signed (feed-version.ts gives it no say over updates). */
export const isLocal = (info: Pick<DatasetInfo, 'source'> | undefined): boolean => info?.source === 'import';

/**
 * Requests the background answers (from content scripts and extension pages): the page and dataset requests
 * here, and one interface per further area in its own file (sync-api.ts, panel-api.ts), so areas grow without
 * editing each other's lines. Each area's handlers live in src/background/<area>-handlers.ts.
 */
export type BackgroundApi = PageApi & SyncApi & PanelApi;

export interface PageApi {
  /** Find the dataset's names in a text; `licensed` carries entities already named in earlier chunks. */
  scanText: { params: { text: string; licensed: string[] }; result: ScanTextResult };
  /** Entities by id, with the articles their evidence cites. */
  getEntities: { params: { ids: string[] }; result: { entities: Entity[]; articles: ArticleMeta[] } };
  /** Stable automation contract: what the content script of a tab found (see README). */
  getPageMentions: { params: { tabId: number }; result: PageMentions };
  getDatasetInfo: { params: Record<string, never>; result: DatasetInfo | null };
  /**
   * Opens the side panel (Chrome needs a user gesture in the sender), showing `entityId` when given: the
   * entity to show is written to storage.session under PANEL_FOCUS_KEY, which the panel follows.
   */
  openSidePanel: { params: { entityId?: string }; result: { opened: boolean } };
}

/**
 * Who may ask what (sender.ts): a content script scans text and reads the entities it found, and opens the side
 * panel; the dataset's status and the automation contract (which returns any tab's URL) are for extension pages.
 */
export const PAGE_ACCESS: AccessTable<PageApi> = {
  scanText: 'content',
  getEntities: 'content',
  openSidePanel: 'content',
  getPageMentions: 'extension',
  getDatasetInfo: 'extension',
};

/**
 * The shape of each request's params, checked by listen.ts before any handler runs. Bounds that need no state
 * are here (the longest text a scan takes); the handlers keep those that do.
 */
export const PAGE_PARAMS: ParamsTable<PageApi> = {
  scanText: T.Object({ text: T.String({ maxLength: MAX_SCAN_CHARS }), licensed: T.Array(T.String()) }),
  getEntities: T.Object({ ids: T.Array(T.String()) }),
  getPageMentions: T.Object({ tabId: T.Integer() }),
  getDatasetInfo: NoParams,
  openSidePanel: T.Object({ entityId: T.Optional(T.String({ pattern: '^[a-z0-9][a-z0-9-]{0,79}$' })) }),
};

/** Requests a content script answers (sent by the background with `tabs.sendMessage`). */
export interface ContentApi {
  collectMentions: { params: Record<string, never>; result: PageMentions };
  /**
   * Scrolls the page to the entity's next mention (each request one further, wrapping) and flashes it; asked
   * by the side panel. `index` is 1-based among the entity's `total` mentions; `found` is false when none.
   */
  revealMention: { params: { entityId: string }; result: { found: boolean; index: number; total: number } };
  /**
   * Where Dramatis stands on the page and how many entities it marks there: the toolbar badge's source. Asked
   * by the background after the page announces a change (PAGE_MENTIONS_CHANGED); never told to the page.
   */
  pageStatus: { params: Record<string, never>; result: PageStatus };
  /**
   * The "open the card" command: moves focus into an open card, else opens the card of the name at the caret
   * or selection (or the first name on screen). `opened` is false when the page has no name to open.
   */
  openCard: { params: Record<string, never>; result: { opened: boolean } };
  /**
   * Turns Dramatis off (or on) for this page only, until it is reloaded: `active` absent toggles. The
   * "toggle highlights" command sends it to the top frame, then the answer to every frame.
   */
  setPageActive: { params: { active?: boolean }; result: { active: boolean } };
}

/**
 * scanText's answer: the mentions in compact form (mention i is text[starts[i], ends[i]), naming
 * entityIds[entities[i]]; `mentionsOf` in src/core/matching/name-matcher.ts expands them), with the brief of each
 * entity named, in entityIds' order (null: no longer in the stored dataset).
 */
export type ScanTextResult = ScanAnswer;

/** An article without its full text: what a card needs to cite it. */
export type ArticleMeta = Omit<Article, 'text'>;

export type RequestOf<Api, K extends keyof Api = keyof Api> = K extends keyof Api
  ? { type: K; params: Api[K] extends { params: infer P } ? P : never }
  : never;
export type ParamsOf<Api, K extends keyof Api> = Api[K] extends { params: infer P } ? P : never;
export type ResultOf<Api, K extends keyof Api> = Api[K] extends { result: infer R } ? R : never;

/** Context of a request: who sent it (checked by listen.ts), and the sending tab and frame, if any. */
export interface RequestContext {
  from: 'extension' | 'content';
  tabId?: number;
  frameId?: number;
}

/** Only the extension (its background, through tabs.sendMessage) asks a content script anything. */
export const CONTENT_ACCESS: AccessTable<ContentApi> = {
  collectMentions: 'extension',
  revealMention: 'extension',
  pageStatus: 'extension',
  openCard: 'extension',
  setPageActive: 'extension',
};

/** The params of the background's requests to a content script (see PAGE_PARAMS). */
export const CONTENT_PARAMS: ParamsTable<ContentApi> = {
  collectMentions: NoParams,
  revealMention: T.Object({ entityId: T.String() }),
  pageStatus: NoParams,
  openCard: NoParams,
  setPageActive: T.Object({ active: T.Optional(T.Boolean()) }),
};

export type Handlers<Api> = {
  [K in keyof Api]: (params: ParamsOf<Api, K>, ctx: RequestContext) => Promise<ResultOf<Api, K>>;
};

/** A structural check of an incoming message: a known type and an object `params`. */
export function isRequest<Api extends object>(msg: unknown, api: Handlers<Api>): msg is RequestOf<Api> {
  if (typeof msg !== 'object' || msg === null) return false;
  const { type, params } = msg as { type?: unknown; params?: unknown };
  return (
    typeof type === 'string' &&
    Object.prototype.hasOwnProperty.call(api, type) &&
    typeof params === 'object' &&
    params !== null &&
    !Array.isArray(params)
  );
}

export type { DatasetPack, Mention };
