/**
 * Entity briefs for scanText answers, so a page learns what it found in the same round trip as the mentions.
 * A memo of IndexedDB for one dataset version (module state: rebuilt on demand after each wake), filled only
 * with the entities pages actually name, and bounded so a worker that stays awake doesn't grow forever.
 */
import type { Entity } from '../../core/dataset/dataset-schema.ts';
import { briefOf, type EntityBrief } from '../../core/dataset/entity-brief.ts';
import { openDatabase } from './db.ts';
import { getEntities } from './entity-buckets.ts';

/** Past this many briefs the memo starts over (a brief is ~100 bytes; pages name hundreds, not thousands). */
const MAX_BRIEFS = 50_000;

let memo: { version: number; briefs: Map<string, EntityBrief> } | undefined;

/** The briefs of `ids` in dataset `version`, in order; null for an id the stored dataset no longer has. */
export async function briefsFor(version: number, ids: readonly string[]): Promise<Array<EntityBrief | null>> {
  if (memo?.version !== version || memo.briefs.size > MAX_BRIEFS) memo = { version, briefs: new Map() };
  const { briefs } = memo;
  const missing = ids.filter((id) => !briefs.has(id));
  if (missing.length > 0) {
    const found = await getEntities(await openDatabase(), missing);
    for (const e of found) if (e) briefs.set(e.id, briefOf(e));
  }
  return ids.map((id) => briefs.get(id) ?? null);
}

/**
 * A patch moved the stored dataset from `from` to `to`: the briefs of the entities it left alone carry over, those
 * of the entities it put are taken from the rows in hand, and those it deleted go. Without this, the first scan
 * after every update read one bucket (about a hundred records) per entity its page names: most of an open tab's
 * rescan after a patch.
 */
export function briefsAfterPatch(from: number, to: number, put: readonly Entity[], deleted: readonly string[]): void {
  const briefs = memo?.version === from ? memo.briefs : new Map<string, EntityBrief>();
  for (const id of deleted) briefs.delete(id);
  for (const e of put) briefs.set(e.id, briefOf(e));
  memo = { version: to, briefs };
}
