/**
 * Import of a pack file chosen in the side panel, and export of the stored dataset. The file comes over in
 * pieces (runtime messages are capped in size), staged in IndexedDB so nothing of it lives only in the
 * worker's memory; the commit validates it exactly as a feed's pack is validated, then installs it in one
 * transaction. An import follows the feed's version rule: same dataset, newer version.
 *
 * Staging is bounded: one import at a time (every piece drops whatever other imports left behind), pieces in
 * order, and at most MAX_IMPORT_BYTES in all (a running total is staged beside the pieces). Only the Updates tab
 * may send pieces (see SYNC_ACCESS).
 */
import type { DatasetPack } from '../../core/dataset/dataset-schema.ts';
import { acceptsVersion } from '../../core/feed/feed-version.ts';
import { isLocal } from '../../shared/api/messages.ts';
import { MAX_IMPORT_BYTES, MAX_IMPORT_CHUNKS as MAX_CHUNKS, type SyncOutcome } from '../../shared/api/sync-api.ts';
import { ensureDataset } from '../store/bundled-pack.ts';
import { exportPack } from '../store/dataset-store.ts';
import { openDatabase } from '../store/db.ts';
import { installFullPack } from './install-update.ts';
import { withJobLock } from './job-lock.ts';
import { parsePack } from './parse-pack.ts';
import { FeedError, toSyncError } from './sync-error.ts';
import { SyncJob } from './sync-job.ts';
import { ProgressReporter, updateSyncState } from './sync-state.ts';

/** The piece number under which an import's running byte total is staged. */
const TOTAL = -1;

/** Every staged row of an import: its pieces and its total. */
const range = (importId: string) => IDBKeyRange.bound([importId, TOTAL], [importId, MAX_CHUNKS]);

/** The UTF-8 length of a string (what the file weighed), without encoding it. */
function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/**
 * Stages piece `index` of import `importId`. Its shape and bounds (id, index within MAX_CHUNKS, text within a
 * chunk's length) were checked with the request (SYNC_PARAMS); what depends on what is staged is checked here.
 */
export async function stageChunk(importId: string, index: number, text: string): Promise<{ received: number }> {
  const bytes = utf8Length(text);
  const db = await openDatabase();
  const tx = db.transaction('staging', 'readwrite');
  // One import at a time: whatever another import left behind goes, whichever piece this is.
  await tx.store.delete(IDBKeyRange.upperBound([importId], true));
  await tx.store.delete(IDBKeyRange.lowerBound([importId, MAX_CHUNKS], true));
  const staged = index === 0 ? 0 : Number((await tx.store.get([importId, TOTAL])) ?? NaN);
  // Pieces come in order, each once: a gap or a repeat is not the Updates tab sending a file.
  const expected = index === 0 ? 0 : await tx.store.count(IDBKeyRange.bound([importId, 0], [importId, MAX_CHUNKS]));
  if (index === 0) await tx.store.delete(range(importId));
  // Refused pieces drop their import too (and the others stay dropped): nothing is left staged.
  if (index !== expected || !Number.isFinite(staged)) {
    await tx.store.delete(range(importId));
    await tx.done;
    throw new Error(`importChunk: piece ${index} out of order`);
  }
  if (staged + bytes > MAX_IMPORT_BYTES) {
    await tx.store.delete(range(importId));
    await tx.done;
    throw new Error(`importChunk: the file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`);
  }
  await tx.store.put(text, [importId, index]);
  await tx.store.put(String(staged + bytes), [importId, TOTAL]);
  await tx.done;
  return { received: index + 1 };
}

/** A file's name as the Updates tab shows it: plain text, one line, no direction controls, not too long. */
function cleanFileName(name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  const clean = name.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').trim().slice(0, 200);
  return clean === '' ? undefined : clean;
}

/** Validates and installs the `count` staged pieces of `importId` (params checked with the request: SYNC_PARAMS). */
export function commitImport(importId: string, count: number, fileName?: string): Promise<SyncOutcome> {
  return withJobLock('import', true, async () => {
    const progress = new ProgressReporter('import');
    const job = new SyncJob({ progress, feed: undefined });
    const db = await openDatabase();
    try {
      job.report('validate');
      const pieces = await db.getAll('staging', IDBKeyRange.bound([importId, 0], [importId, MAX_CHUNKS]));
      if (pieces.length !== count) throw new FeedError('badFile', `${pieces.length} of ${count} pieces of the file arrived`);
      const pack = await parsePack(new TextEncoder().encode(pieces.join('')), 'import', job);
      const stored = await ensureDataset();
      if (pack.datasetId !== stored.datasetId) throw new FeedError('otherDataset', `the file holds "${pack.datasetId}"; "${stored.datasetId}" is installed`);
      if (!acceptsVersion({ ...stored, local: isLocal(stored) }, pack)) throw new FeedError('rollback', `the file holds version ${pack.version}; version ${stored.version} is installed`);
      // Installed as local data: the next signed version from the feed replaces it, whatever version it claims.
      const info = await installFullPack(pack, 'import', job, cleanFileName(fileName));
      await updateSyncState(() => ({ lastError: undefined, timings: job.timings }));
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
