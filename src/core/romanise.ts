/**
 * The romanisation key: one spelling-independent form for the Latin-letter spellings of an Arabic or Persian
 * name, so that Ghaani, Qani, Qa’ani and Ghani all meet Qaani, and Mustapha meets Mustafa, without anyone listing
 * them (the technique of news-monitoring systems that merge name variants: a consonant skeleton after folding the
 * regular variation of transliteration; Steinberger and Pouliquen, JRC-Names). Pure: no browser APIs.
 *
 * The key of a name, over its folded letters (normalize.ts has already removed case, diacritics and macrons,
 * apostrophes ’ ʿ ʾ and hyphens):
 * - the Arabic article is dropped: a word al, el or ul before another word (al-Kadhimi, el-Assad), and a
 *   sun-letter article whose consonant starts the next word (ash-Shaabi, ad-Din, an-Nasr);
 * - consonants fold: gh, q, ck, k → k; kh → x; sh, ch → c; th → s; dh, z, d → d; zh → j; ph → f; v → w (a g or c
 *   alone stays itself: q is rarely written g, and Can, Gen or Cain are not Qaani);
 * - vowels (a e i o u, and y unless a vowel follows it: Husayn, but Kenya) are dropped, so ou/oo/u, ee/i, ae/a/e
 *   and a missing vowel (Hashd / Hashid) all agree;
 * - doubled letters are one (Qassem, Nasrallah), also across words (Nasr Allah);
 * - the words are read as one run (Nasr Allah = Nasrallah).
 * So Qaani, Ghaani, Qani, Qa’ani and Ghani are "kn"; Esmail, Esmaeil, Ismail "sml"; Mustafa, Mustapha "mstf".
 *
 * In a text, a key is looked for only at a capitalised Latin word, every word of it capitalised but the article,
 * and it must end at a word end (or before a possessive 's). Its first word is never a title or an English
 * sentence word (name-words.ts: Gen., Queen, Can), and a key of one word is no name before another capitalised
 * word, which makes it someone else's given name (Kane Williamson). A name found only through its key may still
 * be someone else's (Ghani is also Ashraf Ghani), so the matcher treats it as an ambiguous alias (licensing.ts).
 */
import { NON_BLOCKING, TITLES } from './name-words.ts';
import { CLS_APOS, CLS_IGNORE, CLS_MARK, CLS_SPACE, CLS_WORD, classOf, wordFold } from './normalize.ts';
import type { NameTrie } from './name-trie.ts';

/** Longest word (in letters) a key is read from; longer words are not names. */
const MAX_WORD = 24;
/** Shortest key: one consonant says nothing. */
export const MIN_KEY = 2;

const A = 0x61;
const Z = 0x7a;
const ch = (s: string): number => s.charCodeAt(0);
const VOWELS = new Set([ch('a'), ch('e'), ch('i'), ch('o'), ch('u')]);
const H = ch('h');
/** First letter + h → one code. */
const WITH_H = new Map<number, number>([
  [ch('g'), ch('k')], [ch('k'), ch('x')], [ch('s'), ch('c')], [ch('c'), ch('c')], [ch('t'), ch('s')],
  [ch('d'), ch('d')], [ch('z'), ch('j')], [ch('p'), ch('f')],
]);
/** Single letters that fold; the others stand for themselves. */
const SINGLE = new Map<number, number>([[ch('q'), ch('k')], [ch('z'), ch('d')], [ch('v'), ch('w')], [ch('c'), ch('C')]]);

/** True for an original code unit that is an upper-case Latin letter (A–Z and accented capitals). */
export function isUpperLatin(c: number): boolean {
  if (c >= 0x41 && c <= 0x5a) return true;
  if (c < 0xc0 || c > 0x24f || c === 0xd7) return false;
  const s = String.fromCharCode(c);
  return s !== s.toLowerCase();
}

/** Letters of one word, folded (a–z only), and where it stands in the original text. */
interface Word {
  letters: number[];
  /** Original index of its first letter, and just past its last letter (with the marks on it). */
  start: number;
  end: number;
  capital: boolean;
  /** An English possessive 's follows it: a name may end here, and go no further. */
  possessive: boolean;
}

/**
 * Reads the Latin word at original index `i` (a letter); null if it is not a word a key can be read from (a
 * letter outside a–z after folding, a digit, too long).
 */
function readWord(text: string, i: number): Word | null {
  const n = text.length;
  const letters: number[] = [];
  const start = i;
  let end = i;
  let possessive = false;
  while (i < n) {
    const c = text.charCodeAt(i);
    const k = classOf(c);
    if (k === CLS_WORD) {
      const f = wordFold(c);
      if (f < A || f > Z || letters.length === MAX_WORD) return null;
      letters.push(f);
      end = ++i;
    } else if (k === CLS_MARK) {
      if (end === i) end = i + 1;
      i++;
    } else if (k === CLS_IGNORE) i++;
    else if (k === CLS_APOS) {
      // Qaani's: the name ends before the apostrophe; Qa'ani: the apostrophe is dropped.
      const s = i + 1 < n ? text.charCodeAt(i + 1) : 0;
      if ((s === 0x73 || s === 0x53) && (i + 2 >= n || classOf(text.charCodeAt(i + 2)) !== CLS_WORD)) {
        possessive = true;
        break;
      }
      i++;
    } else break;
  }
  return letters.length === 0 ? null : { letters, start, end, capital: isUpperLatin(text.charCodeAt(start)), possessive };
}

/** Original index of the next word's first letter after `i` past one run of spaces (and dropped units), or -1. */
function nextWordStart(text: string, i: number): number {
  const n = text.length;
  let spaced = false;
  for (; i < n; i++) {
    const k = classOf(text.charCodeAt(i));
    if (k === CLS_SPACE) spaced = true;
    else if (k === CLS_WORD) return spaced ? i : -1;
    else if (k !== CLS_MARK && k !== CLS_IGNORE) return -1;
  }
  return -1;
}

/** Is `w` an article of the word after it: al, el, ul, or a sun-letter article (ash-Shaabi, ad-Din)? */
function isArticle(w: readonly number[], next: readonly number[] | undefined): boolean {
  if (!next || w.length < 2 || w.length > 3 || (w[0] !== A && w[0] !== ch('e') && w[0] !== ch('u'))) return false;
  if (w.length === 2 && w[1] === ch('l')) return true;
  for (let i = 1; i < w.length; i++) if (VOWELS.has(w[i]!) || next[i - 1] !== w[i]) return false;
  return true;
}

/**
 * Appends the key codes of one word's letters to `out`, folding doubled letters against `out`'s last code; false
 * when the word adds none (all vowels, or all doubles of what came before): it is no part of a name's key.
 */
function wordKey(w: readonly number[], out: number[]): boolean {
  const from = out.length;
  for (let i = 0; i < w.length; i++) {
    const c = w[i]!;
    let code: number;
    if (VOWELS.has(c) || (c === ch('y') && !VOWELS.has(w[i + 1]!))) continue;
    const paired = WITH_H.get(c);
    if (paired !== undefined && w[i + 1] === H) {
      code = paired;
      i++;
    } else if (c === ch('c') && w[i + 1] === ch('k')) {
      code = ch('k');
      i++;
    } else code = SINGLE.get(c) ?? c;
    if (out[out.length - 1] !== code) out.push(code);
  }
  return out.length > from;
}

/**
 * The romanisation key of a name as the dataset writes it (any case, hyphens, apostrophes): '' if it has a
 * letter outside a–z once folded, a digit or punctuation, or a key shorter than MIN_KEY.
 */
export function romanKey(name: string): string {
  const words: Word[] = [];
  let i = 0;
  const n = name.length;
  while (i < n) {
    const k = classOf(name.charCodeAt(i));
    if (k === CLS_WORD) {
      const w = readWord(name, i);
      if (!w || w.possessive) return '';
      words.push(w);
      i = w.end;
    } else if (k === CLS_SPACE || k === CLS_MARK || k === CLS_IGNORE || k === CLS_APOS) i++;
    else return '';
  }
  const out: number[] = [];
  for (let j = 0; j < words.length; j++) {
    if (!isArticle(words[j]!.letters, words[j + 1]?.letters) && !wordKey(words[j]!.letters, out)) return '';
  }
  return out.length < MIN_KEY ? '' : String.fromCharCode(...out);
}

/**
 * Finds keys of a trie of romanisation keys in text. `walk` reads from a capitalised word on, word by word,
 * as far as the trie follows, and keeps the longest key that ends at a word end.
 */
export class RomanWalker {
  /** The key (trie rank) of the last walk that found one. */
  key = -1;
  private readonly codes: number[] = [];

  constructor(private readonly trie: NameTrie) {}

  /** The original end of the longest key read from the word at `w` (an upper-case Latin letter), or -1. */
  walk(text: string, w: number): number {
    const trie = this.trie;
    const first = readWord(text, w);
    if (!first || !first.capital || isNameWord(first.letters)) return -1;
    let word: Word = first;
    const codes = this.codes;
    codes.length = 0;
    let v = 0;
    let best = -1;
    let words = 0;
    let bestWords = 0;
    for (;;) {
      const at: number = word.possessive ? -1 : nextWordStart(text, word.end);
      const next: Word | null = at < 0 ? null : readWord(text, at);
      if (!isArticle(word.letters, next?.letters)) {
        const from = codes.length;
        if (!word.capital || !wordKey(word.letters, codes)) break;
        for (let i = from; i < codes.length && v >= 0; i++) v = trie.child(v, codes[i]!) || -1;
        if (v < 0) break;
        words++;
        // A word read whole ends where a letter no longer follows: a name may end here.
        const key = trie.nodeKey[v]!;
        if (key >= 0) {
          best = word.end;
          bestWords = words;
          this.key = key;
        }
      }
      if (!next) break;
      word = next;
    }
    if (bestWords === 1) {
      // One word before a capitalised one (not a sentence word): a given name of someone else.
      const at = nextWordStart(text, best);
      const after = at < 0 ? null : readWord(text, at);
      if (after?.capital && !isNameWord(after.letters)) return -1;
    }
    return best;
  }
}

/** A title or an English sentence word (folded letters): never part of a name's spelling, nor a given name. */
function isNameWord(letters: readonly number[]): boolean {
  const word = String.fromCharCode(...letters);
  return TITLES.has(word) || NON_BLOCKING.has(word);
}

