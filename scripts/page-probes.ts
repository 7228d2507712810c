/**
 * What the demo and the browser tests read from a page with Dramatis loaded, from the page's own world: the CSS
 * highlight registry is shared with the content script, and the card's shadow root is reachable from its host.
 */
import type { DriverPage } from './browsers.ts';

export interface HighlightedRange {
  highlight: string;
  text: string;
  rect: { x: number; y: number; width: number; height: number };
}

/** Every range Dramatis registered, with its text and where it is on screen. */
export function readHighlights(page: DriverPage): Promise<HighlightedRange[]> {
  return page.evaluate(() => {
    const out: { highlight: string; text: string; rect: { x: number; y: number; width: number; height: number } }[] = [];
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith('dramatis-')) continue;
      for (const range of highlight as unknown as Iterable<Range>) {
        const r = range.getClientRects()[0] ?? range.getBoundingClientRect();
        out.push({ highlight: name, text: range.toString(), rect: { x: r.x, y: r.y, width: r.width, height: r.height } });
      }
    }
    return out;
  });
}

export function waitForHighlights(page: DriverPage, timeoutMs = 15_000): Promise<void> {
  return page.waitFor(() => [...CSS.highlights.keys()].some((k) => k.startsWith('dramatis-')), undefined, timeoutMs);
}

/** The open card's text and entity, or null when no card is open. */
export function readCard(page: DriverPage): Promise<{ entityId: string; text: string; dir: string; lang: string } | null> {
  return page.evaluate(() => {
    const card = document.querySelector('dramatis-card-host')?.shadowRoot?.querySelector<HTMLElement>('.card');
    if (!card) return null;
    return { entityId: card.dataset.entityId ?? '', text: card.innerText, dir: card.dir, lang: card.lang };
  });
}

export function waitForCard(page: DriverPage, entityId: string, timeoutMs = 5_000): Promise<void> {
  return page.waitFor(
    (id: string) => document.querySelector('dramatis-card-host')?.shadowRoot?.querySelector(`.card[data-entity-id="${id}"]`) != null,
    entityId,
    timeoutMs,
  );
}

/** Moves the pointer onto the middle of the first highlighted range whose text is `text`; returns it. */
export async function hoverName(page: DriverPage, text: string): Promise<HighlightedRange> {
  const range = (await readHighlights(page)).find((h) => h.text === text);
  if (!range) throw new Error(`no highlighted range reads "${text}"`);
  await page.evaluate(() => window.scrollTo(0, 0));
  const { x, y, width, height } = range.rect;
  // Approach in two steps, as a reader's pointer does: hover intent ignores a pointer that only jumps.
  await page.mouseMove(x + width / 2 - 3, y + height / 2);
  await page.mouseMove(x + width / 2, y + height / 2);
  return range;
}
