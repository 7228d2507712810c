/**
 * Turning what a reader selected or typed into a search query. Pure: no browser APIs.
 *
 * A selection carries what a typed query rarely does: surrounding punctuation and quote marks (“قاآني”, Assad,),
 * line breaks, an English possessive (Assad’s) and, in Arabic, the proclitics written joined to a name
 * (وحسن نصر الله, للحرس الثوري). `selectionQuery` cleans the edges; `withoutProclitics` lets the search index
 * try a word without its prefixes when the word as written names nothing, as the matcher does on pages.
 */

/** Longest query the background accepts (see MAX_QUERY in src/background/panel-handlers.ts). */
export const MAX_QUERY_CHARS = 200;

const EDGE = /^[\p{P}\p{S}\s]+|[\p{P}\p{S}\s]+$/gu;
const POSSESSIVE = /['’ʼ]s$/iu;

/**
 * The query a selection stands for: whitespace runs made one space, punctuation and symbols trimmed from both
 * ends, an English possessive dropped, and at most MAX_QUERY_CHARS characters (cut at a space when one is near).
 * Letters, diacritics and prefixes are left as selected: the search folds them as it folds any query.
 */
export function selectionQuery(selection: string): string {
  let q = selection.replace(/\s+/gu, ' ').replace(EDGE, '');
  q = q.replace(POSSESSIVE, '').replace(EDGE, '');
  if (q.length <= MAX_QUERY_CHARS) return q;
  const cut = q.slice(0, MAX_QUERY_CHARS);
  const space = cut.lastIndexOf(' ');
  return (space > MAX_QUERY_CHARS / 2 ? cut.slice(0, space) : cut).trim();
}

const WAW = 'و';
const FA = 'ف';
const PREPOSITIONS = new Set(['ب', 'ل', 'ك']);
const LAM = 'ل';
const ALEF = 'ا';

/**
 * The readings of one FOLDED word with its Arabic proclitics removed, most likely first (the word itself not
 * included): after و or ف; after ب ل ك (with or without a conjunction before); and ل + ال written لل, read as
 * ال + the rest (للحرس → الحرس). Nothing shorter than two letters is offered.
 */
export function withoutProclitics(word: string): string[] {
  const out: string[] = [];
  const offer = (w: string) => {
    if (w.length >= 2 && !out.includes(w)) out.push(w);
  };
  const starts = [0];
  if (word[0] === WAW || word[0] === FA) {
    offer(word.slice(1));
    starts.push(1);
  }
  for (const p of starts) {
    if (!PREPOSITIONS.has(word[p] ?? '')) continue;
    if (word[p] === LAM && word[p + 1] === LAM) offer(ALEF + word.slice(p + 1));
    offer(word.slice(p + 1));
  }
  return out;
}

/**
 * A folded query with each word that `known` rejects replaced by its first reading without proclitics that
 * `known` accepts (words nothing reads are kept as they are, so the search still finds nothing for them).
 */
export function resolveProclitics(foldedQuery: string, known: (word: string) => boolean): string {
  return foldedQuery
    .split(' ')
    .filter((w) => w !== '')
    .map((w) => (known(w) ? w : withoutProclitics(w).find(known) ?? w))
    .join(' ');
}
