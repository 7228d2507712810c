/**
 * What the demo and the browser tests read from a page with Dramatis loaded. Highlights come from the page's
 * own world: the CSS highlight registry is shared with the content script. The card lives in a CLOSED shadow
 * root, which page scripts can't open: reading it takes a driver that reaches it through the browser's
 * automation protocol (a CardRootReader; tests/browser/page-driver.ts has one for each browser). Without one
 * (the demo), a probe sees what a page could: the `dramatis-active` highlight on the name whose card is open.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { foldKey } from '../src/core/normalize.ts';
import type { DriverPage } from './browsers.ts';
import { ROOT } from './build.ts';

export interface HighlightedRange {
  highlight: string;
  text: string;
  rect: { x: number; y: number; width: number; height: number };
}

/** A driver that can run a probe in the page with the card's closed shadow root (null when there is no card host). */
export interface CardRootReader {
  inCardRoot<R, A>(fn: (root: ShadowRoot | null, arg: A) => R | Promise<R>, arg: A): Promise<R>;
}

export interface CardView {
  entityId: string;
  /** The text as rendered (innerText). */
  text: string;
  dir: string;
  lang: string;
  rect: { x: number; y: number; width: number; height: number };
  /** The card, or an element in it, has focus. */
  focused: boolean;
  /** The element in the card that has focus (tag and class), '' when none. */
  focusedElement: string;
}

/** Every name range (not the open card's name, `dramatis-active`, nor the side panel's `dramatis-flash`) Dramatis registered, with its text and where it is on screen. */
export function readHighlights(page: DriverPage): Promise<HighlightedRange[]> {
  return page.evaluate(() => {
    const out: { highlight: string; text: string; rect: { x: number; y: number; width: number; height: number } }[] = [];
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith('dramatis-') || name === 'dramatis-active' || name === 'dramatis-flash') continue;
      for (const range of highlight as unknown as Iterable<Range>) {
        const r = range.getClientRects()[0] ?? range.getBoundingClientRect();
        out.push({ highlight: name, text: range.toString(), rect: { x: r.x, y: r.y, width: r.width, height: r.height } });
      }
    }
    return out;
  });
}

export function waitForHighlights(page: DriverPage, timeoutMs = 15_000): Promise<void> {
  return page.waitFor(
    () => [...CSS.highlights.entries()].some(([k, h]) => k.startsWith('dramatis-') && k !== 'dramatis-active' && (h as unknown as Set<Range>).size > 0),
    undefined,
    timeoutMs,
  );
}

/** The text of the name whose card is open (the `dramatis-active` highlight), or null. */
export function readActiveName(page: DriverPage): Promise<string | null> {
  return page.evaluate(() => {
    const h = CSS.highlights.get('dramatis-active') as unknown as Set<Range> | undefined;
    const range = h ? [...h][0] : undefined;
    return range ? range.toString() : null;
  });
}

function hasCardReader(page: DriverPage): page is DriverPage & CardRootReader {
  return typeof (page as Partial<CardRootReader>).inCardRoot === 'function';
}

/**
 * The open card as the reader sees it, or null when no card is open. Needs a CardRootReader (the card's root is
 * closed to page scripts): tests/browser/page-driver.ts launchForTests gives pages that have one.
 */
export function readCard(page: DriverPage): Promise<CardView | null> {
  if (!hasCardReader(page)) {
    return Promise.reject(new Error('readCard needs a driver that reads closed shadow roots: launch with launchForTests (tests/browser/page-driver.ts)'));
  }
  return page.inCardRoot((root) => {
    const card = root?.querySelector<HTMLElement>('.card');
    if (!card) return null;
    const r = card.getBoundingClientRect();
    const active = root?.activeElement as HTMLElement | null | undefined;
    return {
      entityId: card.dataset.entityId ?? '',
      text: card.innerText,
      dir: card.dir,
      lang: card.lang,
      rect: { x: r.x, y: r.y, width: r.width, height: r.height },
      focused: active != null,
      focusedElement: active ? `${active.tagName.toLowerCase()}.${active.className}` : '',
    };
  }, null);
}

/** Names (folded) an entity is found by, from the pack the build bundled. */
function foldedAliases(entityId: string): Set<string> {
  const pack = JSON.parse(readFileSync(join(ROOT, 'generated', 'pack.json'), 'utf8')) as { entities: { id: string; aliases: { text: string }[] }[] };
  const entity = pack.entities.find((e) => e.id === entityId);
  if (!entity) throw new Error(`entity ${entityId} is not in the bundled pack`);
  return new Set(entity.aliases.map((a) => foldKey(a.text)));
}

/**
 * Waits until the card of `entityId` is open. With a CardRootReader, by the card itself (its entity, laid out
 * and visible); otherwise by the name the open card is about (`dramatis-active`), which must be one of the
 * entity's names.
 */
export async function waitForCard(page: DriverPage, entityId: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const aliases = hasCardReader(page) ? undefined : foldedAliases(entityId);
  for (;;) {
    if (hasCardReader(page)) {
      const open = await page.inCardRoot((root, id: string) => {
        const card = root?.querySelector<HTMLElement>('.card');
        return card?.dataset.entityId === id && getComputedStyle(card).visibility === 'visible';
      }, entityId);
      if (open) return;
    } else {
      const name = await readActiveName(page);
      if (name !== null && aliases?.has(foldKey(name))) return;
    }
    if (Date.now() > deadline) throw new Error(`no card for ${entityId} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Waits until no card is open. */
export async function waitForNoCard(page: DriverPage, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = hasCardReader(page)
      ? await page.inCardRoot((root) => root?.querySelector('.card') != null, null)
      : (await readActiveName(page)) !== null;
    if (!open) return;
    if (Date.now() > deadline) throw new Error(`a card is still open after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Moves the pointer onto the middle of the first highlighted range whose text is `text`; returns it. */
export async function hoverName(page: DriverPage, text: string): Promise<HighlightedRange> {
  await page.evaluate(() => window.scrollTo(0, 0));
  const range = (await readHighlights(page)).find((h) => h.text === text);
  if (!range) throw new Error(`no highlighted range reads "${text}"`);
  const { x, y, width, height } = range.rect;
  // Approach in two steps, as a reader's pointer does: hover intent ignores a pointer that only jumps.
  await page.mouseMove(x + width / 2 - 3, y + height / 2);
  await page.mouseMove(x + width / 2, y + height / 2);
  return range;
}
