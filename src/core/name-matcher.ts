/**
 * The name matcher: finds the dataset's names in a text (Arabic, Persian-script and English), for the background
 * service worker. Pure: no browser or Node APIs.
 *
 * How a scan works, and why it costs what the text costs, whatever the dictionary size:
 * 1. fold the text once (normalize.ts) into reused scratch buffers, with a map back to the original;
 * 2. at each word start, walk the trie of folded keys (name-trie.ts) as far as the text follows it, remembering
 *    the longest key that ends at a word end (or before an English 's); if none starts at the word start, try
 *    again after an Arabic proclitic (proclitics.ts). The first start with a match wins, and its longest key:
 *    leftmost-longest, non-overlapping, chosen online; the next word start looked at is after the span. Each
 *    walk reads at most one key's length of text (≤ 200 code units) and is usually stopped by the first
 *    character no key continues with, so a scan reads each code unit about once per start tried (1–3);
 * 3. resolve each span (licensing.ts): exclusions name nothing, ambiguous aliases need licensing, which is
 *    collected from the whole text first, so a full name after the ambiguous use licenses it too.
 * Keys include exclusion phrases (names of nothing), so كتائب حزب الله, being longer, wins over حزب الله.
 */
import type { DatasetPack } from './dataset-schema.ts';
import { FOLD_VERSION, CLS_MARK, CLS_WORD, charClass, classOf, foldInto, foldKey } from './normalize.ts';
import { NameTrie, buildTrie, type TrieArrays } from './name-trie.ts';
import { ALEF, isPossessiveAt, procliticStarts, type NameStart } from './proclitics.ts';
import {
  FLAG_AMBIGUOUS, FLAG_EXCLUSION, FLAG_LICENSING, chooseEntry, countLicensing, type EntryTable, type ScanText,
} from './licensing.ts';

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

export interface Matcher {
  /** `licensed`: entity ids already licensed elsewhere in the same document (earlier chunks). */
  scan(text: string, licensed?: ReadonlySet<string>): ScanResult;
}

/**
 * The compiled matcher as plain data: typed arrays and strings only, no per-node objects, so it survives
 * structured clone (IndexedDB, postMessage) and loads in well under 10 ms. Typed arrays are not JSON: to write
 * it as JSON, convert each typed array with Array.from and back with the same constructor.
 */
export interface SerializedMatcher {
  format: 'dramatis-matcher';
  /** The FOLD_VERSION the keys were folded with; `loadMatcher` refuses another one (rebuild instead). */
  foldVersion: number;
  trie: TrieArrays;
  entries: EntryTable;
  entityIds: string[];
  /** For entities with ambiguous aliases: entity index → "|word|word|", the folded words of its aliases. */
  tokenEntity: Uint32Array;
  tokenLists: string[];
}

const REUSE_LIMIT = 1 << 20;

class CompiledMatcher implements Matcher {
  private readonly trie: NameTrie;
  private readonly alefNode: number;
  private readonly ownTokens = new Map<number, string>();
  /** Scratch buffers for folding, reused up to REUSE_LIMIT code units (a service worker should not keep more). */
  private codes = new Uint16Array(0);
  private map = new Uint32Array(0);
  private readonly starts: NameStart[] = [];
  /** Key of the last successful `walk`; span found by the last successful `longestAt`. */
  private walkKey = -1;
  private matchEnd = -1;
  private matchKey = -1;

  constructor(readonly data: SerializedMatcher) {
    this.trie = new NameTrie(data.trie);
    this.alefNode = this.trie.child(0, ALEF);
    data.tokenEntity.forEach((e, i) => this.ownTokens.set(e, data.tokenLists[i]!));
  }

  scan(text: string, licensed?: ReadonlySet<string>): ScanResult {
    let codes = this.codes;
    let map = this.map;
    if (codes.length < text.length + 1) {
      codes = new Uint16Array(text.length + 1);
      map = new Uint32Array(text.length + 1);
      if (text.length < REUSE_LIMIT) {
        this.codes = codes;
        this.map = map;
      }
    }
    const len = foldInto(text, codes, map);
    const s: ScanText = { codes, len, map, text };
    const spanStart: number[] = [];
    const spanEnd: number[] = [];
    const spanKey: number[] = [];
    let i = 0;
    while (i < len) {
      if (charClass[codes[i]!] !== CLS_WORD) {
        i++;
        continue;
      }
      let wordEnd = i + 1;
      while (wordEnd < len && charClass[codes[wordEnd]!] === CLS_WORD) wordEnd++;
      const found = this.longestAt(s, i, wordEnd);
      if (found >= 0) {
        spanStart.push(found);
        spanEnd.push(this.matchEnd);
        spanKey.push(this.matchKey);
        i = Math.max(this.matchEnd, wordEnd); // past an English 's, which stays outside the span
      } else i = wordEnd;
    }
    return this.resolve(s, spanStart, spanEnd, spanKey, licensed);
  }

  /** Leftmost-longest name in the word [w, wordEnd): returns its start (and sets matchEnd/matchKey), or -1. */
  private longestAt(s: ScanText, w: number, wordEnd: number): number {
    const end = this.walk(s, 0, w);
    if (end >= 0) {
      this.matchEnd = end;
      this.matchKey = this.walkKey;
      return w;
    }
    const n = procliticStarts(s.codes, w, wordEnd, this.starts);
    let bestStart = -1;
    for (let k = 0; k < n; k++) {
      const st = this.starts[k]!;
      if (bestStart >= 0 && st.pos > bestStart) break;
      const from = st.viaAlef ? this.alefNode : 0;
      if (st.viaAlef && from === 0) continue;
      const e = this.walk(s, from, st.pos);
      if (e > (bestStart >= 0 ? this.matchEnd : -1)) {
        bestStart = st.pos;
        this.matchEnd = e;
        this.matchKey = this.walkKey;
      }
    }
    return bestStart;
  }

  /** Walks the trie from `node` reading folded text from `from`; returns the longest key end at a word end. */
  private walk(s: ScanText, node: number, from: number): number {
    const { codes, len } = s;
    const trie = this.trie;
    const nodeKey = trie.nodeKey;
    let best = -1;
    let v = node;
    for (let j = from; j < len; j++) {
      v = trie.child(v, codes[j]!);
      if (v === 0) break;
      const k = nodeKey[v]!;
      if (k >= 0 && this.endsWordAt(s, j + 1)) {
        best = j + 1;
        this.walkKey = k;
      }
    }
    return best;
  }

  /** A name may end at folded position e: a word boundary, or an English possessive 's follows. */
  private endsWordAt(s: ScanText, e: number): boolean {
    if (e >= s.len || charClass[s.codes[e]!] !== CLS_WORD || charClass[s.codes[e - 1]!] !== CLS_WORD) return true;
    return isPossessiveAt(s.codes, s.len, s.map, s.text, e);
  }

  private resolve(
    s: ScanText, spanStart: number[], spanEnd: number[], spanKey: number[], given?: ReadonlySet<string>,
  ): ScanResult {
    const { entries, entityIds } = this.data;
    const counts = new Map<number, number>();
    for (const key of spanKey) countLicensing(entries, key, counts);
    const isLicensed = (e: number, self: boolean): boolean =>
      (counts.get(e) ?? 0) > (self ? 1 : 0) || (given?.has(entityIds[e]!) ?? false);
    const mentions: Mention[] = [];
    const licensed = new Set<string>();
    for (let k = 0; k < spanKey.length; k++) {
      const start = spanStart[k]!;
      const entry = chooseEntry(entries, spanKey[k]!, start, s, isLicensed, this.ownTokens);
      if (entry < 0) continue;
      const entityId = entityIds[entries.entryEntity[entry]!]!;
      if (entries.entryFlags[entry]! & FLAG_LICENSING) licensed.add(entityId);
      mentions.push({ start: s.map[start]!, end: originalEnd(s, spanEnd[k]!), entityId });
    }
    return { mentions, licensed: [...licensed] };
  }
}

/** Original end of a span ending at folded e: just after its last letter, plus the diacritics on that letter. */
function originalEnd(s: ScanText, e: number): number {
  let end = s.map[e - 1]! + 1;
  const limit = s.map[e]!;
  while (end < limit && classOf(s.text.charCodeAt(end)) === CLS_MARK) end++;
  return end;
}

/** Flags of one alias: `full` wins over `ambiguous` (a full name is never ambiguous). */
function aliasFlags(alias: { ambiguous?: boolean; full?: boolean }, entityHasFull: boolean): number {
  const ambiguous = !alias.full && alias.ambiguous === true;
  const licensing = alias.full === true || (!entityHasFull && !ambiguous);
  return (ambiguous ? FLAG_AMBIGUOUS : 0) | (licensing ? FLAG_LICENSING : 0);
}

/**
 * Compiles the dataset's aliases and exclusions. Aliases are folded with `foldKey`; several aliases folding to
 * one key for one entity merge (ambiguous only if all are; licensing if any is); aliases of different entities
 * sharing a key are all kept and told apart at scan time (licensing.ts). Empty keys are dropped.
 */
export function buildMatcher(pack: Pick<DatasetPack, 'entities' | 'exclusions'>): Matcher {
  const byKey = new Map<string, number[]>(); // key → [entity, flags, entity, flags, …]; entity -1: exclusion
  const add = (key: string, entity: number, flags: number): void => {
    const list = byKey.get(key);
    if (!list) return void byKey.set(key, [entity, flags]);
    for (let i = 0; i < list.length; i += 2) {
      if (list[i] !== entity) continue;
      const old = list[i + 1]!;
      list[i + 1] = (old & flags & FLAG_AMBIGUOUS) | ((old | flags) & (FLAG_LICENSING | FLAG_EXCLUSION));
      return;
    }
    list.push(entity, flags);
  };
  const tokenEntity: number[] = [];
  const tokenLists: string[] = [];
  pack.entities.forEach((entity, e) => {
    const hasFull = entity.aliases.some((a) => a.full === true);
    let anyAmbiguous = false;
    const keys: string[] = [];
    for (const alias of entity.aliases) {
      const key = foldKey(alias.text);
      if (key === '') continue;
      const flags = aliasFlags(alias, hasFull);
      anyAmbiguous ||= (flags & FLAG_AMBIGUOUS) !== 0;
      add(key, e, flags);
      keys.push(key);
    }
    if (anyAmbiguous) {
      tokenEntity.push(e);
      tokenLists.push(`|${[...new Set(keys.join(' ').split(' '))].join('|')}|`);
    }
  });
  for (const x of pack.exclusions) {
    const key = foldKey(x.text);
    if (key !== '') add(key, -1, FLAG_EXCLUSION);
  }
  const keys = [...byKey.keys()].sort();
  let entryCount = 0;
  for (const k of keys) entryCount += byKey.get(k)!.length / 2;
  const keyEntryStart = new Uint32Array(keys.length + 1);
  const entryEntity = new Int32Array(entryCount);
  const entryFlags = new Uint8Array(entryCount);
  let at = 0;
  keys.forEach((k, ki) => {
    keyEntryStart[ki] = at;
    const list = byKey.get(k)!;
    for (let i = 0; i < list.length; i += 2, at++) {
      entryEntity[at] = list[i]!;
      entryFlags[at] = list[i + 1]!;
    }
  });
  keyEntryStart[keys.length] = at;
  return new CompiledMatcher({
    format: 'dramatis-matcher',
    foldVersion: FOLD_VERSION,
    trie: buildTrie(keys),
    entries: { keyEntryStart, entryEntity, entryFlags },
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
