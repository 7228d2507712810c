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
 * be someone else's (Ghani is also Ashraf Ghani), so the matcher treats it as an ambiguous alias (span-resolution.ts).
 */
import { NON_BLOCKING, TITLES } from './name-words.ts';
import { CLS_APOS, CLS_IGNORE, CLS_MARK, CLS_OTHER, CLS_SPACE, CLS_WORD, classOf, wordFold } from './normalize.ts';
import type { NameTrie } from './name-trie.ts';

/** Longest word (in letters) a key is read from; longer words are not names. */
const MAX_WORD = 24;
/** Shortest key: one consonant says nothing. */
export const MIN_KEY = 2;

const A = 0x61;
const Z = 0x7a;
const ch = (s: string): number => s.charCodeAt(0);
const H = ch('h');
const C = ch('c');
const K = ch('k');
const Y = ch('y');
/** First letter + h → one code (0: not a pair). */
const WITH_H = new Uint8Array(128);
for (const [a, code] of ['gk', 'kx', 'sc', 'cc', 'ts', 'dd', 'zj', 'pf']) WITH_H[ch(a!)] = ch(code!);
/** The code of a single letter. */
const SINGLE = new Uint8Array(128);
for (let c = A; c <= Z; c++) SINGLE[c] = c;
for (const [a, code] of ['qk', 'zd', 'vw', 'cC']) SINGLE[ch(a!)] = ch(code!);

/** Upper-case Latin letters below U+0250 (A–Z and accented capitals): the hot path reads one table entry. */
const UPPER = new Uint8Array(0x250);
for (let c = 0x41; c < 0x250; c++) {
  const s = String.fromCharCode(c);
  UPPER[c] = (c <= 0x5a || c >= 0xc0) && c !== 0xd7 && s !== s.toLowerCase() ? 1 : 0;
}

/** True for an original code unit that is an upper-case Latin letter (A–Z and accented capitals). */
export function isUpperLatin(c: number): boolean {
  return c < 0x250 && UPPER[c] === 1;
}

/** Reads one Latin word of a text into a reused buffer: no allocation per word (this runs at capitalised words). */
class WordReader {
  /** Folded letters (a–z) of the last word read: buf[0, n). */
  readonly buf = new Uint16Array(MAX_WORD + 1);
  n = 0;
  /** Original index just past its last letter (with the marks on it). */
  end = 0;
  /** An English possessive 's follows it: a name may end here, and go no further. */
  possessive = false;

  /**
   * Reads the word at original index `i` (a letter); false if it is not a word a key can be read from (a letter
   * outside a–z once folded, a digit, too long).
   */
  read(text: string, i: number): boolean {
    const len = text.length;
    const buf = this.buf;
    let n = 0;
    let end = i;
    this.possessive = false;
    while (i < len) {
      const c = text.charCodeAt(i);
      const k = classOf(c);
      if (k === CLS_WORD) {
        const f = wordFold(c);
        if (f < A || f > Z || n === MAX_WORD) return false;
        buf[n++] = f;
        end = ++i;
      } else if (k === CLS_MARK) {
        if (end === i) end = i + 1;
        i++;
      } else if (k === CLS_IGNORE) i++;
      else if (k === CLS_APOS) {
        // Qaani's: the name ends before the apostrophe; Qa'ani: the apostrophe is dropped.
        const s = i + 1 < len ? text.charCodeAt(i + 1) : 0;
        if ((s === 0x73 || s === 0x53) && (i + 2 >= len || classOf(text.charCodeAt(i + 2)) !== CLS_WORD)) {
          this.possessive = true;
          break;
        }
        i++;
      } else break;
    }
    this.n = n;
    this.end = end;
    return n > 0;
  }
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

const isVowel = (c: number): boolean => c === 0x61 || c === 0x65 || c === 0x69 || c === 0x6f || c === 0x75;

/** The word at `w` could be an article (a, e or u first, three letters at most): its key is the next word's. */
function isArticleStart(text: string, w: number): boolean {
  const c = text.charCodeAt(w) | 0x20;
  if (c !== A && c !== 0x65 && c !== 0x75) return false;
  let n = w + 1;
  while (n < text.length && n < w + 4 && ((text.charCodeAt(n) | 0x20) - A) >>> 0 <= Z - A) n++;
  return n - w <= 3;
}

/**
 * Is the word w[0, n) an article of the word at original index `next`: al, el, ul, or a sun-letter article whose
 * consonants start that word (ash-Shaabi, ad-Din, an-Nasr)?
 */
function isArticleAt(w: Uint16Array, n: number, text: string, next: number): boolean {
  if (n < 2 || n > 3 || (w[0] !== A && w[0] !== ch('e') && w[0] !== ch('u'))) return false;
  if (n === 2 && w[1] === ch('l')) return true;
  let j = next;
  for (let i = 1; i < n; i++) {
    if (isVowel(w[i]!)) return false;
    for (; j < text.length; j++) {
      const k = classOf(text.charCodeAt(j));
      if (k === CLS_WORD) break;
      if (k !== CLS_MARK && k !== CLS_IGNORE && k !== CLS_APOS) return false;
    }
    if (j >= text.length || wordFold(text.charCodeAt(j)) !== w[i]) return false;
    j++;
  }
  return true;
}

/**
 * Reads a name's key from original index `w` on, word by word: the one rule for names in the dataset (romanKey)
 * and in page text (RomanWalker), so both fold alike. `step` takes each key code (false: stop), `wordDone` is told
 * where each word that added codes ends.
 */
abstract class KeyReader {
  protected readonly reader = new WordReader();
  /** The last code given to `step` (doubled letters count once, also across words). */
  private last = 0;

  protected abstract step(code: number): boolean;
  protected abstract wordDone(end: number, words: number): void;

  /**
   * Feeds the key codes from the word at `w`; with `capitals`, every word but an article must start with a capital.
   * Stops at a word that is not a key word, adds no code (all vowels, or doubles), or is refused by `step`.
   * Returns the start of the first word that added codes (-1 if none).
   */
  protected feed(text: string, w: number, capitals: boolean): number {
    const r = this.reader;
    const b = r.buf;
    this.last = 0;
    let pos = w;
    let words = 0;
    let firstAt = -1;
    for (;;) {
      if (!r.read(text, pos)) return firstAt;
      const n = r.n;
      const end = r.end;
      const next = r.possessive ? -1 : nextWordStart(text, end);
      if (next >= 0 && isArticleAt(b, n, text, next)) {
        pos = next;
        continue;
      }
      if (capitals && !isUpperLatin(text.charCodeAt(pos))) return firstAt;
      let added = false;
      for (let i = 0; i < n; i++) {
        const c = b[i]!;
        const after = i + 1 < n ? b[i + 1]! : 0;
        if (isVowel(c) || (c === Y && !isVowel(after))) continue;
        let code: number;
        const paired = after === H ? WITH_H[c]! : 0;
        if (paired !== 0) {
          code = paired;
          i++;
        } else if (c === C && after === K) {
          code = K;
          i++;
        } else code = SINGLE[c]!;
        if (code === this.last) continue;
        this.last = code;
        if (!this.step(code)) return firstAt;
        added = true;
      }
      if (!added) return firstAt;
      if (firstAt < 0) firstAt = pos;
      this.wordDone(end, ++words);
      if (next < 0) return firstAt;
      pos = next;
    }
  }
}

/** Records the codes of a name from the dataset. */
class KeyRecorder extends KeyReader {
  codes: number[] = [];
  lastEnd = 0;

  key(name: string): string {
    this.codes = [];
    this.lastEnd = 0;
    let w = 0;
    while (w < name.length && classOf(name.charCodeAt(w)) !== CLS_WORD) w++;
    if (w === name.length) return '';
    this.feed(name, w, false);
    // The whole name must have been read: no word left over (punctuation, a possessive, a digit, a vowel-only word).
    for (let i = 0; i < name.length; i++) {
      const k = classOf(name.charCodeAt(i));
      if (k === CLS_OTHER || (k === CLS_WORD && i >= this.lastEnd)) return '';
    }
    return this.codes.length < MIN_KEY ? '' : String.fromCharCode(...this.codes);
  }

  protected step(code: number): boolean {
    this.codes.push(code);
    return true;
  }

  protected wordDone(end: number): void {
    this.lastEnd = end;
  }
}

const recorder = new KeyRecorder();

/**
 * The romanisation key of a name as the dataset writes it (any case, hyphens, apostrophes): '' if it has a
 * letter outside a–z once folded, a digit or punctuation, a word without a consonant of its own, or a key shorter
 * than MIN_KEY.
 */
export function romanKey(name: string): string {
  return recorder.key(name);
}

/**
 * Finds keys of a trie of romanisation keys in text. `walk` reads from a capitalised word on, word by word,
 * as far as the trie follows, and keeps the longest key that ends at a word end.
 */
export class RomanWalker extends KeyReader {
  /** The key (trie rank) of the last walk that found one. */
  key = -1;
  private v = 0;
  private best = -1;
  private bestWords = 0;

  /** @param dead keys (by rank) that are no keys any more (an update overlay replaced them); none when absent. */
  constructor(private readonly trie: NameTrie, private readonly dead?: Uint8Array) {
    super();
  }

  /** The original end of the longest key read from the word at `w` (an upper-case Latin letter), or -1. */
  walk(text: string, w: number): number {
    if (!isUpperLatin(text.charCodeAt(w)) || !this.mayStart(text, w)) return -1;
    this.v = 0;
    this.best = -1;
    this.bestWords = 0;
    const firstAt = this.feed(text, w, true);
    const best = this.best;
    if (best < 0) return -1;
    // Rare from here on (a key was found): a title or sentence word is no name (Gen., Queen, Can).
    const r = this.reader;
    if (r.read(text, firstAt) && isNameWord(r.buf, r.n)) return -1;
    if (this.bestWords === 1) {
      // One word before a capitalised one (not a sentence word): a given name of someone else.
      const at = nextWordStart(text, best);
      if (at >= 0 && isUpperLatin(text.charCodeAt(at)) && r.read(text, at) && !isNameWord(r.buf, r.n)) return -1;
    }
    return best;
  }

  /**
   * False when no key can start at the plain ASCII word at `w`: the trie does not follow its codes to the word's
   * end (feed would stop in this word). Most capitalised words end here, after a letter or two and no call. True
   * (read on) for anything else: a word of other letters, with marks or apostrophes, or short enough to be an
   * article (Al, ash), whose key starts with the next word's.
   */
  private mayStart(text: string, w: number): boolean {
    const len = text.length;
    const root = this.trie;
    let v = 0;
    let last = 0;
    for (let i = w; i < len; i++) {
      const c = text.charCodeAt(i) | 0x20;
      if (c < A || c > Z) {
        const k = classOf(text.charCodeAt(i));
        // The word ends where the fold sees no letter of it: a space or punctuation unit.
        if (k !== CLS_SPACE && k !== CLS_OTHER) return true;
        if (isArticleStart(text, w)) return true;
        // The trie goes on past this word, unless it is a title or sentence word (The, This, General), which
        // `walk` would refuse anyway: most capitalised words that get this far are.
        return v !== 0 && !NAME_WORDS.has(text.slice(w, i).toLowerCase());
      }
      const raw = i + 1 < len ? text.charCodeAt(i + 1) : 0x20;
      const next = raw | 0x20;
      // A letter the fold would skip or change next: let the full reading decide.
      if ((next < A || next > Z) && (raw >= 0x80 || (classOf(raw) !== CLS_SPACE && classOf(raw) !== CLS_OTHER))) return true;
      if (isVowel(c) || (c === Y && !isVowel(next))) continue;
      let code: number;
      const paired = next === H ? WITH_H[c]! : 0;
      if (paired !== 0) {
        code = paired;
        i++;
      } else if (c === C && next === K) {
        code = K;
        i++;
      } else code = SINGLE[c]!;
      if (code === last) continue;
      last = code;
      v = root.child(v, code);
      if (v === 0) return isArticleStart(text, w);
    }
    return true;
  }

  protected step(code: number): boolean {
    this.v = this.trie.child(this.v, code);
    return this.v !== 0;
  }

  protected wordDone(end: number, words: number): void {
    const key = this.trie.nodeKey[this.v]!;
    if (key >= 0 && (this.dead === undefined || this.dead[key] === 0)) {
      this.best = end;
      this.bestWords = words;
      this.key = key;
    }
  }
}

/** Titles and English sentence words (folded): never part of a name's spelling, nor a given name. */
const NAME_WORDS: ReadonlySet<string> = new Set([...TITLES, ...NON_BLOCKING]);

function isNameWord(letters: Uint16Array, n: number): boolean {
  return NAME_WORDS.has(String.fromCharCode(...letters.subarray(0, n)));
}
