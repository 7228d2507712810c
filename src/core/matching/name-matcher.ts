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
 * 4. each span is resolved (span-resolution.ts, match-rules.ts): exclusions name nothing, an alias's own rules (exact
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
import type { DatasetPack, Entity } from '../dataset/dataset-schema.ts';
import { FoldWindow, foldWordsBefore } from './fold-window.ts';
import { FOLD_VERSION, foldKey } from './normalize.ts';
import { NameTrie, buildTrie, type TrieArrays } from './name-trie.ts';
import { SpanScanner, type ScanTrie, type Spans } from './name-scan.ts';
import {
  CONTEXT_WORDS, FLAG_AMBIGUOUS, FLAG_EXCLUSION, FLAG_LICENSING, FLAG_SILENT, chooseEntry, countLicensing,
  forEachSilentLicence, type EntryTable, type FoldedAt,
} from './span-resolution.ts';
import { partSpans } from './match-rules.ts';
import { RuleTable, compileEntities, entryTable, sortEntries } from './matcher-keys.ts';
import {
  DEAD, OVERLAY_KEY_BASE, buildOverlay, idOrderOf, lookupKey, overlaySides, remappedKey, type SerializedOverlay,
} from './matcher-overlay.ts';

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
  /** Who claims a folded key (`foldKey`) as a name: what a patch check needs to know of the stored dataset. */
  keyClaims(foldedKey: string): KeyClaim[];
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
  /** Entity indexes in the order of their ids (matcher-overlay.ts finds a changed entity's index by it). */
  idOrder: Uint32Array;
}

/** Who claims a key: an entity, and whether its alias there is ambiguous (what patch checks need). */
export interface KeyClaim {
  entityId: string;
  ambiguous: boolean;
}

class CompiledMatcher implements Matcher {
  private readonly scanner: SpanScanner;
  private readonly ownTokens = new Map<number, string>();
  /** Folds the words before ambiguous names, for licensing. */
  private readonly context = new FoldWindow();
  private readonly licensors = new Set<string>();
  private readonly baseEntities: number;
  private readonly trie: NameTrie;
  private readonly overlayTrie: NameTrie | undefined;

  constructor(readonly data: SerializedMatcher, readonly overlay?: SerializedOverlay) {
    this.baseEntities = data.entityIds.length;
    this.trie = new NameTrie(data.trie);
    const roman = data.romanTrie ? new NameTrie(data.romanTrie) : undefined;
    const main: ScanTrie = { trie: this.trie, ...(roman ? { roman } : {}), romanBase: data.keyCount };
    const changed = new Uint8Array(overlay ? this.baseEntities : 0);
    if (overlay) {
      for (const e of overlay.changedBase) changed[e] = 1;
      this.overlayTrie = new NameTrie(overlay.trie);
      const sides = overlaySides(data, overlay, main, this.overlayTrie);
      this.scanner = new SpanScanner(sides.main, sides.overlay);
    } else this.scanner = new SpanScanner(main);
    data.tokenEntity.forEach((e, i) => {
      if (!changed[e]) this.ownTokens.set(e, data.tokenLists[i]!);
    });
    overlay?.tokenEntity.forEach((e, i) => this.ownTokens.set(e, overlay.tokenLists[i]!));
    // Entities named by the page context of a live alias: the base's (but the changed entities'), the overlay's.
    const addLicensors = (t: EntryTable, live: (e: number) => boolean) => {
      for (let i = 0; i < t.entryRule.length; i++) {
        const r = t.entryRule[i]!;
        if (r >= 0 && live(t.entryEntity[i]!)) for (const e of t.rules[r]!.licensedBy ?? []) this.licensors.add(this.idOf(e));
      }
    };
    addLicensors(data.entries, (e) => e < 0 || !changed[e]);
    if (overlay) addLicensors(overlay.entries, () => true);
  }

  /** The id of entity index `e` (the base's, or one the overlay adds). */
  private idOf(e: number): string {
    return e < this.baseEntities ? this.data.entityIds[e]! : this.overlay!.entityIds[e - this.baseEntities]!;
  }

  licensesOthers(entityId: string): boolean {
    return this.licensors.has(entityId);
  }

  keyClaims(foldedKey: string): KeyClaim[] {
    const overlayKey = this.overlayTrie ? lookupKey(this.overlayTrie, foldedKey) : -1;
    let table = this.data.entries;
    let key = lookupKey(this.trie, foldedKey);
    if (overlayKey >= 0) {
      table = this.overlay!.entries;
      key = overlayKey;
    } else if (key >= 0 && this.overlay) {
      const remapped = remappedKey(this.overlay, key);
      if (remapped === DEAD) return [];
      if (remapped >= 0) {
        table = this.overlay.entries;
        key = remapped;
      }
    }
    if (key < 0) return [];
    const claims: KeyClaim[] = [];
    for (let i = table.keyEntryStart[key]!; i < table.keyEntryStart[key + 1]!; i++) {
      const e = table.entryEntity[i]!;
      if (e >= 0 && !(table.entryFlags[i]! & FLAG_SILENT)) claims.push({ entityId: this.idOf(e), ambiguous: (table.entryFlags[i]! & FLAG_AMBIGUOUS) !== 0 });
    }
    return claims;
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
    const base = this.data.entries;
    const over = this.overlay?.entries;
    const tableOf = (key: number): EntryTable => (key >= OVERLAY_KEY_BASE ? over! : base);
    const local = (key: number): number => (key >= OVERLAY_KEY_BASE ? key - OVERLAY_KEY_BASE : key);
    const counts = new Map<number, number>();
    for (const key of spans.key) countLicensing(tableOf(key), local(key), counts);
    const isLicensed = (e: number, self: boolean): boolean =>
      (counts.get(e) ?? 0) > (self ? 1 : 0) || (given?.has(this.idOf(e)) ?? false);
    const result: CompactScanResult = { starts: [], ends: [], entities: [], entityIds: [], licensed: [] };
    const seen = new Map<number, number>(); // entity index → its index in result.entityIds
    const licensed = new Set<string>();
    const contextFold = this.context;
    let start = 0;
    const context = (): FoldedAt => {
      foldWordsBefore(contextFold, text, start, CONTEXT_WORDS);
      return { s: contextFold, start: contextFold.len - 1 };
    };
    const push = (entity: number, from: number, to: number): void => {
      let at = seen.get(entity);
      if (at === undefined) {
        at = result.entityIds.push(this.idOf(entity)) - 1;
        seen.set(entity, at);
      }
      result.starts.push(from);
      result.ends.push(to);
      result.entities.push(at);
    };
    const span = { text, start: 0, end: 0 };
    const silent = (e: number): void => void licensed.add(this.idOf(e));
    for (let k = 0; k < spans.key.length; k++) {
      const entries = tableOf(spans.key[k]!);
      const key = local(spans.key[k]!);
      start = spans.start[k]!;
      span.start = start;
      span.end = spans.end[k]!;
      forEachSilentLicence(entries, key, silent);
      const entry = chooseEntry(entries, key, span, context, isLicensed, this.ownTokens);
      if (entry < 0) continue;
      const entity = entries.entryEntity[entry]!;
      if (entries.entryFlags[entry]! & FLAG_LICENSING) licensed.add(this.idOf(entity));
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

/**
 * Compiles the dataset's aliases and exclusions (matcher-keys.ts). Aliases are folded with `foldKey`; several
 * aliases folding to one key for one entity merge (ambiguous only if all are; licensing if any is; the first
 * alias's rules); aliases of different entities sharing a key are all kept, in the order of their ids, and told
 * apart at scan time (span-resolution.ts). Empty keys are dropped.
 */
export function buildMatcher(pack: Pick<DatasetPack, 'entities' | 'exclusions'>): Matcher {
  const rules = new RuleTable();
  const entityIndex = new Map(pack.entities.map((e, i) => [e.id, i]));
  const { main, roman, tokenEntity, tokenLists } = compileEntities(pack.entities, (i) => i, entityIndex, rules);
  for (const x of pack.exclusions) {
    const key = foldKey(x.text);
    if (key !== '') main.add(key, -1, FLAG_EXCLUSION, -1);
  }
  const idOf = (e: number): string => pack.entities[e]!.id;
  const keys = main.sortedKeys();
  const romanKeys = roman.sortedKeys();
  const lists = [...keys.map((k) => sortEntries(main.byKey.get(k)!, idOf)), ...romanKeys.map((k) => sortEntries(roman.byKey.get(k)!, idOf))];
  return new CompiledMatcher({
    format: 'dramatis-matcher',
    foldVersion: FOLD_VERSION,
    trie: buildTrie(keys),
    romanTrie: romanKeys.length > 0 ? buildTrie(romanKeys) : null,
    keyCount: keys.length,
    entries: entryTable(lists, rules.rules),
    entityIds: pack.entities.map((x) => x.id),
    tokenEntity: Uint32Array.from(tokenEntity),
    tokenLists,
    idOrder: idOrderOf(pack.entities.map((x) => x.id)),
  });
}

function compiled(m: Matcher): CompiledMatcher {
  if (!(m instanceof CompiledMatcher)) throw new TypeError('not a matcher from buildMatcher or loadMatcher');
  return m;
}

/** The compact form of a matcher's base, made by `buildMatcher` or `loadMatcher` (shares its arrays; do not mutate). */
export function serializeMatcher(m: Matcher): SerializedMatcher {
  return compiled(m).data;
}

/** The matcher's update overlay (see matcher-overlay.ts), null when it has none. */
export function serializeOverlay(m: Matcher): SerializedOverlay | null {
  return compiled(m).overlay ?? null;
}

/** Ids of the entities changed since the matcher's base: what its overlay holds ([] without one). */
export function changedSinceBase(m: Matcher): readonly string[] {
  return compiled(m).overlay?.changedIds ?? [];
}

/**
 * The matcher after an update, without compiling the whole dataset again: the same base, with an overlay of
 * every entity changed since it. `changedIds`: the entities the update puts or deletes; `rows`: the records it
 * puts. The entities earlier updates changed since the base are kept as the overlay holds them. The exclusions
 * must be unchanged (a patch that changes them: `buildMatcher`).
 */
export function updateMatcher(m: Matcher, changedIds: Iterable<string>, rows: readonly Entity[]): Matcher {
  const c = compiled(m);
  const changed = new Set([...changedIds, ...rows.map((r) => r.id)]);
  const earlier = (c.overlay?.rows ?? []).filter((r) => !changed.has(r.id));
  const ids = [...(c.overlay?.changedIds ?? []), ...changed];
  return new CompiledMatcher(c.data, buildOverlay(c.data, ids, [...earlier, ...rows]));
}

/**
 * Loads a serialized matcher (and its overlay) without rebuilding it (builds only the roots' 64 K lookup tables).
 * @throws Error if the form is not a matcher, was folded with another FOLD_VERSION, or the overlay was built over
 *   another base: rebuild from the dataset.
 */
export function loadMatcher(s: SerializedMatcher, overlay?: SerializedOverlay | null): Matcher {
  if (s?.format !== 'dramatis-matcher') throw new Error('loadMatcher: not a serialized matcher');
  if (s.foldVersion !== FOLD_VERSION) {
    throw new Error(`loadMatcher: fold version ${s.foldVersion}, expected ${FOLD_VERSION}`);
  }
  if (!(s.idOrder instanceof Uint32Array) || s.idOrder.length !== s.entityIds.length) throw new Error('loadMatcher: compiled by an older build');
  if (overlay) {
    if (overlay.format !== 'dramatis-matcher-overlay' || overlay.foldVersion !== FOLD_VERSION) throw new Error('loadMatcher: not an overlay of this build');
    if (overlay.baseEntities !== s.entityIds.length || overlay.baseKeys !== s.entries.keyEntryStart.length - 1) {
      throw new Error('loadMatcher: the overlay was built over another base');
    }
  }
  return new CompiledMatcher(s, overlay ?? undefined);
}
