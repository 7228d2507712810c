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
 *   rule may rewrite) in a fold window (fold-window-match.ts).
 * With romanisation keys (romanise.ts), every capitalised Latin word is listed too, and where no key starts at
 * one, the romanisation trie is walked from it; those spans are merged in at the end, where they overlap no key's
 * span (name-matcher.ts, rule 3).
 * The walks of one trie are trie-words.ts's; a scan asks a second trie too when an update overlay is pending
 * (matcher-overlay.ts), and keeps, word by word, what one trie of both would have found.
 */
import { CLS_WORD, charClass, classOf, CLS_MARK, wordFold } from './normalize.ts';
import type { NameTrie } from './name-trie.ts';
import { BA, FA, KAF, LAM, WAW } from './proclitics.ts';
import { RomanWalker, isUpperLatin } from './romanise.ts';
import { PairFilter, START_KEY, START_NONE, START_PROCLITIC, START_WINDOW, TrieWords } from './trie-words.ts';
import type { Spans } from './fold-window-match.ts';
import { WordStarts } from './word-starts.ts';

export type { Spans } from './fold-window-match.ts';

const LATIN_E = 0x65;
const LATIN_A = 0x61;
/** Original code units per pass of `WordStarts.find`. */
const BLOCK = 8192;

/** One trie of keys a scan looks in, and how the keys it finds are reported. */
export interface ScanTrie {
  trie: NameTrie;
  /** Its romanisation keys, if any: rank r is key `romanBase + r`. */
  roman?: NameTrie;
  romanBase: number;
  /** Keys (by rank) of `trie` and of `roman` that are no keys any more (an update overlay replaced them). */
  dead?: Uint8Array;
  romanDead?: Uint8Array;
  /** The key a span reports, from the key as numbered above; the key itself when absent. */
  report?: (key: number) => number;
}

/** A trie of the scan, ready to walk. */
interface Side {
  words: TrieWords;
  roman: RomanWalker | undefined;
  romanBase: number;
  report: ((key: number) => number) | undefined;
}

const emptySpans = (): Spans => ({ start: [], end: [], key: [] });

export class SpanScanner {
  private readonly sides: Side[];
  /** For a word's first folded unit: START_NONE if no key can be in the word, else how to look for one. */
  private readonly startable = new Uint8Array(0x10000);
  /** The keys' first two units, of every trie. */
  private readonly pairs = new PairFilter();
  private readonly words: WordStarts;
  private readonly startBuffer = new Int32Array(BLOCK);
  private readonly hasRoman: boolean;
  /** Spans of romanisation keys found by one scan, before the merge. */
  private readonly romanSpans: Spans = emptySpans();
  /** One word's span from each side, when there are two. */
  private readonly candidates: [Spans, Spans] = [emptySpans(), emptySpans()];
  /** Whether the span the last `atWordOnce` recorded runs past the end of its word. */
  private crossed = false;

  /**
   * @param main the compiled matcher's keys;
   * @param overlay an update's keys (matcher-overlay.ts): at each word, the leftmost-longest key of either
   *   wins, as it would in one trie of both (a key in both, same start and end, is reported as the overlay's).
   */
  constructor(main: ScanTrie, overlay?: ScanTrie) {
    this.sides = [main, ...(overlay ? [overlay] : [])].map((t) => {
      const { firstChild, nodeChar } = t.trie;
      for (let v = firstChild[0]!, end = firstChild[1]!; v < end; v++) this.startable[nodeChar[v]!] = START_KEY;
      this.pairs.addTrie(t.trie);
      return {
        words: new TrieWords(t.trie, t.dead),
        roman: t.roman ? new RomanWalker(t.roman, t.romanDead) : undefined,
        romanBase: t.romanBase,
        report: t.report,
      };
    });
    for (const c of [WAW, FA, BA, LAM, KAF]) this.startable[c] = START_PROCLITIC;
    if (this.startable[LATIN_E] || this.startable[LATIN_A]) this.startable[LATIN_E] = START_WINDOW;
    this.hasRoman = this.sides.some((side) => side.roman !== undefined);
    this.words = new WordStarts(this.startable, this.hasRoman);
  }

  /** Appends to `out` the spans of `text`, in order, non-overlapping. */
  scan(text: string, out: Spans): void {
    const n = text.length;
    const { startBuffer: starts, startable, hasRoman: roman } = this;
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

  /** Records the longest romanisation key read from the capitalised word at `w`, if any. */
  private romanAt(text: string, w: number): void {
    let end = -1;
    let key = -1;
    for (const side of this.sides) {
      if (!side.roman) continue;
      const e = side.roman.walk(text, w);
      // Same end in both: the same spelling, reported as the overlay's (the later side).
      if (e >= 0 && e >= end) {
        end = e;
        key = reported(side, side.romanBase + side.roman.key);
      }
    }
    if (end < 0) return;
    this.romanSpans.start.push(w);
    this.romanSpans.end.push(end);
    this.romanSpans.key.push(key);
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
      const resume = this.sides.length === 1 ? this.onSide(this.sides[0]!, text, w, a, how, out) : this.bestOfSides(text, w, a, how, out);
      if (!this.crossed) return resume;
      // The span ran past its first word and may end before an English 's ("Bashar al-Assad's"): the scan
      // takes up the s as a word start.
      let q = resume;
      while (q < text.length && classOf(text.charCodeAt(q)) >= CLS_MARK) q++;
      if (q >= text.length || charClass[text.charCodeAt(q)] !== CLS_WORD) return resume;
      w = q;
    }
  }

  /** The word at `w` against one side's keys, its span (if any) recorded in `out` as reported. */
  private onSide(side: Side, text: string, w: number, a: number, how: number, out: Spans): number {
    const before = out.key.length;
    const resume = side.words.word(text, w, a, how, out);
    this.crossed = side.words.crossed;
    if (out.key.length > before && side.report) out.key[before] = side.report(out.key[before]!);
    return resume;
  }

  /** The word at `w` against both sides: the leftmost span wins, then the longest, then the overlay's. */
  private bestOfSides(text: string, w: number, a: number, how: number, out: Spans): number {
    const [first, second] = this.candidates;
    let best: Spans | undefined;
    let resume = w + 1;
    let crossed = false;
    for (let i = 0; i < 2; i++) {
      const spans = i === 0 ? first : second;
      spans.start.length = spans.end.length = spans.key.length = 0;
      const r = this.onSide(this.sides[i]!, text, w, a, how, spans);
      if (spans.start.length === 0) continue;
      const s = spans.start[0]!;
      if (best === undefined || s < best.start[0]! || (s === best.start[0] && spans.end[0]! >= best.end[0]!)) {
        best = spans;
        resume = r;
        crossed = this.crossed;
      }
    }
    this.crossed = crossed;
    if (best === undefined) return resume;
    out.start.push(best.start[0]!);
    out.end.push(best.end[0]!);
    out.key.push(best.key[0]!);
    return resume;
  }

  /** False if no key starts with the units a, b (true may be a hash collision). */
  private hasPair(a: number, b: number): boolean {
    return this.pairs.has(a, b);
  }
}

function reported(side: Side, key: number): number {
  return side.report ? side.report(key) : key;
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
