/** The entities found on the described tab, one row per entity, with its surfaces and mention count. */
import type { PageMention } from '../shared/messages.ts';
import { t, tCount } from '../shared/i18n.ts';

export interface EntityRow {
  entityId: string;
  name: string;
  surfaces: string[];
  count: number;
}

/** Folds the contract's per-surface rows into one row per entity, most mentioned first. */
export function rowsByEntity(mentions: readonly PageMention[]): EntityRow[] {
  const rows = new Map<string, EntityRow>();
  for (const m of mentions) {
    const row = rows.get(m.entityId) ?? { entityId: m.entityId, name: m.name, surfaces: [], count: 0 };
    row.surfaces.push(m.surface);
    row.count += m.count;
    rows.set(m.entityId, row);
  }
  return [...rows.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

export function OnThisPage({ mentions }: { mentions: readonly PageMention[] }) {
  const rows = rowsByEntity(mentions);
  if (rows.length === 0) return <p class="status">{t('panelEmpty')}</p>;
  return (
    <ul aria-label={t('panelTitle')}>
      {rows.map((row) => (
        <li class="entity" key={row.entityId} data-entity-id={row.entityId}>
          <div>
            <div class="name">{row.name}</div>
            <div class="surfaces" dir="auto">{row.surfaces.join(' · ')}</div>
          </div>
          <span class="count" data-count={row.count}>{tCount('panelMentions', row.count)}</span>
        </li>
      ))}
    </ul>
  );
}
