/**
 * Validation of a patch against the stored dataset, reading only the stored records the patch touches: the
 * rules of validatePack (references resolve, quotes are verbatim in their article, a name two entities share is
 * ambiguous in both, no alias is an exclusion), applied to the changed records and their neighbours. The
 * background gathers those neighbours from IndexedDB indexes (`patchLookups` says which), so checking a
 * 10-entity patch against 100,000 stored entities costs a few lookups, not a pass over the dataset. A unit test
 * checks it agrees with validatePack on the patched pack.
 */
import { aliasReferences, aliasRuleProblems, aliasRuleSignature } from '../dataset/alias-checks.ts';
import type { Alias, Article, Entity, Evidence, Exclusion } from '../dataset/dataset-schema.ts';
import { bidiControlsIn } from '../dataset/bidi-controls.ts';
import type { ValidationError } from '../dataset/dataset-validate.ts';
import type { DatasetPatch } from './feed-patch.ts';
import { foldKey } from '../matching/normalize.ts';
import { safeHttpUrl } from '../ui/safe-url.ts';

/** One alias claim of a stored entity on a matching key. */
export interface AliasClaim {
  entityId: string;
  ambiguous: boolean;
}

/** What the check needs to know of the stored dataset (answers only for what `patchLookups` asked). */
export interface PatchBase {
  hasEntity(id: string): boolean;
  hasArticle(id: string): boolean;
  /** The stored text of an article. */
  articleText(id: string): string | undefined;
  /** Stored entities whose roles or affiliations refer to `id`. */
  referrersOf(id: string): readonly string[];
  /** Stored entities whose evidence cites the article `id`, whole (their quotes are re-checked). */
  citersOf(articleId: string): readonly Entity[];
  /** Stored claims on a matching key. */
  claimsOf(key: string): readonly AliasClaim[];
  /** The stored exclusions. */
  exclusions: readonly Exclusion[];
}

/** What the background must read for `patch`. */
export interface PatchLookups {
  entityIds: string[];
  articleIds: string[];
  referrersOf: string[];
  citersOf: string[];
  aliasKeys: string[];
}

/** The folded, non-empty matching keys of an entity's aliases, with the `ambiguous` flag of the key. */
export function aliasClaimsOf(entity: Pick<Entity, 'aliases'>): Map<string, boolean> {
  const keys = new Map<string, boolean>();
  for (const alias of entity.aliases) {
    const key = foldKey(alias.text);
    if (key === '') continue;
    keys.set(key, (keys.get(key) ?? true) && alias.ambiguous === true);
  }
  return keys;
}

/** Entity ids that an entity's roles, affiliations and aliases (page context, compound parts) refer to. */
export function referencesOf(entity: Entity): string[] {
  const refs = new Set<string>();
  for (const r of entity.roles) if (r.orgId !== undefined) refs.add(r.orgId);
  for (const a of entity.affiliations) refs.add(a.targetId);
  for (const alias of entity.aliases) for (const id of aliasReferences(alias)) if (id !== entity.id) refs.add(id);
  return [...refs];
}

/** Article ids an entity's evidence cites. */
export function citationsOf(entity: Entity): string[] {
  const ids = new Set<string>();
  for (const fact of [...entity.roles, ...entity.affiliations]) for (const ev of fact.evidence) ids.add(ev.articleId);
  return [...ids];
}

export function patchLookups(patch: DatasetPatch): PatchLookups {
  const entityIds = new Set<string>(patch.entities.delete);
  const articleIds = new Set<string>(patch.articles.delete);
  const aliasKeys = new Set<string>();
  for (const e of patch.entities.put) {
    entityIds.add(e.id);
    for (const id of referencesOf(e)) entityIds.add(id);
    for (const id of citationsOf(e)) articleIds.add(id);
    for (const key of aliasClaimsOf(e).keys()) aliasKeys.add(key);
  }
  for (const a of patch.articles.put) articleIds.add(a.id);
  for (const x of patch.exclusions ?? []) {
    const key = foldKey(x.text);
    if (key !== '') aliasKeys.add(key);
  }
  return {
    entityIds: [...entityIds],
    articleIds: [...articleIds],
    // A replaced entity may drop a name or a fact others relied on only through deletion; replaced records
    // keep their id, so only deletions can leave references dangling.
    referrersOf: [...patch.entities.delete],
    // A replaced article's new text must still hold every stored quote from it.
    citersOf: [...patch.articles.delete, ...patch.articles.put.map((a) => a.id)],
    aliasKeys: [...aliasKeys],
  };
}

/** Errors of `patch` against `base` (empty when it may be applied). Shape is checked before (checkPatchShape). */
export function checkPatch(patch: DatasetPatch, base: PatchBase, maxErrors = 100): ValidationError[] {
  const errors: ValidationError[] = [];
  const add = (path: string, record: string | undefined, message: string): void => {
    if (errors.length < maxErrors) errors.push({ path, ...(record ? { record } : {}), message });
  };
  const putEntities = new Map(patch.entities.put.map((e) => [e.id, e]));
  const deletedEntities = new Set(patch.entities.delete);
  const putArticles = new Map(patch.articles.put.map((a) => [a.id, a]));
  const deletedArticles = new Set(patch.articles.delete);
  const entityExists = (id: string) => putEntities.has(id) || (base.hasEntity(id) && !deletedEntities.has(id));
  const textOf = (id: string): string | undefined =>
    putArticles.get(id)?.text ?? (deletedArticles.has(id) ? undefined : base.articleText(id));

  patch.entities.delete.forEach((id, i) => {
    if (!base.hasEntity(id)) add(`entities.delete[${i}]`, id, `The entity "${id}" to delete is not in the stored dataset.`);
    for (const from of base.referrersOf(id)) {
      if (!putEntities.has(from) && !deletedEntities.has(from)) {
        add(`entities.delete[${i}]`, id, `"${from}" still refers to the entity "${id}", which the patch deletes.`);
      }
    }
  });
  patch.articles.delete.forEach((id, i) => {
    if (!base.hasArticle(id)) add(`articles.delete[${i}]`, id, `The article "${id}" to delete is not in the stored dataset.`);
  });
  patch.articles.put.forEach((a: Article, i) => {
    if (!safeHttpUrl(a.url)) add(`articles.put[${i}].url`, a.id, `Links must be valid http(s) URLs; ${JSON.stringify(a.url)} is not.`);
    bidiControlsIn(a, `articles.put[${i}]`, (path, problem) => add(path, a.id, problem));
  });
  patch.entities.put.forEach((e, i) => bidiControlsIn(e, `entities.put[${i}]`, (path, problem) => add(path, e.id, problem)));
  if (patch.exclusions) bidiControlsIn(patch.exclusions, 'exclusions', (path, problem) => add(path, undefined, problem));
  // Stored entities citing a replaced or deleted article must still find their quotes.
  const rechecked = new Set<string>();
  for (const articleId of [...deletedArticles, ...putArticles.keys()]) {
    for (const citer of base.citersOf(articleId)) {
      if (putEntities.has(citer.id) || deletedEntities.has(citer.id) || rechecked.has(citer.id)) continue;
      rechecked.add(citer.id);
      checkFacts(citer, `stored entity ${citer.id}`, { entityExists, textOf, add, onlyArticles: new Set([...deletedArticles, ...putArticles.keys()]) });
    }
  }
  patch.entities.put.forEach((e, i) => checkFacts(e, `entities.put[${i}]`, { entityExists, textOf, add }));
  checkAliases(patch, base, putEntities, deletedEntities, add, entityExists);
  return errors;
}

interface FactContext {
  entityExists(id: string): boolean;
  textOf(id: string): string | undefined;
  add(path: string, record: string | undefined, message: string): void;
  /** Recheck only the evidence citing these articles (a stored entity's other facts were valid already). */
  onlyArticles?: ReadonlySet<string>;
}

function checkFacts(e: Entity, at: string, ctx: FactContext): void {
  const evidence = (list: readonly Evidence[], path: string): void => {
    list.forEach((ev, k) => {
      if (ctx.onlyArticles && !ctx.onlyArticles.has(ev.articleId)) return;
      const text = ctx.textOf(ev.articleId);
      if (text === undefined) ctx.add(`${path}.evidence[${k}].articleId`, e.id, `The evidence cites the article "${ev.articleId}", which is not in the dataset.`);
      else if (!text.includes(ev.quote)) ctx.add(`${path}.evidence[${k}].quote`, e.id, `The quote ${JSON.stringify(ev.quote.slice(0, 60))} is not in the text of the article "${ev.articleId}".`);
    });
  };
  const reference = (target: string, path: string, what: string): void => {
    if (ctx.onlyArticles) return;
    if (target === e.id) ctx.add(path, e.id, `${what} is the entity itself.`);
    else if (!ctx.entityExists(target)) ctx.add(path, e.id, `${what} "${target}" is not an entity of the dataset.`);
  };
  e.roles.forEach((role, r) => {
    const path = `${at}.roles[${r}]`;
    if (role.orgId !== undefined) reference(role.orgId, `${path}.orgId`, "The role's organisation");
    if (!ctx.onlyArticles && role.start !== undefined && role.end !== undefined) {
      const n = Math.min(role.start.length, role.end.length);
      if (role.start.slice(0, n) > role.end.slice(0, n)) ctx.add(`${path}.end`, e.id, `The role ends (${role.end}) before it starts (${role.start}).`);
    }
    evidence(role.evidence, path);
  });
  e.affiliations.forEach((aff, f) => {
    const path = `${at}.affiliations[${f}]`;
    reference(aff.targetId, `${path}.targetId`, "The affiliation's target");
    evidence(aff.evidence, path);
  });
}

function checkAliases(
  patch: DatasetPatch,
  base: PatchBase,
  putEntities: ReadonlyMap<string, Entity>,
  deletedEntities: ReadonlySet<string>,
  add: FactContext['add'],
  entityExists: (id: string) => boolean,
): void {
  const exclusions = new Map((patch.exclusions ?? base.exclusions).map((x) => [foldKey(x.text), x.text]));
  // Claims on each key in the patched dataset: stored claims of untouched entities, plus the put entities'.
  const claims = new Map<string, AliasClaim[]>();
  const claimsOn = (key: string): AliasClaim[] => {
    let list = claims.get(key);
    if (!list) {
      list = base.claimsOf(key).filter((c) => !putEntities.has(c.entityId) && !deletedEntities.has(c.entityId));
      claims.set(key, list);
    }
    return list;
  };
  patch.entities.put.forEach((e, i) => {
    const flags = new Map<string, boolean>();
    const rules = new Map<string, string>();
    e.aliases.forEach((alias: Alias, a) => {
      const at = `entities.put[${i}].aliases[${a}]`;
      const key = foldKey(alias.text);
      const ambiguous = alias.ambiguous === true;
      if (key === '') return add(`${at}.text`, e.id, `The alias ${JSON.stringify(alias.text)} has no letters or digits to match.`);
      if (ambiguous && alias.full) add(at, e.id, `The alias ${JSON.stringify(alias.text)} is marked both "ambiguous" and "full".`);
      for (const p of aliasRuleProblems(alias, e.id, entityExists)) add(`${at}${p.field}`, e.id, p.message);
      const signature = aliasRuleSignature(alias);
      if ((rules.get(key) ?? signature) !== signature) {
        add(at, e.id, `The alias ${JSON.stringify(alias.text)} matches another alias of the entity but has different exactCase, romanised, context or parts.`);
      }
      rules.set(key, rules.get(key) ?? signature);
      const excluded = exclusions.get(key);
      if (excluded !== undefined) add(`${at}.text`, e.id, `The alias ${JSON.stringify(alias.text)} is also the exclusion ${JSON.stringify(excluded)}.`);
      const known = flags.get(key);
      if (known !== undefined) {
        if (known !== ambiguous) add(`${at}.ambiguous`, e.id, `The alias ${JSON.stringify(alias.text)} matches another alias of the entity but has a different "ambiguous" flag.`);
        return;
      }
      flags.set(key, ambiguous);
      const others = claimsOn(key);
      const clash = others.find((c) => !c.ambiguous || !ambiguous);
      if (clash) add(`${at}.text`, e.id, `The alias ${JSON.stringify(alias.text)} also names "${clash.entityId}"; a name two entities share must be marked "ambiguous": true in both.`);
      others.push({ entityId: e.id, ambiguous });
    });
  });
  if (patch.exclusions) {
    patch.exclusions.forEach((x, i) => {
      const key = foldKey(x.text);
      const claim = key === '' ? undefined : claimsOn(key)[0];
      if (claim) add(`exclusions[${i}].text`, claim.entityId, `The exclusion ${JSON.stringify(x.text)} is also an alias of "${claim.entityId}", which would never be found.`);
    });
  }
}
