/** What both browsers' drivers (page-driver-chromium.ts, page-driver-firefox.ts) share. */
import type { DriverPage } from '../../../scripts/browsers.ts';
import { callInExtension } from '../extension-api.ts';

/**
 * Wraps the probe so it runs with the root (or null) and resolves to JSON, the one shape both protocols return.
 * The probe may return a promise.
 */
export function probeSource(fn: (root: ShadowRoot | null, arg: never) => unknown): string {
  return `(root, argJson) => Promise.resolve((${fn.toString()})(root, JSON.parse(argJson))).then((v) => JSON.stringify(v ?? null))`;
}

export function storageHelpers(extPage: () => Promise<DriverPage>) {
  return {
    async setStorage(items: Record<string, unknown>) {
      await callInExtension(await extPage(), 'storage.local.set', items);
    },
    async getStorage(area: 'local' | 'session', key: string) {
      return (await callInExtension<Record<string, unknown>>(await extPage(), `storage.${area}.get`, key))[key];
    },
  };
}
