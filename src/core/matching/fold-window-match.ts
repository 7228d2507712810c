/**
 * The general way to find the name in one word: a trie walk over a fold window (fold-window.ts) opened at the
 * word start, which folds only as far as the walk reads. It handles everything the fold does (marks, format
 * characters and apostrophes inside names, space runs, the el → al rule, English possessives); name-scan.ts sends
 * it the words its plain fast path cannot decide.
 *
 * The rules are those of a scan of the whole folded text (name-matcher.ts): at the word start, the longest key
 * that ends at a word end (or before an English 's); if none, the same after each proclitic start in order
 * (proclitics.ts), the first start with a match winning, with its longest key.
 */
import { FoldWindow } from './fold-window.ts';
import { CLS_MARK, CLS_WORD, charClass, classOf } from './normalize.ts';
import type { NameTrie } from './name-trie.ts';
import { isPossessiveAt, procliticStarts, type NameStart } from './proclitics.ts';

/** Spans in ORIGINAL offsets [start, end) (see `Mention`), with the key each one matched. */
export interface Spans {
  start: number[];
  end: number[];
  key: number[];
}

const LATIN_E = 0x65;

export class FoldWindowMatcher {
  private readonly win = new FoldWindow();
  private readonly starts: NameStart[] = [];
  /** Key of the last successful `walk`. */
  private walkKey = -1;
  /** Whether the span the last `matchWord` found runs past the end of the word it starts in. */
  crossed = false;

  /**
   * @param alefNode the root's child on ا (0 if none), where names after ل + ال written لل are walked from.
   * @param dead keys (by rank) that are no keys any more (trie-words.ts); none when absent.
   */
  constructor(private readonly trie: NameTrie, private readonly alefNode: number, private readonly dead?: Uint8Array) {}

  /**
   * The leftmost-longest key in the word starting at original index `w`. Records it in `out` and returns the
   * original index to go on from: past the span if it crosses the word's end (`crossed`; an English 's after it
   * then starts the next word), else past the word (a possessive 's inside the word stays unscanned); w + 1
   * when there is none.
   */
  matchWord(text: string, w: number, out: Spans): number {
    const win = this.win;
    win.open(text, w);
    let start = -1;
    let end = this.walk(0, 0);
    let key = this.walkKey;
    if (end >= 0) start = 0;
    else {
      // Where a name may start after a proclitic depends on the word's first four units only.
      win.fill(4);
      const codes = win.codes;
      let wordEnd = 1;
      while (wordEnd < 4 && wordEnd < win.len && charClass[codes[wordEnd]!] === CLS_WORD) wordEnd++;
      const count = procliticStarts(codes, 0, wordEnd, this.starts);
      for (let s = 0; s < count; s++) {
        const st = this.starts[s]!;
        if (start >= 0 && st.pos > start) break;
        const from = st.viaAlef ? this.alefNode : 0;
        if (st.viaAlef && from === 0) continue;
        const e = this.walk(from, st.pos);
        if (e > (start >= 0 ? end : -1)) {
          start = st.pos;
          end = e;
          key = this.walkKey;
        }
      }
    }
    this.crossed = false;
    if (start < 0) return w + 1;
    const { codes, map } = win;
    const last = map[end - 1]!;
    out.start.push(map[start]!);
    out.end.push(endWithMarks(text, last + 1));
    out.key.push(key);
    for (let j = 1; j < end; j++) {
      if (charClass[codes[j]!] !== CLS_WORD) {
        this.crossed = true;
        return last + 1;
      }
    }
    return skipWord(text, last + 1);
  }

  /** Walks the trie from `node` (0: the root), reading the window from `from`; returns the longest key end. */
  private walk(node: number, from: number): number {
    const win = this.win;
    const trie = this.trie;
    const nodeKey = trie.nodeKey;
    let codes = win.codes;
    let best = -1;
    let v = node;
    for (let j = from; ; j++) {
      if (j >= win.len) {
        if (win.fill(j + 1) <= j) break;
        codes = win.codes;
      }
      let c = codes[j]!;
      if (c === LATIN_E) {
        // Final once three more units are folded: the el rule may yet make it an a.
        win.fill(j + 4);
        codes = win.codes;
        c = codes[j]!;
      }
      v = trie.child(v, c);
      if (v === 0) break;
      const k = nodeKey[v]!;
      if (k >= 0 && (this.dead === undefined || this.dead[k] === 0) && this.endsWordAt(j + 1)) {
        best = j + 1;
        this.walkKey = k;
      }
    }
    return best;
  }

  /** A name may end at window position e: a word boundary, or an English possessive 's follows. */
  private endsWordAt(e: number): boolean {
    this.win.fill(e + 2);
    const { codes, len, map, text } = this.win;
    if (e >= len || charClass[codes[e]!] !== CLS_WORD || charClass[codes[e - 1]!] !== CLS_WORD) return true;
    return isPossessiveAt(codes, len, map, text, e);
  }
}

/** From original index i, past the rest of a word: letters, digits and what the fold drops inside words. */
function skipWord(text: string, i: number): number {
  const n = text.length;
  while (i < n) {
    const k = classOf(text.charCodeAt(i));
    if (k === CLS_WORD || k >= CLS_MARK) i++; // CLS_MARK, CLS_IGNORE and CLS_APOS are the classes above it
    else break;
  }
  return i;
}

/** `end` (just after a span's last letter), extended over the combining marks on that letter. */
function endWithMarks(text: string, end: number): number {
  while (end < text.length && classOf(text.charCodeAt(end)) === CLS_MARK) end++;
  return end;
}
