/** Driving the Updates tab and the sync requests from the side panel page, as a reader and a test would. */
import type { DriverPage } from '../../scripts/browsers.ts';
import type { DatasetPack } from '../../src/core/dataset-schema.ts';
import type { SyncStatus } from '../../src/shared/sync-api.ts';

type Area = { get(k: string): Promise<Record<string, unknown>>; set(v: object): Promise<void>; remove(k: string): Promise<void> };
type Api = { runtime: { sendMessage(m: unknown): Promise<unknown> }; storage: { local: Area; session: Area } };

/** A request to the background, sent from the extension page. */
export function send<R>(page: DriverPage, type: string, params: object = {}): Promise<R> {
  return page.evaluate(async ({ type, params }: { type: string; params: object }) => {
    const api = (globalThis as { browser?: Api }).browser ?? (globalThis as unknown as { chrome: Api }).chrome;
    return (await api.runtime.sendMessage({ type, params })) as R;
  }, { type, params });
}

export const status = (page: DriverPage) => send<SyncStatus>(page, 'getSyncStatus');
/** The stored dataset, exactly as the extension exports it. */
export const dump = async (page: DriverPage) => JSON.stringify(await send<DatasetPack>(page, 'exportDataset'));

export async function storageGet(page: DriverPage, key: string): Promise<unknown> {
  return page.evaluate(async (k: string) => {
    const api = (globalThis as { browser?: Api }).browser ?? (globalThis as unknown as { chrome: Api }).chrome;
    return (await api.storage.local.get(k))[k];
  }, key);
}

/** storage.session, read by the page itself (not through the background, which may be busy). */
export async function sessionGet(page: DriverPage, key: string): Promise<unknown> {
  return page.evaluate(async (k: string) => {
    const api = (globalThis as { browser?: Api }).browser ?? (globalThis as unknown as { chrome: Api }).chrome;
    return (await api.storage.session.get(k))[k];
  }, key);
}

export async function storageSet(page: DriverPage, values: Record<string, unknown>): Promise<void> {
  await page.evaluate(async (v: Record<string, unknown>) => {
    const api = (globalThis as { browser?: Api }).browser ?? (globalThis as unknown as { chrome: Api }).chrome;
    await api.storage.local.set(v);
  }, values);
}

export async function storageRemove(page: DriverPage, key: string): Promise<void> {
  await page.evaluate(async (k: string) => {
    const api = (globalThis as { browser?: Api }).browser ?? (globalThis as unknown as { chrome: Api }).chrome;
    await api.storage.local.remove(k);
  }, key);
}

/** Polls `probe` (in Node) until it returns a truthy value; generous by default, for a loaded machine. */
export async function until<T>(probe: () => Promise<T>, what: string, timeoutMs = 30_000, everyMs = 100): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value as NonNullable<T>;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Shows the Updates tab of the panel page. */
export async function openUpdatesTab(page: DriverPage): Promise<void> {
  await page.waitFor(() => document.getElementById('tab-updates') !== null, undefined, 15_000);
  await page.evaluate(() => document.getElementById('tab-updates')!.click());
  // "Check now" is there only while a feed is set: the tab's own section is what always comes.
  await page.waitFor(() => document.querySelector('section.updates') !== null, undefined, 15_000);
}

/** Clicks "Check now" and waits until that check is over (recorded, nothing running). */
export async function clickCheckNow(page: DriverPage): Promise<SyncStatus> {
  const before = (await status(page)).state.lastCheckAt;
  await page.waitFor(() => document.querySelector('.sync-check-now') !== null && !(document.querySelector('.sync-check-now') as HTMLButtonElement).disabled, undefined, 30_000);
  await page.evaluate(() => (document.querySelector('.sync-check-now') as HTMLButtonElement).click());
  return until(async () => {
    const s = await status(page);
    return s.state.lastCheckAt !== before && s.progress === null ? s : null;
  }, 'the check to finish', 60_000);
}

/** The error the Updates tab shows: its code and text, once it shows `code`. */
export async function shownError(page: DriverPage, code: string): Promise<string> {
  await page.waitFor((c: string) => document.querySelector(`.sync-error[data-code="${c}"]`) !== null, code, 15_000);
  return page.evaluate((c: string) => (document.querySelector(`.sync-error[data-code="${c}"]`) as HTMLElement).innerText, code);
}

/** Chooses `text` as the file of the import input, as a reader picking a file would. */
export async function chooseImportFile(page: DriverPage, name: string, text: string): Promise<void> {
  await page.waitFor(() => !(document.getElementById('sync-import') as HTMLInputElement | null)?.disabled, undefined, 30_000);
  await page.evaluate(({ name, text }: { name: string; text: string }) => {
    const input = document.getElementById('sync-import') as HTMLInputElement;
    const files = new DataTransfer();
    files.items.add(new File([text], name, { type: 'application/json' }));
    input.files = files.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }, { name, text });
}
