/**
 * Requests about dataset updates (feeds, import, export), and the sync status every context may read: see
 * src/background/sync-handlers.ts. The status lives in storage (local: what must survive a restart; session:
 * the progress of the job running now), so the Updates tab follows it with storage.onChanged and a restarted
 * worker knows what happened before it.
 */
// The builders one by one, not the `Type` namespace: see messages.ts.
import * as T from '@sinclair/typebox';
import type { DatasetPack } from '../../core/dataset/dataset-schema.ts';
import type { TrustedKey } from '../../core/feed/feed-signature.ts';
import type { AccessTable, ParamsTable } from './dispatch.ts';
import { NoParams, type DatasetInfo } from './messages.ts';


/** Why a check or an import failed; each has a sentence in the locales (syncError_<code>). */
export type SyncErrorCode =
  | 'offline' | 'network' | 'http' | 'timeout' | 'truncated' | 'tooLarge' | 'sizeMismatch' | 'hash'
  | 'badIndex' | 'badSignature' | 'unknownKey' | 'schema' | 'invalid' | 'rollback' | 'otherDataset'
  | 'versionMismatch' | 'badFile' | 'interrupted' | 'busy' | 'storage' | 'expired'
  // Subscribing to a feed (and checking when none is set):
  | 'noFeed' | 'badFeedUrl' | 'badKey' | 'badFeedFile' | 'wrongKey';

export interface SyncError {
  code: SyncErrorCode;
  /** Specifics for the curious (an HTTP status, the first validation problem); shown as plain text. */
  detail?: string;
  at: number;
}

export type UpdateSource = 'feedPatch' | 'feedFull' | 'import' | 'bundled';

/** What the last installed update changed. */
export interface LastChange {
  source: UpdateSource;
  from?: number;
  to: number;
  added: number;
  /** Known for patches and imports of the same dataset; a full pack is compared by id only. */
  changed?: number;
  removed: number;
  /** Up to 10 added or changed entities, by name, to show. */
  names: Array<{ id: string; en: string; ar: string }>;
  at: number;
}

export interface SyncState {
  lastCheckAt?: number;
  /** When a check last reached the feed and got a valid answer (an update or "nothing new"). */
  lastSuccessAt?: number;
  nextCheckAt?: number;
  lastResult?: 'updated' | 'upToDate' | 'failed' | 'offline';
  lastError?: SyncError;
  /** Consecutive failed checks; drives the backoff. */
  failures: number;
  lastChange?: LastChange;
  /** The feed the last successful check read. */
  feedUrl?: string;
  /** The key whose signature on the feed's index last verified (shown as who signs the feed). */
  signedBy?: string;
  /** When the index that check believed expires (ms): past it, the data is no longer known to be current. */
  indexExpires?: number;
  /** The dataset version last known installed: a missing database with this set was wiped, not new. */
  knownVersion?: number;
  /** Set when a wiped database was restored from the bundled snapshot; the Updates tab says so. */
  reseededAt?: number;
  /**
   * Set when stored data was found damaged (a record that is not what was written), until a repair installs
   * good data: when, what, and whether the repair is under way or failed. The Updates tab says so.
   */
  damaged?: { at: number; detail: string; repairedAt?: number };
  /** Phase durations of the last successful run, in ms (read by the benchmark). */
  timings?: Record<string, number>;
}

export type SyncPhase = 'index' | 'download' | 'verify' | 'validate' | 'apply' | 'matcher' | 'upload';

export interface SyncProgress {
  job: 'check' | 'import' | 'restore';
  phase: SyncPhase;
  done: number;
  /** 0 when unknown. */
  total: number;
  at: number;
}

/**
 * The feed checked for updates: one the reader subscribed to, or one fixed in the build. Its index must be
 * signed by one of `keys` (a subscription's keys are the ones the reader gave; a built-in feed's are the build's).
 */
export interface FeedInfo {
  url: string;
  source: 'subscription' | 'built-in';
  keys: Array<Pick<TrustedKey, 'keyId' | 'note'>>;
  /** The publisher's name for themselves, from the feed file (not verified by anyone). */
  publisher?: string;
}

export interface SyncStatus {
  dataset: DatasetInfo | null;
  state: SyncState;
  progress: SyncProgress | null;
  /** The feed checked (shown to the reader, so a publisher can tell which one); null: none is set. */
  feed: FeedInfo | null;
}

/**
 * A subscription: the feed's URL and its publisher's public key (44 base64 characters, a PEM public key, or the
 * entry `npm run feed -- keygen` prints), or the text of a feed file (dramatis-feed.json) that holds both.
 */
export type SubscribeRequest = { feedUrl: string; publicKey: string; feedFile?: undefined } | { feedFile: string; feedUrl?: undefined; publicKey?: undefined };

/** Refused with the reason (the feed index is fetched and its signature checked first), or subscribed and checked. */
export type SubscribeOutcome = { ok: true; feed: FeedInfo; check: SyncOutcome } | { ok: false; error: SyncError };

export type SyncOutcome =
  | { ok: true; result: 'updated' | 'upToDate'; version: number }
  | { ok: false; error: SyncError };

/** Import files travel to the background in chunks this long (runtime messages are capped in size). */
export const IMPORT_CHUNK_CHARS = 4 * 1024 * 1024;
/**
 * An import file is at most as large as a feed's pack (as UTF-8): MAX_FILE_BYTES of core/feed/feed-index.ts, written
 * out so the pages that import this file don't bundle the feed's schemas (a unit test holds the two equal).
 */
export const MAX_IMPORT_BYTES = 256 * 1024 * 1024;
/** The most pieces an import file can come in. */
export const MAX_IMPORT_CHUNKS = Math.ceil(MAX_IMPORT_BYTES / IMPORT_CHUNK_CHARS);
/** Names an import's staged pieces (the Updates tab makes one up per file). */
const ImportId = T.String({ pattern: '^[A-Za-z0-9-]{1,64}$' });

export interface SyncApi {
  getSyncStatus: { params: Record<string, never>; result: SyncStatus };
  /** Checks the feed now, whatever the backoff; resolves when the check is over. */
  checkNow: { params: Record<string, never>; result: SyncOutcome };
  /** One piece of a pack file being imported (`index` from 0); pieces are staged in IndexedDB. */
  importChunk: { params: { importId: string; index: number; text: string }; result: { received: number } };
  /**
   * Validates and installs the staged pack of `importId` (`count` pieces), then drops the pieces. The data is
   * then local (DatasetInfo.source 'import'): any signed version from the feed replaces it.
   */
  importCommit: { params: { importId: string; count: number; fileName?: string }; result: SyncOutcome };
  /** Replaces the stored data with the copy built into Dramatis, then checks the feed. */
  restorePublished: { params: Record<string, never>; result: SyncOutcome };
  /** The stored dataset as a pack (records in id order). */
  exportDataset: { params: Record<string, never>; result: DatasetPack };
  /**
   * Subscribes to a feed, from extension pages only: refused unless its index, fetched now, is signed by the
   * given key; then the feed is checked at once and on the usual schedule. Replaces an earlier subscription.
   */
  subscribeFeed: { params: SubscribeRequest; result: SubscribeOutcome };
  /** Forgets the subscription (extension pages only); the data it brought stays installed. */
  removeFeed: { params: Record<string, never>; result: { removed: boolean } };
}

/** Updates, imports and exports are the Updates tab's alone: no content script may ask any of them. */
export const SYNC_ACCESS: AccessTable<SyncApi> = {
  getSyncStatus: 'extension',
  checkNow: 'extension',
  importChunk: 'extension',
  importCommit: 'extension',
  restorePublished: 'extension',
  exportDataset: 'extension',
  subscribeFeed: 'extension',
  removeFeed: 'extension',
};

/**
 * The params of each request (listen.ts checks them first). An import's pieces come within the file's bounds
 * (their order and running size are checked against what is staged: import-export.ts); a subscription's texts
 * are checked, and their lengths bounded, by the handler, which answers a bad one with a SyncError the Updates
 * tab shows.
 */
export const SYNC_PARAMS: ParamsTable<SyncApi> = {
  getSyncStatus: NoParams,
  checkNow: NoParams,
  importChunk: T.Object({
    importId: ImportId,
    index: T.Integer({ minimum: 0, maximum: MAX_IMPORT_CHUNKS - 1 }),
    text: T.String({ maxLength: IMPORT_CHUNK_CHARS }),
  }),
  importCommit: T.Object({
    importId: ImportId,
    count: T.Integer({ minimum: 1, maximum: MAX_IMPORT_CHUNKS }),
    fileName: T.Optional(T.String()),
  }),
  restorePublished: NoParams,
  exportDataset: NoParams,
  subscribeFeed: T.Union([
    T.Object({ feedUrl: T.String(), publicKey: T.String(), feedFile: T.Optional(T.Undefined()) }),
    T.Object({ feedFile: T.String(), feedUrl: T.Optional(T.Undefined()), publicKey: T.Optional(T.Undefined()) }),
  ]),
  removeFeed: NoParams,
};
