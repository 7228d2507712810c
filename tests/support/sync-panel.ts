/** Driving the Updates tab and the sync requests from the side panel page, as a reader and a test would. */
import type { DriverPage } from '../../scripts/browsers.ts';
import type { SyncStatus } from '../../src/shared/api/sync-api.ts';
import { callInExtension, sendFromPage } from './extension-api.ts';

export const status = (page: DriverPage) => sendFromPage(page, 'getSyncStatus', {});
/** The stored dataset, exactly as the extension exports it. */
export const dump = async (page: DriverPage) => JSON.stringify(await sendFromPage(page, 'exportDataset', {}));

type Stored = Record<string, unknown>;

export async function storageGet(page: DriverPage, key: string): Promise<unknown> {
  return (await callInExtension<Stored>(page, 'storage.local.get', key))[key];
}

/** storage.session, read by the page itself (not through the background, which may be busy). */
export async function sessionGet(page: DriverPage, key: string): Promise<unknown> {
  return (await callInExtension<Stored>(page, 'storage.session.get', key))[key];
}

export async function storageSet(page: DriverPage, values: Record<string, unknown>): Promise<void> {
  await callInExtension(page, 'storage.local.set', values);
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
