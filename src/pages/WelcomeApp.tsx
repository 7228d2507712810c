/**
 * The welcome page, opened once on install (src/background/welcome.ts), in the UI language: what Dramatis does,
 * a live hover over the first lines of the sample article, how to keep the icon in the toolbar in this browser
 * and what its number and menu do, what the side panel holds (with the panel's shortcut as the browser has it),
 * and the privacy promise.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from '../shared/browser.ts';
import { t } from '../shared/i18n.ts';
import { WelcomeSample } from './WelcomeSample.tsx';

const isFirefox = () => browser.runtime.getURL('').startsWith('moz-extension:');

interface ChromeSidePanel {
  open(o: { windowId: number }): Promise<void>;
}

/** The browser's shortcut for opening the panel, as the reader may have changed it ('' when none is set). */
function usePanelShortcut(): string | undefined {
  const [shortcut, setShortcut] = useState<string | undefined>(undefined);
  useEffect(() => {
    void browser.commands.getAll().then((all) => {
      const open = all.find((c) => c.name === '_execute_action' || c.name === '_execute_sidebar_action');
      setShortcut(open?.shortcut ?? '');
    }, () => setShortcut(''));
  }, []);
  return shortcut;
}

export function WelcomeApp() {
  const shortcut = usePanelShortcut();
  const [windowId, setWindowId] = useState<number | undefined>(undefined);
  useEffect(() => {
    void browser.windows.getCurrent().then((w) => setWindowId(w.id), () => undefined);
  }, []);

  // Both browsers open the panel only while a click is being handled: called directly in the handler.
  const openPanel = () => {
    const sidePanel = (globalThis as { chrome?: { sidePanel?: ChromeSidePanel } }).chrome?.sidePanel;
    if (sidePanel && windowId !== undefined) void sidePanel.open({ windowId }).catch(() => undefined);
    else void browser.sidebarAction?.open().catch(() => undefined);
  };

  return (
    <main class="welcome">
      <header>
        <img src="icons/icon-48.png" alt="" width={48} height={48} />
        <h1>{t('welcomeTitle')}</h1>
      </header>
      <p class="lead">{t('welcomeIntro')}</p>

      <section aria-labelledby="welcome-try">
        <h2 id="welcome-try">{t('welcomeTryTitle')}</h2>
        <p>{t('welcomeTryHint')}</p>
        <WelcomeSample />
      </section>

      <section aria-labelledby="welcome-pin">
        <h2 id="welcome-pin">{t('welcomePinTitle')}</h2>
        <p class="welcome-pin-how">{t(isFirefox() ? 'welcomePinFirefox' : 'welcomePinChrome')}</p>
        <p>{t('welcomeBadge')}</p>
        <p>{t('welcomeMenus')}</p>
      </section>

      <section aria-labelledby="welcome-panel">
        <h2 id="welcome-panel">{t('welcomePanelTitle')}</h2>
        <p>{t('welcomePanel')}</p>
        {shortcut !== undefined && (
          <p class="welcome-shortcut">
            {shortcut ? t('welcomePanelShortcut', shortcut) : t('welcomePanelNoShortcut')}
          </p>
        )}
        <p class="welcome-actions">
          <button type="button" class="welcome-open-panel" onClick={openPanel}>{t('welcomeOpenPanel')}</button>
          <button type="button" class="welcome-options" onClick={() => void browser.runtime.openOptionsPage()}>{t('welcomeOpenSettings')}</button>
        </p>
      </section>

      <section aria-labelledby="welcome-privacy">
        <h2 id="welcome-privacy">{t('welcomePrivacyTitle')}</h2>
        <p>{t('welcomePrivacy')}</p>
      </section>
    </main>
  );
}
