/**
 * The patch format: what changes from one dataset version to the next, by record. Entities and articles are
 * put whole (a changed record replaces the stored one) or deleted by id; `exclusions`, a short list, is
 * replaced whole when present. A patch is applied to the stored rows only (the rest of the dataset is not
 * read), which is what makes a small update cheap on a large dataset; feed-patch-check.ts validates it against
 * just the stored records it touches.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
// Registers the "date-time" format with TypeBox (a global registry), which `published` uses.
import '../dataset/dataset-validate.ts';
import { Article, DatasetPack, Entity, Exclusion, FORMAT_VERSION, MAX_DATASET_VERSION } from '../dataset/dataset-schema.ts';
import { byId } from '../dataset/id-order.ts';
import { canonicalJson } from './feed-signature.ts';

export const PATCH_FORMAT_VERSION = 1;

const Id = Type.String({ pattern: '^[a-z0-9][a-z0-9-]*$', maxLength: 80 });
const Changes = <T extends typeof Entity | typeof Article>(record: T) =>
  Type.Object({ put: Type.Array(record), delete: Type.Array(Id) }, { additionalProperties: false });

export const DatasetPatch = Type.Object(
  {
    patchFormat: Type.Literal(PATCH_FORMAT_VERSION),
    /** The dataset format of the records inside. */
    formatVersion: Type.Literal(FORMAT_VERSION),
    datasetId: Id,
    from: Type.Integer({ minimum: 1, maximum: MAX_DATASET_VERSION }),
    to: Type.Integer({ minimum: 2, maximum: MAX_DATASET_VERSION }),
    published: Type.String({ format: 'date-time' }),
    entities: Changes(Entity),
    articles: Changes(Article),
    exclusions: Type.Optional(Type.Array(Exclusion)),
  },
  { additionalProperties: false },
);
export type DatasetPatch = Static<typeof DatasetPatch>;

/** Record-level equality that ignores key order (the pack is JSON, so canonical JSON compares it exactly). */
function same(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/** The patch that turns `from` into `to` (both valid packs of one dataset, `to` one version later). */
export function diffPacks(from: DatasetPack, to: DatasetPack): DatasetPatch {
  const diff = <R extends { id: string }>(old: readonly R[], next: readonly R[]) => {
    const before = new Map(old.map((r) => [r.id, r]));
    const after = new Set(next.map((r) => r.id));
    return {
      put: next.filter((r) => { const o = before.get(r.id); return !o || !same(o, r); }),
      delete: old.filter((r) => !after.has(r.id)).map((r) => r.id),
    };
  };
  const patch: DatasetPatch = {
    patchFormat: PATCH_FORMAT_VERSION,
    formatVersion: FORMAT_VERSION,
    datasetId: to.datasetId,
    from: from.version,
    to: to.version,
    published: to.published,
    entities: diff(from.entities, to.entities),
    articles: diff(from.articles, to.articles),
  };
  if (!same(from.exclusions, to.exclusions)) patch.exclusions = to.exclusions;
  return patch;
}

/** `base` with `patch` applied, records in id order (the order the extension stores them in). Pure. */
export function applyPatchToPack(base: DatasetPack, patch: DatasetPatch): DatasetPack {
  const merge = <R extends { id: string }>(old: readonly R[], change: { put: R[]; delete: string[] }): R[] => {
    const rows = new Map(old.map((r) => [r.id, r]));
    for (const id of change.delete) rows.delete(id);
    for (const r of change.put) rows.set(r.id, r);
    return [...rows.values()].sort(byId);
  };
  return {
    formatVersion: FORMAT_VERSION,
    datasetId: base.datasetId,
    version: patch.to,
    published: patch.published,
    articles: merge(base.articles, patch.articles),
    entities: merge(base.entities, patch.entities),
    exclusions: patch.exclusions ?? base.exclusions,
  };
}

/** Shape check of a parsed patch; returns the first problem in words. */
export function checkPatchShape(candidate: unknown): { ok: true; patch: DatasetPatch } | { ok: false; problem: string } {
  if (!Value.Check(DatasetPatch, candidate)) {
    const first = Value.Errors(DatasetPatch, candidate).First();
    return { ok: false, problem: first ? `${first.path || '/'}: ${first.message}` : 'not a dataset patch' };
  }
  if (candidate.to !== candidate.from + 1) return { ok: false, problem: `the patch leads from ${candidate.from} to ${candidate.to}` };
  for (const list of ['entities', 'articles'] as const) {
    const put = new Set<string>();
    for (const r of candidate[list].put) {
      if (put.has(r.id)) return { ok: false, problem: `${list}: "${r.id}" is put twice` };
      put.add(r.id);
    }
    for (const id of candidate[list].delete) {
      if (put.has(id)) return { ok: false, problem: `${list}: "${id}" is both put and deleted` };
    }
  }
  return { ok: true, patch: candidate };
}
