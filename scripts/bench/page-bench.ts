/**
 * Finding names on a page, in real headless Chromium, per page and dictionary:
 *   (a) floor: a TreeWalker reading every character of the page's text, in the page's own world;
 *   (a′) the same floor in an isolated world, where a content script runs: every DOM node it touches needs a
 *       wrapper of that world's own, so reading the same text costs more there than in the page (context for (b),
 *       whose ratio is still given against (a));
 *   (b) Dramatis: the installed extension's whole pipeline, page text → registered highlights, as recorded by
 *       the content script's `dramatis:scan` performance measure (matching runs in the background);
 *   (c) one big RegExp alternation, matches wrapped in <mark>;
 *   (d) mark.js markRegExp with the same alternation.
 * Each a median over fresh page loads, as a ratio to (a) measured in the same run; plus the longest main-thread
 * task in the method's window (from a trace) and, for (b), the JS heap the content script adds to the tab.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { chromiumUi } from '../browser-ui.ts';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { chromiumArgs, CHROMIUM_PATH, refuseNonLocal } from '../browsers.ts';
import { ROOT } from '../build.ts';
import { startServer, type RunningServer } from '../sample-server.ts';
import { extensionWithPack } from './extension-variant.ts';
import { corpusPage, HEAVY_PAGES, SYNTHETIC_PAGE, syntheticBigPage, syntheticNames, syntheticPack } from './fixtures.ts';
import { longestTask, startTrace } from './main-thread-trace.ts';
import type { DatasetPack } from '../../src/core/dataset/dataset-schema.ts';
import { sampleArticleHtml } from '../sample-page.ts';
import { hoverToCard, type HoverRow } from './hover-bench.ts';
import { contentFloorInPage, floorInPage, markJsInPage, regexMarkInPage, type MethodResult } from './page-methods.ts';
import { median } from './stats.ts';

export type Method = 'floor' | 'floor-isolated' | 'content-floor' | 'dramatis' | 'regex-mark' | 'markjs';
/** A dictionary: so many synthetic names, or the dataset Dramatis ships (generated/pack.json). */
export type Dictionary = number | 'shipped';

export interface PageRow {
  page: string;
  textChars: number;
  dictionary: Dictionary | 0;
  method: Method;
  medianMs: number;
  runs: number;
  ratioToFloor: number;
  longestTaskMs: number | undefined;
  matches: number;
  /** (b) only: JS heap of the tab with Dramatis minus without, after GC, in MB. */
  addedHeapMB?: number;
}

export interface PageBenchOptions {
  runs: number;
  dictionaries: Dictionary[];
  pages?: string[];
  /** Cards opened per dictionary for the hover-to-card figure (0: none). */
  hoverCards: number;
  log: (line: string) => void;
}

const MARK_JS = readFileSync(join(ROOT, 'node_modules', 'mark.js', 'dist', 'mark.min.js'), 'utf8');
/** The measure the content script records from its first read of the page's text to registered highlights. */
export const SCAN_MEASURE = 'dramatis:scan';

/** A fresh headless Chromium profile, with the extension at `extensionPath` loaded when given. */
export async function launchContext(extensionPath?: string): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'dramatis-bench-'));
  // The launchers' flags (scripts/browsers.ts), without the extension for the methods that measure a page alone.
  const args = chromiumArgs({ extensionPath });
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, headless: true, args, viewport: { width: 1280, height: 900 } });
  await refuseNonLocal(context);
  if (extensionPath) {
    // The install opens the welcome tab: closed, so it never takes the front from a page being measured.
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await chromiumUi(context, `chrome-extension://${new URL(worker.url()).host}`).closeWelcome();
  }
  // tsx compiles with keepNames, which wraps inner functions in __name(); the page needs it to exist.
  await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  return { context, close: async () => { await context.close(); rmSync(profile, { recursive: true, force: true }); } };
}

async function heapMB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return usedSize / 2 ** 20;
}

async function textChars(page: Page): Promise<number> {
  return page.evaluate(() => {
    let n = 0;
    const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let t = w.nextNode(); t; t = w.nextNode()) n += (t as Text).data.length;
    return n;
  });
}

type InPage = (page: Page) => Promise<MethodResult>;

/**
 * Runs a page method inside an ordinary task of the page (a timer), as a content script's work would run.
 * Code evaluated straight from DevTools runs in an interrupt outside any task, so a trace wouldn't see it.
 */
function inTask<A>(fn: (arg: A) => MethodResult, arg?: A): InPage {
  return (page) => page.evaluate(taskSource(fn, arg)) as Promise<MethodResult>;
}

/** The source of a promise for `fn(arg)`'s result, run in a timer task of the page. */
function taskSource<A>(fn: (arg: A) => MethodResult, arg?: A): string {
  return `new Promise((resolve) => setTimeout(() => resolve((${fn.toString()})(${arg === undefined ? '' : JSON.stringify(arg)})), 0))`;
}

/** As inTask, in an isolated world of the page's main frame (created per page, as a content script's is). */
function inIsolatedTask(fn: () => MethodResult): InPage {
  return async (page) => {
    const cdp = await page.context().newCDPSession(page);
    try {
      const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
      const { executionContextId } = (await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'bench' })) as { executionContextId: number };
      const { result, exceptionDetails } = (await cdp.send('Runtime.evaluate', {
        contextId: executionContextId,
        // The init script that defines __name (launchContext) runs in the page's world only.
        expression: `globalThis.__name ??= (f) => f; ${taskSource(fn)}`,
        awaitPromise: true,
        returnByValue: true,
      })) as { result: { value: MethodResult }; exceptionDetails?: { text: string } };
      if (exceptionDetails) throw new Error(`isolated floor: ${exceptionDetails.text}`);
      return result.value;
    } finally {
      await cdp.detach();
    }
  };
}

/** Runs `measure` on `runs` fresh loads of `url`, then once more under a trace for the longest task. */
async function timeMethod(context: BrowserContext, url: string, runs: number, measure: InPage, window: [string, string]) {
  const times: number[] = [];
  let matches = 0;
  for (let i = 0; i < runs; i++) {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    const r = await measure(page);
    times.push(r.ms);
    matches = r.matches;
    await page.close();
  }
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const stop = await startTrace(cdp);
  await page.goto(url, { waitUntil: 'load' });
  await measure(page);
  const events = await stop();
  await page.close();
  return { medianMs: median(times), matches, longestTaskMs: longestTask(events, window[0], window[1]) };
}

/** Waits for the content script's scan of this load and returns its duration and the highlighted ranges. */
export async function dramatisScan(page: Page): Promise<MethodResult> {
  const handle = await page.waitForFunction(
    (name) => {
      const m = performance.getEntriesByName(name, 'measure')[0] as PerformanceMeasure | undefined;
      // The measure's detail: the names found (a long page registers only those near the viewport).
      return m ? { ms: m.duration, matches: Number(m.detail) } : null;
    },
    SCAN_MEASURE,
    { timeout: 120_000, polling: 20 },
  );
  return (await handle.jsonValue()) as MethodResult;
}

/** The dataset Dramatis ships, as `npm run build` compiled it. */
export function shippedPack(): DatasetPack {
  return JSON.parse(readFileSync(join(ROOT, 'generated', 'pack.json'), 'utf8')) as DatasetPack;
}

/** The page whose names the hover figure opens: the sample article for the shipped dataset, else the 1 MB page. */
const HOVER_PAGE = 'sample-article';

export async function runPageBench(opts: PageBenchOptions): Promise<{ rows: PageRow[]; hover: HoverRow[] }> {
  const numeric = opts.dictionaries.filter((d): d is number => typeof d === 'number');
  const allNames = syntheticNames(Math.max(0, ...numeric));
  const shipped = shippedPack();
  const namesOf = (d: Dictionary) => (d === 'shipped' ? [...new Set(shipped.entities.flatMap((e) => e.aliases.map((a) => a.text)))] : allNames.slice(0, d));
  const pages: Record<string, string> = {};
  for (const name of opts.pages ?? [...HEAVY_PAGES, SYNTHETIC_PAGE]) {
    pages[name] = name === SYNTHETIC_PAGE ? syntheticBigPage(allNames.slice(0, Math.min(1000, ...numeric))) : corpusPage(name);
  }
  const server: RunningServer = await startServer({
    ...Object.fromEntries(Object.entries(pages).map(([name, body]) => [`/${name}.html`, { body }])),
    [`/${HOVER_PAGE}.html`]: { body: sampleArticleHtml(ROOT) },
    [`/${SYNTHETIC_PAGE}-hover.html`]: { body: syntheticBigPage(allNames.slice(0, Math.min(1000, ...numeric))) },
  });
  const hover: HoverRow[] = [];
  const rows: PageRow[] = [];
  const floor = new Map<string, number>();
  const chars = new Map<string, number>();
  const baseHeap = new Map<string, number>();
  try {
    // (a), (c), (d): a browser without the extension.
    const plain = await launchContext();
    try {
      for (const name of Object.keys(pages)) {
        const url = `${server.origin}/${name}.html`;
        const probe = await plain.context.newPage();
        await probe.goto(url, { waitUntil: 'load' });
        chars.set(name, await textChars(probe));
        baseHeap.set(name, await heapMB(probe));
        await probe.close();
        const a = await timeMethod(plain.context, url, opts.runs, inTask(floorInPage), ['bench:start', 'bench:end']);
        floor.set(name, a.medianMs);
        rows.push({ page: name, textChars: chars.get(name)!, dictionary: 0, method: 'floor', runs: opts.runs, ratioToFloor: 1, ...a });
        const iso = await timeMethod(plain.context, url, opts.runs, inIsolatedTask(floorInPage), ['bench:start', 'bench:end']);
        rows.push({ page: name, textChars: chars.get(name)!, dictionary: 0, method: 'floor-isolated', runs: opts.runs, ratioToFloor: iso.medianMs / a.medianMs, ...iso });
        const cs = await timeMethod(plain.context, url, opts.runs, inIsolatedTask(contentFloorInPage), ['bench:start', 'bench:end']);
        rows.push({ page: name, textChars: chars.get(name)!, dictionary: 0, method: 'content-floor', runs: opts.runs, ratioToFloor: cs.medianMs / a.medianMs, ...cs });
        opts.log(`  ${name}: floor ${a.medianMs.toFixed(1)} ms, in an isolated world ${iso.medianMs.toFixed(1)} ms, content-script floor ${cs.medianMs.toFixed(1)} ms`);
        for (const size of opts.dictionaries) {
          const names = namesOf(size);
          const c = await timeMethod(plain.context, url, opts.runs, inTask(regexMarkInPage, names), ['bench:start', 'bench:end']);
          rows.push({ page: name, textChars: chars.get(name)!, dictionary: size, method: 'regex-mark', runs: opts.runs, ratioToFloor: c.medianMs / a.medianMs, ...c });
          const d = await timeMethod(plain.context, url, opts.runs, async (p) => {
            await p.addScriptTag({ content: MARK_JS });
            return inTask(markJsInPage, names)(p);
          }, ['bench:start', 'bench:end']);
          rows.push({ page: name, textChars: chars.get(name)!, dictionary: size, method: 'markjs', runs: opts.runs, ratioToFloor: d.medianMs / a.medianMs, ...d });
          opts.log(`  ${name} × ${size}: regex-mark ${c.medianMs.toFixed(1)} ms (${c.matches} marked), mark.js ${d.medianMs.toFixed(1)} ms (${d.matches} marked)`);
        }
      }
    } finally {
      await plain.close();
    }

    // (b): one browser per dictionary, with the extension shipping that dictionary as its dataset.
    for (const size of opts.dictionaries) {
      const variant = await extensionWithPack(size === 'shipped' ? shipped : syntheticPack(allNames.slice(0, size)));
      const ext = await launchContext(variant.path);
      try {
        // The first scan waits for the worker to seed IndexedDB from the pack: not part of a page's cost.
        const warm = await ext.context.newPage();
        const seedStart = performance.now();
        await warm.goto(`${server.origin}/${Object.keys(pages)[0]}.html`, { waitUntil: 'load' });
        await dramatisScan(warm);
        await warm.close();
        opts.log(`  dictionary ${size}: seeded and first scan in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);
        for (const name of Object.keys(pages)) {
          const url = `${server.origin}/${name}.html`;
          const b = await timeMethod(ext.context, url, opts.runs, dramatisScan, [SCAN_MEASURE, SCAN_MEASURE]);
          const probe = await ext.context.newPage();
          await probe.goto(url, { waitUntil: 'load' });
          await dramatisScan(probe);
          const added = (await heapMB(probe)) - (baseHeap.get(name) ?? 0);
          await probe.close();
          const a = floor.get(name)!;
          rows.push({ page: name, textChars: chars.get(name)!, dictionary: size, method: 'dramatis', runs: opts.runs, ratioToFloor: b.medianMs / a, addedHeapMB: added, ...b });
          opts.log(`  ${name} × ${size}: dramatis ${b.medianMs.toFixed(1)} ms (${b.matches} names found), heap +${added.toFixed(2)} MB`);
        }
        if (opts.hoverCards > 0) {
          const hoverPage = size === 'shipped' ? HOVER_PAGE : `${SYNTHETIC_PAGE}-hover`;
          const tab = await ext.context.newPage();
          try {
            const r = await hoverToCard(tab, `${server.origin}/${hoverPage}.html`, opts.hoverCards);
            hover.push({ page: hoverPage, dictionary: size, ...r });
            opts.log(`  hover to card × ${size}: median ${r.medianMs.toFixed(1)} ms, p95 ${r.p95Ms.toFixed(1)} ms over ${r.cards} cards (first ${r.firstMs.toFixed(1)} ms)`);
          } catch (err) {
            // One figure that can't be taken must not lose the run's others: it is reported, as MISSED.
            hover.push({ page: hoverPage, dictionary: size, cards: 0, medianMs: Number.NaN, p95Ms: Number.NaN, firstMs: Number.NaN, workMedianMs: Number.NaN, workP95Ms: Number.NaN });
            opts.log(`  hover to card × ${size}: not measured (${(err as Error).message})`);
          }
          await tab.close();
        }
      } finally {
        await ext.close();
        variant.remove();
      }
    }
  } finally {
    await server.close();
  }
  return { rows, hover };
}
