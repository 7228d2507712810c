/**
 * Import of a pack file chosen in the side panel, and export of the stored dataset. The file comes over in
 * pieces (runtime messages are capped in size), staged in IndexedDB so nothing of it lives only in the
 * worker's memory; the commit validates it exactly as a feed's pack is validated, then installs it in one
 * transaction. An import follows the feed's version rule: same dataset, newer version.
 */
import { Value } from '@sinclair/typebox/value';
import { DatasetPack } from '../../core/dataset-schema.ts';
import { validatePack } from '../../core/dataset-validate.ts';
import { acceptsVersion } from '../../core/feed-version.ts';
import { IMPORT_CHUNK_CHARS, type SyncOutcome } from '../../shared/sync-api.ts';
import { ensureDataset } from '../bundled-pack.ts';
import { exportPack } from '../dataset-store.ts';
import { openDatabase } from '../db.ts';
import { parseJson } from './download.ts';
import { installFullPack, timed, type Timings } from './install-update.ts';
import { withJobLock } from './job-lock.ts';
import { FeedError, toSyncError } from './sync-error.ts';
import { ProgressReporter, updateSyncState } from './sync-state.ts';

const IMPORT_ID = /^[A-Za-z0-9-]{1,64}$/;
/** 256 MiB of text at most. */
const MAX_CHUNKS = 64;

const range = (importId: string) => IDBKeyRange.bound([importId, 0], [importId, MAX_CHUNKS]);

export async function stageChunk(importId: unknown, index: unknown, text: unknown): Promise<{ received: number }> {
  if (typeof importId !== 'string' || !IMPORT_ID.test(importId)) throw new Error('importChunk: bad importId');
  if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= MAX_CHUNKS) throw new Error('importChunk: bad index');
  if (typeof text !== 'string' || text.length > IMPORT_CHUNK_CHARS) throw new Error('importChunk: bad text');
  const db = await openDatabase();
  const tx = db.transaction('staging', 'readwrite');
  // A new import drops whatever an abandoned one left behind.
  if (index === 0) await tx.store.delete(IDBKeyRange.lowerBound([importId, MAX_CHUNKS], true));
  if (index === 0) await tx.store.delete(IDBKeyRange.upperBound([importId, 0], true));
  await tx.store.put(text, [importId, index]);
  await tx.done;
  return { received: index + 1 };
}

export function commitImport(importId: unknown, count: unknown): Promise<SyncOutcome> {
  if (typeof importId !== 'string' || !IMPORT_ID.test(importId)) return Promise.reject(new Error('importCommit: bad importId'));
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > MAX_CHUNKS) return Promise.reject(new Error('importCommit: bad count'));
  return withJobLock('import', true, async () => {
    const progress = new ProgressReporter('import');
    const timings: Timings = {};
    const db = await openDatabase();
    try {
      progress.report('validate');
      const pieces = await db.getAll('staging', range(importId));
      if (pieces.length !== count) throw new FeedError('badFile', `${pieces.length} of ${count} pieces of the file arrived`);
      const parsed = await timed(timings, 'parse', () => parseJson(new TextEncoder().encode(pieces.join('')), 'badFile', 'The file'));
      const result = await timed(timings, 'validate', () => validatePack(parsed));
      if (!result.ok) {
        const first = result.errors[0];
        const detail = first ? `${first.record ? `${first.record}: ` : ''}${first.path}: ${first.message}` : '';
        throw new FeedError(Value.Check(DatasetPack, parsed) ? 'invalid' : 'schema', detail);
      }
      const stored = await ensureDataset();
      const pack = result.pack;
      if (pack.datasetId !== stored.datasetId) throw new FeedError('otherDataset', `the file holds "${pack.datasetId}"; "${stored.datasetId}" is installed`);
      if (!acceptsVersion(stored, pack)) throw new FeedError('rollback', `the file holds version ${pack.version}; version ${stored.version} is installed`);
      const info = await installFullPack(pack, 'import', progress, timings);
      await updateSyncState(() => ({ lastError: undefined, timings }));
      return { ok: true, result: 'updated', version: info.version };
    } catch (err) {
      const error = toSyncError(err);
      await updateSyncState(() => ({ lastError: error }));
      return { ok: false, error };
    } finally {
      await db.delete('staging', range(importId)).catch(() => undefined);
      await progress.clear();
    }
  });
}

export async function exportDataset(): Promise<DatasetPack> {
  await ensureDataset();
  const pack = await exportPack(await openDatabase());
  if (!pack) throw new Error('No dataset is stored.');
  return pack;
}
