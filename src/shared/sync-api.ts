/**
 * Requests about dataset updates (feeds, import, export), and the sync status every context may read: see
 * src/background/sync-handlers.ts. The status lives in storage (local: what must survive a restart; session:
 * the progress of the job running now), so the Updates tab follows it with storage.onChanged and a restarted
 * worker knows what happened before it.
 */
import type { DatasetPack } from '../core/dataset-schema.ts';
import type { AccessTable } from './listen.ts';
import type { DatasetInfo } from './messages.ts';

/** storage.local key of SyncState. */
export const SYNC_STATE_KEY = 'syncState';
/** storage.session key of SyncProgress (absent when nothing runs). */
export const SYNC_PROGRESS_KEY = 'syncProgress';

/** Why a check or an import failed; each has a sentence in the locales (syncError_<code>). */
export type SyncErrorCode =
  | 'offline' | 'network' | 'http' | 'timeout' | 'truncated' | 'tooLarge' | 'sizeMismatch' | 'hash'
  | 'badIndex' | 'badSignature' | 'unknownKey' | 'schema' | 'invalid' | 'rollback' | 'otherDataset'
  | 'versionMismatch' | 'badFile' | 'interrupted' | 'busy' | 'storage' | 'expired';

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

export interface SyncStatus {
  dataset: DatasetInfo | null;
  state: SyncState;
  progress: SyncProgress | null;
  /** The feed checked (shown to the reader, so a publisher can tell which one). */
  feedUrl: string;
}

export type SyncOutcome =
  | { ok: true; result: 'updated' | 'upToDate'; version: number }
  | { ok: false; error: SyncError };

/** Import files travel to the background in chunks this long (runtime messages are capped in size). */
export const IMPORT_CHUNK_CHARS = 4 * 1024 * 1024;

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
}

/** Updates, imports and exports are the Updates tab's alone: no content script may ask any of them. */
export const SYNC_ACCESS: AccessTable<SyncApi> = {
  getSyncStatus: 'extension',
  checkNow: 'extension',
  importChunk: 'extension',
  importCommit: 'extension',
  restorePublished: 'extension',
  exportDataset: 'extension',
};
