/**
 * Seeding from the snapshot the extension ships (pack.json, compiled by `npm run data`): on install, and
 * whenever the database turns out to be empty (the browser may wipe non-persistent storage; then the Updates
 * tab says so and a check of the feed follows, see sync/storage-resilience.ts).
 */
import type { DatasetPack } from '../../core/dataset/dataset-schema.ts';
import type { DatasetInfo } from '../../shared/api/messages.ts';
import { browser } from '../../shared/browser.ts';
import { announceDataset, getDatasetInfo, installPack } from './dataset-store.ts';
import { openDatabase } from './db.ts';
import { parsePack } from '../sync/parse-pack.ts';
import { noteSeeded } from '../sync/storage-resilience.ts';
import { FeedError } from '../sync/sync-error.ts';

export const BUNDLED_PACK_PATH = 'pack.json';

let seeding: Promise<DatasetInfo> | undefined;
let afterWipe: () => void = () => undefined;

/** What to do once a wiped database was restored (index.ts: check the feed). */
export function onRestoredAfterWipe(hook: () => void): void {
  afterWipe = hook;
}

/** The pack built into the extension, checked as any pack is. */
export async function readBundledPack(): Promise<DatasetPack> {
  const response = await fetch(browser.runtime.getURL(BUNDLED_PACK_PATH));
  if (!response.ok) throw new Error(`The bundled dataset could not be read (HTTP ${response.status}).`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  try {
    return await parsePack(bytes, 'bundled');
  } catch (err) {
    // A broken build, not a refused update: a plain Error (the Updates tab's 'storage'), not the feed's codes.
    if (err instanceof FeedError) throw new Error(`The bundled dataset is invalid: ${err.detail || err.code}`);
    throw err;
  }
}

async function seedFromBundle(): Promise<DatasetInfo> {
  const pack = await readBundledPack();
  const db = await openDatabase();
  // Another call may have seeded while we fetched; never replace a dataset that is already there.
  const existing = await getDatasetInfo(db);
  if (existing) return existing;
  const info = await installPack(db, pack, { source: 'bundled' });
  await announceDataset(info.version);
  if (await noteSeeded(info)) afterWipe();
  return info;
}

/** Resolves once a dataset is stored, seeding from the bundle if there is none. Safe to call concurrently. */
export async function ensureDataset(): Promise<DatasetInfo> {
  const db = await openDatabase();
  const info = await getDatasetInfo(db);
  if (info) return info;
  seeding ??= seedFromBundle().finally(() => {
    seeding = undefined;
  });
  return seeding;
}
