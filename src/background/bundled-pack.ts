/**
 * Seeding from the snapshot the extension ships (pack.json, compiled by `npm run data`): on install, and
 * whenever the database turns out to be empty (the browser may wipe non-persistent storage).
 */
import { validatePack } from '../core/dataset-validate.ts';
import type { DatasetInfo } from '../shared/messages.ts';
import { browser } from '../shared/browser.ts';
import { getDatasetInfo, installPack } from './dataset-store.ts';
import { openDatabase } from './db.ts';

export const BUNDLED_PACK_PATH = 'pack.json';

let seeding: Promise<DatasetInfo> | undefined;

async function seedFromBundle(): Promise<DatasetInfo> {
  const response = await fetch(browser.runtime.getURL(BUNDLED_PACK_PATH));
  if (!response.ok) throw new Error(`The bundled dataset could not be read (HTTP ${response.status}).`);
  const checked = validatePack(await response.json());
  if (!checked.ok) {
    const first = checked.errors[0];
    throw new Error(`The bundled dataset is invalid: ${first ? `${first.path}: ${first.message}` : 'unknown error'}`);
  }
  const db = await openDatabase();
  // Another call may have seeded while we fetched; never replace a dataset that is already there.
  const existing = await getDatasetInfo(db);
  if (existing) return existing;
  return installPack(db, checked.pack);
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
