/** The side panel: who is on the page in the active tab, kept current as the user switches tabs. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { PageMentions } from '../shared/messages.ts';
import { sendToBackground } from '../shared/send.ts';
import { t } from '../shared/i18n.ts';
import { targetTabId, watchActiveTab } from './active-tab.ts';
import { OnThisPage } from './OnThisPage.tsx';
import { UpdatesTab } from './UpdatesTab.tsx';

type PageState = { kind: 'loading' } | { kind: 'ready'; page: PageMentions } | { kind: 'unavailable' };

export function App() {
  const [state, setState] = useState<PageState>({ kind: 'loading' });

  const refresh = useCallback(async () => {
    const tabId = await targetTabId();
    if (tabId === undefined) return setState({ kind: 'unavailable' });
    try {
      setState({ kind: 'ready', page: await sendToBackground('getPageMentions', { tabId }) });
    } catch {
      // No content script in that tab: a browser page, the store, or our own pages.
      setState({ kind: 'unavailable' });
    }
  }, []);

  useEffect(() => {
    void refresh();
    return watchActiveTab(() => void refresh());
  }, [refresh]);

  return (
    <main aria-busy={state.kind === 'loading'}>
      <h1>
        <span>{t('panelTitle')}</span>
        <button type="button" onClick={() => void refresh()}>{t('panelRefresh')}</button>
      </h1>
      {state.kind === 'ready' && <OnThisPage mentions={state.page.mentions} />}
      {state.kind === 'unavailable' && <p class="status">{t('panelUnavailable')}</p>}
      <footer>
        <UpdatesTab />
      </footer>
    </main>
  );
}
