/**
 * The side panel: four tabs (On this page, Search, Settings, Updates); an entity opened from any of them shows
 * in place of the tab's contents, with its own history (entities opened from ties and the graph; Back walks it,
 * then returns to the tab; choosing a tab leaves it). The page it describes follows the active tab.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { t, dirOf, uiLanguage } from '../shared/i18n.ts';
import { updateSettings } from '../shared/settings.ts';
import { PageEmptyState, pageEmptyState } from './EmptyState.tsx';
import { EntityView } from './EntityView.tsx';
import { OnThisPage } from './OnThisPage.tsx';
import { SearchTab } from './SearchTab.tsx';
import { SettingsTab } from './SettingsTab.tsx';
import { TabPanel, Tabs, type TabSpec } from './Tabs.tsx';
import { UpdatesTab } from './UpdatesTab.tsx';
import { usePageState } from './page-state.ts';
import { initialFocus, initialSearch, watchFocus, watchSearch, type SearchRequest } from './panel-focus.ts';
import { useSettings } from './use-settings.ts';

type TabId = 'page' | 'search' | 'settings' | 'updates';

export function App() {
  const { state, refresh } = usePageState();
  const settings = useSettings();
  const [tab, setTab] = useState<TabId>('page');
  /** Entities opened, most recent last; empty when a tab is shown. */
  const [trail, setTrail] = useState<string[]>([]);

  /** The latest search asked for from outside the panel (a selection looked up), shown on the Search tab. */
  const [searchRequest, setSearchRequest] = useState<SearchRequest | undefined>(undefined);

  const openEntity = useCallback((id: string) => setTrail((tr) => (tr[tr.length - 1] === id ? tr : [...tr, id])), []);
  const back = useCallback(() => setTrail((tr) => tr.slice(0, -1)), []);

  useEffect(() => {
    void initialFocus().then((id) => id && openEntity(id));
    return watchFocus(openEntity);
  }, [openEntity]);

  useEffect(() => {
    const show = (request: SearchRequest) => {
      setTrail([]);
      setTab('search');
      setSearchRequest(request);
    };
    void initialSearch().then((request) => request && show(request));
    return watchSearch(show);
  }, []);

  const tabs: Array<TabSpec<TabId>> = [
    { id: 'page', label: t('panelTitle') },
    { id: 'search', label: t('panelTabSearch') },
    { id: 'settings', label: t('panelTabSettings') },
    { id: 'updates', label: t('panelTabUpdates') },
  ];
  const current = trail[trail.length - 1];
  const pageUrl = state.kind === 'ready' ? state.page.url : undefined;

  const selectTab = (id: TabId) => {
    setTrail([]);
    setTab(id);
  };

  return (
    <main>
      <h1 class="visually-hidden">{t('extName')}</h1>
      <Tabs tabs={tabs} selected={tab} onSelect={selectTab} label={t('panelTabsLabel')} dir={dirOf(uiLanguage())} />
      <TabPanel id={tab}>
        {current !== undefined ? (
          <EntityView key={current} entityId={current} onOpenEntity={openEntity} onBack={back} />
        ) : (
          <>
            {tab === 'page' && (
              <>
                <div class="toolbar">
                  <button type="button" onClick={() => void refresh()}>{t('panelRefresh')}</button>
                </div>
                <div aria-busy={state.kind === 'loading'}>
                  {state.kind === 'ready' && state.page.mentions.length > 0 && (
                    <OnThisPage tabId={state.tabId} mentions={state.page.mentions} entities={state.entities} onOpenEntity={openEntity} />
                  )}
                  {state.kind === 'ready' && state.page.mentions.length === 0 && (
                    <PageEmptyState
                      state={pageEmptyState(settings, state.page.url)}
                      onTurnOnSite={(site) => void updateSettings((s) => ({ disabledSites: s.disabledSites.filter((x) => x !== site) }))}
                      onTurnOnEverywhere={() => void updateSettings(() => ({ enabled: true }))}
                      onBrowse={() => selectTab('search')}
                    />
                  )}
                  {state.kind === 'unavailable' && <p class="status">{t('panelUnavailable')}</p>}
                </div>
              </>
            )}
            {tab === 'search' && <SearchTab onOpenEntity={openEntity} request={searchRequest} />}
            {tab === 'settings' && <SettingsTab pageUrl={pageUrl} />}
            {tab === 'updates' && <UpdatesTab />}
          </>
        )}
      </TabPanel>
    </main>
  );
}
