/**
 * Dispatches incoming messages to a complete handler table, after checking who sent each one against the
 * request's declared audience (sender.ts): unknown or malformed messages are ignored, and a request a sender may
 * not make is refused with a readable error, before any handler runs.
 */
import { browser, type Runtime } from './browser.ts';
import { isRequest, type Handlers, type RequestContext } from './messages.ts';
import { mayAsk, senderKind, type Audience } from './sender.ts';

/** The audience of every request of an API: a request without one is a compile error. */
export type AccessTable<Api> = { readonly [K in keyof Api]: Audience };

/** Our extension's origin (chrome-extension://<id>, moz-extension://<uuid>), without a trailing slash. */
export function ownOrigin(): string {
  return new URL(browser.runtime.getURL('/')).origin;
}

/**
 * Registers the handler table on `runtime.onMessage`. Must be called synchronously at the top level of a
 * service worker, or Chrome may drop the message that woke it.
 *
 * Returning `undefined` for a message we don't handle lets another listener (or nobody) answer it, instead of
 * answering every stray message with an error.
 */
export function listen<Api extends object>(handlers: Handlers<Api>, access: AccessTable<Api>): () => void {
  const origin = ownOrigin();
  const listener = (msg: unknown, sender: Runtime.MessageSender): Promise<unknown> | undefined => {
    if (!isRequest(msg, handlers)) return undefined;
    const type = msg.type as keyof Api;
    const kind = senderKind(sender, browser.runtime.id, origin);
    if (!mayAsk(kind, access[type])) {
      return Promise.reject(new Error(`${String(type)}: not allowed from ${kind === 'content' ? "a page's content script" : 'this sender'}`));
    }
    const ctx: RequestContext = { from: kind === 'extension' ? 'extension' : 'content' };
    if (sender.tab?.id !== undefined) ctx.tabId = sender.tab.id;
    if (sender.frameId !== undefined) ctx.frameId = sender.frameId;
    if (sender.url !== undefined) ctx.senderUrl = sender.url;
    const handler = handlers[type] as (p: unknown, c: RequestContext) => Promise<unknown>;
    // Rejections reach the sender as a rejected sendMessage with this message; never as a page-visible error.
    return handler(msg.params, ctx).catch((err: unknown) => {
      throw new Error(err instanceof Error ? err.message : String(err));
    });
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
