/**
 * What a tab's content script says about its page (ContentApi.pageStatus), for the toolbar badge and the
 * toolbar button's menu. Asked, never pushed: a page only announces that something changed (the contentless
 * PAGE_MENTIONS_CHANGED event), so nothing about what was found travels through the page or lives in the worker.
 */
import { checkPageStatus, type PageStatus } from '../core/ui/toolbar-state.ts';
import { sendToTab } from '../shared/api/send.ts';

/** The status of a tab's top frame; undefined where no content script answers (browser and extension pages). */
export async function askPageStatus(tabId: number): Promise<PageStatus | undefined> {
  try {
    // The answer comes from a content script inside a page we don't trust: checked like any input.
    return checkPageStatus(await sendToTab(tabId, 'pageStatus', {}));
  } catch {
    return undefined;
  }
}
