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
import { unwrap, type IDBPObjectStore, type StoreNames } from 'idb';
import { Entity } from '../../core/dataset/dataset-schema.ts';
import { byId } from '../../core/dataset/id-order.ts';
import type { Database, DramatisDB } from './db.ts';

/**
 * The object store the buckets live in. Other files name it only through this constant, to open a transaction
 * over it and other stores, and hand that transaction to the functions below to read or write entities.
 */
export const BUCKET_STORE = 'entityBuckets';

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
function checkedBucket(b: number, value: unknown): Entity[] {
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
  objectStore(name: typeof BUCKET_STORE): {
    get(key: number): Promise<Entity[] | undefined>;
    getAll(): Promise<Entity[][]>;
    getAllKeys(): Promise<number[]>;
  };
}

/** Reads checked buckets within one transaction, each at most once (a bucket is tens of records to clone). */
export type BucketCache = (b: number) => Promise<Entity[]>;

/** A BucketCache over `tx`: checking a patch and writing it read the same buckets once, in one transaction. */
export function bucketCache(tx: BucketReader): BucketCache {
  const read = new Map<number, Promise<Entity[]>>();
  return (b) => {
    let bucket = read.get(b);
    if (!bucket) read.set(b, (bucket = tx.objectStore(BUCKET_STORE).get(b).then((v) => checkedBucket(b, v))));
    return bucket;
  };
}

/** Entities by id within a transaction (undefined for unknown ids), reading each bucket once. */
export async function entitiesIn(tx: BucketReader, ids: readonly string[], buckets = bucketCache(tx)): Promise<Array<Entity | undefined>> {
  return Promise.all(ids.map(async (id) => {
    const b = bucketOf(id);
    const e = (await buckets(b)).find((x) => x.id === id);
    return e && checkedEntity(b, e);
  }));
}

/** Every bucket within a transaction, checked; their entities in bucket order. */
export async function allBucketsIn(tx: BucketReader): Promise<Entity[]> {
  const store = tx.objectStore(BUCKET_STORE);
  const [keys, values] = await Promise.all([store.getAllKeys(), store.getAll()]);
  return keys.flatMap((b, i) => checkedBucket(b, values[i]));
}

/** Entities by id in a transaction of their own (undefined for unknown ids). */
export async function getEntities(db: Database, ids: readonly string[]): Promise<Array<Entity | undefined>> {
  const tx = db.transaction(BUCKET_STORE);
  const entities = await entitiesIn(tx, ids);
  await tx.done;
  return entities;
}

/** Every stored entity, sorted by id. */
export async function getAllEntities(db: Database): Promise<Entity[]> {
  const tx = db.transaction(BUCKET_STORE);
  const entities = await allBucketsIn(tx);
  await tx.done;
  return entities.sort(byId);
}


/** The part of a readwrite transaction (over at least entityBuckets) that writes buckets. */
export interface BucketWriter {
  objectStore(name: typeof BUCKET_STORE): IDBPObjectStore<DramatisDB, ArrayLike<StoreNames<DramatisDB>>, typeof BUCKET_STORE, 'readwrite'>;
}

/**
 * Replaces every bucket with `buckets` (from `bucketsOf`), within `tx`. The requests go to the native store, not
 * through a promise each (a full pack writes a thousand buckets); `onWritten` is called as each put succeeds,
 * with how many entities are written so far.
 */
export function replaceAllBuckets(tx: BucketWriter, buckets: Iterable<readonly [number, Entity[]]>, onWritten?: (entities: number) => void): void {
  const store = unwrap(tx.objectStore(BUCKET_STORE));
  store.clear();
  let written = 0;
  for (const [b, entities] of buckets) {
    const req = store.put(entities, b);
    written += entities.length;
    const done = written;
    if (onWritten) req.onsuccess = () => onWritten(done);
  }
}

/**
 * Puts and deletes entities within `tx`, reading and rewriting only the buckets they fall in (a bucket left empty
 * is deleted). Returns how many of the entities put are new (not replacing a stored one).
 */
export async function patchBuckets(
  tx: BucketWriter, change: { readonly put: readonly Entity[]; readonly delete: readonly string[] }, read: BucketCache = bucketCache(tx),
): Promise<number> {
  const touched = new Set([...change.delete, ...change.put.map((e) => e.id)].map(bucketOf));
  const store = tx.objectStore(BUCKET_STORE);
  const buckets = new Map(await Promise.all([...touched].map(async (b) => [b, await read(b)] as const)));
  let added = 0;
  for (const id of change.delete) {
    const b = bucketOf(id);
    buckets.set(b, buckets.get(b)!.filter((e) => e.id !== id));
  }
  for (const entity of change.put) {
    const b = bucketOf(entity.id);
    const list = buckets.get(b)!.filter((e) => e.id !== entity.id);
    if (list.length === buckets.get(b)!.length) added++;
    list.push(entity);
    list.sort(byId);
    buckets.set(b, list);
  }
  const native = unwrap(store);
  for (const [b, list] of buckets) {
    if (list.length > 0) native.put(list, b);
    else native.delete(b);
  }
  return added;
}
