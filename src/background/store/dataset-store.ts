/**
 * The stored dataset. Every change is one IndexedDB transaction (a reader sees the old data or the new, never
 * half; a worker killed before the commit leaves the old data whole):
 * - installPack replaces everything (a full pack: bundled, feed or import);
 * - checkAndApplyPatch checks a patch and changes only the buckets holding the records it names, so a small
 *   update stays small.
 * Entities are stored in buckets, read and written only through entity-buckets.ts; bulk writes go through the
 * native stores without a promise per record; slow work (compiling the matcher) runs before the transaction
 * opens, because a transaction with no pending request across a task boundary commits itself.
 */
import { unwrap, type IDBPTransaction } from 'idb';
import { FORMAT_VERSION, type Article, type DatasetPack, type Entity } from '../../core/dataset/dataset-schema.ts';
import { byId } from '../../core/dataset/id-order.ts';
import { citationsOf, referencesOf, type AliasClaim, type PatchBase, type PatchLookups } from '../../core/feed/feed-patch-check.ts';
import type { DatasetPatch } from '../../core/feed/feed-patch.ts';
import type { ValidationError } from '../../core/dataset/dataset-validate.ts';
import { buildMatcher, serializeMatcher, type SerializedMatcher } from '../../core/matching/name-matcher.ts';
import { browser } from '../../shared/browser.ts';
import type { ArticleMeta, DatasetInfo } from '../../shared/api/messages.ts';
import { DATASET_STAMP_KEY } from '../../shared/storage-keys.ts';
import { getMeta, type Database, type DramatisDB, type MetaRecords } from './db.ts';
import {
  allBucketsIn, BUCKET_STORE, bucketCache, bucketsOf, entitiesIn, getAllEntities, patchBuckets, replaceAllBuckets,
  type BucketCache,
} from './entity-buckets.ts';

export function datasetInfoOf(pack: Pick<DatasetPack, 'datasetId' | 'version' | 'published' | 'entities'>): DatasetInfo {
  return {
    datasetId: pack.datasetId,
    version: pack.version,
    published: pack.published,
    entityCount: pack.entities.length,
  };
}

/** Called now and then while rows are written: rows written so far, of `total`. */
export type RowProgress = (done: number, total: number) => void;

/** Where a full pack came from, stored with the dataset's info. */
export type PackOrigin = Pick<DatasetInfo, 'source' | 'importedAt' | 'fileName'>;

/**
 * What installing a pack computes before its transaction opens (slow work must not sit inside one): the compiled
 * matcher and the entities by bucket. The sync job computes them itself, step by step, to time each step.
 */
export interface PackRecords {
  matcher: SerializedMatcher;
  buckets: ReadonlyMap<number, Entity[]>;
}

export function packRecords(pack: DatasetPack): PackRecords {
  return { matcher: serializeMatcher(buildMatcher(pack)), buckets: bucketsOf(pack.entities) };
}

/** Replaces the stored dataset with `pack` (already validated), including its compiled matcher. */
export async function installPack(
  db: Database, pack: DatasetPack, origin: PackOrigin, records: PackRecords = packRecords(pack), onProgress?: RowProgress,
): Promise<DatasetInfo> {
  const info: DatasetInfo = { ...datasetInfoOf(pack), ...origin };
  const tx = db.transaction([BUCKET_STORE, 'articles', 'meta'], 'readwrite');
  const articles = unwrap(tx.objectStore('articles'));
  const meta = unwrap(tx.objectStore('meta'));
  const total = pack.entities.length;
  onProgress?.(0, total);
  replaceAllBuckets(tx, records.buckets, onProgress && ((written) => onProgress(written, total)));
  articles.clear();
  for (const a of pack.articles) articles.put(a);
  meta.put(info, 'dataset');
  meta.put(pack.exclusions, 'exclusions');
  meta.put({ version: pack.version, data: records.matcher }, 'matcher');
  meta.delete('matcherOverlay');
  await tx.done;
  return info;
}

/** How a patch is checked before it is written (install-update.ts gives the check and times its parts). */
export interface PatchChecking {
  lookups: PatchLookups;
  /** Who claims each alias key (the stored matcher knows: see feed-patch-claims.ts). */
  claimsOf(key: string): AliasClaim[];
  /** Checks the patch against what was read. Called inside the transaction: it must not wait on anything. */
  check(base: PatchBase): ValidationError[];
  /** Told when the rows the check needs have been read. */
  read?(): void;
}

export type PatchOutcome = { ok: true; info: DatasetInfo; added: number } | { ok: false; errors: ValidationError[] };

/**
 * Checks a patch against the rows it touches and applies it, in one readwrite transaction: each bucket is read
 * once (checking in a transaction of its own read them all twice), and nothing can change between the check
 * and the write. The dataset moves to `patch.to` with the matcher's update overlay for it when there is one
 * (matcher-cache.ts); without one, the stored matcher no longer matches the version, and matcher-cache compiles
 * it anew. A check that finds errors aborts the transaction: nothing is written. Throws (changing nothing) if
 * the stored version is not `patch.from` any more.
 */
export async function checkAndApplyPatch(
  db: Database, patch: DatasetPatch, checking: PatchChecking, overlay?: MetaRecords['matcherOverlay'],
): Promise<PatchOutcome> {
  const tx = db.transaction([BUCKET_STORE, 'articles', 'meta'], 'readwrite');
  const abort = async () => {
    tx.abort();
    await tx.done.catch(() => undefined);
  };
  const current = (await tx.objectStore('meta').get('dataset')) as DatasetInfo | undefined;
  if (!current || current.datasetId !== patch.datasetId || current.version !== patch.from) {
    await abort();
    throw new Error(`the stored dataset is no longer version ${patch.from}`);
  }
  const buckets = bucketCache(tx);
  const base = await patchBaseIn(tx, checking.lookups, checking.claimsOf, buckets);
  checking.read?.();
  const errors = checking.check(base);
  if (errors.length > 0) {
    await abort();
    return { ok: false, errors };
  }
  const added = await patchBuckets(tx, patch.entities, buckets);
  const articles = unwrap(tx.objectStore('articles'));
  for (const id of patch.articles.delete) articles.delete(id);
  for (const a of patch.articles.put) articles.put(a);
  const info: DatasetInfo = {
    datasetId: current.datasetId,
    version: patch.to,
    published: patch.published,
    entityCount: current.entityCount + added - patch.entities.delete.length,
    source: 'feed',
  };
  const meta = unwrap(tx.objectStore('meta'));
  meta.put(info, 'dataset');
  if (patch.exclusions) meta.put(patch.exclusions, 'exclusions');
  if (overlay) meta.put(overlay, 'matcherOverlay');
  else meta.delete('matcherOverlay');
  await tx.done;
  return { ok: true, info, added };
}

/**
 * Reads what `checkPatch` needs within `tx`. Records the patch names are read by id; only a patch that deletes
 * records or replaces a stored article needs to know who refers to them, which takes one pass over the stored
 * entities.
 */
async function patchBaseIn(
  tx: IDBPTransaction<DramatisDB, Array<typeof BUCKET_STORE | 'articles' | 'meta'>, 'readwrite'>,
  lookups: PatchLookups,
  claimsOf: (key: string) => AliasClaim[],
  buckets: BucketCache,
): Promise<PatchBase> {
  const [entities, articles, exclusions] = await Promise.all([
    entitiesIn(tx, lookups.entityIds, buckets),
    Promise.all(lookups.articleIds.map((id) => tx.objectStore('articles').get(id))),
    tx.objectStore('meta').get('exclusions') as Promise<DatasetPack['exclusions'] | undefined>,
  ]);
  const articleMap = new Map<string, Article>();
  for (const a of articles) if (a) articleMap.set(a.id, a);
  const needsScan = lookups.referrersOf.length > 0 || lookups.citersOf.some((id) => articleMap.has(id));
  const all = needsScan ? await allBucketsIn(tx) : [];
  const entitySet = new Set(entities.filter((e): e is Entity => e !== undefined).map((e) => e.id));
  const referrers = new Map<string, string[]>();
  const citers = new Map<string, Entity[]>();
  const deleted = new Set(lookups.referrersOf);
  const cited = new Set(lookups.citersOf);
  for (const e of all) {
    for (const id of referencesOf(e)) if (deleted.has(id)) referrers.set(id, [...(referrers.get(id) ?? []), e.id]);
    for (const id of citationsOf(e)) if (cited.has(id)) citers.set(id, [...(citers.get(id) ?? []), e]);
  }
  return {
    hasEntity: (id) => entitySet.has(id),
    hasArticle: (id) => articleMap.has(id),
    articleText: (id) => articleMap.get(id)?.text,
    referrersOf: (id) => referrers.get(id) ?? [],
    citersOf: (id) => citers.get(id) ?? [],
    claimsOf,
    exclusions: exclusions ?? [],
  };
}

/** The stored dataset as a pack: records in id order, in one read transaction (a consistent snapshot). */
export async function exportPack(db: Database): Promise<DatasetPack | undefined> {
  const tx = db.transaction([BUCKET_STORE, 'articles', 'meta']);
  const [info, exclusions, stored, articles] = await Promise.all([
    tx.objectStore('meta').get('dataset') as Promise<DatasetInfo | undefined>,
    tx.objectStore('meta').get('exclusions') as Promise<DatasetPack['exclusions'] | undefined>,
    allBucketsIn(tx),
    tx.objectStore('articles').getAll(),
  ]);
  await tx.done;
  const entities = stored.sort(byId);
  if (!info) return undefined;
  return {
    formatVersion: FORMAT_VERSION,
    datasetId: info.datasetId,
    version: info.version,
    published: info.published,
    articles,
    entities,
    exclusions: exclusions ?? [],
  };
}

/** The ids stored now (to tell what a full pack adds and removes). */
export async function storedEntityIds(db: Database): Promise<string[]> {
  return (await getAllEntities(db)).map((e) => e.id);
}

/** Tells open tabs to rescan: written only after the new data (and its matcher) can be read. */
export async function announceDataset(version: number): Promise<void> {
  await browser.storage.local.set({ [DATASET_STAMP_KEY]: { version, at: Date.now() } });
}

export function getDatasetInfo(db: Database): Promise<DatasetInfo | undefined> {
  return getMeta(db, 'dataset');
}

/** The part of a transaction (of any mode, over at least articles) that reads articles. */
export interface ArticleReader {
  objectStore(name: 'articles'): { get(id: string): Promise<Article | undefined> };
}

/** The stored articles of `ids` (unknown ids are skipped), without their full texts: what a citation shows. */
export async function articleMetasIn(tx: ArticleReader, ids: Iterable<string>): Promise<ArticleMeta[]> {
  const articles: ArticleMeta[] = [];
  for (const id of ids) {
    const article = await tx.objectStore('articles').get(id);
    if (article) {
      const { text: _text, ...meta } = article;
      articles.push(meta);
    }
  }
  return articles;
}

/** Entities by id (unknown ids are skipped) and the articles their evidence cites, without full texts. */
export async function getEntitiesWithSources(
  db: Database,
  ids: readonly string[],
): Promise<{ entities: Entity[]; articles: ArticleMeta[] }> {
  const tx = db.transaction([BUCKET_STORE, 'articles']);
  const found = await entitiesIn(tx, ids);
  const entities = found.filter((e): e is Entity => e !== undefined);
  const articleIds = new Set<string>();
  for (const e of entities) {
    for (const fact of [...e.roles, ...e.affiliations]) for (const ev of fact.evidence) articleIds.add(ev.articleId);
  }
  const articles = await articleMetasIn(tx, articleIds);
  await tx.done;
  return { entities, articles };
}
