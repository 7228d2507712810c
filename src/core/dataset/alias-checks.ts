/**
 * The rules of an alias's own fields that a schema cannot state (exactCase, romanised, context, parts; see
 * data/README.md), shared by `validatePack` (dataset-validate.ts) and the patch check (feed-patch-check.ts), so a
 * feed can't install what the build refuses. Pure.
 */
import type { Alias } from './dataset-schema.ts';
import { foldKey } from '../matching/normalize.ts';
import { romanKey } from '../matching/romanise.ts';

export interface AliasProblem {
  /** Where in the alias, e.g. ".context.licensedBy[0]" ("" for the alias itself). */
  field: string;
  message: string;
}

/** The entity ids an alias refers to (page context and compound parts). */
export function aliasReferences(alias: Alias): string[] {
  return [...(alias.context?.licensedBy ?? []), ...(alias.parts ?? []).map((p) => p.entityId)];
}

/**
 * What must agree between aliases of one entity that fold to one key (the matcher keeps one set of rules per
 * key and entity): everything but the text, the language and the note.
 */
export function aliasRuleSignature(alias: Alias): string {
  return JSON.stringify([alias.exactCase === true, alias.romanised === true, alias.context ?? null, alias.parts ?? null]);
}

/** Problems of one alias of entity `ownId`; `entityExists` answers for the whole (patched) dataset. */
export function aliasRuleProblems(alias: Alias, ownId: string, entityExists: (id: string) => boolean): AliasProblem[] {
  const problems: AliasProblem[] = [];
  const add = (field: string, message: string) => problems.push({ field, message });
  const name = JSON.stringify(alias.text);
  if (alias.exactCase && alias.text.toLowerCase() === alias.text.toUpperCase()) {
    add('.exactCase', `The alias ${name} is marked exactCase but has no letter with a case (upper or lower).`);
  }
  if (alias.romanised) {
    if (alias.lang !== 'en') add('.romanised', `The alias ${name} is marked romanised but is not in Latin letters (lang "en").`);
    else if (alias.ambiguous) add('.romanised', `The alias ${name} is ambiguous: its romanised spellings would be guesses of a guess; drop "romanised".`);
    else if (romanKey(alias.text) === '') {
      add('.romanised', `The alias ${name} has no romanisation key: it needs Latin letters only, words that each add a consonant, and two consonants at least.`);
    }
  }
  const reference = (id: string, field: string, what: string) => {
    if (id === ownId) add(field, `${what} the entity itself; name another entity.`);
    else if (!entityExists(id)) add(field, `${what} "${id}", which is not an entity of the dataset.`);
  };
  const context = alias.context;
  context?.licensedBy?.forEach((id, i) => reference(id, `.context.licensedBy[${i}]`, `The alias ${name} is licensed by`));
  for (const list of ['licensedByWords', 'notFollowedBy', 'notPrecededBy'] as const) {
    context?.[list]?.forEach((words, i) => {
      if (foldKey(words) === '') add(`.context.${list}[${i}]`, `${JSON.stringify(words)} has no letters or digits to match.`);
    });
  }
  if (alias.parts) {
    const joined = alias.parts.map((p) => foldKey(p.text)).join(' ');
    if (joined !== foldKey(alias.text)) {
      add('.parts', `The parts of ${name} (${alias.parts.map((p) => JSON.stringify(p.text)).join(' + ')}) must be its words, in order.`);
    }
    if (!alias.parts.some((p) => p.entityId === ownId)) add('.parts', `One part of ${name} must name the entity itself ("${ownId}").`);
    alias.parts.forEach((p, i) => {
      if (p.entityId !== ownId) reference(p.entityId, `.parts[${i}].entityId`, `A part of ${name} names`);
    });
  }
  return problems;
}
