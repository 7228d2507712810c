/**
 * The name matcher: finds the dataset's names in a text (Arabic, Persian-script and English), for the background
 * service worker. Pure: no browser or Node APIs.
 *
 * What a scan finds (the rules; tests/support/reference-matcher.ts applies them the straightforward way, over the
 * whole folded text, and the tests hold the scan to it):
 * 1. the text is folded (normalize.ts), with a map back to the original;
 * 2. at each word start, the trie of folded keys (name-trie.ts) is walked as far as the text follows it, keeping
 *    the longest key that ends at a word end (or before an English 's); if none starts at the word start, again
 *    after an Arabic proclitic (proclitics.ts). The first start with a match wins, with its longest key:
 *    leftmost-longest, non-overlapping, chosen online; the next word start looked at is after the span;
 * 3. at each capitalised Latin word where no key starts and outside every span of step 2, the longest key of the
 *    romanisation trie (romanise.ts: Ghani, Qani for Qaani) is looked for; such a span is kept when it overlaps
 *    no span of step 2 nor an earlier one of its own;
 * 4. each span is resolved (licensing.ts, match-rules.ts): exclusions name nothing, an alias's own rules (exact
 *    case, refusing words) apply, ambiguous aliases and romanised spellings need licensing, which is collected
 *    from the whole text first, so a full name after the ambiguous use licenses it too; a compound alias
 *    (parts) is one mention per part.
 * How it costs about what reading the text costs, whatever the dictionary size (name-scan.ts): the text is not
 * folded up front; one branch-free pass lists the word starts whose first letter may begin a name, most of those
 * fail on their second letter, the rest are walked straight over the original text while it is plain, and only
 * what the fold would change is folded, in small windows (fold-window.ts); the context of an ambiguous name is
 * folded when it is resolved. ~4 ms per MB of mixed Arabic/English text in Node, with 1,000 or 100,000 names
 * (scripts/bench/matcher-node.ts).
 * Keys include exclusion phrases (names of nothing), so كتائب حزب الله, being longer, wins over حزب الله.
 */
import type { DatasetPack } from './dataset-schema.ts';
import { FoldWindow, foldWordsBefore } from './fold-window.ts';
import { FOLD_VERSION, foldKey } from './normalize.ts';
import { NameTrie, buildTrie, type TrieArrays } from './name-trie.ts';
import { SpanScanner, type Spans } from './name-scan.ts';
import {
  CONTEXT_WORDS, FLAG_AMBIGUOUS, FLAG_EXCLUSION, FLAG_LICENSING, FLAG_SILENT, chooseEntry, countLicensing,
  forEachSilentLicence, type EntryTable, type FoldedAt,
} from './licensing.ts';
import { compileRule, partSpans, romanisedRule, type MatchRule } from './match-rules.ts';
import { romanKey } from './romanise.ts';

/**
 * A name found in a text: UTF-16 offsets into the ORIGINAL text, [start, end), covering the name only: not the
 * و/ب/ل… prefix, not an English 's; with the diacritics on its last letter. After ل + ال written لل (للحرس الثوري)
 * the name's ا is not on the page, so the mention starts at the second ل ("لحرس الثوري").
 */
export interface Mention {
  start: number;
  end: number;
  entityId: string;
}

export interface ScanResult {
  /** Sorted by start, non-overlapping. */
  mentions: Mention[];
  /** Ids of entities named in this text by one of their licensing (full) names: pass them on to later chunks. */
  licensed: string[];
}

/**
 * The mentions of a `ScanResult` as parallel arrays, each entity id once: a fraction of the size and of the time
 * to send through extension messaging, which serialises to JSON. Mention i covers [starts[i], ends[i]) of the
 * original text and names entityIds[entities[i]]; sorted by start, non-overlapping.
 */
export interface CompactScanResult {
  starts: number[];
  ends: number[];
  /** Indexes into `entityIds`. */
  entities: number[];
  /** The ids of the entities named, each once, in order of first mention. */
  entityIds: string[];
  /** As ScanResult.licensed. */
  licensed: string[];
}

/** A compact result's mentions as objects. */
export function mentionsOf({ starts, ends, entities, entityIds }: CompactScanResult): Mention[] {
  const mentions: Mention[] = new Array(starts.length);
  for (let i = 0; i < starts.length; i++) {
    mentions[i] = { start: starts[i]!, end: ends[i]!, entityId: entityIds[entities[i]!]! };
  }
  return mentions;
}

export interface Matcher {
  /** `licensed`: entity ids already licensed elsewhere in the same document (earlier chunks). */
  scan(text: string, licensed?: ReadonlySet<string>): ScanResult;
  /** The same mentions as `scan`, in compact form. */
  scanCompact(text: string, licensed?: ReadonlySet<string>): CompactScanResult;
  /** Whether the entity's licence licenses another entity's aliases too (their page context names it). */
  licensesOthers(entityId: string): boolean;
}

/**
 * The compiled matcher as plain data: typed arrays and strings, no per-node objects (only one small object per
 * distinct alias rule), so it survives structured clone (IndexedDB, postMessage) and loads in well under 10 ms. Typed arrays are not JSON: to write
 * it as JSON, convert each typed array with Array.from and back with the same constructor.
 */
export interface SerializedMatcher {
  format: 'dramatis-matcher';
  /** The FOLD_VERSION the keys were folded with; `loadMatcher` refuses another one (rebuild instead). */
  foldVersion: number;
  trie: TrieArrays;
  /** The romanisation keys (romanise.ts), numbered after the `trie`'s keys in `entries`; null when none. */
  romanTrie: TrieArrays | null;
  /** How many keys `trie` has: a romanisation key of rank r is entry key keyCount + r. */
  keyCount: number;
  entries: EntryTable;
  entityIds: string[];
  /**
   * For entities whose names may be blocked by a given name before them (ambiguous or romanised aliases, the
   * notAfterGivenName rule): entity index → "|word|word|", the folded words of its aliases.
   */
  tokenEntity: Uint32Array;
  tokenLists: string[];
}

class CompiledMatcher implements Matcher {
  private readonly scanner: SpanScanner;
  private readonly ownTokens = new Map<number, string>();
  /** Folds the words before ambiguous names, for licensing. */
  private readonly context = new FoldWindow();
  private readonly licensors: Set<string>;

  constructor(readonly data: SerializedMatcher) {
    const roman = data.romanTrie ? new NameTrie(data.romanTrie) : undefined;
    this.scanner = new SpanScanner(new NameTrie(data.trie), roman, data.keyCount);
    data.tokenEntity.forEach((e, i) => this.ownTokens.set(e, data.tokenLists[i]!));
    this.licensors = new Set(data.entries.rules.flatMap((r) => r.licensedBy ?? []).map((e) => data.entityIds[e]!));
  }

  licensesOthers(entityId: string): boolean {
    return this.licensors.has(entityId);
  }

  scan(text: string, licensed?: ReadonlySet<string>): ScanResult {
    const found = this.scanCompact(text, licensed);
    return { mentions: mentionsOf(found), licensed: found.licensed };
  }

  scanCompact(text: string, licensed?: ReadonlySet<string>): CompactScanResult {
    const spans: Spans = { start: [], end: [], key: [] };
    this.scanner.scan(text, spans);
    return this.resolve(text, spans, licensed);
  }

  private resolve(text: string, spans: Spans, given?: ReadonlySet<string>): CompactScanResult {
    const { entries, entityIds } = this.data;
    const counts = new Map<number, number>();
    for (const key of spans.key) countLicensing(entries, key, counts);
    const isLicensed = (e: number, self: boolean): boolean =>
      (counts.get(e) ?? 0) > (self ? 1 : 0) || (given?.has(entityIds[e]!) ?? false);
    const result: CompactScanResult = { starts: [], ends: [], entities: [], entityIds: [], licensed: [] };
    const local = new Map<number, number>(); // entity index → its index in result.entityIds
    const licensed = new Set<string>();
    const window = this.context;
    let start = 0;
    const context = (): FoldedAt => {
      foldWordsBefore(window, text, start, CONTEXT_WORDS);
      return { s: window, start: window.len - 1 };
    };
    const push = (entity: number, from: number, to: number): void => {
      let at = local.get(entity);
      if (at === undefined) {
        at = result.entityIds.push(entityIds[entity]!) - 1;
        local.set(entity, at);
      }
      result.starts.push(from);
      result.ends.push(to);
      result.entities.push(at);
    };
    const span = { text, start: 0, end: 0 };
    const silent = (e: number): void => void licensed.add(entityIds[e]!);
    for (let k = 0; k < spans.key.length; k++) {
      start = spans.start[k]!;
      span.start = start;
      span.end = spans.end[k]!;
      forEachSilentLicence(entries, spans.key[k]!, silent);
      const entry = chooseEntry(entries, spans.key[k]!, span, context, isLicensed, this.ownTokens);
      if (entry < 0) continue;
      const entity = entries.entryEntity[entry]!;
      if (entries.entryFlags[entry]! & FLAG_LICENSING) licensed.add(entityIds[entity]!);
      const rule = entries.entryRule[entry]! >= 0 ? entries.rules[entries.entryRule[entry]!]! : undefined;
      if (rule?.partWords) {
        const parts = partSpans(text, start, span.end, rule.partWords);
        parts.forEach(([from, to], p) => push(rule.partEntities![p]!, from, to));
      } else push(entity, start, span.end);
    }
    result.licensed = [...licensed];
    return result;
  }
}

/** Flags of one alias: `full` wins over `ambiguous` (a full name is never ambiguous). */
function aliasFlags(alias: { ambiguous?: boolean; full?: boolean }, entityHasFull: boolean): number {
  const ambiguous = !alias.full && alias.ambiguous === true;
  const licensing = alias.full === true || (!entityHasFull && !ambiguous);
  return (ambiguous ? FLAG_AMBIGUOUS : 0) | (licensing ? FLAG_LICENSING : 0);
}

/** Entries of one key while building: entity (-1: exclusion), flags and rule index, per entity. */
class KeyEntries {
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

/** The entry table over the keys of `tables`, in order (each table's keys sorted). */
function entryTable(tables: Array<{ entries: KeyEntries; keys: string[] }>, rules: MatchRule[]): EntryTable {
  let keyCount = 0;
  let entryCount = 0;
  for (const { entries, keys } of tables) {
    keyCount += keys.length;
    for (const k of keys) entryCount += entries.byKey.get(k)!.length / 3;
  }
  const keyEntryStart = new Uint32Array(keyCount + 1);
  const entryEntity = new Int32Array(entryCount);
  const entryFlags = new Uint8Array(entryCount);
  const entryRule = new Int32Array(entryCount);
  let at = 0;
  let ki = 0;
  for (const { entries, keys } of tables) {
    for (const k of keys) {
      keyEntryStart[ki++] = at;
      const list = entries.byKey.get(k)!;
      for (let i = 0; i < list.length; i += 3, at++) {
        entryEntity[at] = list[i]!;
        entryFlags[at] = list[i + 1]!;
        entryRule[at] = list[i + 2]!;
      }
    }
  }
  keyEntryStart[keyCount] = at;
  return { keyEntryStart, entryEntity, entryFlags, entryRule, rules };
}

/**
 * Compiles the dataset's aliases and exclusions. Aliases are folded with `foldKey`; several aliases folding to
 * one key for one entity merge (ambiguous only if all are; licensing if any is; the first alias's rules);
 * aliases of different entities sharing a key are all kept and told apart at scan time (licensing.ts). Empty
 * keys are dropped. A `romanised` alias also gets its romanisation key, as an ambiguous alias with its page
 * context. A licensing word of an alias's context (licensedByWords) is a key that licenses the entity and names
 * nothing.
 */
export function buildMatcher(pack: Pick<DatasetPack, 'entities' | 'exclusions'>): Matcher {
  const main = new KeyEntries();
  const roman = new KeyEntries();
  const rules: MatchRule[] = [];
  const ruleIndex = new Map<string, number>();
  const intern = (rule: MatchRule | undefined): number => {
    if (!rule) return -1;
    const sig = JSON.stringify(rule);
    let i = ruleIndex.get(sig);
    if (i === undefined) ruleIndex.set(sig, (i = rules.push(rule) - 1));
    return i;
  };
  const entityIndex = new Map(pack.entities.map((e, i) => [e.id, i]));
  const tokenEntity: number[] = [];
  const tokenLists: string[] = [];
  pack.entities.forEach((entity, e) => {
    const hasFull = entity.aliases.some((a) => a.full === true);
    let needsTokens = false;
    const keys: string[] = [];
    for (const alias of entity.aliases) {
      const key = foldKey(alias.text);
      if (key === '') continue;
      const flags = aliasFlags(alias, hasFull);
      const rule = compileRule(alias, entityIndex);
      needsTokens ||= (flags & FLAG_AMBIGUOUS) !== 0 || alias.romanised === true || rule?.notAfterGivenName === true;
      main.add(key, e, flags, intern(rule));
      keys.push(key);
      const rk = alias.romanised && !(flags & FLAG_AMBIGUOUS) ? romanKey(alias.text) : '';
      if (rk !== '') roman.add(rk, e, FLAG_AMBIGUOUS, intern(romanisedRule(rule)));
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
  for (const x of pack.exclusions) {
    const key = foldKey(x.text);
    if (key !== '') main.add(key, -1, FLAG_EXCLUSION, -1);
  }
  const keys = main.sortedKeys();
  const romanKeys = roman.sortedKeys();
  return new CompiledMatcher({
    format: 'dramatis-matcher',
    foldVersion: FOLD_VERSION,
    trie: buildTrie(keys),
    romanTrie: romanKeys.length > 0 ? buildTrie(romanKeys) : null,
    keyCount: keys.length,
    entries: entryTable([{ entries: main, keys }, { entries: roman, keys: romanKeys }], rules),
    entityIds: pack.entities.map((x) => x.id),
    tokenEntity: Uint32Array.from(tokenEntity),
    tokenLists,
  });
}

/** The compact form of a matcher made by `buildMatcher` or `loadMatcher` (shares its arrays; do not mutate). */
export function serializeMatcher(m: Matcher): SerializedMatcher {
  if (!(m instanceof CompiledMatcher)) throw new TypeError('serializeMatcher: not a matcher from buildMatcher');
  return m.data;
}

/**
 * Loads a serialized matcher without rebuilding it (builds only the root's 64 K lookup table).
 * @throws Error if the form is not a matcher or was folded with another FOLD_VERSION: rebuild from the pack.
 */
export function loadMatcher(s: SerializedMatcher): Matcher {
  if (s?.format !== 'dramatis-matcher') throw new Error('loadMatcher: not a serialized matcher');
  if (s.foldVersion !== FOLD_VERSION) {
    throw new Error(`loadMatcher: fold version ${s.foldVersion}, expected ${FOLD_VERSION}`);
  }
  return new CompiledMatcher(s);
}
