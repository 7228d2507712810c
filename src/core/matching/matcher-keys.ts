/**
 * Compiling entities' aliases into keys and entries: what `buildMatcher` does for a whole dataset and an update
 * overlay (matcher-overlay.ts) for the entities a patch changed, the same way, so that both give what one build
 * of the whole would. Pure.
 *
 * The entries of a key are kept in a canonical order, entities by id and exclusions last, whatever order the
 * entities came in: ties between entities sharing a key (span-resolution.ts) then go the same way in a full build, in
 * an overlay over an older build, and whatever order IndexedDB hands the rows back in.
 */
import type { Entity } from '../dataset/dataset-schema.ts';
import { compareIds } from '../dataset/id-order.ts';
import { FLAG_AMBIGUOUS, FLAG_EXCLUSION, FLAG_LICENSING, FLAG_SILENT, type EntryTable } from './span-resolution.ts';
import { compileRule, romanisedRule, type EntityLookup, type MatchRule } from './match-rules.ts';
import { foldKey } from './normalize.ts';
import { romanKey } from './romanise.ts';

/** Flags of one alias: `full` wins over `ambiguous` (a full name is never ambiguous). */
function aliasFlags(alias: { ambiguous?: boolean; full?: boolean }, entityHasFull: boolean): number {
  const ambiguous = !alias.full && alias.ambiguous === true;
  const licensing = alias.full === true || (!entityHasFull && !ambiguous);
  return (ambiguous ? FLAG_AMBIGUOUS : 0) | (licensing ? FLAG_LICENSING : 0);
}

/** Entries of one key while building: entity (-1: exclusion), flags and rule index, per entity. */
export class KeyEntries {
  readonly byKey = new Map<string, number[]>(); // key → [entity, flags, rule, entity, flags, rule, …]

  /**
   * Several aliases of one entity on one key merge: ambiguous only if all are; licensing if any is. A licensing
   * word is added only where the entity has no name of its own on that key (`silent` true).
   */
  add(key: string, entity: number, flags: number, rule: number, silent = false): void {
    const list = this.byKey.get(key);
    if (!list) return void this.byKey.set(key, [entity, flags, rule]);
    for (let i = 0; i < list.length; i += 3) {
      if (list[i] !== entity) continue;
      if (silent) return;
      const old = list[i + 1]!;
      list[i + 1] = (old & flags & (FLAG_AMBIGUOUS | FLAG_SILENT)) | ((old | flags) & (FLAG_LICENSING | FLAG_EXCLUSION));
      if (list[i + 2]! < 0) list[i + 2] = rule;
      return;
    }
    list.push(entity, flags, rule);
  }

  sortedKeys(): string[] {
    return [...this.byKey.keys()].sort();
  }
}

/** Alias rules, each distinct rule once (most aliases share none or a few). */
export class RuleTable {
  readonly rules: MatchRule[] = [];
  private readonly index = new Map<string, number>();

  /** The rule's index in `rules`, or -1 for none. */
  intern(rule: MatchRule | undefined): number {
    if (!rule) return -1;
    const sig = JSON.stringify(rule);
    let i = this.index.get(sig);
    if (i === undefined) this.index.set(sig, (i = this.rules.push(rule) - 1));
    return i;
  }
}

/** What compiling some entities gives: their keys and entries, and the tokens of those that need them. */
export interface CompiledEntities {
  main: KeyEntries;
  roman: KeyEntries;
  /** Entities (by index) whose names may be blocked by a given name before them, and their folded words. */
  tokenEntity: number[];
  tokenLists: string[];
}

/**
 * Adds the keys of `entities` to fresh key tables: entity i is numbered `indexOf(i)`, and the entities its
 * aliases' rules name are found with `lookup`. A `romanised` alias also gets its romanisation key, as an
 * ambiguous alias with its page context. A licensing word of an alias's context (licensedByWords) is a key that
 * licenses the entity and names nothing.
 */
export function compileEntities(
  entities: readonly Entity[], indexOf: (i: number) => number, lookup: EntityLookup, rules: RuleTable,
): CompiledEntities {
  const main = new KeyEntries();
  const roman = new KeyEntries();
  const tokenEntity: number[] = [];
  const tokenLists: string[] = [];
  entities.forEach((entity, i) => {
    const e = indexOf(i);
    const hasFull = entity.aliases.some((a) => a.full === true);
    let needsTokens = false;
    const keys: string[] = [];
    for (const alias of entity.aliases) {
      const key = foldKey(alias.text);
      if (key === '') continue;
      const flags = aliasFlags(alias, hasFull);
      const rule = compileRule(alias, lookup);
      needsTokens ||= (flags & FLAG_AMBIGUOUS) !== 0 || alias.romanised === true || rule?.notAfterGivenName === true;
      main.add(key, e, flags, rules.intern(rule));
      keys.push(key);
      const rk = alias.romanised && !(flags & FLAG_AMBIGUOUS) ? romanKey(alias.text) : '';
      if (rk !== '') roman.add(rk, e, FLAG_AMBIGUOUS, rules.intern(romanisedRule(rule)));
    }
    // Licensing words after the names, so a word that is also one of the entity's names stays a name.
    for (const alias of entity.aliases) {
      for (const word of alias.context?.licensedByWords ?? []) {
        const key = foldKey(word);
        if (key !== '') main.add(key, e, FLAG_LICENSING | FLAG_SILENT, -1, true);
      }
    }
    if (needsTokens) {
      tokenEntity.push(e);
      tokenLists.push(`|${[...new Set(keys.join(' ').split(' '))].join('|')}|`);
    }
  });
  return { main, roman, tokenEntity, tokenLists };
}

/** One key's entries as [entity, flags, rule] triples, in any order. */
export type EntryList = number[];

/**
 * Puts a key's entries in the canonical order, in place: entities by id (`idOf`), exclusions (entity -1) last.
 * Most keys have one entry and are left as they are.
 */
export function sortEntries(list: EntryList, idOf: (entity: number) => string): EntryList {
  if (list.length <= 3) return list;
  const triples: number[][] = [];
  for (let i = 0; i < list.length; i += 3) triples.push(list.slice(i, i + 3));
  triples.sort((a, b) => {
    if (a[0]! < 0 || b[0]! < 0) return (a[0]! < 0 ? 1 : 0) - (b[0]! < 0 ? 1 : 0);
    return compareIds(idOf(a[0]!), idOf(b[0]!));
  });
  triples.forEach((t, j) => list.splice(j * 3, 3, ...t));
  return list;
}

/** The entry table of `lists` (key i's entries are lists[i], already in canonical order). */
export function entryTable(lists: readonly EntryList[], rules: MatchRule[]): EntryTable {
  let entryCount = 0;
  for (const list of lists) entryCount += list.length / 3;
  const keyEntryStart = new Uint32Array(lists.length + 1);
  const entryEntity = new Int32Array(entryCount);
  const entryFlags = new Uint8Array(entryCount);
  const entryRule = new Int32Array(entryCount);
  let at = 0;
  lists.forEach((list, ki) => {
    keyEntryStart[ki] = at;
    for (let i = 0; i < list.length; i += 3, at++) {
      entryEntity[at] = list[i]!;
      entryFlags[at] = list[i + 1]!;
      entryRule[at] = list[i + 2]!;
    }
  });
  keyEntryStart[lists.length] = at;
  return { keyEntryStart, entryEntity, entryFlags, entryRule, rules };
}
