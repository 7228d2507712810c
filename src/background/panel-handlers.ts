/** Handlers for PanelApi (side panel, card and article reader). */
import { browser } from '../shared/browser.ts';
import type { Handlers } from '../shared/messages.ts';
import type { PanelApi } from '../shared/panel-api.ts';

/** The reader's URL for an article, optionally at a passage and for an entity. */
export function readerUrl(articleId: string, quote?: string, entityId?: string): string {
  const q = new URLSearchParams({ article: articleId });
  if (quote) q.set('quote', quote);
  if (entityId) q.set('entity', entityId);
  return browser.runtime.getURL(`reader.html?${q.toString()}`);
}

export const panelHandlers: Handlers<PanelApi> = {
  async openReader({ articleId, quote, entityId }) {
    if (typeof articleId !== 'string' || (quote !== undefined && typeof quote !== 'string')) {
      throw new Error('openReader: bad parameters');
    }
    await browser.tabs.create({ url: readerUrl(articleId, quote?.slice(0, 2000), typeof entityId === 'string' ? entityId : undefined) });
    return { opened: true };
  },
};
