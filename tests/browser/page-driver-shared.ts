/** What both browsers' drivers (page-driver-chromium.ts, page-driver-firefox.ts) share. */
import type { DriverPage } from '../../scripts/browsers.ts';

/**
 * Wraps the probe so it runs with the root (or null) and resolves to JSON, the one shape both protocols return.
 * The probe may return a promise.
 */
export function probeSource(fn: (root: ShadowRoot | null, arg: never) => unknown): string {
  return `(root, argJson) => Promise.resolve((${fn.toString()})(root, JSON.parse(argJson))).then((v) => JSON.stringify(v ?? null))`;
}

type StorageApi = { storage: Record<'local' | 'session', { set(i: object): Promise<void>; get(k: string): Promise<Record<string, unknown>> }> };

export function storageHelpers(extPage: () => Promise<DriverPage>) {
  return {
    async setStorage(items: Record<string, unknown>) {
      await (await extPage()).evaluate(async (i: Record<string, unknown>) => {
        const api = (globalThis as { browser?: StorageApi }).browser ?? (globalThis as unknown as { chrome: StorageApi }).chrome;
        await api.storage.local.set(i);
      }, items);
    },
    async getStorage(area: 'local' | 'session', key: string) {
      return (await extPage()).evaluate(async ([a, k]: [string, string]) => {
        const api = (globalThis as { browser?: StorageApi }).browser ?? (globalThis as unknown as { chrome: StorageApi }).chrome;
        return (await api.storage[a as 'local' | 'session'].get(k))[k];
      }, [area, key] as [string, string]);
    },
  };
}
