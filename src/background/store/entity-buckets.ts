/**
 * How entities are stored: in ENTITY_BUCKETS buckets keyed by a hash of the id (see DramatisDB.entityBuckets
 * for why), each an array sorted by id. Every read and write of entities goes through here.
 *
 * Every bucket read is checked (a list of records whose ids belong in it; an entity handed out is checked
 * against the schema too): a bucket that is not what Dramatis wrote (damaged storage, a buggy writer) makes the
 * read throw DatasetDamaged rather than hand garbage on, and calls the damage hook, which repairs the dataset
 * (background/store/dataset-health.ts: the bundled copy, then the feed) and tells the Updates tab.
 */
import { Value } from '@sinclair/typebox/value';
import { Entity } from '../../core/dataset/dataset-schema.ts';
import type { Database } from './db.ts';

/** A stored record is not what was written. */
export class DatasetDamaged extends Error {}

let onDamage: ((detail: string) => void) | undefined;

/** Who is told of damage (wired once at worker start: background/index.ts). */
export function whenDamaged(hook: (detail: string) => void): void {
  onDamage = hook;
}

function damaged(detail: string): never {
  onDamage?.(detail);
  throw new DatasetDamaged(`The stored dataset is damaged (${detail}); Dramatis is restoring it.`);
}

/** The entities of bucket `b` as read back, checked to be a list of records that belong in it. */
export function checkedBucket(b: number, value: unknown): Entity[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) damaged(`entity bucket ${b} is not a list`);
  for (const e of value as unknown[]) {
    const id = (e as { id?: unknown } | null)?.id;
    if (typeof id !== 'string' || bucketOf(id) !== b) damaged(`entity bucket ${b} holds a record that does not belong there`);
  }
  return value as Entity[];
}

/** An entity about to be handed out (to a card, the panel), checked whole. */
function checkedEntity(b: number, e: Entity): Entity {
  if (!Value.Check(Entity, e)) damaged(`the entity "${String((e as { id?: unknown }).id)}" in bucket ${b} is not a valid record`);
  return e;
}

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
  objectStore(name: 'entityBuckets'): {
    get(key: number): Promise<Entity[] | undefined>;
    getAll(): Promise<Entity[][]>;
    getAllKeys(): Promise<number[]>;
  };
}

/** Entities by id within a transaction (undefined for unknown ids), reading each bucket once. */
export async function entitiesIn(tx: BucketReader, ids: readonly string[]): Promise<Array<Entity | undefined>> {
  const wanted = new Map<number, Promise<Entity[]>>();
  for (const id of ids) {
    const b = bucketOf(id);
    if (!wanted.has(b)) wanted.set(b, tx.objectStore('entityBuckets').get(b).then((v) => checkedBucket(b, v)));
  }
  return Promise.all(ids.map(async (id) => {
    const b = bucketOf(id);
    const e = (await wanted.get(b)!).find((x) => x.id === id);
    return e && checkedEntity(b, e);
  }));
}

/** Every bucket within a transaction, checked; their entities in bucket order. */
export async function allBucketsIn(tx: BucketReader): Promise<Entity[]> {
  const store = tx.objectStore('entityBuckets');
  const [keys, values] = await Promise.all([store.getAllKeys(), store.getAll()]);
  return keys.flatMap((b, i) => checkedBucket(b, values[i]));
}

/** Every stored entity, sorted by id. */
export async function getAllEntities(db: Database): Promise<Entity[]> {
  const tx = db.transaction('entityBuckets');
  const entities = await allBucketsIn(tx);
  await tx.done;
  return entities.sort(byId);
}

