/**
 * Dramatis's menu items: on the toolbar button's own context menu (`contexts: ["action"]`) "Turn off on this
 * site" / "Turn on on this site" and "Pause everywhere" / "Resume everywhere"; on selected text in a page
 * "Look up “…” in Dramatis", which opens the side panel on Search with the selection.
 *
 * Chrome has no event for a menu about to open, so the titles follow the active tab as the toolbar badge
 * does (action-badge.ts calls refreshMenusFor); a click acts on the tab it was made in. A menu click grants
 * activeTab, so the tab's URL is known then without the `tabs` permission.
 */
import { selectionQuery } from '../core/search/search-query.ts';
import type { PageStatus } from '../core/ui/toolbar-state.ts';
import { browser, type Tabs } from '../shared/browser.ts';
import { t } from '../shared/i18n.ts';
import { PANEL_SEARCH_KEY } from '../shared/storage-keys.ts';
import { loadSettings, siteOf, updateSettings, type Settings } from '../shared/settings.ts';
import { openPanelFromGesture } from './side-panel.ts';
import { askPageStatus } from './tab-status.ts';

export const MENU_SITE = 'dramatis-site';
export const MENU_PAUSE = 'dramatis-pause';
export const MENU_LOOKUP = 'dramatis-lookup';

type MenuInfo = { menuItemId: string | number; selectionText?: string };

function siteItem(status: PageStatus | undefined, settings: Settings): { title: string; enabled: boolean } {
  const off = status?.state === 'siteOff';
  // Paused everywhere, a site switch changes nothing one can see (as the Settings tab disables its checkbox).
  return { title: t(off ? 'menuSiteOn' : 'menuSiteOff'), enabled: settings.enabled && status !== undefined };
}

const pauseTitle = (settings: Settings) => t(settings.enabled ? 'menuPause' : 'menuResume');

/**
 * Creates the items (at install and at browser start: Chrome keeps them across restarts, Firefox may not, and
 * creating an existing id fails, so everything is removed first).
 */
export async function createMenus(): Promise<void> {
  const menus = browser.contextMenus;
  const settings = await loadSettings();
  await menus.removeAll();
  const site = siteItem(undefined, settings);
  menus.create({ id: MENU_SITE, title: site.title, enabled: site.enabled, contexts: ['action'] });
  menus.create({ id: MENU_PAUSE, title: pauseTitle(settings), contexts: ['action'] });
  // %s is the selection: the browser writes it into the title (shortened when long).
  menus.create({ id: MENU_LOOKUP, title: t('menuLookUp'), contexts: ['selection'] });
}

/** Titles for the active tab, in `status` (undefined: no content script there). */
export async function refreshMenusFor(status: PageStatus | undefined, settings: Settings): Promise<void> {
  const site = siteItem(status, settings);
  await Promise.all([
    browser.contextMenus.update(MENU_SITE, site),
    browser.contextMenus.update(MENU_PAUSE, { title: pauseTitle(settings) }),
  ]).catch(() => undefined); // not created yet (the worker woke before onInstalled ran)
}

async function toggleSite(tab: Tabs.Tab | undefined): Promise<void> {
  if (tab?.id === undefined) return;
  const site = siteOf(tab.url) ?? (await askPageStatus(tab.id))?.site;
  if (!site) return;
  await updateSettings((s) => ({
    disabledSites: s.disabledSites.includes(site) ? s.disabledSites.filter((x) => x !== site) : [...s.disabledSites, site],
  }));
}

/** Opens the panel (first, while the click's gesture holds), then tells it what to search. */
async function lookUp(selection: string, tab: Tabs.Tab | undefined): Promise<void> {
  const opening = openPanelFromGesture(tab);
  await browser.storage.session.set({ [PANEL_SEARCH_KEY]: { query: selectionQuery(selection), at: Date.now() } });
  await opening;
}

export async function onMenuClicked(info: MenuInfo, tab: Tabs.Tab | undefined): Promise<void> {
  switch (info.menuItemId) {
    case MENU_LOOKUP:
      return lookUp(info.selectionText ?? '', tab);
    case MENU_SITE:
      return toggleSite(tab);
    case MENU_PAUSE:
      await updateSettings((s) => ({ enabled: !s.enabled }));
  }
}

/** Registers the click listener (synchronously, at the worker's top level). */
export function wireMenus(): void {
  browser.contextMenus.onClicked.addListener((info, tab) => {
    void onMenuClicked(info, tab).catch((err: unknown) => console.error('Dramatis: a menu item failed:', err));
  });
}
