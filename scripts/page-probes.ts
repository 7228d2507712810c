/**
 * What the demo and the browser tests read from a page with Dramatis loaded. Highlights come from the page's
 * own world: the CSS highlight registry is shared with the content script. The card lives in a CLOSED shadow
 * root, which page scripts can't open: reading it takes a driver that reaches it through the browser's
 * automation protocol (a CardRootReader; tests/support/drivers/page-driver.ts has one for each browser). Without one
 * (the demo), a probe sees what a page could: the `active` highlight on the name whose card is open.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { foldKey } from '../src/core/matching/normalize.ts';
import { HIGHLIGHT_KINDS } from '../src/content/paint/highlight-styles.ts';
import type { DriverPage } from './browsers.ts';
import { ROOT } from './build.ts';

export interface HighlightedRange {
  /** What the highlight is: a type (person…), a type in the filled style (person-filled…), active or flash. */
  kind: string;
  /** The registry name it is registered under. */
  highlight: string;
  text: string;
  rect: { x: number; y: number; width: number; height: number };
  /** The id of the element the text is in ('' for none), and of the nearest element with an id. */
  parentId: string;
  /** `shadow:<host id>` in a shadow root, else the id of the nearest element with one ('' for none). */
  where: string;
}

/**
 * Every range registered in the page's highlight registry, with its kind. Registry names are random per session
 * (src/content/paint/highlight-styles.ts); which is which the page can read, as a probe does here, from the stylesheet
 * Dramatis adopts while it runs, whose first rules style each kind in HIGHLIGHT_KINDS order.
 */
function highlightsInPage(kinds: readonly string[]): HighlightedRange[] {
  const kindOf = new Map<string, string>();
  for (const sheet of document.adoptedStyleSheets) {
    const rules = [...sheet.cssRules].filter((r) => r instanceof CSSStyleRule && r.selectorText.startsWith('::highlight('));
    if (rules.length < kinds.length) continue;
    rules.slice(0, kinds.length).forEach((r, i) => kindOf.set((r as CSSStyleRule).selectorText.slice('::highlight('.length, -1), kinds[i]!));
  }
  const out: HighlightedRange[] = [];
  for (const [name, highlight] of CSS.highlights) {
    const kind = kindOf.get(name);
    if (!kind) continue;
    for (const r of highlight as unknown as Iterable<AbstractRange>) {
      // Static ranges have no text or layout of their own: a live range over the same text does.
      const live = document.createRange();
      try {
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
      } catch {
        continue;
      }
      const rect = live.getClientRects()[0] ?? live.getBoundingClientRect();
      const root = r.startContainer.getRootNode() as Document | ShadowRoot;
      const parent = r.startContainer.parentElement;
      out.push({
        kind,
        highlight: name,
        text: live.toString(),
        rect: { x: rect.x, y: rect.y, width: rect.width, height: rect.height },
        parentId: parent?.id ?? '',
        where: 'host' in root ? `shadow:${root.host.id}` : (parent?.closest('[id]')?.id ?? ''),
      });
    }
  }
  return out;
}

/** Every name range Dramatis registered (not the open card's name, `active`, nor the side panel's `flash`). */
export async function readHighlights(page: DriverPage): Promise<HighlightedRange[]> {
  return (await readAllHighlights(page)).filter((h) => h.kind !== 'active' && h.kind !== 'flash');
}

/** Every range Dramatis registered, the open card's name and the flash included. */
export function readAllHighlights(page: DriverPage): Promise<HighlightedRange[]> {
  return page.evaluate(highlightsInPage, HIGHLIGHT_KINDS);
}

/** Polls `probe` until it is true, or fails with `what` after `timeoutMs`. */
async function poll(probe: () => Promise<boolean>, what: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await probe().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function waitForHighlights(page: DriverPage, timeoutMs = 15_000): Promise<void> {
  return poll(async () => (await readHighlights(page)).length > 0, 'highlights', timeoutMs);
}

/** Waits until a highlighted name reads `text` (or, with present = false, until none does). */
export function waitForHighlightText(page: DriverPage, text: string, present = true, timeoutMs = 10_000): Promise<void> {
  return poll(async () => (await readHighlights(page)).some((h) => h.text === text) === present, `"${text}" ${present ? '' : 'not '}highlighted`, timeoutMs);
}

/** Waits until `check` holds of the registered ranges (the flash and the open card's name included). */
export function waitForRanges(page: DriverPage, check: (ranges: HighlightedRange[]) => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  return poll(async () => check(await readAllHighlights(page)), what, timeoutMs);
}

/** The text of the name whose card is open (the `active` highlight), or null. */
export async function readActiveName(page: DriverPage): Promise<string | null> {
  return (await readAllHighlights(page)).find((h) => h.kind === 'active')?.text ?? null;
}

/** A driver that can run a probe in the page with the card's closed shadow root (null when there is no card host). */
export interface CardRootReader {
  inCardRoot<R, A>(fn: (root: ShadowRoot | null, arg: A) => R | Promise<R>, arg: A): Promise<R>;
}

export interface CardView {
  entityId: string;
  /**
   * The text as rendered (innerText), without the invisible isolates (U+2066–U+2069) Dramatis puts around
   * dataset text inside UI sentences.
   */
  text: string;
  dir: string;
  lang: string;
  rect: { x: number; y: number; width: number; height: number };
  /** The card, or an element in it, has focus. */
  focused: boolean;
  /** The element in the card that has focus (tag and class), '' when none. */
  focusedElement: string;
}

function hasCardReader(page: DriverPage): page is DriverPage & CardRootReader {
  return typeof (page as Partial<CardRootReader>).inCardRoot === 'function';
}

/**
 * The open card as the reader sees it, or null when no card is open. Needs a CardRootReader (the card's root is
 * closed to page scripts): tests/support/drivers/page-driver.ts launchForTests gives pages that have one.
 */
export function readCard(page: DriverPage): Promise<CardView | null> {
  if (!hasCardReader(page)) {
    return Promise.reject(new Error('readCard needs a driver that reads closed shadow roots: launch with launchForTests (tests/support/drivers/page-driver.ts)'));
  }
  return page.inCardRoot((root) => {
    const card = root?.querySelector<HTMLElement>('.card');
    if (!card) return null;
    const r = card.getBoundingClientRect();
    const active = root?.activeElement as HTMLElement | null | undefined;
    return {
      entityId: card.dataset.entityId ?? '',
      text: card.innerText.replace(/[\u2066-\u2069]/g, ''),
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
 * and visible); otherwise by the name the open card is about (the `active` highlight), which must be one of the
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
