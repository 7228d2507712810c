/** Dispatches incoming messages to a complete handler table; unknown or malformed messages are ignored. */
import { browser, type Runtime } from './browser.ts';
import { isRequest, type Handlers, type RequestContext } from './messages.ts';

/**
 * Registers the handler table on `runtime.onMessage`. Must be called synchronously at the top level of a
 * service worker, or Chrome may drop the message that woke it.
 *
 * Returning `undefined` for a message we don't handle lets another listener (or nobody) answer it, instead of
 * answering every stray message with an error.
 */
export function listen<Api extends object>(handlers: Handlers<Api>): () => void {
  const listener = (msg: unknown, sender: Runtime.MessageSender): Promise<unknown> | undefined => {
    if (!isRequest(msg, handlers)) return undefined;
    const ctx: RequestContext = {};
    if (sender.tab?.id !== undefined) ctx.tabId = sender.tab.id;
    if (sender.frameId !== undefined) ctx.frameId = sender.frameId;
    if (sender.url !== undefined) ctx.senderUrl = sender.url;
    const handler = handlers[msg.type as keyof Api] as (p: unknown, c: RequestContext) => Promise<unknown>;
    // Rejections reach the sender as a rejected sendMessage with this message; never as a page-visible error.
    return handler(msg.params, ctx).catch((err: unknown) => {
      throw new Error(err instanceof Error ? err.message : String(err));
    });
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
