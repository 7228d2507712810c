/**
 * The toolbar button of each tab: a badge with the number of distinct entities Dramatis marks on the page (none
 * at zero), in a neutral grey, with a tooltip that says what it counts; a muted icon and a tooltip that says so
 * where Dramatis is off (for the page, its site, or everywhere). No permission is needed for any of it.
 *
 * The count goes content script → background → action API, never through the page: a content script announces
 * that its page changed (a scan or rescan, an SPA navigation, a settings change), the background asks it for
 * its status and sets the tab's badge. A navigation clears the tab's badge at once, so a count never outlives
 * its page (Chrome keeps a tab's badge across navigations; Firefox resets it).
 */
import { toolbarLook, type PageStatus } from '../core/ui/toolbar-state.ts';
import { browser, type Runtime } from '../shared/browser.ts';
import { t, tCount } from '../shared/i18n.ts';
import { isPageMentionsChanged } from '../shared/api/panel-api.ts';
import { loadSettings, watchSettings, type Settings } from '../shared/settings.ts';
import { refreshMenusFor } from './action-menus.ts';
import { askPageStatus } from './tab-status.ts';

/** A neutral grey that reads on light and dark toolbars; white digits on it. */
export const BADGE_COLOR = '#5f6368';
export const BADGE_TEXT_COLOR = '#ffffff';

const ICONS = { 16: 'icons/icon-16.png', 32: 'icons/icon-32.png' };
const MUTED_ICONS = { 16: 'icons/icon-16-off.png', 32: 'icons/icon-32-off.png' };

type ActionApi = typeof browser.action & { setBadgeTextColor?: (d: { color: string; tabId?: number }) => Promise<void> };
const action = (): ActionApi => browser.action as ActionApi;

/** The tooltip for a page in this status. */
export function titleFor(status: PageStatus): string {
  switch (status.state) {
    case 'on':
      // "No names" rather than "0 names": English would pick its "other" form for zero.
      return status.entities === 0 ? t('badgeTitle_zero') : tCount('badgeTitle', status.entities);
    case 'pageOff':
      return t('badgeTitlePageOff');
    case 'siteOff':
      return t('badgeTitleSiteOff', status.site);
    case 'paused':
      return t('badgeTitlePaused');
  }
}

/** Sets every part of the tab's button: per-tab values override the global ones, so none is left stale. */
async function setTabLook(tabId: number, status: PageStatus | undefined, settings: Settings): Promise<void> {
  const look = status ? toolbarLook(status) : { text: '', muted: !settings.enabled };
  const title = status ? titleFor(status) : settings.enabled ? t('actionTitle') : t('badgeTitlePaused');
  const a = action();
  await Promise.all([
    a.setBadgeText({ tabId, text: look.text }),
    a.setBadgeBackgroundColor({ tabId, color: BADGE_COLOR }),
    a.setBadgeTextColor?.({ tabId, color: BADGE_TEXT_COLOR }),
    a.setTitle({ tabId, title }),
    a.setIcon({ tabId, path: look.muted ? MUTED_ICONS : ICONS }),
  ]);
}

/** The look of tabs without a content script (and of new tabs): muted while paused everywhere. */
async function setGlobalLook(settings: Settings): Promise<void> {
  const a = action();
  await Promise.all([
    a.setBadgeBackgroundColor({ color: BADGE_COLOR }),
    a.setBadgeTextColor?.({ color: BADGE_TEXT_COLOR }),
    a.setTitle({ title: settings.enabled ? t('actionTitle') : t('badgeTitlePaused') }),
    a.setIcon({ path: settings.enabled ? ICONS : MUTED_ICONS }),
  ]);
}

/**
 * Answers to older questions may arrive after newer ones (a page announces twice in quick succession): only the
 * latest question's answer is applied. In memory on purpose: it orders answers within one wake of the worker.
 */
const asked = new Map<number, number>();
let seq = 0;

/** Asks the tab how it stands and sets its button (and the button's menu, when it is the active tab). */
export async function refreshTab(tabId: number): Promise<void> {
  const mine = ++seq;
  asked.set(tabId, mine);
  const status = await askPageStatus(tabId);
  if (asked.get(tabId) === mine) await applyTab(tabId, status);
}

/** A tab whose document is being replaced: nothing is known of the new one until its content script reports. */
async function forgetTab(tabId: number): Promise<void> {
  asked.set(tabId, ++seq); // an answer from the old document, still on its way, is dropped
  await applyTab(tabId, undefined);
}

async function applyTab(tabId: number, status: PageStatus | undefined): Promise<void> {
  asked.delete(tabId);
  const settings = await loadSettings();
  await setTabLook(tabId, status, settings).catch(() => undefined); // the tab may have closed meanwhile
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  if (tab?.active) await refreshMenusFor(status, settings);
}

async function refreshActiveTab(windowId?: number): Promise<void> {
  const query = windowId === undefined ? { active: true, lastFocusedWindow: true } : { active: true, windowId };
  const [tab] = await browser.tabs.query(query);
  if (tab?.id !== undefined) await refreshTab(tab.id);
}

const report = (err: unknown) => console.error('Dramatis: updating the toolbar button failed:', err);

/** Registers the listeners (synchronously, at the worker's top level). */
export function wireToolbarBadge(): void {
  browser.runtime.onMessage.addListener((msg: unknown, sender: Runtime.MessageSender) => {
    // Our own content scripts' top frames speak for a page (frames describe only themselves).
    if (isPageMentionsChanged(msg) && sender.id === browser.runtime.id && sender.tab?.id !== undefined && (sender.frameId ?? 0) === 0) {
      void refreshTab(sender.tab.id).catch(report);
    }
    return undefined;
  });
  browser.tabs.onUpdated.addListener((tabId, info) => {
    // A new document: its count is unknown until its content script reports (or none, on a browser page).
    if (info.status === 'loading') void forgetTab(tabId).catch(report);
    // Loaded (or an SPA's history change, which Chrome reports as a load): ask again, whatever was announced.
    else if (info.status === 'complete') void refreshTab(tabId).catch(report);
  });
  browser.tabs.onActivated.addListener(({ tabId }) => void refreshTab(tabId).catch(report));
  browser.windows?.onFocusChanged.addListener((windowId) => {
    if (windowId !== browser.windows.WINDOW_ID_NONE) void refreshActiveTab(windowId).catch(report);
  });
  watchSettings((settings) => {
    void setGlobalLook(settings).catch(report);
    // Tabs with a content script report their own change; this covers the menu on a browser page.
    void refreshActiveTab().catch(report);
  });
}

/** At install and browser start: the global look from the stored settings, and the active tab's. */
export async function restoreToolbarLook(): Promise<void> {
  await setGlobalLook(await loadSettings());
  await refreshActiveTab();
}
