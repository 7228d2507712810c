/**
 * Registers a complete handler table on `runtime.onMessage`, behind the checks of dispatch.ts: the sender against
 * each request's declared audience (sender.ts), then the params against each request's schema. Unknown messages
 * are ignored; a request a sender may not make, or with malformed params, is refused with a readable error,
 * before any handler runs.
 */
import { browser } from '../browser.ts';
import { checkParams, createDispatcher, type AccessTable, type ParamsCheck, type ParamsTable } from './dispatch.ts';
import type { Handlers } from './messages.ts';

/** Our extension's origin (chrome-extension://<id>, moz-extension://<uuid>), without a trailing slash. */
export function ownOrigin(): string {
  return new URL(browser.runtime.getURL('/')).origin;
}

/**
 * Registers the handler table on `runtime.onMessage`. Must be called synchronously at the top level of a
 * service worker, or Chrome may drop the message that woke it.
 */
export function listen<Api extends object>(
  handlers: Handlers<Api>,
  access: AccessTable<Api>,
  schemas: ParamsTable<Api>,
  check: ParamsCheck = checkParams,
): () => void {
  const listener = createDispatcher(handlers, access, schemas, { id: browser.runtime.id, origin: ownOrigin() }, check);
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
