/**
 * The dataset-wide indexes the side panel needs: the search index over every name and alias, and the reverse
 * tie index (who names whom), built together in one pass over the stored entities. Like the matcher cache, this
 * is only a memo of what IndexedDB holds: a worker that was killed rebuilds it on the first request after it
 * wakes (about 2 s for 100,000 entities in Node: see tests/unit/search-scale.test.ts), and a new dataset
 * version replaces it.
 */
import type { Bilingual, EntityType } from '../../core/dataset/dataset-schema.ts';
import { tieIndex } from '../../core/dataset/entity-graph.ts';
import { buildSearchIndex, type SearchIndex } from '../../core/search/search.ts';
import { ensureDataset } from './bundled-pack.ts';
import { openDatabase } from './db.ts';
import { getAllEntities } from './entity-buckets.ts';

export interface PanelIndexes {
  search: SearchIndex;
  /** Entity id → ids of the entities that name it. */
  namers: Map<string, string[]>;
  /** Every entity's id and names, by type, in the order of its names in each UI language (sorted on first use). */
  browse: (type: EntityType, lang: 'ar' | 'en') => ReadonlyArray<{ id: string; name: Bilingual }>;
}

/** Keyed by dataset id and version: an import of another dataset may carry the same version number. */
let cached: { key: string; indexes: Promise<PanelIndexes> } | undefined;

async function build(): Promise<PanelIndexes> {
  const entities = await getAllEntities(await openDatabase());
  const byType = new Map<EntityType, Array<{ id: string; name: Bilingual }>>();
  for (const e of entities) {
    const list = byType.get(e.type) ?? [];
    list.push({ id: e.id, name: e.name });
    byType.set(e.type, list);
  }
  const sorted = new Map<string, ReadonlyArray<{ id: string; name: Bilingual }>>();
  const browse = (type: EntityType, lang: 'ar' | 'en') => {
    const key = `${type}|${lang}`;
    let list = sorted.get(key);
    if (!list) {
      const collator = new Intl.Collator(lang);
      sorted.set(key, (list = [...(byType.get(type) ?? [])].sort((a, b) => collator.compare(a.name[lang], b.name[lang]))));
    }
    return list;
  };
  return { search: buildSearchIndex(entities), namers: tieIndex(entities), browse };
}

/** The indexes for the stored dataset version; concurrent callers share one build. */
export async function panelIndexes(): Promise<PanelIndexes> {
  const { datasetId, version } = await ensureDataset();
  const key = `${datasetId}@${version}`;
  if (cached?.key !== key) {
    const indexes = build();
    cached = { key, indexes };
    // A failed build must not stay cached: the next request tries again.
    indexes.catch(() => {
      if (cached?.indexes === indexes) cached = undefined;
    });
  }
  return cached.indexes;
}
