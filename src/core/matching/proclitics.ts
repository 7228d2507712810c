/**
 * Clitics around a name. Arabic proclitics are the prefixes written joined to the next word (و ف, then ب ل ك);
 * they are handled at match time instead of multiplying the dictionary by every prefix combination.
 *
 * At a word start w of FOLDED text, a name may start at:
 *   w                      (no prefix; the article ال, when it belongs to the name, is part of the alias)
 *   w + 1                  after و or ف                         وبشار، فنصر الله
 *   w + 1                  after ب ل ك                          بدمشق، لبغداد، بالحرس (= ب + الحرس)
 *   w + 2                  after و/ف followed by ب/ل/ك          وبدمشق، فبالحرس، ولبغداد
 * and, for names that begin with ال, after ل (or و/ف + ل) with the alef dropped: للحرس = ل + (ا)لحرس. That case
 * is matched by starting the trie walk at the node for "ا" and reading the text from the second ل; the mention
 * then starts at that second ل (the honest choice: the name's own ا is not on the page).
 * The article ال is never added to names that lack it (دمشق is never الدمشق), and nothing is stripped inside a
 * word: a name still has to start at one of these positions and end at a word end.
 */

import { CLS_APOS, classOf, isWordCode } from './normalize.ts';

/** Folded code units (the fold maps ک → ك, so Persian text is covered). */
export const ALEF = 0x0627;
export const WAW = 0x0648;
export const FA = 0x0641;
export const BA = 0x0628;
export const LAM = 0x0644;
export const KAF = 0x0643;

/** A start a name may have inside a word: `pos` in folded text, `viaAlef`: walk from the trie's ا node. */
export interface NameStart {
  pos: number;
  viaAlef: boolean;
}

const isConjunction = (c: number): boolean => c === WAW || c === FA;
const isPreposition = (c: number): boolean => c === BA || c === LAM || c === KAF;

/**
 * Writes into `out` the positions after a proclitic at which a name may start in the word beginning at `w`
 * (not including `w` itself), in increasing position order, and returns how many. `end` is the end of the word.
 * Allocation-free: `out` is a scratch array of at least 4 entries owned by the caller.
 */
export function procliticStarts(codes: Uint16Array, w: number, end: number, out: NameStart[]): number {
  let n = 0;
  let p = w;
  if (isConjunction(codes[w]!)) {
    if (w + 1 < end) setStart(out, n++, w + 1, false);
    p = w + 1;
  }
  if (p < end && isPreposition(codes[p]!)) {
    if (p + 1 < end) {
      setStart(out, n++, p + 1, false);
      // ل + ال → لل: the name's ا is dropped; walk from the trie's ا node, reading from the second ل.
      if (codes[p] === LAM && codes[p + 1] === LAM && p + 2 < end) setStart(out, n++, p + 1, true);
    }
  }
  return n;
}

/**
 * The English possessive enclitic: true when folded position `j` (right after a name) starts "s" + word end and
 * the original text has an apostrophe (' ’ ʼ …, removed by the fold) just before that s: Assad's, Qaani’s.
 */
export function isPossessiveAt(codes: Uint16Array, len: number, map: Uint32Array, text: string, j: number): boolean {
  if (j === 0 || j >= len || codes[j] !== 0x73 || (j + 1 < len && isWordCode(codes[j + 1]!))) return false;
  for (let i = map[j - 1]! + 1, end = map[j]!; i < end; i++) {
    if (classOf(text.charCodeAt(i)) === CLS_APOS) return true;
  }
  return false;
}

function setStart(out: NameStart[], i: number, pos: number, viaAlef: boolean): void {
  const s = out[i];
  if (s) {
    s.pos = pos;
    s.viaAlef = viaAlef;
  } else out[i] = { pos, viaAlef };
}
