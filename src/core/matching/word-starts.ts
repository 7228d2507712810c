/**
 * Finding the starts of the words that may hold a name, in one branch-free pass over the ORIGINAL text.
 *
 * A word of the folded text is a run of letters and digits; in the original text, the marks, format characters
 * and apostrophes the fold drops are transparent (they neither end a word nor start one: "Qa'ani" and
 * "إسْمَاعِيل" are one word each, " \u200bword" starts at w). A word start is a letter whose previous kept unit is
 * not a letter. Only starts whose first folded unit is "startable" for the matcher (it begins a key, or is a
 * proclitic) are reported: the others cannot hold a name.
 *
 * The pass does no branching per code unit (a branch mispredicted at every word edge costs more than the rest
 * of the loop): one lookup in a per-matcher table of flags, and arithmetic on them.
 */
import { CLS_MARK, CLS_WORD, classOf, wordFold } from './normalize.ts';
import { isUpperLatin } from './romanise.ts';

/** Flags of a code unit in `WordStarts.table`; 0 means "not looked at yet". */
const F_WORD = 1;
/** Dropped by the fold (mark, format character, apostrophe): continues whatever came before. */
const F_DROPPED = 2;
const F_KNOWN = 4;
/** A letter whose fold is startable. Bit 3, read as (flags >> 3). */
const F_START = 8;

export class WordStarts {
  private readonly table = new Uint8Array(0x10000);
  /** Whether the last kept unit before the next `find` was a letter (words run across calls). */
  private prev = 0;

  /**
   * @param startable non-zero for the folded units a reported word may start with.
   * @param capitals also report every word that starts with an upper-case Latin letter (romanisation keys).
   */
  constructor(private readonly startable: Uint8Array, private readonly capitals = false) {
    // ASCII and the Arabic block up front (the fold classifies them on load); the rest on first sight, so that
    // loading a matcher stays well under a millisecond even before the JIT has compiled anything.
    for (let c = 0; c < 0x80; c++) this.learn(c);
    for (let c = 0x0600; c < 0x0700; c++) this.learn(c);
  }

  /** Starts a new text: its first letter starts a word. */
  reset(): void {
    this.prev = 0;
  }

  /**
   * Writes into `out` (length ≥ to - from) the original indexes of the startable word starts in text[from, to),
   * in increasing order, and returns how many; continues the previous call's text.
   */
  find(text: string, from: number, to: number, out: Int32Array): number {
    const table = this.table;
    const prev = this.prev;
    let p = prev;
    let count = 0;
    let known = F_KNOWN;
    for (let i = from; i < to; i++) {
      const f = table[text.charCodeAt(i)]!;
      const word = f & F_WORD;
      out[count] = i;
      count += word & ~p & (f >> 3);
      // A dropped unit keeps the state; a kept one sets it to "letter" or not.
      p = (p & (f >> 1)) | word;
      known &= f;
    }
    if (known === 0) {
      // A code unit seen for the first time: classify them all, then do this stretch again.
      for (let i = from; i < to; i++) {
        const c = text.charCodeAt(i);
        if (table[c] === 0) this.learn(c);
      }
      this.prev = prev;
      return this.find(text, from, to, out);
    }
    this.prev = p;
    return count;
  }

  private learn(c: number): void {
    const k = classOf(c);
    const start = this.startable[wordFold(c)] || (this.capitals && isUpperLatin(c));
    this.table[c] = k === CLS_WORD ? F_KNOWN | F_WORD | (start ? F_START : 0)
      : k >= CLS_MARK ? F_KNOWN | F_DROPPED : F_KNOWN;
  }
}
