/**
 * Validation of a candidate dataset pack (the build's data, a feed update, an import) before anything stores it.
 * Pure: no browser or Node APIs, so the build, the service worker and the tests share it. Linear in the size of
 * the pack: ids, articles and alias keys are indexed in Maps, and each distinct (article, quote) pair is searched
 * once.
 *
 * Two stages. First the JSON Schema (TypeBox `Value`, which needs no eval, so it runs under the extension's CSP).
 * Then, only on a pack of the right shape, the rules a schema cannot state:
 * - each evidence quote occurs in its article's text exactly, character for character (no whitespace or quote
 *   folding: the reader finds and highlights the quote with a plain string search);
 * - ids are unique (entities, articles), and role.orgId, affiliation.targetId and evidence.articleId resolve, to
 *   an entity other than the one that refers to it;
 * - aliases are compared by their matching key (`foldKey`, the matcher's own fold, a superset of NFC, lower case,
 *   no diacritics or tatweel, أإآٱ → ا): a key two entities claim must be `ambiguous` in both, since the matcher
 *   could not otherwise tell them apart; a key must not also be an exclusion (the exclusion would hide it); one
 *   entity must not list a key twice with different `ambiguous` flags or alias rules, nor flag an alias both
 *   ambiguous and full; an alias's own rules hold (alias-checks.ts: exactCase, romanised, context, parts, and the
 *   entities they name exist);
 * - article links are http(s) URLs; a role does not end before it starts;
 * - a quote's translation is in another language than its article (the quote itself is in the article's), and
 *   a description's source links an http(s) URL and names a real day;
 * - no text holds a bidirectional control character (bidi-controls.ts).
 */
import { FormatRegistry } from '@sinclair/typebox';
import { Value, ValueErrorType, type ValueError } from '@sinclair/typebox/value';
import { aliasRuleProblems, aliasRuleSignature } from './alias-checks.ts';
import { bidiControlsIn } from './bidi-controls.ts';
import { DatasetPack, FORMAT_VERSION, type Alias, type Article, type Entity, type Evidence, type Exclusion } from './dataset-schema.ts';
import { foldKey } from '../matching/normalize.ts';
import { safeHttpUrl } from '../ui/safe-url.ts';

/** One problem: `path` is where in the pack (e.g. `entities[3].aliases[0].text`, "" for the pack itself). */
export interface ValidationError {
  path: string;
  /** The id of the entity or article the problem is in, when there is one. */
  record?: string;
  message: string;
}

export type ValidationResult = { ok: true; pack: DatasetPack } | { ok: false; errors: ValidationError[] };

/** Past this many errors validation stops: a feed that is wrong everywhere needs no million-line report. */
export const MAX_ERRORS = 1000;

// TypeBox fails any `format` it has no checker for; the registry is global, so register only once. This is the
// RFC 3339 date-time that JSON Schema's "date-time" means.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
if (!FormatRegistry.Has('date-time')) {
  FormatRegistry.Set('date-time', (value) => DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)));
}

/** Validates `candidate` (parsed JSON) as a dataset pack; on success returns it, typed. */
export function validatePack(candidate: unknown, maxErrors = MAX_ERRORS): ValidationResult {
  const errors: ValidationError[] = [];
  if (!Value.Check(DatasetPack, candidate)) {
    collectSchemaErrors(candidate, errors, maxErrors);
    return { ok: false, errors };
  }
  checkSemantics(candidate, errors, maxErrors);
  return errors.length === 0 ? { ok: true, pack: candidate } : { ok: false, errors };
}

// ---- Schema errors, in words a dataset editor understands ----

function collectSchemaErrors(candidate: unknown, errors: ValidationError[], max: number): void {
  // A missing field is reported twice by TypeBox (missing, then "expected string" for undefined): keep the first.
  const missing = new Set<string>();
  for (const e of Value.Errors(DatasetPack, candidate)) {
    if (e.type === ValueErrorType.ObjectRequiredProperty) missing.add(e.path);
    else if (e.value === undefined && missing.has(e.path)) continue;
    const segments = e.path.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    const record = recordAt(candidate, segments);
    errors.push({ path: toPath(segments), ...(record ? { record } : {}), message: schemaMessage(e, segments) });
    if (errors.length >= max) return;
  }
  if (errors.length === 0) errors.push({ path: '', message: 'The pack does not match the dataset format.' });
}

/** JSON Pointer segments → `entities[3].aliases[0].text`. */
function toPath(segments: readonly string[]): string {
  let path = '';
  for (const s of segments) {
    if (/^\d+$/.test(s)) path += `[${s}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(s)) path += path ? `.${s}` : s;
    else path += `[${JSON.stringify(s)}]`;
  }
  return path;
}

/** The id of the entity or article a path points into, if it has a usable one. */
function recordAt(candidate: unknown, segments: readonly string[]): string | undefined {
  const [list, index] = segments;
  if ((list !== 'entities' && list !== 'articles') || index === undefined || !isObject(candidate)) return undefined;
  const items = candidate[list];
  const item = Array.isArray(items) ? (items[Number(index)] as unknown) : undefined;
  return isObject(item) && typeof item.id === 'string' && item.id !== '' ? item.id : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value quoted for a message, cut short. */
function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

/** Messages for the schema's own patterns; others fall back to the pattern's description. */
const PATTERN_MESSAGES: Record<string, string> = {
  '^[a-z0-9][a-z0-9-]*$': 'An id is lowercase letters, digits and hyphens, starting with a letter or digit',
  '^https?://': 'Links must be http(s) URLs',
  '^\\d{4}(-\\d{2}(-\\d{2})?)?$': 'A date is written YYYY, YYYY-MM or YYYY-MM-DD',
  '^\\d{4}-\\d{2}-\\d{2}$': 'A day is written YYYY-MM-DD',
};

function schemaMessage(e: ValueError, segments: readonly string[]): string {
  const schema = e.schema as Record<string, unknown>;
  const field = segments.at(-1) ?? 'pack';
  const got = show(e.value);
  switch (e.type) {
    case ValueErrorType.ObjectRequiredProperty:
      return `The required field "${field}" is missing.`;
    case ValueErrorType.ObjectAdditionalProperties: {
      const allowed = Object.keys((schema.properties as object | undefined) ?? {}).join(', ');
      return `"${field}" is not a field of this record; the fields are: ${allowed}.`;
    }
    case ValueErrorType.Object:
      return `Expected an object ({…}), got ${got}.`;
    case ValueErrorType.Array:
      return `Expected a list ([…]), got ${got}.`;
    case ValueErrorType.String:
      return `Expected a text (a JSON string), got ${got}.`;
    case ValueErrorType.Boolean:
      return `Expected true or false, got ${got}.`;
    case ValueErrorType.Integer:
    case ValueErrorType.Number:
      return `Expected a whole number, got ${got}.`;
    case ValueErrorType.IntegerMinimum:
      return `Must be at least ${String(schema.minimum)}, got ${got}.`;
    case ValueErrorType.IntegerMaximum:
      return `Must be at most ${String(schema.maximum)}, got ${got}.`;
    case ValueErrorType.Literal:
      return field === 'formatVersion'
        ? `This reader understands dataset format ${FORMAT_VERSION}; the pack is format ${got}.`
        : `Expected ${show(schema.const)}, got ${got}.`;
    case ValueErrorType.Union: {
      const options = ((schema.anyOf as Array<{ const?: unknown }> | undefined) ?? []).map((o) => o.const);
      return options.every((o) => typeof o === 'string')
        ? `Expected one of ${options.join(', ')}; got ${got}.`
        : `Does not match any of the allowed forms; got ${got}.`;
    }
    case ValueErrorType.StringMinLength:
      return schema.minLength === 1 ? 'Must not be empty.' : `Must be at least ${String(schema.minLength)} characters long.`;
    case ValueErrorType.StringMaxLength:
      return `Is too long: ${String((e.value as string).length)} characters, at most ${String(schema.maxLength)}.`;
    case ValueErrorType.StringPattern: {
      const pattern = String(schema.pattern);
      const rule = PATTERN_MESSAGES[pattern] ?? String(schema.description ?? `Must match ${pattern}`);
      return `${rule}; got ${got}.`;
    }
    case ValueErrorType.StringFormat:
      return schema.format === 'date-time'
        ? `Expected a date and time such as "2020-11-22T09:30:00Z" (RFC 3339), got ${got}.`
        : `Expected the format "${String(schema.format)}", got ${got}.`;
    case ValueErrorType.ObjectMinProperties:
      return field === 'translation'
        ? 'Give at least one translation ("en" or "ar"), or leave the field out.'
        : `Needs at least ${String(schema.minProperties)} field(s).`;
    case ValueErrorType.ArrayMinItems:
      return `Needs at least ${String(schema.minItems)} item${schema.minItems === 1 ? '' : 's'}.`;
    default:
      return `${e.message}; got ${got}.`;
  }
}

// ---- Rules the schema cannot state ----

type Add = (path: string, record: string | undefined, message: string) => void;

/** Where an alias was first claimed; its path is built only if an error needs it. */
interface AliasClaim {
  entity: number;
  alias: number;
  id: string;
  text: string;
  ambiguous: boolean;
  /** The alias itself, for comparing its own rules (aliasRuleSignature) with another of the same entity. */
  of: Alias;
}

function checkSemantics(pack: DatasetPack, errors: ValidationError[], max: number): void {
  const add: Add = (path, record, message) => {
    if (errors.length < max) errors.push({ path, ...(record ? { record } : {}), message });
  };

  const articles = new Map<string, Article>();
  pack.articles.forEach((article, i) => {
    if (articles.has(article.id)) add(`articles[${i}].id`, article.id, `The article id "${article.id}" is used by another article too.`);
    else articles.set(article.id, article);
    if (!safeHttpUrl(article.url)) add(`articles[${i}].url`, article.id, `Links must be valid http(s) URLs; ${show(article.url)} is not.`);
  });

  const entityIds = new Map<string, number>();
  pack.entities.forEach((entity, i) => {
    const first = entityIds.get(entity.id);
    if (first === undefined) entityIds.set(entity.id, i);
    else add(`entities[${i}].id`, entity.id, `The entity id "${entity.id}" is also used by entities[${first}].`);
  });

  pack.articles.forEach((article, i) => bidiControlsIn(article, `articles[${i}]`, (path, problem) => add(path, article.id, problem)));
  pack.entities.forEach((entity, i) => bidiControlsIn(entity, `entities[${i}]`, (path, problem) => add(path, entity.id, problem)));
  bidiControlsIn(pack.exclusions, 'exclusions', (path, problem) => add(path, undefined, problem));

  const aliases = new AliasChecker(pack.exclusions, add, (id) => entityIds.has(id));
  const quotes = new QuoteChecker(articles, add);
  // Plain loops and no closures per item: these run once per alias and per fact of the whole pack.
  for (let i = 0; i < pack.entities.length && errors.length < max; i++) {
    const entity = pack.entities[i]!;
    const id = entity.id;
    aliases.check(entity.aliases, i, id);
    checkDescriptionSource(entity, `entities[${i}].descriptionSource`, add);
    for (let r = 0; r < entity.roles.length; r++) {
      const role = entity.roles[r]!;
      const at = `entities[${i}].roles[${r}]`;
      if (role.orgId !== undefined) {
        const problem = referenceProblem(role.orgId, id, entityIds);
        if (problem) add(`${at}.orgId`, id, `The role's organisation${problem}`);
      }
      if (role.start !== undefined && role.end !== undefined) {
        // Compare at the shorter precision: a role from 2020-05 may end in 2020.
        const n = Math.min(role.start.length, role.end.length);
        if (role.start.slice(0, n) > role.end.slice(0, n)) {
          add(`${at}.end`, id, `The role ends (${role.end}) before it starts (${role.start}).`);
        }
      }
      quotes.check(role.evidence, at, id);
    }
    for (let f = 0; f < entity.affiliations.length; f++) {
      const affiliation = entity.affiliations[f]!;
      const at = `entities[${i}].affiliations[${f}]`;
      const problem = referenceProblem(affiliation.targetId, id, entityIds);
      if (problem) add(`${at}.targetId`, id, `The affiliation's target${problem}`);
      quotes.check(affiliation.evidence, at, id);
    }
  }
}

/** A description's source must be linkable and dated with a day that exists. */
function checkDescriptionSource(entity: Entity, at: string, add: Add): void {
  const source = entity.descriptionSource;
  if (!source) return;
  if (!safeHttpUrl(source.url)) add(`${at}.url`, entity.id, `Links must be valid http(s) URLs; ${show(source.url)} is not.`);
  if (!isRealDay(source.checked)) add(`${at}.checked`, entity.id, `${show(source.checked)} is not a day of the calendar.`);
}

/** YYYY-MM-DD naming a day that exists (no 2026-02-30). */
function isRealDay(iso: string): boolean {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** What is wrong with a reference from entity `from` to `target`, as the end of a sentence; "" if nothing. */
function referenceProblem(target: string, from: string, entityIds: ReadonlyMap<string, number>): string {
  if (target === from) return ' is the entity itself.';
  return entityIds.has(target) ? '' : ` "${target}" is not an entity of the dataset.`;
}

/** The alias rules, over matching keys (see the module comment). */
class AliasChecker {
  private readonly exclusions = new Map<string, string>();
  /** Per key: the first claim, the first without `ambiguous`, and the latest. */
  private readonly claims = new Map<string, { first: AliasClaim; clear: AliasClaim | undefined; last: AliasClaim }>();

  constructor(
    exclusions: readonly Exclusion[],
    private readonly add: Add,
    private readonly entityExists: (id: string) => boolean,
  ) {
    for (const exclusion of exclusions) this.exclusions.set(foldKey(exclusion.text), exclusion.text);
  }

  check(aliases: readonly Alias[], entity: number, id: string): void {
    for (let a = 0; a < aliases.length; a++) {
      const alias = aliases[a]!;
      const ambiguous = alias.ambiguous === true;
      const key = foldKey(alias.text);
      if (key === '') {
        this.report(entity, a, '.text', id, alias, 'has no letters or digits to match.');
        continue;
      }
      if (ambiguous && alias.full) {
        this.report(entity, a, '', id, alias, 'is marked both "ambiguous" and "full"; a name that licenses others cannot itself need licensing.');
      }
      if (alias.exactCase || alias.romanised || alias.context || alias.parts) {
        for (const p of aliasRuleProblems(alias, id, this.entityExists)) this.add(`entities[${entity}].aliases[${a}]${p.field}`, id, p.message);
      }
      const excluded = this.exclusions.get(key);
      if (excluded !== undefined) {
        this.report(entity, a, '.text', id, alias, `is also the exclusion ${show(excluded)}, which names nothing, so the alias would never be found.`);
      }
      const claim: AliasClaim = { entity, alias: a, id, text: alias.text, ambiguous, of: alias };
      const known = this.claims.get(key);
      if (!known) {
        this.claims.set(key, { first: claim, clear: ambiguous ? undefined : claim, last: claim });
        continue;
      }
      // Entities are checked one after the other, so an earlier claim by this entity is the last claim.
      if (known.last.entity === entity) {
        if (known.last.ambiguous !== ambiguous) {
          this.report(entity, a, '.ambiguous', id, alias, `matches the same text as aliases[${known.last.alias}] but has a different "ambiguous" flag.`);
        } else if (aliasRuleSignature(known.last.of) !== aliasRuleSignature(alias)) {
          this.report(entity, a, '', id, alias, `matches the same text as aliases[${known.last.alias}] but has different exactCase, romanised, context or parts; give them the same.`);
        }
        continue;
      }
      const other = known.clear ?? (ambiguous ? undefined : known.first);
      if (other) {
        const where = `entities[${other.entity}].aliases[${other.alias}]: ${show(other.text)}`;
        this.report(entity, a, '.text', id, alias, `also names "${other.id}" (${where}); a name two entities share must be marked "ambiguous": true in both.`);
      }
      if (!ambiguous) known.clear ??= claim;
      known.last = claim;
    }
  }

  private report(entity: number, a: number, field: string, id: string, alias: Alias, problem: string): void {
    this.add(`entities[${entity}].aliases[${a}]${field}`, id, `The alias ${show(alias.text)} ${problem}`);
  }
}

/** Checks evidence against the articles; each distinct (article, quote) pair is searched once. */
class QuoteChecker {
  private readonly found = new Map<string, Set<string>>();
  private readonly loose = new Map<string, string>();

  constructor(
    private readonly articles: ReadonlyMap<string, Article>,
    private readonly add: Add,
  ) {}

  check(evidence: readonly Evidence[], at: string, record: string): void {
    for (let i = 0; i < evidence.length; i++) {
      const item = evidence[i]!;
      const article = this.articles.get(item.articleId);
      if (!article) {
        this.add(`${at}.evidence[${i}].articleId`, record, `The evidence cites the article "${item.articleId}", which is not in the dataset.`);
        continue;
      }
      if (item.translation?.[article.language as 'ar' | 'en'] !== undefined) {
        this.add(`${at}.evidence[${i}].translation.${article.language}`, record, `The article is in "${article.language}", so the quote itself is the text in that language; a translation must be in another language.`);
      }
      let found = this.found.get(article.id);
      if (!found) this.found.set(article.id, (found = new Set()));
      if (found.has(item.quote)) continue;
      if (article.text.includes(item.quote)) found.add(item.quote);
      else this.add(`${at}.evidence[${i}].quote`, record, `The quote ${show(item.quote)} is not in the text of the article "${article.id}"${this.hint(article, item.quote)}.`);
    }
  }

  /** Why a quote that is not verbatim may have failed, found only on failure (it folds the whole article). */
  private hint(article: Article, quote: string): string {
    const spaces = (s: string): string => s.replace(/\s+/g, ' ');
    if (spaces(article.text).includes(spaces(quote))) return ' exactly: it differs only in spaces or line breaks';
    let text = this.loose.get(article.id);
    if (text === undefined) this.loose.set(article.id, (text = looseFold(article.text)));
    const folded = looseFold(quote);
    if (folded !== '' && text.includes(folded)) {
      return " exactly: it differs in diacritics, hamza, quotation marks or letter case; copy the article's characters";
    }
    return '';
  }
}

/** The matcher's fold, with every kind of double quote made one: only for hints, never for acceptance. */
function looseFold(text: string): string {
  return foldKey(text.replace(/[“”„‟«»"]/g, '"'));
}
