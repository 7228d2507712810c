/**
 * An alias's own rules, beyond its key: what the dataset says about letter case, page context and compound
 * names (data/README.md), compiled once for the matcher and checked per span found (span-resolution.ts). Pure.
 *
 * - exactCase: the span must have the alias's letters exactly, case included ("US" is not "us" or "Us"), and an
 *   all-capitals alias is refused in an all-capitals stretch ("LET US BE CLEAR"), where case says nothing;
 * - context.licensedBy: entities whose licence on the page also licenses the alias where it needs one;
 * - context.notFollowedBy / notPrecededBy: words right after (past a comma or an opening parenthesis) or right
 *   before the span that refuse it ("Lebanon, Ohio");
 * - context.notAfterGivenName: refused after a capitalised word that is not a title (George Washington);
 * - parts: a compound ("IRGC-QF") is one mention per part, each of its own entity.
 */
import type { Alias } from '../dataset/dataset-schema.ts';
import { CLS_APOS, CLS_IGNORE, CLS_MARK, CLS_SPACE, CLS_WORD, classOf, foldKey, isWordCode } from './normalize.ts';

export interface MatchRule {
  /** exactCase: the alias texts as written. */
  exact?: string[];
  /** context.licensedBy, as entity indexes. */
  licensedBy?: number[];
  /** context.notFollowedBy and notPrecededBy, folded. */
  notFollowedBy?: string[];
  notPrecededBy?: string[];
  notAfterGivenName?: boolean;
  /** parts: how many words each part has, and its entity index. */
  partWords?: number[];
  partEntities?: number[];
}

/** An entity's index by id, undefined when the dataset lacks it. */
export interface EntityLookup {
  get(id: string): number | undefined;
}

/** The rule of an alias (undefined if it has none); entity ids it names that the pack lacks are left out. */
export function compileRule(alias: Alias, entityIndex: EntityLookup): MatchRule | undefined {
  const rule: MatchRule = {};
  if (alias.exactCase) rule.exact = [alias.text];
  const c = alias.context;
  if (c?.licensedBy) {
    const ids = c.licensedBy.map((id) => entityIndex.get(id)).filter((e): e is number => e !== undefined);
    if (ids.length > 0) rule.licensedBy = ids;
  }
  const words = (list: string[] | undefined) => list?.map(foldKey).filter((k) => k !== '');
  const after = words(c?.notFollowedBy);
  const before = words(c?.notPrecededBy);
  if (after?.length) rule.notFollowedBy = after;
  if (before?.length) rule.notPrecededBy = before;
  if (c?.notAfterGivenName) rule.notAfterGivenName = true;
  if (alias.parts) {
    const entities = alias.parts.map((p) => entityIndex.get(p.entityId));
    if (entities.every((e) => e !== undefined)) {
      rule.partWords = alias.parts.map((p) => wordCount(p.text));
      rule.partEntities = entities as number[];
    }
  }
  return Object.keys(rule).length > 0 ? rule : undefined;
}

/** The rule a romanised spelling of the alias carries: its page context only. */
export function romanisedRule(rule: MatchRule | undefined): MatchRule | undefined {
  if (!rule) return undefined;
  const { licensedBy, notFollowedBy, notPrecededBy, notAfterGivenName } = rule;
  const out: MatchRule = {
    ...(licensedBy ? { licensedBy } : {}), ...(notFollowedBy ? { notFollowedBy } : {}),
    ...(notPrecededBy ? { notPrecededBy } : {}), ...(notAfterGivenName ? { notAfterGivenName } : {}),
  };
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Words of a text as the fold counts them: runs of letters and digits. */
export function wordCount(text: string): number {
  const key = foldKey(text);
  let n = 0;
  for (let i = 0; i < key.length; i++) if (isWordCode(key.charCodeAt(i)) && (i === 0 || !isWordCode(key.charCodeAt(i - 1)))) n++;
  return n;
}

/** The letters and digits of text[start, end), as written (case kept). */
function lettersOf(text: string, start = 0, end = text.length): string {
  let s = '';
  for (let i = start; i < end; i++) if (classOf(text.charCodeAt(i)) === CLS_WORD) s += text[i];
  return s;
}

const isBreak = (c: number): boolean => c === 0x0a || c === 0x0d || c === 0 || c === 0x2028 || c === 0x2029;

/**
 * The case of the nearest word before (dir -1) or after (dir 1) original index `i` on the same line: 'caps'
 * (two or more capitals and no small letter), 'small' (a small letter), or 'none' (no word, a single capital,
 * digits, a script without case).
 */
function neighbourCase(text: string, i: number, dir: 1 | -1): 'caps' | 'small' | 'none' {
  for (let steps = 0; ; i += dir, steps++) {
    if (i < 0 || i >= text.length || steps > 30) return 'none';
    const c = text.charCodeAt(i);
    if (isBreak(c)) return 'none';
    if (classOf(c) === CLS_WORD) break;
  }
  let upper = 0;
  for (; i >= 0 && i < text.length; i += dir) {
    const k = classOf(text.charCodeAt(i));
    if (k === CLS_WORD) {
      const ch = text[i]!;
      if (ch !== ch.toLowerCase()) upper++;
      else if (ch !== ch.toUpperCase()) return 'small';
    } else if (k !== CLS_MARK && k !== CLS_IGNORE && k !== CLS_APOS) break;
  }
  return upper >= 2 ? 'caps' : 'none';
}

/** True when the span has the letters of one of the forms exactly, and is not all capitals among capitals. */
export function exactCaseHolds(text: string, start: number, end: number, forms: readonly string[]): boolean {
  const letters = lettersOf(text, start, end);
  const form = forms.find((f) => lettersOf(f) === letters);
  if (form === undefined) return false;
  if (form !== form.toUpperCase()) return true;
  const before = neighbourCase(text, start - 1, -1);
  const after = neighbourCase(text, end, 1);
  return !((before === 'caps' || after === 'caps') && before !== 'small' && after !== 'small');
}

/**
 * How much original text around a span to fold for a rule's words: twice its longest phrase and a little more
 * (the fold drops marks, so a phrase may stand on more units than its own length). Per rule, computed once.
 */
const windows = new WeakMap<MatchRule, { after: number; before: number }>();
function windowsOf(rule: MatchRule): { after: number; before: number } {
  let w = windows.get(rule);
  if (!w) {
    const longest = (list: string[] | undefined) => (list ?? []).reduce((n, p) => Math.max(n, p.length), 0);
    w = { after: 2 * longest(rule.notFollowedBy) + 16, before: 2 * longest(rule.notPrecededBy) + 16 };
    windows.set(rule, w);
  }
  return w;
}

/** True when one of the rule's words stands right after or right before the span. */
export function refusedByWords(text: string, start: number, end: number, rule: MatchRule): boolean {
  if (rule.notFollowedBy) {
    let i = end;
    // Past spaces, dropped units, one comma or opening parenthesis: "Lebanon, Ohio", "Lebanon (Pa.)".
    let comma = false;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      const k = classOf(c);
      if ((c === 0x2c || c === 0x28 || c === 0x060c) && !comma) comma = true;
      else if (k === CLS_WORD || (k !== CLS_SPACE && k !== CLS_MARK && k !== CLS_IGNORE && k !== CLS_APOS)) break;
    }
    const after = foldKey(text.slice(i, i + windowsOf(rule).after));
    for (const p of rule.notFollowedBy) {
      if (after.startsWith(p) && !(after.length > p.length && isWordCode(after.charCodeAt(p.length)) && isWordCode(p.charCodeAt(p.length - 1)))) return true;
    }
  }
  if (rule.notPrecededBy) {
    let i = start;
    while (i > 0 && classOf(text.charCodeAt(i - 1)) === CLS_SPACE) i--;
    if (i === start) return false; // the span starts inside a word (after an Arabic proclitic) or the text
    const before = foldKey(text.slice(Math.max(0, i - windowsOf(rule).before), i));
    for (const p of rule.notPrecededBy) {
      const at = before.length - p.length;
      if (at >= 0 && before.endsWith(p) && !(at > 0 && isWordCode(before.charCodeAt(at - 1)) && isWordCode(p.charCodeAt(0)))) return true;
    }
  }
  return false;
}

/**
 * The original spans of a compound's parts: `words[i]` words each, in order, over text[start, end). A word is a
 * run of letters and digits with the units the fold drops inside it; what separates words is not in any part.
 */
export function partSpans(text: string, start: number, end: number, words: readonly number[]): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let i = start;
  for (const count of words) {
    let partStart = -1;
    let partEnd = i;
    for (let w = 0; w < count; w++) {
      while (i < end && classOf(text.charCodeAt(i)) !== CLS_WORD) i++;
      if (partStart < 0) partStart = i;
      while (i < end) {
        const k = classOf(text.charCodeAt(i));
        if (k === CLS_WORD || k === CLS_MARK) partEnd = ++i;
        else if (k === CLS_IGNORE || k === CLS_APOS) i++;
        else break;
      }
    }
    spans.push([partStart, partEnd]);
  }
  return spans;
}
