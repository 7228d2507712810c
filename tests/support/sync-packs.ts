/** Dataset packs for the sync tests, made from the bundled pack so they stay valid as the data grows. */
import type { DatasetPack, Entity } from '../../src/core/dataset/dataset-schema.ts';
import { byId } from '../../src/core/dataset/id-order.ts';

/** A new person whose evidence quotes the first article of `pack` (its first 40 characters). */
export function person(pack: DatasetPack, id: string, en: string, extra: Partial<Entity> = {}): Entity {
  const article = pack.articles[0]!;
  const quote = article.text.slice(0, 40);
  const org = pack.entities.find((e) => e.type === 'organisation')!;
  return {
    id,
    type: 'person',
    name: { en, ar: `${en} (ar)` },
    aliases: [{ text: en, lang: 'en', full: true }],
    description: { en: `${en}, for tests`, ar: `${en}، للاختبار` },
    roles: [],
    affiliations: [{ relation: { en: 'member of', ar: 'عضو في' }, targetId: org.id, evidence: [{ articleId: article.id, quote }] }],
    ...extra,
  };
}

/** `pack` one version later, changed by `change`. */
export function nextVersion(pack: DatasetPack, change: (p: DatasetPack) => void, version = pack.version + 1): DatasetPack {
  const next = structuredClone(pack);
  next.version = version;
  // A day per version (versions past ten years of days, as the ceiling tests use, share the last one).
  next.published = new Date(Date.UTC(2027, 0, Math.min(version, 3650))).toISOString().replace('.000Z', 'Z');
  change(next);
  next.entities.sort(byId);
  return next;
}

/** `count` synthetic people (unique names), for large packs. */
export function syntheticEntities(pack: DatasetPack, count: number): Entity[] {
  const out: Entity[] = [];
  for (let i = 0; i < count; i++) {
    const n = i.toString(36);
    out.push(person(pack, `synthetic-${n}`, `Synthetic Person ${n.toUpperCase()} Q${i}`, { affiliations: [] }));
  }
  return out;
}
