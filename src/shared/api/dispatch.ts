/**
 * The checks every incoming message goes through before a handler runs, without the browser (listen.ts wires
 * this to `runtime.onMessage`; unit tests call it with a fake sender): a known request type, a sender allowed to
 * ask it (sender.ts), then params that match the request's schema. A handler therefore receives params of its
 * declared type and never checks their shape itself; it keeps only the checks that need state (sizes staged so
 * far, what the dataset cites).
 *
 * Schemas are checked with TypeBox's `Value` functions, which interpret the schema: the compiler's generated
 * code would need `new Function`, which the extension's CSP forbids. Saying what is wrong in detail
 * (param-errors.ts) brings TypeBox's error texts along: the background's listener does, for the extension's own
 * pages and for an untrusted content script; the content script's, which only our background can reach, says
 * only which request was malformed, and stays 20 KB lighter on every page.
 */
import type { TSchema } from '@sinclair/typebox';
import { Check } from '@sinclair/typebox/value';
import type { Runtime } from '../browser.ts';
import { isRequest, type Handlers, type ParamsOf, type RequestContext } from './messages.ts';
import { mayAsk, senderKind, type Audience } from './sender.ts';

/** The audience of every request of an API: a request without one is a compile error. */
export type AccessTable<Api> = { readonly [K in keyof Api]: Audience };

/**
 * The schema of every request's params: a request without one is a compile error, and so is a schema whose
 * values are not the request's declared params (TypeBox's `static` is the type a schema accepts).
 */
export type ParamsTable<Api> = { readonly [K in keyof Api]: TSchema & { static: ParamsOf<Api, K> } };

/** The extension a dispatcher answers for: its id and its origin (chrome-extension://<id>, without a slash). */
export interface OwnExtension {
  id: string;
  origin: string;
}

/** Why `params` are not what request `type` takes, in words, or undefined when they are. */
export type ParamsCheck = (schema: TSchema, type: string, params: unknown) => string | undefined;

/** The plain check: which request was malformed, not where (see param-errors.ts for the detailed one). */
export const checkParams: ParamsCheck = (schema, type, params) =>
  (Check(schema, params) ? undefined : `${type}: malformed parameters`);

/**
 * The `runtime.onMessage` listener for an API: resolves with the handler's result, or rejects with a readable
 * message when the sender may not ask (checked first, so a page learns nothing of the params a request takes)
 * or the params are malformed; in both cases no handler runs.
 *
 * Returns `undefined` for a message that is not one of the API's requests, so another listener (or nobody)
 * answers it, instead of answering every stray message with an error.
 */
export function createDispatcher<Api extends object>(
  handlers: Handlers<Api>,
  access: AccessTable<Api>,
  schemas: ParamsTable<Api>,
  own: OwnExtension,
  check: ParamsCheck = checkParams,
): (msg: unknown, sender: Runtime.MessageSender) => Promise<unknown> | undefined {
  return (msg, sender) => {
    if (!isRequest(msg, handlers)) return undefined;
    const type = msg.type as keyof Api;
    const kind = senderKind(sender, own.id, own.origin);
    if (!mayAsk(kind, access[type])) {
      return Promise.reject(new Error(`${String(type)}: not allowed from ${kind === 'content' ? "a page's content script" : 'this sender'}`));
    }
    const problem = check(schemas[type], String(type), msg.params);
    if (problem !== undefined) return Promise.reject(new Error(problem));
    const ctx: RequestContext = { from: kind === 'extension' ? 'extension' : 'content' };
    if (sender.tab?.id !== undefined) ctx.tabId = sender.tab.id;
    if (sender.frameId !== undefined) ctx.frameId = sender.frameId;
    const handler = handlers[type] as (p: unknown, c: RequestContext) => Promise<unknown>;
    // Rejections reach the sender as a rejected sendMessage with this message; never as a page-visible error.
    return handler(msg.params, ctx).catch((err: unknown) => {
      throw new Error(err instanceof Error ? err.message : String(err));
    });
  };
}
