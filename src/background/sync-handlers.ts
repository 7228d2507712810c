/** Handlers for SyncApi (dataset updates): status, "Check now", import and export, the feed subscription. */
import type { Handlers } from '../shared/api/messages.ts';
import type { SyncApi } from '../shared/api/sync-api.ts';
import { ensureDataset } from './store/bundled-pack.ts';
import { feedConfig, feedInfo } from './sync/feed-config.ts';
import { commitImport, exportDataset, stageChunk } from './sync/import-export.ts';
import { restorePublished } from './sync/restore-published.ts';
import { runCheck } from './sync/run-check.ts';
import { removeFeed, subscribeFeed } from './sync/subscribe-feed.ts';
import { loadProgress, loadSyncState } from './sync/sync-state.ts';

export const syncHandlers: Handlers<SyncApi> = {
  async getSyncStatus() {
    const [dataset, state, progress, config] = await Promise.all([
      ensureDataset().catch(() => null), loadSyncState(), loadProgress(), feedConfig(),
    ]);
    return { dataset, state, progress, feed: feedInfo(config) };
  },
  checkNow: () => runCheck(true),
  importChunk: ({ importId, index, text }) => stageChunk(importId, index, text),
  importCommit: ({ importId, count, fileName }) => commitImport(importId, count, fileName),
  restorePublished: () => restorePublished(),
  exportDataset: () => exportDataset(),
  // Which feed to trust is the reader's choice, made in Dramatis's own pages: SYNC_ACCESS refuses both to a
  // content script (which runs inside pages we don't trust) before they get here.
  subscribeFeed: (request) => subscribeFeed(request),
  removeFeed: () => removeFeed(),
};
