/** Typed senders for the message protocol (see messages.ts). */
import { browser } from '../browser.ts';
import type { BackgroundApi, ContentApi, ParamsOf, ResultOf } from './messages.ts';
import { PAGE_MENTIONS_CHANGED } from './panel-api.ts';

/** Ask the background; resolves to the result, rejects with the background's error message. */
export function sendToBackground<K extends keyof BackgroundApi>(
  type: K,
  params: ParamsOf<BackgroundApi, K>,
): Promise<ResultOf<BackgroundApi, K>> {
  return browser.runtime.sendMessage({ type, params }) as Promise<ResultOf<BackgroundApi, K>>;
}

/** Ask the content script of a tab (its top frame). */
export function sendToTab<K extends keyof ContentApi>(
  tabId: number,
  type: K,
  params: ParamsOf<ContentApi, K>,
): Promise<ResultOf<ContentApi, K>> {
  return browser.tabs.sendMessage(tabId, { type, params }, { frameId: 0 }) as Promise<ResultOf<ContentApi, K>>;
}

/** For content scripts: tells open side panels that this page's mentions changed (nobody listening is fine). */
export function announcePageMentionsChanged(): void {
  browser.runtime.sendMessage({ type: PAGE_MENTIONS_CHANGED }).catch(() => undefined);
}
