/**
 * Hover to card: with the extension scanned into a page, the pointer is put on one name after another and left
 * there; the content script's `dramatis:card` measure (src/content/scan/scan-timing.ts) times each card from the end of
 * the hover delay (the moment it is asked to open) to the frame that shows it painted. The pointer then leaves and
 * the card closes before the next name. Names are taken among those painted in the viewport.
 */
import type { Page } from 'playwright-core';
import { dramatisScan } from './page-bench.ts';
import { median, percentile } from './stats.ts';

export interface HoverRow {
  page: string;
  dictionary: number | 'shipped';
  cards: number;
  medianMs: number;
  p95Ms: number;
  /** The first card of the page: its entity was never fetched by this tab before. */
  firstMs: number;
  /** Of each card's time, our work until it was shown (rendered and placed); the rest waits for a frame. */
  workMedianMs: number;
  workP95Ms: number;
}

const CARD = 'dramatis:card';
/** Screens scrolled, at most, looking for names in view (the bench's 1 MB page is about 600 screens long). */
const MAX_SCROLLS = 600;

export async function hoverToCard(page: Page, url: string, cards: number): Promise<Omit<HoverRow, 'page' | 'dictionary'>> {
  await page.goto(url, { waitUntil: 'load' });
  await dramatisScan(page);
  const times: number[] = [];
  const work: number[] = [];
  // A long page registers only the names near the viewport, and its first names can be many screens down:
  // scrolls that find none in view don't count as cards (up to MAX_SCROLLS of them).
  let scrolls = 0;
  for (let i = 0; i < cards; ) {
    const point = await page.evaluate((n: number) => {
      // Names painted in the viewport (highlights are windowed near it on a long page); else scroll a screen on.
      const seen: Array<{ x: number; y: number }> = [];
      for (const h of CSS.highlights.values()) {
        for (const r of h as unknown as Iterable<AbstractRange>) {
          const live = document.createRange();
          live.setStart(r.startContainer, r.startOffset);
          live.setEnd(r.endContainer, r.endOffset);
          const rect = live.getClientRects()[0];
          if (rect && rect.y > 10 && rect.bottom < innerHeight - 10 && rect.x > 10 && rect.right < innerWidth - 10) {
            seen.push({ x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 });
          }
        }
      }
      if (seen.length === 0) {
        window.scrollBy(0, innerHeight * 0.8);
        return null;
      }
      return seen[(n * 7) % seen.length]!;
    }, i);
    if (!point) {
      if (++scrolls > MAX_SCROLLS) break;
      await page.waitForTimeout(150);
      continue;
    }
    i++;
    const before = await page.evaluate((name) => performance.getEntriesByName(name).length, CARD);
    // Off the text first, so the move onto the name starts a fresh hover.
    await page.mouse.move(2, 2);
    await page.waitForTimeout(400);
    await page.mouse.move(point.x, point.y, { steps: 2 });
    const handle = await page.waitForFunction(([name, n]) => {
      const all = performance.getEntriesByName(name as string);
      const last = all[all.length - 1] as PerformanceMeasure | undefined;
      return all.length > (n as number) && last ? [last.duration, Number(last.detail)] : null;
    }, [CARD, before] as const, { timeout: 10_000, polling: 20 }).catch(() => null);
    if (handle) {
      const [total, ours] = (await handle.jsonValue()) as [number, number];
      times.push(total);
      work.push(ours);
    }
  }
  await page.mouse.move(2, 2);
  if (times.length === 0) throw new Error(`no card opened on ${url} (${scrolls} screens scrolled looking for names in view)`);
  return {
    cards: times.length, medianMs: median(times), p95Ms: percentile(times, 95), firstMs: times[0]!,
    workMedianMs: median(work), workP95Ms: percentile(work, 95),
  };
}
