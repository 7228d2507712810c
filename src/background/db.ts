/**
 * The IndexedDB schema, versioned: one `if (oldVersion < N)` block per version, so a browser that skipped
 * versions runs every step in order. Bump DB_VERSION and add a block; never edit an old block.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Article, Entity, Exclusion } from '../core/dataset-schema.ts';
import type { SerializedMatcher } from '../core/name-matcher.ts';
import type { DatasetInfo } from '../shared/messages.ts';

export const DB_NAME = 'dramatis';
export const DB_VERSION = 1;

/** What the `meta` store holds, by key. The dataset's rows and its meta are always written in one transaction. */
export interface MetaRecords {
  dataset: DatasetInfo;
  exclusions: Exclusion[];
  /** The compiled matcher for the stored dataset, so a restarted worker loads it instead of rebuilding. */
  matcher: { version: number; data: SerializedMatcher };
}

export interface DramatisDB extends DBSchema {
  entities: { key: string; value: Entity };
  articles: { key: string; value: Article };
  meta: { key: keyof MetaRecords; value: MetaRecords[keyof MetaRecords] };
}

export type Database = IDBPDatabase<DramatisDB>;

let opening: Promise<Database> | undefined;

/** Opens (and upgrades) the database once per worker lifetime. */
export function openDatabase(): Promise<Database> {
  opening ??= openDB<DramatisDB>(DB_NAME, DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        db.createObjectStore('entities', { keyPath: 'id' });
        db.createObjectStore('articles', { keyPath: 'id' });
        db.createObjectStore('meta');
      }
    },
    // Another context wants a newer version: step aside so its upgrade isn't blocked forever.
    blocking() {
      void opening?.then((db) => db.close());
      opening = undefined;
    },
    terminated() {
      opening = undefined;
    },
  });
  return opening;
}

export async function getMeta<K extends keyof MetaRecords>(db: Database, key: K): Promise<MetaRecords[K] | undefined> {
  return (await db.get('meta', key)) as MetaRecords[K] | undefined;
}
