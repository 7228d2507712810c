/**
 * The side panel is Chrome's `side_panel` and Firefox's `sidebar_action`: the only place the two browsers'
 * APIs differ for us, so the difference lives here and nowhere else.
 */
import { browser, type Tabs } from '../shared/browser.ts';

interface ChromeSidePanel {
  setPanelBehavior(b: { openPanelOnActionClick: boolean }): Promise<void>;
  open(o: { tabId?: number; windowId?: number }): Promise<void>;
}

function chromeSidePanel(): ChromeSidePanel | undefined {
  return (globalThis as { chrome?: { sidePanel?: ChromeSidePanel } }).chrome?.sidePanel;
}

/** Makes the toolbar button open the panel. Called at every worker start (listeners must be registered then). */
export function wireToolbarButton(): void {
  const sidePanel = chromeSidePanel();
  if (sidePanel) {
    sidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => undefined);
    return;
  }
  // Firefox: toggle() is allowed here because onClicked is a user-input handler.
  browser.action.onClicked.addListener(() => {
    void browser.sidebarAction.toggle();
  });
}

/**
 * Opens the panel for a tab. Chrome allows it while the sender's user gesture is live; Firefox allows it only
 * from an input handler inside the extension, so there it reports `false` and the caller says so.
 */
export async function openSidePanelFor(tabId: number | undefined): Promise<boolean> {
  const sidePanel = chromeSidePanel();
  if (!sidePanel || tabId === undefined) return false;
  await sidePanel.open({ tabId });
  return true;
}

/**
 * Opens the panel from a user-input handler of the background (a menu click, a command): both browsers allow it
 * only while that input is being handled, so this must be called before the handler's first `await`. Resolves
 * (never rejects) with whether the panel opened.
 */
export function openPanelFromGesture(tab: Tabs.Tab | undefined): Promise<boolean> {
  try {
    const sidePanel = chromeSidePanel();
    const opening = sidePanel
      ? tab?.id !== undefined ? sidePanel.open({ tabId: tab.id }) : tab?.windowId !== undefined ? sidePanel.open({ windowId: tab.windowId }) : undefined
      : browser.sidebarAction.open();
    return opening ? opening.then(() => true, () => false) : Promise.resolve(false);
  } catch {
    return Promise.resolve(false);
  }
}
