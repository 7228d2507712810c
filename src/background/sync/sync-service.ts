/** The background's sync code behind the Updates tab's requests (sync-handlers.ts answers them from it). */
import type { SyncService } from '../sync-handlers.ts';
import { ensureDataset } from '../store/bundled-pack.ts';
import { feedConfig, feedInfo } from './feed-config.ts';
import { commitImport, exportDataset, stageChunk } from './import-export.ts';
import { restorePublished } from './restore-published.ts';
import { runCheck } from './run-check.ts';
import { removeFeed, subscribeFeed } from './subscribe-feed.ts';
import { loadProgress, loadSyncState } from './sync-state.ts';

export const syncService: SyncService = {
  storedDataset: ensureDataset,
  loadState: loadSyncState,
  loadProgress,
  feedInfo: async () => feedInfo(await feedConfig()),
  runCheck,
  stageChunk,
  commitImport,
  restorePublished: () => restorePublished(),
  exportDataset,
  subscribeFeed,
  removeFeed,
};
