/**
 * The first run: on install (not on an update, nor when the extension is reloaded), a short welcome page in
 * the UI language (src/pages/welcome.html): what Dramatis does, a live hover over a few lines of the sample
 * article, how to pin the icon, what the side panel holds, and the privacy promise.
 */
import { browser } from '../shared/browser.ts';

export const WELCOME_PAGE = 'welcome.html';

export function wireWelcome(): void {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason !== 'install') return;
    void browser.tabs.create({ url: browser.runtime.getURL(WELCOME_PAGE) }).catch((err: unknown) => {
      console.error('Dramatis: the welcome page could not be opened:', err);
    });
  });
}
