/** A failed check or import, with the code the Updates tab turns into a sentence. */
import type { SyncError, SyncErrorCode } from '../../shared/api/sync-api.ts';

export class FeedError extends Error {
  constructor(
    readonly code: SyncErrorCode,
    readonly detail?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code);
  }
}

/** Any thrown value as a SyncError; what is not a FeedError is a storage or programming failure. */
export function toSyncError(err: unknown): SyncError {
  if (err instanceof FeedError) return { code: err.code, ...(err.detail ? { detail: err.detail.slice(0, 500) } : {}), at: Date.now() };
  const detail = err instanceof Error ? err.message : String(err);
  return { code: 'storage', detail: detail.slice(0, 500), at: Date.now() };
}
