/** Handlers for SyncApi (dataset updates). */
import type { Handlers } from '../shared/messages.ts';
import type { SyncApi } from '../shared/sync-api.ts';

export const syncHandlers: Handlers<SyncApi> = {};
