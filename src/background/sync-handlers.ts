/** Handlers for SyncApi (dataset updates): status, "Check now", import and export. */
import type { Handlers } from '../shared/messages.ts';
import type { SyncApi } from '../shared/sync-api.ts';
import { ensureDataset } from './bundled-pack.ts';
import { feedConfig } from './sync/feed-config.ts';
import { commitImport, exportDataset, stageChunk } from './sync/import-export.ts';
import { restorePublished } from './sync/restore-published.ts';
import { runCheck } from './sync/run-check.ts';
import { loadProgress, loadSyncState } from './sync/sync-state.ts';

export const syncHandlers: Handlers<SyncApi> = {
  async getSyncStatus() {
    const [dataset, state, progress, config] = await Promise.all([
      ensureDataset().catch(() => null), loadSyncState(), loadProgress(), feedConfig(),
    ]);
    return { dataset, state, progress, feedUrl: config.feedUrl };
  },
  checkNow: () => runCheck(true),
  importChunk: ({ importId, index, text }) => stageChunk(importId, index, text),
  importCommit: ({ importId, count, fileName }) => commitImport(importId, count, fileName),
  restorePublished: () => restorePublished(),
  exportDataset: () => exportDataset(),
};
