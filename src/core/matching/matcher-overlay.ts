/**
 * An update overlay: what a patch changes in a compiled matcher, compiled on its own, so that a small update is
 * live in milliseconds instead of the hundreds a whole rebuild of 100,000 names takes. Pure.
 *
 * The compiled matcher of an older version (the base) stays as it is. The overlay holds:
 * - the keys of every entity changed since the base (put or deleted, across any number of patches), compiled
 *   the way `buildMatcher` compiles a dataset (matcher-keys.ts), in a trie of their own;
 * - their entries, merged with the base's live entries wherever a key is also the base's ("twins");
 * - the base keys an overlay entity had entries on: the entries that are left (the overlay's own table), or
 *   none, which makes the key dead (no key at all);
 * - the changed entities' base indexes (all their base entries are dead) and the ids of entities the base
 *   lacks, numbered after its own.
 * A scan walks both tries word by word (name-scan.ts) and resolves each span against the table it came from,
 * so it finds exactly what a matcher built from the whole updated dataset finds (the property tests compare).
 * Exclusions are the base's: a patch that changes them is compiled whole instead.
 *
 * The overlay grows with every patch since the base; the background compiles a new base once it passes
 * OVERLAY_MAX_ENTITIES, or when the browser is idle (src/background/store/matcher-cache.ts).
 */
import type { Entity } from '../dataset/dataset-schema.ts';
import { byId, compareIds } from '../dataset/id-order.ts';
import type { EntryTable } from './span-resolution.ts';
import { RuleTable, compileEntities, entryTable, sortEntries, type EntryList, type KeyEntries } from './matcher-keys.ts';
import { NameTrie, buildTrie, type TrieArrays } from './name-trie.ts';
import type { ScanTrie } from './name-scan.ts';
import { FOLD_VERSION } from './normalize.ts';

/** Keys of the overlay's table are reported from this number on, apart from the base's own. */
export const OVERLAY_KEY_BASE = 2 ** 30;
/** Past this many changed entities, an overlay stops paying for itself: compile a new base. */
export const OVERLAY_MAX_ENTITIES = 2000;

/** The base an overlay is built over, as name-matcher.ts stores it (the fields the overlay reads). */
export interface OverlayBase {
  trie: TrieArrays;
  romanTrie: TrieArrays | null;
  keyCount: number;
  entries: EntryTable;
  entityIds: string[];
  /** Entity indexes in the order of their ids: an id's index by binary search, no map of 100,000 ids. */
  idOrder: Uint32Array;
}

/** The base's index of entity `id`, or undefined. */
export function baseIndexOf(base: Pick<OverlayBase, 'entityIds' | 'idOrder'>, id: string): number | undefined {
  const { entityIds, idOrder } = base;
  let lo = 0;
  let hi = idOrder.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const e = idOrder[mid]!;
    const x = entityIds[e]!;
    if (x === id) return e;
    if (x < id) lo = mid + 1;
    else hi = mid;
  }
  return undefined;
}

/** The order `idOrder` holds for these ids. */
export function idOrderOf(entityIds: readonly string[]): Uint32Array {
  const order = Uint32Array.from(entityIds.keys());
  return order.sort((a, b) => compareIds(entityIds[a]!, entityIds[b]!));
}

export interface SerializedOverlay {
  format: 'dramatis-matcher-overlay';
  foldVersion: number;
  /** The base's size, to tell it from another: its keys (and romanisation keys) and entities. */
  baseKeys: number;
  baseEntities: number;
  trie: TrieArrays;
  romanTrie: TrieArrays | null;
  /** Keys of `trie`; a romanisation key of rank r is key keyCount + r of the table. */
  keyCount: number;
  /** Entries of the overlay's keys, then of the base's keys that lost entries and kept some (appended). */
  entries: EntryTable;
  /** Pairs [base key, overlay key]: a base key found by a scan is reported as the overlay's. */
  baseRemap: Int32Array;
  /** Base keys (romanisation keys numbered after the others, as in the base) that are no keys any more. */
  deadKeys: Int32Array;
  /** Ids of the entities changed since the base, sorted: put or deleted. */
  changedIds: string[];
  /** Their base indexes (entities the base has): all their base entries are dead. */
  changedBase: Int32Array;
  /** Entities the base lacks: entity baseEntities + i is entityIds[i]. */
  entityIds: string[];
  /** Tokens (see SerializedMatcher) of the changed entities that need them. */
  tokenEntity: Uint32Array;
  tokenLists: string[];
  /** The current records of the changed entities still in the dataset: the next update's overlay starts from them. */
  rows: Entity[];
}

/** The key a folded name has in a trie, or -1. */
export function lookupKey(trie: NameTrie, key: string): number {
  let v = 0;
  for (let i = 0; i < key.length; i++) {
    v = trie.child(v, key.charCodeAt(i));
    if (v === 0) return -1;
  }
  return trie.nodeKey[v]!;
}

/**
 * Builds the overlay of a base for the entities changed since it: `changedIds` (every id put or deleted since
 * the base) and `rows`, the current records of those still in the dataset.
 */
export function buildOverlay(base: OverlayBase, changedIds: Iterable<string>, rows: readonly Entity[]): SerializedOverlay {
  const baseEntities = base.entityIds.length;
  const baseKeys = base.entries.keyEntryStart.length - 1;
  const allChanged = [...new Set([...changedIds, ...rows.map((r) => r.id)])].sort(compareIds);
  const current = [...rows].sort(byId);
  const inBase = (id: string) => baseIndexOf(base, id);
  // Entity numbering: the base's index where it has the entity, else after the base's, by id.
  const newIds = current.map((e) => e.id).filter((id) => inBase(id) === undefined);
  const newIndex = new Map(newIds.map((id, i) => [id, baseEntities + i]));
  const present = new Set(current.map((e) => e.id));
  const changedSet = new Set(allChanged);
  const lookup = {
    get: (id: string): number | undefined => (changedSet.has(id) && !present.has(id) ? undefined : (newIndex.get(id) ?? inBase(id))),
  };
  const idOf = (e: number): string => (e < baseEntities ? base.entityIds[e]! : newIds[e - baseEntities]!);

  const rules = new RuleTable();
  const compiled = compileEntities(current, (i) => lookup.get(current[i]!.id)!, lookup, rules);
  const changedBase = allChanged.map((id) => inBase(id) ?? -1).filter((e) => e >= 0);
  const isChanged = new Uint8Array(baseEntities);
  for (const e of changedBase) isChanged[e] = 1;

  // The base's entries that stay, per base key an overlay entity had entries on (and per twin).
  const t = base.entries;
  const liveOf = (k: number): EntryList => {
    const list: EntryList = [];
    for (let i = t.keyEntryStart[k]!, end = t.keyEntryStart[k + 1]!; i < end; i++) {
      const e = t.entryEntity[i]!;
      if (e >= 0 && isChanged[e]) continue;
      const r = t.entryRule[i]!;
      list.push(e, t.entryFlags[i]!, r >= 0 ? rules.intern(t.rules[r]) : -1);
    }
    return list;
  };
  const affected: number[] = [];
  if (changedBase.length > 0) {
    for (let k = 0; k < baseKeys; k++) {
      for (let i = t.keyEntryStart[k]!, end = t.keyEntryStart[k + 1]!; i < end; i++) {
        const e = t.entryEntity[i]!;
        if (e >= 0 && isChanged[e]) {
          affected.push(k);
          break;
        }
      }
    }
  }

  const baseTrie = new NameTrie(base.trie);
  const baseRomanTrie = base.romanTrie ? new NameTrie(base.romanTrie) : undefined;
  const lists: EntryList[] = [];
  const remap = new Map<number, number>();
  const addKeys = (entries: KeyEntries, keys: string[], twinOf: (key: string) => number) => {
    for (const key of keys) {
      const own = entries.byKey.get(key)!;
      const twin = twinOf(key);
      const list = twin >= 0 ? [...liveOf(twin), ...own] : [...own];
      if (twin >= 0) remap.set(twin, lists.length);
      lists.push(sortEntries(list, idOf));
    }
  };
  const keys = compiled.main.sortedKeys();
  const romanKeys = compiled.roman.sortedKeys();
  addKeys(compiled.main, keys, (key) => lookupKey(baseTrie, key));
  addKeys(compiled.roman, romanKeys, (key) => {
    const r = baseRomanTrie ? lookupKey(baseRomanTrie, key) : -1;
    return r >= 0 ? base.keyCount + r : -1;
  });
  const dead: number[] = [];
  for (const k of affected) {
    if (remap.has(k)) continue;
    const live = liveOf(k);
    if (live.length === 0) dead.push(k);
    else {
      remap.set(k, lists.length);
      lists.push(live);
    }
  }
  const baseRemap = new Int32Array(remap.size * 2);
  [...remap].sort((a, b) => a[0] - b[0]).forEach(([from, to], i) => {
    baseRemap[i * 2] = from;
    baseRemap[i * 2 + 1] = to;
  });
  return {
    format: 'dramatis-matcher-overlay',
    foldVersion: FOLD_VERSION,
    baseKeys,
    baseEntities,
    trie: buildTrie(keys),
    romanTrie: romanKeys.length > 0 ? buildTrie(romanKeys) : null,
    keyCount: keys.length,
    entries: entryTable(lists, rules.rules),
    baseRemap,
    deadKeys: Int32Array.from(dead),
    changedIds: allChanged,
    changedBase: Int32Array.from(changedBase),
    entityIds: newIds,
    tokenEntity: Uint32Array.from(compiled.tokenEntity),
    tokenLists: compiled.tokenLists,
    rows: current,
  };
}

/** `remappedKey`: the base key is no key any more. */
export const DEAD = -2;

/** The overlay's key for base key `key`, -1 when it stays the base's, DEAD when it is no key any more. */
export function remappedKey(overlay: SerializedOverlay, key: number): number {
  const pairs = overlay.baseRemap;
  let lo = 0;
  let hi = pairs.length / 2;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const k = pairs[mid * 2]!;
    if (k === key) return pairs[mid * 2 + 1]!;
    if (k < key) lo = mid + 1;
    else hi = mid;
  }
  return overlay.deadKeys.includes(key) ? DEAD : -1;
}

/**
 * The two tries a scan walks with an overlay: the base's (its dead keys left out, the keys the overlay took over
 * reported as the overlay's) and the overlay's own, whose keys are reported in the overlay's table.
 */
export function overlaySides(
  base: OverlayBase, overlay: SerializedOverlay, main: ScanTrie, overlayTrie: NameTrie,
): { main: ScanTrie; overlay: ScanTrie } {
  const dead = new Uint8Array(base.keyCount);
  const romanDead = new Uint8Array(overlay.baseKeys - base.keyCount);
  for (const k of overlay.deadKeys) {
    if (k < base.keyCount) dead[k] = 1;
    else romanDead[k - base.keyCount] = 1;
  }
  const remap = new Map<number, number>();
  for (let i = 0; i < overlay.baseRemap.length; i += 2) remap.set(overlay.baseRemap[i]!, OVERLAY_KEY_BASE + overlay.baseRemap[i + 1]!);
  return {
    main: { ...main, dead, romanDead, report: (k) => remap.get(k) ?? k },
    overlay: {
      trie: overlayTrie,
      ...(overlay.romanTrie ? { roman: new NameTrie(overlay.romanTrie) } : {}),
      romanBase: overlay.keyCount,
      report: (k) => OVERLAY_KEY_BASE + k,
    },
  };
}
