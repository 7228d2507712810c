/**
 * The keyboard commands besides opening the panel (which the browser does itself: `_execute_action` in Chrome,
 * `_execute_sidebar_action` in Firefox). They are manifest commands, so the browser's shortcut settings list
 * them and the reader can change their keys; each is relayed to the tab it was pressed in:
 * - "open-card": the card of the name at the caret or selection, or of the first name on screen;
 * - "toggle-highlights": Dramatis off (or back on) for this page, until it is reloaded; every frame follows
 *   the top frame's new state.
 */
import { browser, type Tabs } from '../shared/browser.ts';
import { sendToTab } from '../shared/api/send.ts';

export const COMMAND_OPEN_CARD = 'open-card';
export const COMMAND_TOGGLE = 'toggle-highlights';

async function tabOf(tab: Tabs.Tab | undefined): Promise<number | undefined> {
  if (tab?.id !== undefined) return tab.id;
  const [active] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  return active?.id;
}

export async function runCommand(command: string, tab: Tabs.Tab | undefined): Promise<void> {
  const tabId = await tabOf(tab);
  // A page without a content script (a browser page) has nothing to open or toggle.
  if (tabId === undefined) return;
  if (command === COMMAND_OPEN_CARD) {
    await sendToTab(tabId, 'openCard', {}).catch(() => undefined);
  } else if (command === COMMAND_TOGGLE) {
    const answer = await sendToTab(tabId, 'setPageActive', {}).catch(() => undefined);
    if (!answer) return;
    // Without a frameId the message reaches every frame of the tab; the top frame already has this state.
    await browser.tabs.sendMessage(tabId, { type: 'setPageActive', params: { active: answer.active } }).catch(() => undefined);
  }
}

/** Registers the listener (synchronously, at the worker's top level). */
export function wireCommands(): void {
  browser.commands.onCommand.addListener((command, tab) => {
    void runCommand(command, tab).catch((err: unknown) => console.error('Dramatis: a command failed:', err));
  });
}
