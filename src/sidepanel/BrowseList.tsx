/**
 * Every entity of the dataset by type (People, Organisations, Media outlets, Places), in the order of their
 * names in the UI language: what an empty Search shows. A big dataset lists the first BROWSE_LIMIT of each type
 * and says how many there are; typing finds the rest.
 */
import { useEffect, useState } from 'preact/hooks';
import type { BrowseGroup } from '../shared/api/panel-api.ts';
import { sendToBackground } from '../shared/api/send.ts';
import { t } from '../shared/i18n.ts';
import { GROUP_KEYS, OTHER_LANG, UI_LANG, inUi } from './entity-text.ts';

export const BROWSE_LIMIT = 200;

export function BrowseList({ onOpenEntity }: { onOpenEntity: (entityId: string) => void }) {
  const [groups, setGroups] = useState<BrowseGroup[] | null>(null);
  useEffect(() => {
    let live = true;
    sendToBackground('browseEntities', { lang: UI_LANG, limit: BROWSE_LIMIT }).then(
      ({ groups: g }) => live && setGroups(g),
      () => live && setGroups([]),
    );
    return () => {
      live = false;
    };
  }, []);
  if (!groups) return null;
  return (
    <section class="browse" aria-label={t('searchBrowseLabel')}>
      <p class="hint">{t('searchBrowseHint')}</p>
      {groups.map((g) => (
        <section key={g.type} class="group" data-type={g.type} aria-labelledby={`browse-${g.type}`}>
          <h2 id={`browse-${g.type}`}>
            {t(GROUP_KEYS[g.type])} <span class="group-count">({g.total})</span>
          </h2>
          <ul class="hits">
            {g.entities.map((e) => (
              <li key={e.id} data-entity-id={e.id}>
                <button type="button" class="hit" onClick={() => onOpenEntity(e.id)}>
                  <span class="line">
                    <bdi class="name">{inUi(e.name)}</bdi>
                    <bdi class="other-name" lang={OTHER_LANG}>{e.name[OTHER_LANG]}</bdi>
                  </span>
                </button>
              </li>
            ))}
          </ul>
          {g.total > g.entities.length && <p class="hint">{t('searchBrowseTruncated', [String(g.entities.length), String(g.total)])}</p>}
        </section>
      ))}
    </section>
  );
}
