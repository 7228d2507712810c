/**
 * Folding for name matching: one pass over UTF-16 code units, with a lookup table for the BMP, that writes the
 * folded text and a map from each folded position back to the original text (so a highlight covers the page's
 * own characters, diacritics included). The same fold is applied to the dataset's aliases (`foldKey`) and to page
 * text (`foldForMatch`), so only consistency matters; see docs in /work/shared/arabic.md.
 *
 * What folds to what (every rule maps ONE code unit to at most one code unit, so folding is linear and the map
 * is a plain array):
 * - Arabic: tashkeel U+064B–U+065F, dagger alef U+0670, Quranic marks U+0610–U+061A and U+06D6–U+06ED, tatweel
 *   U+0640 → removed; أ إ آ ٱ → ا; ى ی ې ئ → ي; ؤ → و; ة ۀ ە ھ → ه; ک → ك; Arabic-Indic and Persian digits → 0–9.
 *   The bare hamza ء is KEPT (rule chosen for names and text alike: removing it would merge علاء with علا).
 * - Latin and other scripts: NFKD, combining marks stripped, lower-cased (Qāʾānī → qaani), when that yields one
 *   code unit; otherwise the letter is kept as it is (e.g. the ligature ﻻ, which NFKD expands to two).
 * - Apostrophes and ayn/hamza signs (' ’ ‘ ʼ ʻ ` ′ ʿ ʾ …) → removed, so Qa'ani, Qa’ani and Qaani fold alike.
 * - Whitespace of any kind, hyphens/dashes (- ‐ ‑ ‒ – −) and double quotation marks (" “ ” „ ‟ « » ‹ › ＂) → one
 *   space per run: "al-Assad", "al – Assad" and "al\nAssad" all fold to "al assad", and a name split by a
 *   quotation mark (فيلق "القدس, لـ«قاآني») folds as if the mark were a space. The em dash — is punctuation.
 * - Format characters (\p{Cf}: ZWSP, ZWNJ, ZWJ, LRM, RLM, ALM U+061C, BOM, WJ U+2060, soft hyphen, bidi controls)
 *   → removed.
 * - The Latin article "el" standing alone before a Latin word → "al" (el-Assad, El Assad → al assad).
 * - Everything else (punctuation, symbols, surrogate halves) is kept: it is not a word character, so it is a
 *   word boundary.
 *
 * Invariants (tested): folding a folded text changes nothing; the map is strictly increasing; map[folded.length]
 * is text.length; every code unit of folded text has class WORD, SPACE or OTHER in `charClass`.
 */

/** Bumped whenever the fold changes: a matcher compiled with another fold must be rebuilt, not loaded. */
export const FOLD_VERSION = 2;

/** Character classes in `charClass`. 0 means "not computed yet" (the table is filled lazily). */
export const CLS_WORD = 1;
export const CLS_SPACE = 2;
export const CLS_OTHER = 3;
/** Removed, but belongs to the letter before it: a highlight that ends on the letter extends over it. */
export const CLS_MARK = 4;
/** Removed format characters (zero-width, direction marks). */
export const CLS_IGNORE = 5;
/** Removed apostrophes; kept apart so the matcher can recognise an English possessive ('s). */
export const CLS_APOS = 6;

/**
 * Class of each BMP code unit, filled on first sight. Read-only for other modules; every code unit that
 * `foldInto` writes is already classified, so the matcher can read this table without the lazy check.
 */
export const charClass = new Uint8Array(0x10000);
/** The hot loop's single lookup: class << 16 | folded code unit (0 while not computed). */
const foldEntry = new Uint32Array(0x10000);

/** ' ` ´ ʹ ʻ ʼ ʽ ʾ ʿ ‘ ’ ‛ ′ ＇ */
const APOSTROPHES = [0x27, 0x60, 0xb4, 0x2b9, 0x2bb, 0x2bc, 0x2bd, 0x2be, 0x2bf, 0x2018, 0x2019, 0x201b, 0x2032,
  0xff07];
/** - ‐ ‑ ‒ – − ﹣ － (not the em dash —, which separates clauses) */
const HYPHENS = [0x2d, 0x2010, 0x2011, 0x2012, 0x2013, 0x2212, 0xfe63, 0xff0d];
/**
 * " “ ” „ ‟ « » ‹ › ＂: written around names, and now and then inside one (فيلق "القدس الإيراني, where the writer
 * quoted part of the name): a space, so that a quotation mark between two words of a name does not break it.
 */
const QUOTATION_MARKS = [0x22, 0x201c, 0x201d, 0x201e, 0x201f, 0xab, 0xbb, 0x2039, 0x203a, 0xff02];

/** Explicit Arabic-script letter folds (applied before the generic NFKD rule, which would miss most of them). */
const ARABIC_FOLDS: ReadonlyArray<readonly [number, number]> = [
  [0x0622, 0x0627], [0x0623, 0x0627], [0x0625, 0x0627], [0x0671, 0x0627], [0x0672, 0x0627], [0x0673, 0x0627],
  [0x0649, 0x064a], [0x06cc, 0x064a], [0x06d0, 0x064a], [0x0626, 0x064a],
  [0x0624, 0x0648],
  [0x0629, 0x0647], [0x06c0, 0x0647], [0x06c1, 0x0647], [0x06c2, 0x0647], [0x06d5, 0x0647], [0x06be, 0x0647],
  [0x06a9, 0x0643],
];
const arabicFold = new Map(ARABIC_FOLDS);

const RE_MARK = /^\p{M}$/u;
const RE_FORMAT = /^\p{Cf}$/u;
const RE_SPACE = /^\s$/u;
const RE_WORD = /^[\p{L}\p{N}]$/u;
const RE_MARKS = /\p{M}/gu;

function isArabicMark(c: number): boolean {
  return (c >= 0x064b && c <= 0x065f) || c === 0x0670 || (c >= 0x0610 && c <= 0x061a) ||
    (c >= 0x06d6 && c <= 0x06ed) || c === 0x0640;
}

/** NFKD, strip marks, lower-case, until stable; undefined unless that gives exactly one word code unit. */
function genericFold(c: number): number | undefined {
  let s = String.fromCharCode(c);
  for (let round = 0; round < 4; round++) {
    const next = s.normalize('NFKD').replace(RE_MARKS, '').toLowerCase();
    if (next === s) break;
    s = next;
  }
  if (s.length !== 1 || !RE_WORD.test(s)) return undefined;
  const f = s.charCodeAt(0);
  const ff = arabicFold.get(f);
  return ff ?? f;
}

/** Computes and stores the class and fold of one code unit; returns the class. */
function classify(c: number): number {
  const ch = String.fromCharCode(c);
  let k: number;
  let f = c;
  if (c >= 0xd800 && c <= 0xdfff) k = CLS_OTHER; // astral characters are never word characters (documented)
  else if (APOSTROPHES.includes(c)) k = CLS_APOS; // before letters: ʼ ʻ ʾ ʿ are \p{Lm}
  else if (isArabicMark(c) || RE_MARK.test(ch)) k = CLS_MARK;
  else if (RE_FORMAT.test(ch)) k = CLS_IGNORE;
  else if (RE_SPACE.test(ch) || HYPHENS.includes(c) || QUOTATION_MARKS.includes(c)) {
    k = CLS_SPACE;
    f = 0x20;
  } else if (RE_WORD.test(ch)) {
    const explicit = arabicFold.get(c) ?? digitFold(c);
    const g = explicit ?? genericFold(c);
    if (g === undefined || g === c) k = CLS_WORD; // undefined: expands (ﻻ, ŉ, Hangul): kept as it is
    else {
      // Take the class and fold of what it decomposes to (U+0374 → ʹ, an apostrophe), so that the fold is
      // idempotent: the fold of a word character is a word character that folds to itself.
      k = classOf(g);
      f = foldEntry[g]! & 0xffff;
    }
  } else k = CLS_OTHER;
  charClass[c] = k;
  foldEntry[c] = (k << 16) | f;
  return k;
}

function digitFold(c: number): number | undefined {
  if (c >= 0x0660 && c <= 0x0669) return c - 0x0660 + 0x30;
  if (c >= 0x06f0 && c <= 0x06f9) return c - 0x06f0 + 0x30;
  return undefined;
}

// ASCII and the Arabic block are classified up front (cheap); the rest of the BMP on first sight.
for (let c = 0; c < 0x80; c++) classify(c);
for (let c = 0x0600; c < 0x0700; c++) classify(c);

/**
 * Folds `text` into `out` and `map` (both at least text.length + 1 long), returning the folded length n.
 * map[i] is the original index of out[i]; map[n] = text.length. Allocation-free: the matcher reuses buffers.
 */
export function foldInto(text: string, out: Uint16Array, map: Uint32Array): number {
  const o = foldRange(text, 0, text.length, out, map, 0);
  map[o] = text.length;
  return o;
}

/**
 * Folds text[from, to) on from output position `o` (out[0, o) holding what was folded before it), returning the
 * new output length; `out` and `map` must have room for o + (to - from) code units. The fold of a code unit
 * depends only on the (at most four) folded units before it, so folding can start afresh (o = 0) at a word start
 * or at a space or punctuation unit and gives the same units as folding the whole text: see fold-window.ts.
 */
export function foldRange(text: string, from: number, to: number, out: Uint16Array, map: Uint32Array, o: number): number {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    let e = foldEntry[c]!;
    if (e === 0) {
      classify(c);
      e = foldEntry[c]!;
    }
    const k = e >>> 16;
    if (k === CLS_WORD) {
      const f = e & 0xffff;
      // "el" alone before a Latin word → "al": checked when the word after it starts.
      if (o >= 3 && out[o - 1] === 0x20 && f <= 0x7a && f >= 0x61 && out[o - 2] === 0x6c && out[o - 3] === 0x65 &&
        (o === 3 || charClass[out[o - 4]!] !== CLS_WORD)) out[o - 3] = 0x61;
      out[o] = f;
      map[o++] = i;
    } else if (k === CLS_SPACE) {
      if (o === 0 || out[o - 1] !== 0x20) {
        out[o] = 0x20;
        map[o++] = i;
      }
    } else if (k === CLS_OTHER) {
      out[o] = c;
      map[o++] = i;
    }
    // CLS_MARK, CLS_IGNORE, CLS_APOS: dropped.
  }
  return o;
}

/**
 * The folded code unit of an original code unit `c` of class CLS_WORD (already classified), before the el → al
 * rule, which only a word starting with "el" followed by a Latin word can trigger.
 */
export function wordFold(c: number): number {
  return foldEntry[c]! & 0xffff;
}

/** Class of an original (unfolded) code unit, computing it if needed. */
export function classOf(c: number): number {
  const k = charClass[c]!;
  return k === 0 ? classify(c) : k;
}

/** True for a code unit of FOLDED text that is a letter or digit. */
export function isWordCode(c: number): boolean {
  return charClass[c] === CLS_WORD;
}

function codesToString(codes: Uint16Array, n: number): string {
  let s = '';
  // apply() takes the typed array as an array-like: much faster than spreading it through its iterator.
  for (let i = 0; i < n; i += 4096) {
    s += String.fromCharCode.apply(null, codes.subarray(i, Math.min(n, i + 4096)) as unknown as number[]);
  }
  return s;
}

/**
 * Folds page text for matching.
 * @returns `folded`, and `map` (length folded.length + 1): folded index → original UTF-16 index, strictly
 * increasing, with map[folded.length] = text.length.
 */
export function foldForMatch(text: string): { folded: string; map: Uint32Array } {
  const out = new Uint16Array(text.length + 1);
  const full = new Uint32Array(text.length + 1);
  const n = foldInto(text, out, full);
  return { folded: codesToString(out, n), map: full.slice(0, n + 1) };
}

/** Folds an alias or a search query to its key: the fold of `foldForMatch`, without leading/trailing spaces. */
export function foldKey(text: string): string {
  if (keyCodes.length < text.length + 1) {
    keyCodes = new Uint16Array(text.length + 1);
    keyMap = new Uint32Array(text.length + 1);
  }
  return codesToString(keyCodes, foldInto(text, keyCodes, keyMap)).trim();
}
/** Scratch buffers of `foldKey`, grown on demand: building a matcher folds 100,000s of aliases. */
let keyCodes = new Uint16Array(256);
let keyMap = new Uint32Array(256);
