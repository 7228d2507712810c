/**
 * Search over the whole dataset by name or alias, in any script, for the side panel. Pure: no browser APIs.
 *
 * Names are folded exactly as the matcher folds them (`foldKey`), so a query typed without hamza, madda or
 * tashkeel, or with Persian letters, finds what a page with those spellings would highlight: اسماعيل قاني finds
 * إسماعيل قاآني through the alias إسماعيل قآني, which folds to the same key. On top of that fold, the index is
 * "loose": runs of one letter collapse (قاآني → قااني → قاني, Qaani → qani), so a spelling with one letter
 * fewer or more still finds the entity when the dataset lacks that alias; exact matches rank first.
 *
 * How a query stays instant at 100,000s of entities: every word of every folded name goes into one sorted word
 * list, with the names holding each word stored contiguously in word order (CSR arrays). The names holding a
 * word that starts with a query token are then one slice, found by two binary searches; the rarest token's slice
 * is walked and the other tokens are checked against each name. A one-letter query may have a huge slice, so
 * the walk stops after MAX_CANDIDATES names: words are sorted, so the shortest (closest) words come first.
 */
import type { Bilingual, Entity, EntityType } from '../dataset/dataset-schema.ts';
import { compareIds } from '../dataset/id-order.ts';
import { foldKey } from '../matching/normalize.ts';
import { resolveProclitics } from './search-query.ts';

export interface SearchHit {
  entityId: string;
  type: EntityType;
  name: Bilingual;
  /** The name or alias that matched, as the dataset writes it. */
  matched: string;
  /** Higher is better; only the order matters. */
  score: number;
}

export interface SearchIndex {
  /** Number of entities indexed. */
  readonly size: number;
  /** The best `limit` entities for `query`, best first; [] for an empty query. */
  search(query: string, limit: number): SearchHit[];
}

/** Names looked at per query, at most (see the module comment). */
export const MAX_CANDIDATES = 5_000;

/** The loose form of a folded text: runs of one code unit collapsed to one (قااني → قاني, qaani → qani). */
export function loosen(folded: string): string {
  let out = '';
  let prev = -1;
  for (let i = 0; i < folded.length; i++) {
    const c = folded.charCodeAt(i);
    if (c !== prev) out += folded[i];
    prev = c;
  }
  return out;
}

/** The Arabic definite article ال, glued to the word it defines. */
const AL = 'ال';

/** Words a name is found by: each word, and an Arabic word without its article (اسد finds الاسد). */
function wordsOf(looseKey: string): string[] {
  const words = looseKey.split(' ').filter((w) => w !== '');
  for (const w of [...words]) if (w.startsWith(AL) && w.length > AL.length + 1) words.push(w.slice(AL.length));
  return words;
}

/** First index in sorted `words` whose word is >= `s` (code-unit order, as Array.prototype.sort). */
function lowerBound(words: readonly string[], s: string): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (words[mid]! < s) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function startsWithEach(tokens: readonly string[], words: readonly string[]): boolean {
  return tokens.every((t) => words.some((w) => w.startsWith(t)));
}

class BuiltIndex implements SearchIndex {
  constructor(
    private readonly ids: string[],
    private readonly types: EntityType[],
    private readonly names: Bilingual[],
    /** Per name (entity name or alias): the folded key, its loose form, the text, the entity, whether a name. */
    private readonly keys: string[],
    private readonly looseKeys: string[],
    private readonly texts: string[],
    private readonly keyEntity: Uint32Array,
    private readonly keyIsName: Uint8Array,
    /** Sorted distinct loose words; the names holding words[i] are postings[offsets[i] .. offsets[i + 1]). */
    private readonly words: string[],
    private readonly offsets: Uint32Array,
    private readonly postings: Uint32Array,
  ) {
    this.seen = new Uint32Array(keys.length);
  }

  /** Query stamp per name, so a name reached through two words is scored once. */
  private readonly seen: Uint32Array;
  private stamp = 0;

  get size(): number {
    return this.ids.length;
  }

  search(query: string, limit: number): SearchHit[] {
    // A word no name begins with may carry Arabic proclitics (وحسن, للحرس): read it without them, as pages are.
    const q = resolveProclitics(foldKey(query), (w) => this.beginsAWord(loosen(w)));
    if (q === '' || limit <= 0) return [];
    const lq = loosen(q);
    const tokens = lq.split(' ').filter((t) => t !== '');
    const strictTokens = q.split(' ').filter((t) => t !== '');
    // The slice of postings for each token; the rarest one drives the walk.
    let driver: { from: number; to: number } | undefined;
    for (const token of tokens) {
      const lo = lowerBound(this.words, token);
      const hi = lowerBound(this.words, `${token}\uffff`);
      const from = this.offsets[lo]!;
      const to = this.offsets[hi]!;
      if (from === to) return [];
      if (!driver || to - from < driver.to - driver.from) driver = { from, to };
    }
    if (!driver) return [];

    this.stamp = (this.stamp + 1) >>> 0 || 1;
    const best = new Map<number, { score: number; key: number }>();
    let looked = 0;
    for (let p = driver.from; p < driver.to && looked < MAX_CANDIDATES; p++) {
      const k = this.postings[p]!;
      if (this.seen[k] === this.stamp) continue;
      this.seen[k] = this.stamp;
      looked++;
      const looseKey = this.looseKeys[k]!;
      if (tokens.length > 1 && !startsWithEach(tokens, wordsOf(looseKey))) continue;
      const score = this.score(k, q, lq, strictTokens);
      const e = this.keyEntity[k]!;
      const prev = best.get(e);
      if (!prev || score > prev.score) best.set(e, { score, key: k });
    }
    return [...best.entries()]
      .map(([e, { score, key }]): SearchHit => ({
        entityId: this.ids[e]!,
        type: this.types[e]!,
        name: this.names[e]!,
        matched: this.texts[key]!,
        score,
      }))
      .sort((a, b) => b.score - a.score || a.name.en.localeCompare(b.name.en) || compareIds(a.entityId, b.entityId))
      .slice(0, limit);
  }

  /** Whether some indexed (loose) word starts with `prefix`. */
  private beginsAWord(prefix: string): boolean {
    const i = lowerBound(this.words, prefix);
    return i < this.words.length && this.words[i]!.startsWith(prefix);
  }

  /**
   * Whole name typed > name begun > same loose name > loose name begun > every word begun > loose words begun;
   * a display name beats an alias, and a name close in length to the query beats a longer one.
   */
  private score(k: number, q: string, lq: string, strictTokens: readonly string[]): number {
    const key = this.keys[k]!;
    const looseKey = this.looseKeys[k]!;
    let s: number;
    if (key === q) s = 1000;
    else if (key.startsWith(q)) s = 800;
    else if (looseKey === lq) s = 700;
    else if (looseKey.startsWith(lq)) s = 600;
    else if (startsWithEach(strictTokens, key.split(' '))) s = 500;
    else s = 400;
    if (this.keyIsName[k]) s += 20;
    return s - Math.min(50, key.length - q.length < 0 ? 0 : key.length - q.length);
  }
}

/** Builds the index of every entity's display names and aliases. */
export function buildSearchIndex(entities: readonly Entity[]): SearchIndex {
  const ids: string[] = [];
  const types: EntityType[] = [];
  const names: Bilingual[] = [];
  const keys: string[] = [];
  const looseKeys: string[] = [];
  const texts: string[] = [];
  const keyEntity: number[] = [];
  const keyIsName: number[] = [];
  const postingsOf = new Map<string, number[]>();

  for (const entity of entities) {
    const e = ids.length;
    ids.push(entity.id);
    types.push(entity.type);
    names.push(entity.name);
    const seenKeys = new Set<string>();
    const add = (text: string, isName: boolean): void => {
      const key = foldKey(text);
      if (key === '' || seenKeys.has(key)) return;
      seenKeys.add(key);
      const k = keys.length;
      const looseKey = loosen(key);
      keys.push(key);
      looseKeys.push(looseKey);
      texts.push(text);
      keyEntity.push(e);
      keyIsName.push(isName ? 1 : 0);
      for (const w of new Set(wordsOf(looseKey))) {
        const list = postingsOf.get(w);
        if (list) list.push(k);
        else postingsOf.set(w, [k]);
      }
    };
    add(entity.name.en, true);
    add(entity.name.ar, true);
    for (const alias of entity.aliases) add(alias.text, false);
  }

  const words = [...postingsOf.keys()].sort();
  const offsets = new Uint32Array(words.length + 1);
  let total = 0;
  for (let i = 0; i < words.length; i++) {
    offsets[i] = total;
    total += postingsOf.get(words[i]!)!.length;
  }
  offsets[words.length] = total;
  const postings = new Uint32Array(total);
  for (let i = 0; i < words.length; i++) postings.set(postingsOf.get(words[i]!)!, offsets[i]!);

  return new BuiltIndex(ids, types, names, keys, looseKeys, texts, Uint32Array.from(keyEntity),
    Uint8Array.from(keyIsName), words, offsets, postings);
}
