/**
 * Storage the browser may take back: the dataset asks to be kept (persistent storage), and when the database
 * turns out empty although a dataset was installed before (storage.local remembers its version), it was wiped:
 * it is restored from the bundled snapshot, the Updates tab says so, and a check brings it up to date.
 */
import type { DatasetInfo } from '../../shared/api/messages.ts';
import { updateSyncState } from './sync-state.ts';

/** Asks the browser to keep our storage; where the API is not offered to this context the panel asks. */
export async function requestPersistence(): Promise<void> {
  const storage = (globalThis.navigator as Navigator | undefined)?.storage;
  if (typeof storage?.persist !== 'function') return;
  if (await storage.persisted().catch(() => false)) return;
  await storage.persist().catch(() => false);
}

/** Records a seeding from the bundle; true when it restored a wiped database. */
export async function noteSeeded(info: DatasetInfo): Promise<boolean> {
  let wiped = false;
  await updateSyncState((s) => {
    wiped = s.knownVersion !== undefined;
    return {
      knownVersion: info.version,
      ...(wiped
        ? {
            reseededAt: Date.now(),
            lastChange: { source: 'bundled' as const, from: s.knownVersion, to: info.version, added: info.entityCount, removed: 0, names: [], at: Date.now() },
          }
        : {}),
    };
  });
  return wiped;
}
