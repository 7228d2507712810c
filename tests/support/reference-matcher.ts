/**
 * The oracle of the fast scan: the matcher's rules applied the straightforward way, as the first version of
 * src/core/name-matcher.ts did: fold the WHOLE text once (foldForMatch), then at each folded word start walk the
 * trie, then resolve every span against the whole folded text. Slow (it folds everything and keeps a map as
 * long as the text) but plainly equal to the rules; the tests check that `Matcher.scan` gives exactly what this
 * gives, on the same compiled matcher.
 */
import { CLS_MARK, CLS_WORD, charClass, classOf, foldForMatch } from '../../src/core/normalize.ts';
import {
  FLAG_LICENSING, chooseEntry, countLicensing, type ScanText,
} from '../../src/core/licensing.ts';
import type { Mention, ScanResult, SerializedMatcher } from '../../src/core/name-matcher.ts';
import { NameTrie } from '../../src/core/name-trie.ts';
import { ALEF, isPossessiveAt, procliticStarts, type NameStart } from '../../src/core/proclitics.ts';

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

  // Spans: at each word start, the name at the start, else after the first proclitic start with one.
  const spans: [start: number, end: number, key: number][] = [];
  const starts: NameStart[] = [];
  const alefNode = trie.child(0, ALEF);
  let i = 0;
  while (i < s.len) {
    if (!isWord(i)) {
      i++;
      continue;
    }
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

  // Resolution, with the whole folded text as every span's context.
  const { entries, entityIds } = data;
  const ownTokens = new Map<number, string>();
  data.tokenEntity.forEach((e, k) => ownTokens.set(e, data.tokenLists[k]!));
  const counts = new Map<number, number>();
  for (const [, , key] of spans) countLicensing(entries, key, counts);
  const isLicensed = (e: number, self: boolean): boolean =>
    (counts.get(e) ?? 0) > (self ? 1 : 0) || (given?.has(entityIds[e]!) ?? false);
  const mentions: Mention[] = [];
  const licensed = new Set<string>();
  for (const [start, end, key] of spans) {
    const entry = chooseEntry(entries, key, () => ({ s, start }), isLicensed, ownTokens);
    if (entry < 0) continue;
    const entityId = entityIds[entries.entryEntity[entry]!]!;
    if (entries.entryFlags[entry]! & FLAG_LICENSING) licensed.add(entityId);
    // The original end: after the last letter, with the marks on it.
    let originalEnd = map[end - 1]! + 1;
    while (originalEnd < map[end]! && classOf(text.charCodeAt(originalEnd)) === CLS_MARK) originalEnd++;
    mentions.push({ start: map[start]!, end: originalEnd, entityId });
  }
  return { mentions, licensed: [...licensed] };
}
