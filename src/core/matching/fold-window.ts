/**
 * A window of folded text, folded lazily from a chosen original position: the scanner folds only what a trie
 * walk reads (a few code units at most word starts) instead of the whole text up front, and licensing folds the
 * few words before an ambiguous name.
 *
 * Why a window gives the same units as folding the whole text (`foldForMatch`): the fold of a code unit depends
 * on the folded units before it only through two rules, a space run collapsing to one space (looks one unit
 * back) and "el" + space + Latin letter → "al" (looks four units back, and needs the "el" to start a word). A
 * window opened at a word start, or at a space or punctuation unit, begins in the state the whole-text fold is
 * in there: the unit before is not a word unit, and any space before has the same code. So the window holds
 * exactly the whole-text fold's units from that point on, each with its original index in `map`.
 * A unit is final once the three units after it are folded (the el rule rewrites the unit three back).
 */
import { CLS_OTHER, CLS_SPACE, CLS_WORD, classOf, foldRange } from './normalize.ts';

/** Original units folded per step at least: walks mostly stop after a unit or two. */
const MIN_STEP = 4;
/** Larger buffers are dropped at the next `open`. */
const MAX_KEPT = 1 << 16;

export class FoldWindow {
  /** Folded units [0, len); map[i] is the original index of codes[i]. Replaced when the window grows. */
  codes = new Uint16Array(256);
  map = new Uint32Array(256);
  len = 0;
  text = '';
  /** Next original index to fold, and the original index to stop at. */
  private src = 0;
  private end = 0;

  /**
   * Starts a window at original index `from` (a word start, a space or punctuation unit, or 0; see above),
   * folding at most up to original index `end`.
   */
  open(text: string, from: number, end = text.length): void {
    // A window grown for a long run (a name's context in a huge stretch of spaces) is not kept.
    if (this.codes.length > MAX_KEPT) {
      this.codes = new Uint16Array(256);
      this.map = new Uint32Array(256);
    }
    this.text = text;
    this.src = from;
    this.end = end;
    this.len = 0;
  }

  /** Folds on until at least `need` units are folded or the input is exhausted; returns `len`. */
  fill(need: number): number {
    while (this.len < need && this.src < this.end) {
      const to = Math.min(this.end, this.src + Math.max(MIN_STEP, need - this.len));
      const room = this.len + (to - this.src);
      if (room > this.codes.length) this.grow(room);
      this.len = foldRange(this.text, this.src, to, this.codes, this.map, this.len);
      this.src = to;
    }
    return this.len;
  }

  private grow(room: number): void {
    const size = Math.max(room, this.codes.length * 2);
    const codes = new Uint16Array(size);
    const map = new Uint32Array(size);
    codes.set(this.codes.subarray(0, this.len));
    map.set(this.map.subarray(0, this.len));
    this.codes = codes;
    this.map = map;
  }
}

/**
 * Opens `win` before original index `start`, where a name starts (a word's first letter, or a letter after an
 * Arabic proclitic), and folds up to and including that letter, so that its folded position is win.len - 1 and
 * at least `words` folded words come before it (fewer at the text's start). The window opens at the space or
 * punctuation unit before the `words`-th word back, or at 0, where it holds the same units as the whole text's
 * fold; those before the letter are final (only the letter itself may still become an a, by the el rule).
 */
export function foldWordsBefore(win: FoldWindow, text: string, start: number, words: number): void {
  let from = 0;
  let seen = 0;
  let inWord = false;
  for (let p = start - 1; p >= 0; p--) {
    const k = classOf(text.charCodeAt(p));
    if (k === CLS_WORD) {
      if (!inWord) seen++;
      inWord = true;
    } else if (k === CLS_SPACE || k === CLS_OTHER) {
      if (seen >= words) {
        from = p;
        break;
      }
      inWord = false;
    } // marks, format characters and apostrophes: dropped by the fold, so they neither end nor start a word
  }
  win.open(text, from, start + 1);
  win.fill(Infinity);
}
