/**
 * Which entity, if any, a matched span names. The scanner has already chosen the spans (leftmost-longest over all
 * keys, exclusions and ambiguous aliases included); this module decides, per span:
 * - an exclusion phrase names nothing, and wins over any entity sharing its key;
 * - a non-ambiguous alias names its entity;
 * - an ambiguous alias (a bare surname, a common word) counts only when its entity is licensed: one of the
 *   entity's licensing names occurs in the same document (earlier chunks, or anywhere in this text, before or
 *   after; a span does not license against another entity through itself), or a title stands right before
 *   it ("President Assad", "الرئيس الأسد") and only one entity fits;
 * - a bare Latin surname right after a capitalised word that is neither a title nor part of the entity's own
 *   names ("Hafez al-Assad", "Maher Assad") is a different person: blocked, licensed or not. Arabic has no
 *   capitals, so Arabic relies on exclusions (حافظ الأسد) and licensing alone.
 * - an alias's own rules (match-rules.ts) come first: exact letter case, words around it that refuse it, a given
 *   name before it; and its page context: an entity it names in `licensedBy` licenses it like its own full name;
 * - a licensing word (context.licensedByWords: Beirut for Lebanon) licenses its entity and names nothing;
 * - a name found only through its romanisation key (romanise.ts) is an ambiguous alias of its entity.
 * When several entities fit, the preference is: licensed and non-ambiguous > licensed > non-ambiguous > title
 * context; ties go to the first in dataset order (deterministic).
 */
import { exactCaseHolds, refusedByWords, type MatchRule } from './match-rules.ts';
import { NON_BLOCKING, TITLES } from './name-words.ts';
import { CLS_SPACE, CLS_WORD, charClass, classOf } from './normalize.ts';
import { isPossessiveAt } from './proclitics.ts';

export const FLAG_AMBIGUOUS = 1;
/** The alias licenses its entity's ambiguous aliases: `full`, or any non-ambiguous alias if none is `full`. */
export const FLAG_LICENSING = 2;
export const FLAG_EXCLUSION = 4;
/** A licensing word (context.licensedByWords): licenses its entity, and is never a mention. */
export const FLAG_SILENT = 8;

/** Entries of each key: entries keyEntryStart[k] .. keyEntryStart[k + 1] - 1; entity -1 for an exclusion. */
export interface EntryTable {
  keyEntryStart: Uint32Array;
  entryEntity: Int32Array;
  entryFlags: Uint8Array;
  /** Index into `rules` of the entry's alias rules, or -1. */
  entryRule: Int32Array;
  rules: MatchRule[];
}

/** A span of the original text: what the rules of exact case and surrounding words read. */
export interface SpanAt {
  text: string;
  start: number;
  end: number;
}

/** Folded text (a window of it), with its offset map and original. */
export interface ScanText {
  codes: Uint16Array;
  len: number;
  map: Uint32Array;
  text: string;
}

/** Folded text around a span, and the span's folded start in it. */
export interface FoldedAt {
  s: ScanText;
  start: number;
}

/**
 * How many words before a span the folded text given to `chooseEntry` must hold. `preceding` reads at most two
 * words back (the word before the span, or a title abbreviation's, and when that word is "al", the one before
 * it), and the unit before each: three words always hold all of it.
 */
export const CONTEXT_WORDS = 3;


const SPACE = 0x20;
const DOT = 0x2e;

/** What stands right before a span: nothing that matters, a title, or a capitalised Latin (given) name. */
interface Preceding {
  kind: 'none' | 'title' | 'name';
  word: string;
}
const NONE: Preceding = { kind: 'none', word: '' };

/** True if the span's key is an exclusion (names nothing). */
export function isExclusionKey(t: EntryTable, key: number): boolean {
  for (let i = t.keyEntryStart[key]!, end = t.keyEntryStart[key + 1]!; i < end; i++) {
    if (t.entryFlags[i]! & FLAG_EXCLUSION) return true;
  }
  return false;
}

/** Calls `fn` with each entity that a span of `key` licenses silently (a licensing word), unless it is an exclusion. */
export function forEachSilentLicence(t: EntryTable, key: number, fn: (entity: number) => void): void {
  const end = t.keyEntryStart[key + 1]!;
  let i = t.keyEntryStart[key]!;
  for (; i < end; i++) if (t.entryFlags[i]! & FLAG_SILENT) break;
  if (i === end || isExclusionKey(t, key)) return;
  for (; i < end; i++) if (t.entryFlags[i]! & FLAG_SILENT) fn(t.entryEntity[i]!);
}

/** Counts, per entity, the spans whose key is one of its licensing names (exclusion keys count for nothing). */
export function countLicensing(t: EntryTable, key: number, counts: Map<number, number>): void {
  if (isExclusionKey(t, key)) return;
  for (let i = t.keyEntryStart[key]!, end = t.keyEntryStart[key + 1]!; i < end; i++) {
    if (t.entryFlags[i]! & FLAG_LICENSING) counts.set(t.entryEntity[i]!, (counts.get(t.entryEntity[i]!) ?? 0) + 1);
  }
}

/**
 * The entry (index into entryEntity/entryFlags) that a span of key `key` names, or -1.
 * @param context the folded text before the span (at least CONTEXT_WORDS words of it) and the span's start in
 *   it; asked for only when an entry of the key is ambiguous, so most spans never fold any context.
 * @param isLicensed whether the entity is licensed by something other than this span itself (`self`: this
 *   span's key is one of its licensing names), so that a key shared by two entities does not license the one it
 *   happens to be a full name of against the one the document is about.
 * @param ownTokens entity → "|tok|tok|": the folded words of its aliases (for entities with ambiguous aliases).
 */
export function chooseEntry(
  t: EntryTable, key: number, span: SpanAt, context: () => FoldedAt,
  isLicensed: (entity: number, self: boolean) => boolean, ownTokens: ReadonlyMap<number, string>,
): number {
  if (isExclusionKey(t, key)) return -1;
  let best = -1;
  let bestScore = -1;
  let titleOnly = 0;
  // What stands before the span, folded only when an entry asks (most spans never need it). No closures here:
  // this runs once per span.
  let ctx: Preceding | undefined;
  const first = t.keyEntryStart[key]!;
  const last = t.keyEntryStart[key + 1]!;
  for (let i = first; i < last; i++) {
    const entity = t.entryEntity[i]!;
    const flags = t.entryFlags[i]!;
    if (flags & FLAG_SILENT) continue;
    const rule = t.entryRule[i]! >= 0 ? t.rules[t.entryRule[i]!] : undefined;
    if (rule) {
      if (rule.exact && !exactCaseHolds(span.text, span.start, span.end, rule.exact)) continue;
      if ((rule.notFollowedBy || rule.notPrecededBy) && refusedByWords(span.text, span.start, span.end, rule)) continue;
      if (rule.notAfterGivenName) {
        ctx ??= precedingOf(context());
        if (isOtherName(ctx, entity, ownTokens)) continue;
      }
    }
    let licensed = isLicensed(entity, (flags & FLAG_LICENSING) !== 0);
    if (!licensed && rule?.licensedBy) {
      for (const other of rule.licensedBy) {
        if (isLicensed(other, isLicensingKeyOf(t, first, last, other))) {
          licensed = true;
          break;
        }
      }
    }
    let score: number;
    if (flags & FLAG_AMBIGUOUS) {
      ctx ??= precedingOf(context());
      if (isOtherName(ctx, entity, ownTokens)) continue;
      if (licensed) score = 2;
      else if (ctx.kind === 'title') {
        score = 0;
        titleOnly++;
      } else continue;
    } else score = licensed ? 3 : 1;
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  }
  // A title alone cannot tell apart two entities sharing a surname (President Assad: Bashar or Hafez?).
  return bestScore === 0 && titleOnly > 1 ? -1 : best;
}

function precedingOf(at: FoldedAt): Preceding {
  return preceding(at.s, at.start);
}

/** A capitalised word before the span that is not one of the entity's own: someone else's given name. */
function isOtherName(p: Preceding, entity: number, ownTokens: ReadonlyMap<number, string>): boolean {
  return p.kind === 'name' && !(ownTokens.get(entity) ?? '').includes(`|${p.word}|`);
}

/** Whether entries [first, last) of a key make it a licensing name of `entity` (it then does not license it). */
function isLicensingKeyOf(t: EntryTable, first: number, last: number, entity: number): boolean {
  for (let i = first; i < last; i++) if (t.entryEntity[i] === entity && t.entryFlags[i]! & FLAG_LICENSING) return true;
  return false;
}

/** A true space (not a hyphen or a quotation mark, which the fold also makes a space). */
function isSpaceUnit(c: number): boolean {
  return classOf(c) === CLS_SPACE && /\s/.test(String.fromCharCode(c));
}

function isWord(c: number | undefined): boolean {
  return c !== undefined && charClass[c] === CLS_WORD;
}

/** The word that ends right before folded position `end` with exactly one space between, or null. */
function wordBefore(s: ScanText, end: number): [number, number] | null {
  if (end < 2 || s.codes[end - 1] !== SPACE || !isWord(s.codes[end - 2])) return null;
  let ws = end - 2;
  while (ws > 0 && isWord(s.codes[ws - 1])) ws--;
  return [ws, end - 1];
}

function wordText(s: ScanText, [a, b]: [number, number]): string {
  return String.fromCharCode(...s.codes.subarray(a, b));
}

/** Title abbreviation with a dot right before the span: "Gen. Qaani", "Mr. Assad". */
function abbreviatedTitleBefore(s: ScanText, end: number): boolean {
  if (end < 3 || s.codes[end - 1] !== SPACE || s.codes[end - 2] !== DOT) return false;
  const w = wordEndingAt(s, end - 2);
  return w !== null && TITLES.has(wordText(s, w));
}

function wordEndingAt(s: ScanText, end: number): [number, number] | null {
  let ws = end;
  while (ws > 0 && isWord(s.codes[ws - 1])) ws--;
  return ws < end ? [ws, end] : null;
}

function isTitle(word: string): boolean {
  if (TITLES.has(word)) return true;
  // Arabic titles may carry proclitics themselves, [و ف]?[ب ل ك]? as in proclitics.ts: والرئيس، وبالرئيس،
  // للرئيس (ل + الرئيس, its ا dropped).
  let i = 0;
  if (word[0] === 'و' || word[0] === 'ف') {
    if (TITLES.has(word.slice(1))) return true;
    i = 1;
  }
  const p = word[i];
  if (p !== 'ب' && p !== 'ل' && p !== 'ك') return false;
  const rest = word.slice(i + 1);
  return TITLES.has(rest) || (p === 'ل' && TITLES.has(`ا${rest}`));
}

function preceding(s: ScanText, start: number): Preceding {
  let w = wordBefore(s, start);
  // Skip a separate Latin article: "Hafez al-Assad" when the alias is "Assad".
  if (w !== null && wordText(s, w) === 'al') {
    const before = w[0];
    w = wordBefore(s, before);
    if (w === null) return abbreviatedTitleBefore(s, before) ? { kind: 'title', word: '' } : NONE;
  }
  if (w === null) return abbreviatedTitleBefore(s, start) ? { kind: 'title', word: '' } : NONE;
  const word = wordText(s, w);
  if (isTitle(word)) return { kind: 'title', word };
  // Words joined by a hyphen or dash (Iran-Assad, Tehran–Washington) are not a given name and a surname.
  if (!isSpaceUnit(s.text.charCodeAt(s.map[w[1]]!))) return NONE;
  const first = s.text[s.map[w[0]]!]!;
  const capitalised = first !== first.toLowerCase();
  if (!capitalised || NON_BLOCKING.has(word) || isPossessiveAt(s.codes, s.len, s.map, s.text, w[1] - 1)) return NONE;
  return { kind: 'name', word };
}
