/** Requests about dataset updates (feeds, import, export): see src/background/sync-handlers.ts. */

export interface SyncApi {}
