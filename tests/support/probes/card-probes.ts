/** Reading and pointing at the card and the page's names, for the card suites. */
import { readCard, readHighlights } from '../../../scripts/page-probes.ts';
import type { TestBrowser, TestPage } from '../drivers/page-driver.ts';

export type Rect = { x: number; y: number; width: number; height: number };
export const overlaps = (a: Rect, b: Rect): boolean => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The centre of an element of the card (by selector), for a real click. */
export function cardPoint(page: TestPage, selector: string): Promise<{ x: number; y: number }> {
  return page.inCardRoot((root, sel: string) => {
    const el = root?.querySelector(sel);
    if (!el) throw new Error(`no ${sel} in the card`);
    el.scrollIntoView({ block: 'nearest' });
    const r = el.getBoundingClientRect();
    return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  }, selector);
}

/** The middle of a highlighted name on screen (the `nth` range that reads `text`). */
export async function namePoint(page: TestPage, text: string, nth = 0): Promise<{ x: number; y: number; rect: Rect }> {
  const h = (await readHighlights(page)).filter((r) => r.text === text)[nth];
  if (!h) throw new Error(`"${text}" is not highlighted`);
  return { x: h.rect.x + h.rect.width / 2, y: h.rect.y + h.rect.height / 2, rect: h.rect };
}

/** A storage value, once it is set (or undefined after 5 s). */
export async function pollStorage(browser: TestBrowser, key: string): Promise<unknown> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const value = await browser.getStorage('session', key);
    if (value !== undefined || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Whether the card shows `text` within 5 s. */
export async function waitForCardText(page: TestPage, text: string): Promise<boolean> {
  const deadline = Date.now() + 5000;
  for (;;) {
    if ((await readCard(page))?.text.includes(text)) return true;
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Polls a probe of the card's root until it returns something truthy (or throws after `timeoutMs`). */
export async function waitInCard<A>(page: TestPage, probe: (root: ShadowRoot | null, arg: A) => unknown, arg: A, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await page.inCardRoot(probe, arg)) return;
    if (Date.now() > deadline) throw new Error(`the card never satisfied ${probe.toString().slice(0, 120)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * What the clipboard holds, read the way a reader would: pasted (Ctrl+V) into the page's #notes textarea.
 * Works in both browsers' headless clipboards, with no permission to read the clipboard from script.
 */
export async function pastedText(page: TestPage): Promise<string> {
  await page.evaluate(() => {
    const area = document.getElementById('notes') as HTMLTextAreaElement;
    area.value = '';
    area.focus();
  });
  await page.chord(['Control'], 'KeyV');
  return page.evaluate(() => (document.getElementById('notes') as HTMLTextAreaElement).value);
}
