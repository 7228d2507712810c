/** Calls made from inside an extension page (where `runtime.sendMessage` reaches the background). */
import type { DriverPage } from '../../scripts/browsers.ts';
import type { PageMentions } from '../../src/shared/api/messages.ts';
import { inExtension, sendFromPage } from './extension-api.ts';

type Api = { runtime: { sendMessage(m: unknown): Promise<unknown> }; tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } };

/**
 * The id of the tab showing `url`. Tab URLs are hidden from an extension without the `tabs` permission (which
 * Dramatis doesn't ask for), so each tab is asked through the contract itself, which reports its page's URL.
 */
export async function tabIdOf(extPage: DriverPage, url: string): Promise<number> {
  const id = await inExtension(extPage, async (api: Api, u: string) => {
    for (const tab of await api.tabs.query({})) {
      if (tab.id === undefined) continue;
      const answer = await api.runtime
        .sendMessage({ type: 'getPageMentions', params: { tabId: tab.id } })
        .catch(() => undefined);
      if ((answer as { url?: string } | undefined)?.url === u) return tab.id;
    }
    return -1;
  }, url);
  if (id < 0) throw new Error(`no tab shows ${url}`);
  return id;
}

/** The automation contract, exactly as a caller uses it. */
export function getPageMentions(extPage: DriverPage, tabId: number): Promise<PageMentions> {
  return sendFromPage(extPage, 'getPageMentions', { tabId });
}
