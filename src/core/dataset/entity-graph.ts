/**
 * An entity's ties to other entities, both ways, and the radial layout of the small graph the side panel draws.
 * Pure: no browser APIs.
 *
 * A tie is an affiliation (Qaani "met" Assad) or a role in an organisation (Qaani "Commander of" the Quds Force),
 * from the entity to another, or from another entity to it ("ties from others to it": Assad's affiliations that
 * name Qaani). Incoming ties need every entity that names this one, which only an index over the whole dataset
 * can answer quickly: `tieIndex` builds it once per dataset version.
 */
import type { Bilingual, Entity, Evidence } from './dataset-schema.ts';
import { compareIds } from './id-order.ts';

export interface Tie {
  /** The other entity. */
  otherId: string;
  /** 'out': this entity → the other (its own affiliation or role); 'in': the other → this entity. */
  direction: 'out' | 'in';
  /** The affiliation's relation, or the role's title. */
  label: Bilingual;
  kind: 'affiliation' | 'role';
  evidence: Evidence[];
  /** When it happened (an affiliation's date), YYYY[-MM[-DD]]. */
  date?: string;
}

/** Ids of the entities an entity names: its affiliations' targets and its roles' organisations. */
export function namedIds(entity: Entity): string[] {
  const ids = entity.affiliations.map((a) => a.targetId);
  for (const r of entity.roles) if (r.orgId) ids.push(r.orgId);
  return [...new Set(ids)].filter((id) => id !== entity.id);
}

/** For each entity id, the ids of the entities that name it (the reverse of `namedIds`), in dataset order. */
export function tieIndex(entities: Iterable<Entity>): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const e of entities) {
    for (const target of namedIds(e)) {
      const list = index.get(target);
      if (list) list.push(e.id);
      else index.set(target, [e.id]);
    }
  }
  return index;
}

/** Every tie of `entity`, outgoing first, given the entities that name it (`namers`, e.g. from `tieIndex`). */
export function tiesOf(entity: Entity, namers: Iterable<Entity>): Tie[] {
  const ties: Tie[] = [];
  for (const r of entity.roles) {
    if (r.orgId && r.orgId !== entity.id) {
      ties.push({ otherId: r.orgId, direction: 'out', label: r.title, kind: 'role', evidence: r.evidence });
    }
  }
  for (const a of entity.affiliations) {
    if (a.targetId !== entity.id) {
      ties.push({ otherId: a.targetId, direction: 'out', label: a.relation, kind: 'affiliation', evidence: a.evidence, ...(a.date ? { date: a.date } : {}) });
    }
  }
  for (const other of namers) {
    if (other.id === entity.id) continue;
    for (const r of other.roles) {
      if (r.orgId === entity.id) ties.push({ otherId: other.id, direction: 'in', label: r.title, kind: 'role', evidence: r.evidence });
    }
    for (const a of other.affiliations) {
      if (a.targetId === entity.id) {
        ties.push({ otherId: other.id, direction: 'in', label: a.relation, kind: 'affiliation', evidence: a.evidence, ...(a.date ? { date: a.date } : {}) });
      }
    }
  }
  return ties;
}

export interface GraphNode {
  id: string;
  /** Centre of the node in the graph's coordinates; the centre entity is at (0, 0). */
  x: number;
  y: number;
  /** Which way the ties between it and the centre run. */
  direction: 'out' | 'in' | 'both' | 'centre';
  /** The labels of its ties with the centre (one node per other entity, however many ties). */
  labels: Bilingual[];
}

export interface GraphLayout {
  centre: GraphNode;
  others: GraphNode[];
  /** Entities tied to the centre that were left out to keep the picture readable. */
  omitted: number;
}

export interface LayoutOptions {
  radius: number;
  /** Most neighbours drawn; the rest are counted in `omitted` (they stay in the text list). */
  maxNodes: number;
}

/**
 * A deterministic radial layout: the centre entity in the middle and its neighbours evenly on one circle,
 * starting at the top and going clockwise, ordered by direction (both ways, outgoing, incoming) then by id, so
 * the same ties always give the same picture. For the ~20 nodes drawn, one circle needs no layout library.
 */
export function radialLayout(centreId: string, ties: readonly Tie[], options: LayoutOptions): GraphLayout {
  const byOther = new Map<string, { out: boolean; in: boolean; labels: Bilingual[] }>();
  for (const tie of ties) {
    const entry = byOther.get(tie.otherId) ?? { out: false, in: false, labels: [] };
    entry[tie.direction] = true;
    if (!entry.labels.some((l) => l.en === tie.label.en && l.ar === tie.label.ar)) entry.labels.push(tie.label);
    byOther.set(tie.otherId, entry);
  }
  const rank = (e: { out: boolean; in: boolean }) => (e.out && e.in ? 0 : e.out ? 1 : 2);
  const ordered = [...byOther.entries()].sort(([a, ea], [b, eb]) => rank(ea) - rank(eb) || compareIds(a, b));
  const shown = ordered.slice(0, Math.max(0, options.maxNodes));
  const others = shown.map(([id, e], i): GraphNode => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / shown.length;
    return {
      id,
      x: round(options.radius * Math.cos(angle)),
      y: round(options.radius * Math.sin(angle)),
      direction: e.out && e.in ? 'both' : e.out ? 'out' : 'in',
      labels: e.labels,
    };
  });
  return { centre: { id: centreId, x: 0, y: 0, direction: 'centre', labels: [] }, others, omitted: ordered.length - shown.length };
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}
