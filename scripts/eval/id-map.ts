/**
 * Which entity of the evaluation set each dataset entity is. The set names its entities with its own ids and
 * display names (`entities.json`: `name_en`, `name_ar`, often with a gloss in parentheses); the dataset has its
 * own ids, names and aliases. An entity of the set is the dataset entity one of whose names or aliases equals the
 * set's English or Arabic name (with and without the parenthesised gloss, and the gloss itself), compared by the
 * matcher's own fold. Computed, not listed: a renamed dataset id or a new entity on either side maps by itself.
 */
import type { Entity } from '../../src/core/dataset/dataset-schema.ts';
import { foldKey } from '../../src/core/matching/normalize.ts';

export interface SetEntity {
  id: string;
  name_en: string;
  name_ar: string;
}

export interface IdMap {
  /** Dataset id → set id. */
  toSet: Map<string, string>;
  /** Set ids no dataset entity maps to. */
  unmatchedSet: string[];
  /** Dataset ids the set does not annotate (their mentions are neither right nor wrong there). */
  outOfSet: string[];
}

/** "Washington (D.C.; metonym …)" → ["Washington (D.C.; metonym …)", "Washington", "D.C.", "metonym …"]. */
function namesOf(name: string): string[] {
  const out = [name];
  const m = /^(.*?)\s*\((.*)\)\s*$/.exec(name);
  if (m) out.push(m[1]!, ...m[2]!.split(';'));
  return out.map(foldKey).filter((k) => k !== '');
}

export function mapEntityIds(dataset: readonly Pick<Entity, 'id' | 'name' | 'aliases'>[], set: readonly SetEntity[]): IdMap {
  const toSet = new Map<string, string>();
  const unmatchedSet: string[] = [];
  for (const s of set) {
    const wanted = new Set([...namesOf(s.name_en), ...namesOf(s.name_ar)]);
    const first = (keys: (e: Pick<Entity, 'name' | 'aliases'>) => string[]) =>
      dataset.find((e) => !toSet.has(e.id) && keys(e).some((k) => wanted.has(k)));
    // Display names first (a place's alias may be another's gloss), then any alias.
    const match = first((e) => [foldKey(e.name.en), foldKey(e.name.ar)]) ?? first((e) => e.aliases.map((a) => foldKey(a.text)));
    if (match) toSet.set(match.id, s.id);
    else unmatchedSet.push(s.id);
  }
  const outOfSet = dataset.map((e) => e.id).filter((id) => !toSet.has(id));
  return { toSet, unmatchedSet, outOfSet };
}
