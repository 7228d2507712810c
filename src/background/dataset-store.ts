/**
 * The stored dataset: installing a pack replaces everything in one transaction (a reader sees the old data or
 * the new, never half), and lookups by id.
 */
import type { DatasetPack, Entity } from '../core/dataset-schema.ts';
import { buildMatcher, serializeMatcher } from '../core/name-matcher.ts';
import { browser } from '../shared/browser.ts';
import { DATASET_STAMP_KEY, type ArticleMeta, type DatasetInfo } from '../shared/messages.ts';
import { getMeta, type Database } from './db.ts';

export function datasetInfoOf(pack: DatasetPack): DatasetInfo {
  return {
    datasetId: pack.datasetId,
    version: pack.version,
    published: pack.published,
    entityCount: pack.entities.length,
  };
}

/** Replaces the stored dataset with `pack` (already validated), including its compiled matcher. */
export async function installPack(db: Database, pack: DatasetPack): Promise<DatasetInfo> {
  // Compile before the transaction opens: an IndexedDB transaction commits itself when it has no pending
  // request across a task boundary, so no slow work may run inside it.
  const matcher = serializeMatcher(buildMatcher(pack));
  const info = datasetInfoOf(pack);
  const tx = db.transaction(['entities', 'articles', 'meta'], 'readwrite');
  const entities = tx.objectStore('entities');
  const articles = tx.objectStore('articles');
  const meta = tx.objectStore('meta');
  const writes: Promise<unknown>[] = [entities.clear(), articles.clear()];
  for (const e of pack.entities) writes.push(entities.put(e));
  for (const a of pack.articles) writes.push(articles.put(a));
  writes.push(meta.put(info, 'dataset'));
  writes.push(meta.put(pack.exclusions, 'exclusions'));
  writes.push(meta.put({ version: pack.version, data: matcher }, 'matcher'));
  await Promise.all([...writes, tx.done]);
  // Only after the commit: open tabs rescan on this signal and must find the new data.
  await browser.storage.local.set({ [DATASET_STAMP_KEY]: { version: info.version, at: Date.now() } });
  return info;
}

export function getDatasetInfo(db: Database): Promise<DatasetInfo | undefined> {
  return getMeta(db, 'dataset');
}

/** Entities by id (unknown ids are skipped) and the articles their evidence cites, without full texts. */
export async function getEntitiesWithSources(
  db: Database,
  ids: readonly string[],
): Promise<{ entities: Entity[]; articles: ArticleMeta[] }> {
  const tx = db.transaction(['entities', 'articles']);
  const found = await Promise.all(ids.map((id) => tx.objectStore('entities').get(id)));
  const entities = found.filter((e): e is Entity => e !== undefined);
  const articleIds = new Set<string>();
  for (const e of entities) {
    for (const fact of [...e.roles, ...e.affiliations]) for (const ev of fact.evidence) articleIds.add(ev.articleId);
  }
  const articles: ArticleMeta[] = [];
  for (const id of articleIds) {
    const a = await tx.objectStore('articles').get(id);
    if (a) {
      const { text: _text, ...meta } = a;
      articles.push(meta);
    }
  }
  await tx.done;
  return { entities, articles };
}
