/**
 * The entities found on the described tab, grouped by type, each with its mention count and the forms the page
 * writes it in (as names standing alone: «النظام الإيراني», not the «لنظام الإيراني» of للنظام). Selecting a row
 * scrolls the page to that entity's next mention and flashes it (ContentApi.revealMention); its Details button
 * opens the entity view. With no rows, it says why (EmptyState.tsx).
 */
import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import type { Entity, EntityType } from '../core/dataset/dataset-schema.ts';
import { foldKey } from '../core/matching/normalize.ts';
import { distinctSurfaces } from '../core/ui/surface-display.ts';
import type { PageMention } from '../shared/api/messages.ts';
import { sendToTab } from '../shared/api/send.ts';
import { isolated, t, tCount, tIsolated } from '../shared/i18n.ts';
import { ENTITY_TYPES, GROUP_KEYS, inUi } from './entity-text.ts';

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

export interface OnThisPageProps {
  tabId: number;
  mentions: readonly PageMention[];
  entities: ReadonlyMap<string, Entity>;
  onOpenEntity: (entityId: string) => void;
}

export function OnThisPage({ tabId, mentions, entities, onOpenEntity }: OnThisPageProps) {
  const [status, setStatus] = useState('');
  const rows = rowsByEntity(mentions);

  const groups = new Map<EntityType | 'other', EntityRow[]>();
  for (const row of rows) {
    const type = entities.get(row.entityId)?.type ?? 'other';
    groups.set(type, [...(groups.get(type) ?? []), row]);
  }
  const nameOf = (row: EntityRow) => {
    const e = entities.get(row.entityId);
    return e ? inUi(e.name) : row.name;
  };
  const surfacesOf = (row: EntityRow) => {
    const e = entities.get(row.entityId);
    return e ? distinctSurfaces(row.surfaces, new Set(e.aliases.map((a) => foldKey(a.text)))) : [...new Set(row.surfaces)];
  };

  const reveal = async (row: EntityRow) => {
    try {
      const r = await sendToTab(tabId, 'revealMention', { entityId: row.entityId });
      setStatus(r.found ? t('panelRevealed', [String(r.index), String(r.total), isolated(nameOf(row))]) : tIsolated('panelRevealNone', nameOf(row)));
    } catch {
      setStatus(t('panelRevealFailed'));
    }
  };

  return (
    <div class="on-page">
      <p class="hint" id="reveal-hint">{t('panelRevealHint')}</p>
      {[...ENTITY_TYPES, 'other' as const].map((type) => {
        const list = groups.get(type);
        if (!list) return null;
        const headingId = `group-${type}`;
        return (
          <section key={type} class="group" aria-labelledby={headingId}>
            <h2 id={headingId}>{type === 'other' ? t('panelGroupOther') : t(GROUP_KEYS[type])}</h2>
            <ul>
              {list.map((row) => (
                <li class="entity" key={row.entityId} data-entity-id={row.entityId}>
                  <button type="button" class="reveal" onClick={() => void reveal(row)} aria-describedby="reveal-hint">
                    <bdi class="name">{nameOf(row)}</bdi>
                    <span class="surfaces">
                      {surfacesOf(row).map((s, i) => <Fragment key={s}>{i > 0 && ' · '}<bdi class="surface">{s}</bdi></Fragment>)}
                    </span>
                  </button>
                  <span class="count" data-count={row.count}>{tCount('panelMentions', row.count)}</span>
                  <button type="button" class="details" onClick={() => onOpenEntity(row.entityId)} aria-label={t('panelDetailsLabel', nameOf(row))}>
                    {t('panelDetails')}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      <p class="status" role="status">{status}</p>
    </div>
  );
}
