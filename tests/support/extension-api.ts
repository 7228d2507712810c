/**
 * Calls into the extension from Node through one of its own pages (the side panel, the reader): the one place
 * code run from Node in an extension page picks Firefox's `browser` or Chrome's `chrome`: one call
 * (callInExtension, sendFromPage), or a callback handed the API (inExtension).
 */
import type { DriverPage } from '../../scripts/browsers.ts';
import type { BackgroundApi, ParamsOf, ResultOf } from '../../src/shared/api/messages.ts';

/**
 * Calls one WebExtension API function inside `page` and resolves to its result: `path` names it from the API's
 * root ('runtime.sendMessage', 'storage.local.get'); `args` must survive structured cloning.
 */
export function callInExtension<R = unknown>(page: DriverPage, path: string, ...args: unknown[]): Promise<R> {
  return page.evaluate(async ({ path, args }: { path: string; args: unknown[] }) => {
    const g = globalThis as { browser?: unknown; chrome?: unknown };
    const names = path.split('.');
    const method = names.pop()!;
    const owner = names.reduce((o, n) => (o as Record<string, unknown>)[n], g.browser ?? g.chrome) as Record<string, (...a: unknown[]) => unknown>;
    return (await owner[method]!(...args)) as R;
  }, { path, args });
}

/**
 * Runs `fn` inside `page` with the extension's API as its first argument, for code that makes several calls there
 * or must not wait for one. `fn` travels as its source (an evaluated function closes over nothing, not even an
 * import) and `arg` as JSON; the driver evaluates the call as an expression, which in both browsers awaits it.
 */
export function inExtension<Api, A, R>(page: DriverPage, fn: (api: Api, arg: A) => R | Promise<R>, arg?: A): Promise<R> {
  const call = `(${fn.toString()})(globalThis.browser ?? globalThis.chrome, ${JSON.stringify(arg) ?? 'undefined'})`;
  return (page.evaluate as unknown as (expression: string) => Promise<R>)(call);
}

/**
 * A request to the background from an extension page, as the panel sends it (typed as sendToBackground is);
 * rejects with the background's refusal.
 */
export function sendFromPage<K extends keyof BackgroundApi>(
  page: DriverPage,
  type: K,
  params: ParamsOf<BackgroundApi, K>,
): Promise<ResultOf<BackgroundApi, K>> {
  return callInExtension(page, 'runtime.sendMessage', { type, params });
}
