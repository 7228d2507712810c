/**
 * Deciding the name in one word against ONE trie of keys: the plain fast path (a walk straight over the original
 * text while it is its own fold) and, where that can't decide, the fold window (fold-window-match.ts). name-scan.ts
 * lists the word starts and asks one of these per trie: the compiled matcher's, and an update overlay's when a
 * patch is pending (matcher-overlay.ts), whose answers it compares.
 *
 * A key of the trie can be dead (an overlay replaced every entity it named): it is then no key at all, and the
 * walk keeps looking for a shorter live one, as a trie built without it would.
 */
import { CLS_OTHER, CLS_SPACE, CLS_WORD, charClass, wordFold } from './normalize.ts';
import type { NameTrie } from './name-trie.ts';
import { ALEF, procliticStarts, type NameStart } from './proclitics.ts';
import { FoldWindowMatcher, type Spans } from './fold-window-match.ts';

const LATIN_E = 0x65;
const SPACE = 0x20;
/** Values of `startable` in name-scan.ts: how a word starting with a folded unit is looked at. */
export const START_NONE = 0;
export const START_KEY = 1;
export const START_PROCLITIC = 2;
/** e: the el → al rule may make it an a, so its words always go to the fold window. */
export const START_WINDOW = 3;
/** `plainWalk`: the text stopped being plain before the walk was decided. */
const UNDECIDED = -2;

/** Bits of the hash of a key's first two folded units in a pair filter. */
const PAIR_BITS = 20;
const pairHash = (a: number, b: number): number => ((a << 10) ^ b ^ (a >>> 10)) & ((1 << PAIR_BITS) - 1);
const LATIN_A = 0x61;

/** A bit set of the hashes of keys' first two folded units: false means no key starts with them. */
export class PairFilter {
  private readonly bits = new Uint32Array(1 << (PAIR_BITS - 5));

  /** Adds the first two units of every key of `trie`. */
  addTrie(trie: NameTrie): void {
    const { firstChild, nodeChar } = trie;
    for (let v = firstChild[0]!, end = firstChild[1]!; v < end; v++) {
      for (let u = firstChild[v]!, uEnd = firstChild[v + 1]!; u < uEnd; u++) {
        const h = pairHash(nodeChar[v]!, nodeChar[u]!);
        this.bits[h >>> 5]! |= 1 << (h & 31);
      }
    }
  }

  /** False if no key starts with the units a, b (true may be a hash collision). */
  has(a: number, b: number): boolean {
    const h = pairHash(a, b);
    return (this.bits[h >>> 5]! & (1 << (h & 31))) !== 0;
  }
}

export class TrieWords {
  readonly alefNode: number;
  private readonly foldMatcher: FoldWindowMatcher;
  /** A word's first four folded units, for `procliticStarts`, and the starts it gives. */
  private readonly head = new Uint16Array(4);
  private readonly starts: NameStart[] = [];
  /** Key of the last `plainWalk` that found one. */
  private walkKey = -1;
  /** Whether the span the last `word` found runs past the end of the word it starts in (see FoldWindowMatcher). */
  crossed = false;

  /** This trie's own filter of keys' first two units (the scan filters with all its tries' together). */
  private readonly pairs = new PairFilter();
  /** Whether any key starts with a or e: a word starting with e may be one by the el → al rule. */
  private readonly aOrE: boolean;

  /** @param dead keys (by rank) that are no keys any more; none when absent. */
  constructor(readonly trie: NameTrie, private readonly dead?: Uint8Array) {
    this.alefNode = trie.child(0, ALEF);
    this.foldMatcher = new FoldWindowMatcher(trie, this.alefNode, dead);
    this.pairs.addTrie(trie);
    this.aOrE = trie.rootTable[LATIN_A] !== 0 || trie.rootTable[LATIN_E] !== 0;
  }

  private hasPair(a: number, b: number): boolean {
    return this.pairs.has(a, b);
  }

  /**
   * Looks for the leftmost-longest key in the word starting at original index `w` (first folded unit `a`,
   * looked at as `how`). Records at most one span in `out` and returns the index to go on from: past the span
   * found, else anywhere inside the word (the next listed word start is after it).
   */
  word(text: string, w: number, a: number, how: number, out: Spans): number {
    this.crossed = false;
    // What this trie can't have, decided before any walk: the scan's filters are those of all its tries.
    if (how === START_KEY) {
      if (this.trie.rootTable[a] === 0) return w + 1;
      const c = w + 1 < text.length ? text.charCodeAt(w + 1) : 0;
      if (charClass[c] === CLS_WORD && !this.hasPair(a, wordFold(c))) return w + 1;
    } else if (how === START_WINDOW && !this.aOrE) return w + 1;
    if (how !== START_WINDOW) {
      const resume = this.plainWord(text, w, a, how, out);
      if (resume > 0) return resume;
    }
    const resume = this.foldMatcher.matchWord(text, w, out);
    this.crossed = this.foldMatcher.crossed;
    return resume;
  }

  private live(k: number): boolean {
    return k >= 0 && (this.dead === undefined || this.dead[k] === 0);
  }

  /**
   * `foldMatcher.matchWord` for plain text, without a window: decides the word if the text is plain as far as that
   * takes, recording its span. Returns the index to go on from (a plain span ends before a space or punctuation
   * unit, where the next word start is looked for), or 0 if a fold window must decide.
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

  private record(start: number, end: number, out: Spans): number {
    out.start.push(start);
    out.end.push(end);
    out.key.push(this.walkKey);
    return end;
  }

  /**
   * Walks the trie from node `v` (reached by the letter before original index `from`) over plain text: letters
   * that follow each other with nothing between them, and single space-like units between words, each followed
   * by a letter other than e. Returns the original end of the longest live key that ends at a word end (before a
   * space or punctuation unit, or at the text's end; -1 if none), or UNDECIDED if the text stopped being plain
   * while the trie still went on. Plain text is its own fold (a letter's unit is its fold, one space-like unit
   * between letters folds to one space, only a word-initial e can be rewritten by the el rule), and a key cannot
   * end inside a plain word (no word end there, and no apostrophe before an s).
   */
  private plainWalk(text: string, from: number, v: number): number {
    const n = text.length;
    const trie = this.trie;
    const nodeKey = trie.nodeKey;
    let best = -1;
    for (let j = from; ; j++) {
      if (j >= n) {
        if (this.live(nodeKey[v]!)) {
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
      if (this.live(nodeKey[v]!)) {
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
