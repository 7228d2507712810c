/** A PatchBase read from a pack in memory: what gatherPatchBase reads from IndexedDB, for Node tests. */
import type { DatasetPack } from '../../src/core/dataset/dataset-schema.ts';
import { aliasClaimsOf, citationsOf, referencesOf, type AliasClaim, type PatchBase } from '../../src/core/feed/feed-patch-check.ts';

export function patchBaseOf(pack: DatasetPack): PatchBase {
  const entities = new Map(pack.entities.map((e) => [e.id, e]));
  const articles = new Map(pack.articles.map((a) => [a.id, a]));
  const referrers = new Map<string, string[]>();
  const citers = new Map<string, string[]>();
  const claims = new Map<string, AliasClaim[]>();
  const push = <T,>(m: Map<string, T[]>, k: string, v: T) => m.set(k, [...(m.get(k) ?? []), v]);
  for (const e of pack.entities) {
    for (const r of referencesOf(e)) push(referrers, r, e.id);
    for (const a of citationsOf(e)) push(citers, a, e.id);
    for (const [key, ambiguous] of aliasClaimsOf(e)) push(claims, key, { entityId: e.id, ambiguous });
  }
  return {
    hasEntity: (id) => entities.has(id),
    hasArticle: (id) => articles.has(id),
    articleText: (id) => articles.get(id)?.text,
    referrersOf: (id) => referrers.get(id) ?? [],
    citersOf: (id) => (citers.get(id) ?? []).map((e) => entities.get(e)!),
    claimsOf: (key) => claims.get(key) ?? [],
    exclusions: pack.exclusions,
  };
}
