/**
 * Handlers for SyncApi (dataset updates): status, "Check now", import and export, the feed subscription. They
 * answer from the sync service they are given (sync/sync-service.ts in the extension; fakes in
 * tests/unit/sync-handlers.test.ts), so what each request does with its params is tested in Node.
 */
import type { DatasetPack } from '../core/dataset/dataset-schema.ts';
import type { DatasetInfo, Handlers } from '../shared/api/messages.ts';
import type {
  FeedInfo, SubscribeOutcome, SubscribeRequest, SyncApi, SyncOutcome, SyncProgress, SyncState,
} from '../shared/api/sync-api.ts';

/** What the Updates tab's requests need of the background's sync code. */
export interface SyncService {
  /** The stored dataset (seeded from the bundle when there is none). */
  storedDataset(): Promise<DatasetInfo>;
  loadState(): Promise<SyncState>;
  loadProgress(): Promise<SyncProgress | null>;
  /** The feed checked now, as the Updates tab shows it; null without one. */
  feedInfo(): Promise<FeedInfo | null>;
  /** A check of the feed; `manual` waits for a running job rather than skipping. */
  runCheck(manual: boolean): Promise<SyncOutcome>;
  stageChunk(importId: string, index: number, text: string): Promise<{ received: number }>;
  commitImport(importId: string, count: number, fileName?: string): Promise<SyncOutcome>;
  restorePublished(): Promise<SyncOutcome>;
  exportDataset(): Promise<DatasetPack>;
  subscribeFeed(request: SubscribeRequest): Promise<SubscribeOutcome>;
  removeFeed(): Promise<{ removed: boolean }>;
}

export function syncHandlersOf(sync: SyncService): Handlers<SyncApi> {
  return {
    async getSyncStatus() {
      const [dataset, state, progress, feed] = await Promise.all([
        // A dataset that can't be read or seeded is shown as none: the status must still answer, to say why.
        sync.storedDataset().catch(() => null), sync.loadState(), sync.loadProgress(), sync.feedInfo(),
      ]);
      return { dataset, state, progress, feed };
    },
    checkNow: () => sync.runCheck(true),
    importChunk: ({ importId, index, text }) => sync.stageChunk(importId, index, text),
    importCommit: ({ importId, count, fileName }) => sync.commitImport(importId, count, fileName),
    restorePublished: () => sync.restorePublished(),
    exportDataset: () => sync.exportDataset(),
    // Which feed to trust is the reader's choice, made in Dramatis's own pages: SYNC_ACCESS refuses both to a
    // content script (which runs inside pages we don't trust) before they get here.
    subscribeFeed: (request) => sync.subscribeFeed(request),
    removeFeed: () => sync.removeFeed(),
  };
}
