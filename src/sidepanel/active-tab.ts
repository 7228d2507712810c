/** Which tab the panel describes: `?tabId=N` when given (automation, tests), else the active tab of this window. */
import { browser } from '../shared/browser.ts';

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
