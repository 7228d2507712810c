/**
 * Finding the spans of a text that are dataset keys (names and exclusions), leftmost-longest, without folding
 * the whole text first. The spans are exactly those of a scan of the whole folded text, word start by word start
 * (the rules are in name-matcher.ts), but the work is:
 * - one branch-free pass over the ORIGINAL text that lists the word starts whose first letter may begin a key or
 *   carry a proclitic (word-starts.ts); the other words are never looked at again;
 * - at a listed word whose first letter begins keys only, a bit set of the keys' first two units, which most
 *   words fail;
 * - then a trie walk straight over the original text while it is "plain" (letters, and single spaces between
 *   words), which is its own fold, so most words are decided without folding anything;
 * - and the rest (marks, apostrophes, format characters or space runs where the walk goes; an e that the el → al
 *   rule may rewrite) in a fold window (window-match.ts).
 * With romanisation keys (romanise.ts), every capitalised Latin word is listed too, and where no key starts at
 * one, the romanisation trie is walked from it; those spans are merged in at the end, where they overlap no key's
 * span (name-matcher.ts, rule 3).
 */
import { CLS_OTHER, CLS_SPACE, CLS_WORD, charClass, classOf, CLS_MARK, wordFold } from './normalize.ts';
import type { NameTrie } from './name-trie.ts';
import { ALEF, BA, FA, KAF, LAM, WAW, procliticStarts, type NameStart } from './proclitics.ts';
import { RomanWalker, isUpperLatin } from './romanise.ts';
import { WindowMatcher, type Spans } from './window-match.ts';
import { WordStarts } from './word-starts.ts';

export type { Spans } from './window-match.ts';

const LATIN_E = 0x65;
const LATIN_A = 0x61;
const SPACE = 0x20;
/** Values of `startable`: how a word starting with a folded unit is looked at. */
const START_NONE = 0;
const START_KEY = 1;
const START_PROCLITIC = 2;
/** e: the el → al rule may make it an a, so its words always go to the fold window. */
const START_WINDOW = 3;
/** Original code units per pass of `WordStarts.find`. */
const BLOCK = 8192;
/** Bits of the hash of a word's first two folded units in `pairs`. */
const PAIR_BITS = 20;
const pairHash = (a: number, b: number): number => ((a << 10) ^ b ^ (a >>> 10)) & ((1 << PAIR_BITS) - 1);
/** `plainWalk`: the text stopped being plain before the walk was decided. */
const UNDECIDED = -2;

export class SpanScanner {
  private readonly trie: NameTrie;
  private readonly alefNode: number;
  /** For a word's first folded unit: START_NONE if no key can be in the word, else how to look for one. */
  private readonly startable = new Uint8Array(0x10000);
  /** Bit set of the hashes of the keys' first two units. */
  private readonly pairs = new Uint32Array(1 << (PAIR_BITS - 5));
  private readonly words: WordStarts;
  private readonly startBuffer = new Int32Array(BLOCK);
  private readonly window: WindowMatcher;
  /** A word's first four folded units, for `procliticStarts`, and the starts it gives. */
  private readonly head = new Uint16Array(4);
  private readonly starts: NameStart[] = [];
  /** Key of the last `plainWalk` that found one. */
  private walkKey = -1;
  private readonly roman: RomanWalker | undefined;
  /** Spans of romanisation keys found by one scan, before the merge. */
  private readonly romanSpans: Spans = { start: [], end: [], key: [] };

  /** @param romanTrie the romanisation keys, reported as key `romanBase` + their rank. */
  constructor(trie: NameTrie, romanTrie?: NameTrie, private readonly romanBase = 0) {
    this.trie = trie;
    this.alefNode = trie.child(0, ALEF);
    this.window = new WindowMatcher(trie, this.alefNode);
    const { firstChild, nodeChar } = trie;
    for (let v = firstChild[0]!, end = firstChild[1]!; v < end; v++) {
      const a = nodeChar[v]!;
      this.startable[a] = START_KEY;
      for (let u = firstChild[v]!, uEnd = firstChild[v + 1]!; u < uEnd; u++) {
        const h = pairHash(a, nodeChar[u]!);
        this.pairs[h >>> 5]! |= 1 << (h & 31);
      }
    }
    for (const c of [WAW, FA, BA, LAM, KAF]) this.startable[c] = START_PROCLITIC;
    if (this.startable[LATIN_E] || this.startable[LATIN_A]) this.startable[LATIN_E] = START_WINDOW;
    this.roman = romanTrie ? new RomanWalker(romanTrie) : undefined;
    this.words = new WordStarts(this.startable, this.roman !== undefined);
  }

  /** Appends to `out` the spans of `text`, in order, non-overlapping. */
  scan(text: string, out: Spans): void {
    const n = text.length;
    const { startBuffer: starts, startable, roman } = this;
    const romanSpans = this.romanSpans;
    if (roman) romanSpans.start.length = romanSpans.end.length = romanSpans.key.length = 0;
    const from0 = out.start.length;
    this.words.reset();
    let resume = 0;
    for (let from = 0; from < n; from += BLOCK) {
      const count = this.words.find(text, from, Math.min(n, from + BLOCK), starts);
      for (let s = 0; s < count; s++) {
        const w = starts[s]!;
        if (w < resume) continue;
        // Most words stop at their second letter, when it follows with nothing between: no key starts with
        // these two units (and no one-unit key ends before a letter).
        const c0 = text.charCodeAt(w);
        const a = wordFold(c0);
        // Listed for the romanisation key only (a capital no key starts with).
        if (startable[a] === START_NONE) {
          if (roman) this.romanAt(text, w);
          continue;
        }
        if (startable[a] === START_KEY && w + 1 < n) {
          const c = text.charCodeAt(w + 1);
          if (charClass[c] === CLS_WORD && !this.hasPair(a, wordFold(c))) {
            if (roman && isUpperLatin(c0)) this.romanAt(text, w);
            continue;
          }
        }
        const before = out.start.length;
        resume = this.atWord(text, w, out);
        if (roman && (out.start.length === before || out.start[before] !== w) && isUpperLatin(c0)) this.romanAt(text, w);
      }
    }
    if (roman && romanSpans.start.length > 0) mergeRomanSpans(out, from0, romanSpans);
  }

  /** Records the romanisation key read from the capitalised word at `w`, if any. */
  private romanAt(text: string, w: number): void {
    const end = this.roman!.walk(text, w);
    if (end < 0) return;
    this.romanSpans.start.push(w);
    this.romanSpans.end.push(end);
    this.romanSpans.key.push(this.romanBase + this.roman!.key);
  }

  /**
   * Looks for a name in the word starting at original index `w` and returns the index to go on from: past the
   * span found, else anywhere inside the word (the next listed word start is after it).
   */
  private atWord(text: string, w: number, out: Spans): number {
    for (;;) {
      const a = wordFold(text.charCodeAt(w));
      const how = this.startable[a]!;
      if (how === START_NONE) return w + 1;
      if (how !== START_WINDOW) {
        const resume = this.plainWord(text, w, a, how, out);
        if (resume > 0) return resume;
      }
      const resume = this.window.matchWord(text, w, out);
      if (!this.window.crossed) return resume;
      // The span ran past its first word and may end before an English 's ("Bashar al-Assad's"): the scan
      // takes up the s as a word start.
      let q = resume;
      while (q < text.length && classOf(text.charCodeAt(q)) >= CLS_MARK) q++;
      if (q >= text.length || charClass[text.charCodeAt(q)] !== CLS_WORD) return resume;
      w = q;
    }
  }

  /**
   * `window.matchWord` for plain text, without a window: decides the word at `w` (first folded unit `a`, looked
   * at as `how`) if the text is plain as far as that takes, recording its span. Returns the index to go on from
   * (a plain span ends before a space or punctuation unit, where the next word start is looked for), or 0 if a
   * fold window must decide.
   */
  private plainWord(text: string, w: number, a: number, how: number, out: Spans): number {
    const root = this.trie.rootTable;
    if (how !== START_PROCLITIC) {
      const atStart = this.plainWalk(text, w + 1, root[a]!);
      if (atStart === UNDECIDED) return 0;
      return atStart >= 0 ? this.record(w, atStart, out) : w + 1;
    }
    // A word that may carry a proclitic: its first four units decide where a name may start in it.
    const head = this.head;
    const n = text.length;
    let len = 0;
    for (; len < 4 && w + len < n; len++) {
      const k = charClass[text.charCodeAt(w + len)]!;
      if (k === CLS_SPACE || k === CLS_OTHER) break;
      if (k !== CLS_WORD) return 0;
      head[len] = wordFold(text.charCodeAt(w + len));
    }
    const atStart = len > 1 && !this.hasPair(a, head[1]!) ? -1 : root[a] === 0 ? -1 : this.plainWalk(text, w + 1, root[a]!);
    if (atStart === UNDECIDED) return 0;
    if (atStart >= 0) return this.record(w, atStart, out);
    const count = procliticStarts(head, 0, len, this.starts);
    let start = -1;
    let end = -1;
    let key = -1;
    for (let s = 0; s < count; s++) {
      const st = this.starts[s]!;
      if (start >= 0 && st.pos > start) break;
      const u = head[st.pos]!;
      // The pair filter, when the name's second unit is among the four (a letter: no one-unit key ends there).
      if (!st.viaAlef && st.pos + 1 < len && !this.hasPair(u, head[st.pos + 1]!)) continue;
      const v = st.viaAlef ? (this.alefNode === 0 ? 0 : this.trie.child(this.alefNode, u)) : root[u]!;
      if (v === 0) continue;
      const e = this.plainWalk(text, w + st.pos + 1, v);
      if (e === UNDECIDED) return 0;
      if (e > end) {
        start = st.pos;
        end = e;
        key = this.walkKey;
      }
    }
    if (start < 0) return w + 1;
    this.walkKey = key;
    return this.record(w + start, end, out);
  }

  /** False if no key starts with the units a, b (true may be a hash collision). */
  private hasPair(a: number, b: number): boolean {
    const h = pairHash(a, b);
    return (this.pairs[h >>> 5]! & (1 << (h & 31))) !== 0;
  }

  private record(start: number, end: number, out: Spans): number {
    out.start.push(start);
    out.end.push(end);
    out.key.push(this.walkKey);
    return end;
  }

  /**
   * Walks the trie from node `v` (reached by the letter before original index `from`) over plain text: letters
   * that follow each other with nothing between them, and single space-like units between words, each followed
   * by a letter other than e. Returns the original end of the longest key that ends at a word end (before a space
   * or punctuation unit, or at the text's end; -1 if none), or UNDECIDED if the text stopped being plain while
   * the trie still went on. Plain text is its own fold (a letter's unit is its fold, one space-like unit between
   * letters folds to one space, only a word-initial e can be rewritten by the el rule), and a key cannot end
   * inside a plain word (no word end there, and no apostrophe before an s).
   */
  private plainWalk(text: string, from: number, v: number): number {
    const n = text.length;
    const trie = this.trie;
    const nodeKey = trie.nodeKey;
    let best = -1;
    for (let j = from; ; j++) {
      if (j >= n) {
        if (nodeKey[v]! >= 0) {
          best = n;
          this.walkKey = nodeKey[v]!;
        }
        return best;
      }
      const c = text.charCodeAt(j);
      const k = charClass[c]!;
      if (k === CLS_WORD) {
        v = trie.child(v, wordFold(c));
        if (v === 0) return best;
        continue;
      }
      if (k !== CLS_SPACE && k !== CLS_OTHER) return UNDECIDED; // a mark, apostrophe or format character
      // A word end.
      if (nodeKey[v]! >= 0) {
        best = j;
        this.walkKey = nodeKey[v]!;
      }
      v = trie.child(v, k === CLS_SPACE ? SPACE : c);
      if (v === 0) return best;
      if (k === CLS_OTHER || j + 1 >= n) return UNDECIDED;
      const next = text.charCodeAt(j + 1);
      if (charClass[next] !== CLS_WORD || wordFold(next) === LATIN_E) return UNDECIDED;
    }
  }
}

/**
 * Merges into out[from…] the romanisation spans (sorted by start) that overlap none of its spans and no earlier
 * romanisation span kept: a key found as written always wins over a spelling found through the key.
 */
export function mergeRomanSpans(out: Spans, from: number, roman: Spans): void {
  const start = out.start.splice(from);
  const end = out.end.splice(from);
  const key = out.key.splice(from);
  let p = 0;
  let keptEnd = -1;
  const push = (s: number, e: number, k: number): void => {
    out.start.push(s);
    out.end.push(e);
    out.key.push(k);
  };
  for (let r = 0; r < roman.start.length; r++) {
    const s = roman.start[r]!;
    const e = roman.end[r]!;
    if (s < keptEnd) continue;
    while (p < start.length && end[p]! <= s) push(start[p]!, end[p]!, key[p++]!);
    if (p < start.length && start[p]! < e) continue;
    push(s, e, roman.key[r]!);
    keptEnd = e;
  }
  while (p < start.length) push(start[p]!, end[p]!, key[p++]!);
}
