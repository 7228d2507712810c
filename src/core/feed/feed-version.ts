/**
 * Version rules of a feed: what a client does with an index, given the dataset it holds. Versions only move
 * forward: an index older than the stored dataset is a rollback (a replayed or stale index, or a compromised
 * mirror serving an old signed index) and is refused; an equal one is "nothing new".
 *
 * Except over local data: a dataset the reader imported from a file is not what the publisher signed, whatever
 * version it claims, so any signed version of the same dataset supersedes it (in full: its rows are not the ones
 * a patch was made from). An imported file can't freeze updates by claiming a huge version.
 */
import type { FeedIndexBody, FeedPatchRef } from './feed-index.ts';

export interface StoredVersion {
  datasetId: string;
  version: number;
  /** Imported from a file rather than published through the feed (or bundled). */
  local?: boolean;
}

export type UpdatePlan =
  | { kind: 'up-to-date' }
  | { kind: 'rollback'; offered: number; stored: number }
  | { kind: 'other-dataset'; offered: string; stored: string }
  | { kind: 'patches'; chain: FeedPatchRef[] }
  | { kind: 'full' };

/**
 * Patches when a chain of them leads from the stored version to the index's and weighs less than the pack;
 * the full pack otherwise.
 */
export function planUpdate(stored: StoredVersion | undefined, index: FeedIndexBody): UpdatePlan {
  if (!stored) return { kind: 'full' };
  if (stored.datasetId !== index.datasetId) return { kind: 'other-dataset', offered: index.datasetId, stored: stored.datasetId };
  if (stored.local) return { kind: 'full' };
  if (index.version < stored.version) return { kind: 'rollback', offered: index.version, stored: stored.version };
  if (index.version === stored.version) return { kind: 'up-to-date' };
  const byFrom = new Map(index.patches.map((p) => [p.from, p]));
  const chain: FeedPatchRef[] = [];
  let bytes = 0;
  for (let v = stored.version; v < index.version; v++) {
    const step = byFrom.get(v);
    if (!step || step.to !== v + 1) return { kind: 'full' };
    chain.push(step);
    bytes += step.size;
  }
  return bytes < index.pack.size ? { kind: 'patches', chain } : { kind: 'full' };
}

/**
 * Whether a pack may replace the stored dataset: the same dataset, and newer, unless what is stored is local
 * (a signed pack supersedes an import; a file may replace another file).
 */
export function acceptsVersion(stored: StoredVersion | undefined, next: StoredVersion): boolean {
  return !stored || (stored.datasetId === next.datasetId && (stored.local === true || next.version > stored.version));
}
