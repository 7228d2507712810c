/** Which tab the panel describes: `?tabId=N` when given (automation, tests), else the active tab of this window. */
import { browser, type Runtime } from '../shared/browser.ts';
import { isPageMentionsChanged } from '../shared/api/panel-api.ts';

export async function targetTabId(): Promise<number | undefined> {
  const fromQuery = new URLSearchParams(location.search).get('tabId');
  if (fromQuery !== null && /^\d+$/.test(fromQuery)) return Number(fromQuery);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/** Calls `onChange` when the described tab may have changed: another tab activated, or a page loaded. */
export function watchActiveTab(onChange: () => void): () => void {
  const activated = () => onChange();
  const updated = (_id: number, info: { status?: string }) => {
    if (info.status === 'complete') onChange();
  };
  browser.tabs.onActivated.addListener(activated);
  browser.tabs.onUpdated.addListener(updated);
  return () => {
    browser.tabs.onActivated.removeListener(activated);
    browser.tabs.onUpdated.removeListener(updated);
  };
}

/** Calls `onChange(tabId)` when the content script of a tab announces that its page's mentions changed. */
export function watchPageMentionsChanged(onChange: (tabId: number) => void): () => void {
  const listener = (msg: unknown, sender: Runtime.MessageSender): undefined => {
    // Only our own content scripts' top frames speak for a page (frames other than 0 describe sub-frames).
    if (isPageMentionsChanged(msg) && sender.id === browser.runtime.id && sender.tab?.id !== undefined && (sender.frameId ?? 0) === 0) {
      onChange(sender.tab.id);
    }
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
