/**
 * What a pane says when it has nothing to list, and why, with the one action that changes it: Dramatis is off
 * on this site (Turn on) or everywhere (Turn on everywhere); the page names nobody from the dataset (browse the
 * dataset instead; some types may be hidden in Settings); no update feed is set (the Updates tab: the bundled
 * dataset is what is in use). `pageEmptyState` decides which, from the settings and the page's address.
 */
import type { ComponentChildren } from 'preact';
import { isActiveOn, siteOf, type Settings } from '../shared/settings.ts';
import { Msg } from '../shared/ui/Msg.tsx';
import { t } from '../shared/i18n.ts';

export type PageEmpty =
  | { kind: 'all-off' }
  | { kind: 'site-off'; site: string }
  | { kind: 'nothing-found'; typesHidden: boolean };

/** Why a page that answered with no mentions has none. */
export function pageEmptyState(settings: Settings, url: string | undefined): PageEmpty {
  const site = siteOf(url);
  if (!settings.enabled) return { kind: 'all-off' };
  if (site !== undefined && !isActiveOn(settings, site)) return { kind: 'site-off', site };
  return { kind: 'nothing-found', typesHidden: settings.shownTypes.length < 4 };
}

export function EmptyState({ kind, title, hint, children }: { kind: string; title: ComponentChildren; hint?: ComponentChildren; children?: ComponentChildren }) {
  return (
    <div class="empty-state" data-empty={kind}>
      <p class="empty-title">{title}</p>
      {hint && <p class="hint">{hint}</p>}
      {children && <p class="empty-actions">{children}</p>}
    </div>
  );
}

export interface PageEmptyProps {
  state: PageEmpty;
  onTurnOnSite: (site: string) => void;
  onTurnOnEverywhere: () => void;
  onBrowse: () => void;
}

export function PageEmptyState({ state, onTurnOnSite, onTurnOnEverywhere, onBrowse }: PageEmptyProps) {
  switch (state.kind) {
    case 'all-off':
      return (
        <EmptyState kind="all-off" title={t('emptyAllOff')} hint={t('emptyOffHint')}>
          <button type="button" class="turn-on" onClick={onTurnOnEverywhere}>{t('emptyTurnOnEverywhere')}</button>
        </EmptyState>
      );
    case 'site-off':
      return (
        <EmptyState kind="site-off" title={<Msg k="emptySiteOff" args={[{ text: state.site, lang: 'en' }]} />} hint={t('emptyOffHint')}>
          <button type="button" class="turn-on" aria-label={t('panelSettingsEnableSiteLabel', state.site)} onClick={() => onTurnOnSite(state.site)}>
            {t('emptyTurnOn')}
          </button>
        </EmptyState>
      );
    case 'nothing-found':
      return (
        <EmptyState kind="nothing-found" title={t('panelEmpty')} hint={state.typesHidden ? t('emptyHiddenTypes') : undefined}>
          <button type="button" class="browse" onClick={onBrowse}>{t('emptyBrowse')}</button>
        </EmptyState>
      );
  }
}

