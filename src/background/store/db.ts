/**
 * The IndexedDB schema, versioned: one `if (oldVersion < N)` block per version, so a browser that skipped
 * versions runs every step in order. Bump DB_VERSION and add a block; never edit an old block.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Article, Entity, Exclusion } from '../../core/dataset/dataset-schema.ts';
import type { SerializedOverlay } from '../../core/matching/matcher-overlay.ts';
import type { SerializedMatcher } from '../../core/matching/name-matcher.ts';
import type { DatasetInfo } from '../../shared/api/messages.ts';

export const DB_NAME = 'dramatis';
export const DB_VERSION = 2;

/** What the `meta` store holds, by key. The dataset's rows and its meta are always written in one transaction. */
export interface MetaRecords {
  dataset: DatasetInfo;
  exclusions: Exclusion[];
  /**
   * The compiled matcher (its base) so a restarted worker loads it instead of compiling it: of the stored
   * version, or of an older one that `matcherOverlay` brings up to date (see matcher-cache.ts).
   */
  matcher: { version: number; data: SerializedMatcher };
  /** What changed between the base's version and the stored one, compiled; written with the patch's rows. */
  matcherOverlay: { version: number; baseVersion: number; data: SerializedOverlay };
}

/**
 * Entities live in buckets: bucket `bucketOf(id)` (entity-buckets.ts) holds every entity whose id hashes to it,
 * sorted by id. IndexedDB's cost is per record more than per byte: measured in Chromium on this project's
 * machines, 100,000 one-entity records took ~19 s to install (with a second per-entity index store), the same
 * entities in 1,024 buckets ~0.5 s (scripts/bench/sync-apply-bench.ts). A lookup by id reads one bucket of about
 * a hundred entities at that size. Read and write them through entity-buckets.ts (which names the store
 * BUCKET_STORE for transactions), never the store directly.
 */
export interface DramatisDB extends DBSchema {
  entityBuckets: { key: number; value: Entity[] };
  articles: { key: string; value: Article };
  meta: { key: keyof MetaRecords; value: MetaRecords[keyof MetaRecords] };
  /** Pieces of a pack file being imported, by [importId, piece]; cleared when the import ends. */
  staging: { key: [string, number]; value: string };
}

export type Database = IDBPDatabase<DramatisDB>;

let opening: Promise<Database> | undefined;

/** Opens (and upgrades) the database once per worker lifetime. */
export function openDatabase(): Promise<Database> {
  opening ??= openDB<DramatisDB>(DB_NAME, DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, transaction) {
      if (oldVersion < 1) {
        (db as unknown as IDBPDatabase).createObjectStore('entities', { keyPath: 'id' });
        db.createObjectStore('articles', { keyPath: 'id' });
        db.createObjectStore('meta');
      }
      if (oldVersion < 2) {
        // Version 1 stored one record per entity. Its data is dropped (and reseeded from the bundle: it was
        // never more than the bundled snapshot); version 1 existed only in development builds.
        (db as unknown as IDBPDatabase).deleteObjectStore('entities');
        if (oldVersion >= 1) {
          transaction.objectStore('articles').clear();
          transaction.objectStore('meta').clear();
        }
        db.createObjectStore('entityBuckets');
        db.createObjectStore('staging');
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
