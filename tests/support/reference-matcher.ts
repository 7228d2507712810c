/**
 * The oracle of the fast scan: the matcher's rules applied the straightforward way, as the first version of
 * src/core/matching/name-matcher.ts did: fold the WHOLE text once (foldForMatch), then at each folded word start walk
 * the trie, then look for romanisation keys at the capitalised words no span covers, then resolve every span against
 * the whole folded text. Slow (it folds everything and keeps a map as long as the text) but plainly equal to the
 * rules; the tests check that `Matcher.scan` gives exactly what this gives, on the same compiled matcher.
 */
import { CLS_MARK, CLS_WORD, charClass, classOf, foldForMatch } from '../../src/core/matching/normalize.ts';
import {
  FLAG_LICENSING, chooseEntry, countLicensing, forEachSilentLicence, type ScanText,
} from '../../src/core/matching/span-resolution.ts';
import { partSpans } from '../../src/core/matching/match-rules.ts';
import type { Mention, ScanResult, SerializedMatcher } from '../../src/core/matching/name-matcher.ts';
import { NameTrie } from '../../src/core/matching/name-trie.ts';
import { ALEF, isPossessiveAt, procliticStarts, type NameStart } from '../../src/core/matching/proclitics.ts';
import { RomanWalker, isUpperLatin } from '../../src/core/matching/romanise.ts';

export function referenceScan(data: SerializedMatcher, text: string, given?: ReadonlySet<string>): ScanResult {
  const trie = new NameTrie(data.trie);
  const { folded, map } = foldForMatch(text);
  // By code unit: iterating the string itself would go by code point, and a character outside the BMP (two
  // units) would shift every later position against `map`.
  const codes = Uint16Array.from({ length: folded.length }, (_, i) => folded.charCodeAt(i));
  const s: ScanText = { codes, len: codes.length, map, text };
  const isWord = (j: number): boolean => charClass[codes[j]!] === CLS_WORD;
  const endsWordAt = (e: number): boolean =>
    e >= s.len || !isWord(e) || !isWord(e - 1) || isPossessiveAt(codes, s.len, map, text, e);
  /** Longest key end from `node` reading from `from` (-1 if none), and its key. */
  const walk = (node: number, from: number): [number, number] => {
    let best: [number, number] = [-1, -1];
    let v = node;
    for (let j = from; j < s.len; j++) {
      v = trie.child(v, codes[j]!);
      if (v === 0) break;
      const k = trie.nodeKey[v]!;
      if (k >= 0 && endsWordAt(j + 1)) best = [j + 1, k];
    }
    return best;
  };
  /** The original end of a span ending at folded `end`: after the last letter, with the marks on it. */
  const originalEnd = (end: number): number => {
    let e = map[end - 1]! + 1;
    while (e < map[end]! && classOf(text.charCodeAt(e)) === CLS_MARK) e++;
    return e;
  };

  // Spans: at each word start, the name at the start, else after the first proclitic start with one.
  const spans: [start: number, end: number, key: number][] = [];
  const wordStarts: number[] = [];
  const starts: NameStart[] = [];
  const alefNode = trie.child(0, ALEF);
  let i = 0;
  while (i < s.len) {
    if (!isWord(i)) {
      i++;
      continue;
    }
    wordStarts.push(i);
    let wordEnd = i + 1;
    while (wordEnd < s.len && isWord(wordEnd)) wordEnd++;
    let found: [number, number, number] | undefined;
    const [end, key] = walk(0, i);
    if (end >= 0) found = [i, end, key];
    else {
      const n = procliticStarts(codes, i, wordEnd, starts);
      for (let k = 0; k < n; k++) {
        const st = starts[k]!;
        if (found && st.pos > found[0]) break;
        if (st.viaAlef && alefNode === 0) continue;
        const [e, key2] = walk(st.viaAlef ? alefNode : 0, st.pos);
        if (e > (found ? found[1] : -1)) found = [st.pos, e, key2];
      }
    }
    if (found) {
      spans.push(found);
      i = Math.max(found[1], wordEnd);
    } else i = wordEnd;
  }

  // In original offsets from here on.
  const main = spans.map(([a, b, key]): [number, number, number] => [map[a]!, originalEnd(b), key]);
  const all = [...main];
  if (data.romanTrie) {
    // Romanisation keys: at each capitalised word start that no span covers, kept when overlapping no span and
    // no earlier romanised span kept.
    const walker = new RomanWalker(new NameTrie(data.romanTrie));
    let keptEnd = -1;
    for (const ws of wordStarts) {
      const w = map[ws]!;
      if (!isUpperLatin(text.charCodeAt(w)) || main.some(([a, b]) => a <= w && w < b) || w < keptEnd) continue;
      const e = walker.walk(text, w);
      if (e < 0 || main.some(([a, b]) => a < e && w < b)) continue;
      all.push([w, e, data.keyCount + walker.key]);
      keptEnd = e;
    }
    all.sort((x, y) => x[0] - y[0]);
  }

  // Resolution, with the whole folded text as every span's context.
  const { entries, entityIds } = data;
  const ownTokens = new Map<number, string>();
  data.tokenEntity.forEach((e, k) => ownTokens.set(e, data.tokenLists[k]!));
  const counts = new Map<number, number>();
  for (const [, , key] of all) countLicensing(entries, key, counts);
  const isLicensed = (e: number, self: boolean): boolean =>
    (counts.get(e) ?? 0) > (self ? 1 : 0) || (given?.has(entityIds[e]!) ?? false);
  /** The folded index of original index w (a span's first letter, which the fold keeps): map is increasing. */
  const foldedStart = (w: number): number => {
    let lo = 0;
    let hi = s.len;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (map[mid]! < w) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const mentions: Mention[] = [];
  const licensed = new Set<string>();
  for (const [start, end, key] of all) {
    forEachSilentLicence(entries, key, (e) => licensed.add(entityIds[e]!));
    const entry = chooseEntry(entries, key, { text, start, end }, () => ({ s, start: foldedStart(start) }), isLicensed, ownTokens);
    if (entry < 0) continue;
    const entity = entries.entryEntity[entry]!;
    const entityId = entityIds[entity]!;
    if (entries.entryFlags[entry]! & FLAG_LICENSING) licensed.add(entityId);
    const rule = entries.entryRule[entry]! >= 0 ? entries.rules[entries.entryRule[entry]!]! : undefined;
    if (rule?.partWords) {
      partSpans(text, start, end, rule.partWords).forEach(([a, b], p) =>
        mentions.push({ start: a, end: b, entityId: entityIds[rule.partEntities![p]!]! }));
    } else mentions.push({ start, end, entityId });
  }
  return { mentions, licensed: [...licensed] };
}
