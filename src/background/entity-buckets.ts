/**
 * How entities are stored: in ENTITY_BUCKETS buckets keyed by a hash of the id (see DramatisDB.entityBuckets
 * for why), each an array sorted by id. Every read and write of entities goes through here.
 */
import type { Entity } from '../core/dataset-schema.ts';
import type { Database } from './db.ts';

/** Fixed: a stored entity is found in bucket bucketOf(id) by every version of this code. */
export const ENTITY_BUCKETS = 1024;

/** FNV-1a over the id's UTF-16 code units, folded to a bucket. */
export function bucketOf(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % ENTITY_BUCKETS;
}

const byId = (a: Entity, b: Entity) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Entities grouped into their buckets, each sorted by id. */
export function bucketsOf(entities: readonly Entity[]): Map<number, Entity[]> {
  const buckets = new Map<number, Entity[]>();
  for (const e of entities) {
    const b = bucketOf(e.id);
    const list = buckets.get(b);
    if (list) list.push(e);
    else buckets.set(b, [e]);
  }
  for (const list of buckets.values()) list.sort(byId);
  return buckets;
}

/** The part of a transaction (of any mode, over at least entityBuckets) that reads buckets. */
export interface BucketReader {
  objectStore(name: 'entityBuckets'): { get(key: number): Promise<Entity[] | undefined> };
}

/** Entities by id within a transaction (undefined for unknown ids), reading each bucket once. */
export async function entitiesIn(tx: BucketReader, ids: readonly string[]): Promise<Array<Entity | undefined>> {
  const wanted = new Map<number, Promise<Entity[] | undefined>>();
  for (const id of ids) {
    const b = bucketOf(id);
    if (!wanted.has(b)) wanted.set(b, tx.objectStore('entityBuckets').get(b));
  }
  return Promise.all(ids.map(async (id) => (await wanted.get(bucketOf(id))!)?.find((e) => e.id === id)));
}

/** Every stored entity, sorted by id. */
export async function getAllEntities(db: Database): Promise<Entity[]> {
  return (await db.getAll('entityBuckets')).flat().sort(byId);
}

