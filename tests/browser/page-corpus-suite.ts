/**
 * Never break the page: every page of tests/fixtures/corpus (40 real saved pages, served gzip-compressed) and
 * Arabic pages built here, served from 127.0.0.1 with every other request refused, in a real browser.
 *
 * Each page loads with Dramatis switched off for the site, and is left to settle; its DOM (with open shadow
 * roots) is serialised. Dramatis is then switched on through the settings, as a reader would: it scans the
 * page, and a name is hovered until its card opens. The DOM must be the same apart from the card's shadow
 * host. Switched off again, the DOM must be exactly as it was, host gone. No error from the extension may
 * reach the page (the page's own error listeners, and the browser's log of the extension's scripts).
 *
 * Writes test-artifacts/corpus-report.json: pages checked, pages altered, errors, and per page the content
 * script's main-thread time (the sum of its `dramatis:task` slices), its longest slice, and the scan's time.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { BrowserName } from '../../scripts/browsers.ts';
import { corpusPageGzip, corpusPageNames } from '../../scripts/corpus.ts';
import { startServer, type Page, type RunningServer } from '../../scripts/sample-server.ts';
import { artifactPath } from '../support/artifacts.ts';
import { sharedTestBuild } from '../support/test-build.ts';
import { launchForTests, type TestBrowser, type TestPage } from '../support/drivers/page-driver.ts';
import { arabicArticleHtml, arabicLargeHtml, arabicStructuresHtml } from '../support/pages/page-fixtures.ts';
import { settingsItem } from '../support/settings-item.ts';

const REPORT = artifactPath('corpus-report.json');

/** The Arabic pages built here, by path. */
const ARABIC_PAGES: Record<string, () => string> = {
  'ar-article.html': arabicArticleHtml,
  'ar-structures.html': arabicStructuresHtml,
  'ar-large.html': () => arabicLargeHtml(1_000_000),
};

interface PageResult {
  page: string;
  altered: boolean;
  /** Where the DOM first differed, when altered. */
  difference?: string;
  errors: string[];
  mainThreadMs: number;
  longestTaskMs: number;
  tasks: number;
  scanMs: number;
  chunks: number;
  highlighted: number;
  /** A card opened over a name of the page (false: the page has no name on screen). */
  cardOpened: boolean;
  /** Load and settle time, before Dramatis was switched on. */
  loadMs: number;
}

/** Records errors that reach the page's own world, before the page's scripts run. */
const ERROR_TRAP = `(() => {
  const errors = [];
  Object.defineProperty(window, '__corpusErrors', { value: errors });
  addEventListener('error', (e) => errors.push({ message: String(e.message), source: String(e.filename || ''), stack: String(e.error && e.error.stack || '') }), true);
  addEventListener('unhandledrejection', (e) => errors.push({ message: String(e.reason && e.reason.message || e.reason), source: '', stack: String(e.reason && e.reason.stack || '') }));
})();`;

/** The DOM as text: every node, attributes sorted, open shadow roots included, the card host left out. */
function serialiseDom(page: TestPage): Promise<string> {
  return page.evaluate(() => {
    const out: string[] = [];
    const stack: { node: Node; depth: number }[] = [{ node: document, depth: 0 }];
    while (stack.length > 0) {
      const { node, depth } = stack.pop()!;
      const pad = ' '.repeat(Math.min(depth, 40));
      if (node.nodeType === Node.ELEMENT_NODE) {
        const el = node as Element;
        if (el.localName === 'dramatis-card-host') continue;
        out.push(`${pad}<${el.localName}${[...el.attributes].map((a) => ` ${a.name}="${a.value}"`).sort().join('')}>`);
      } else if (node.nodeType === Node.TEXT_NODE || node.nodeType === Node.COMMENT_NODE || node.nodeType === Node.CDATA_SECTION_NODE) {
        out.push(`${pad}${node.nodeType}:${(node as CharacterData).data}`);
      } else if (node.nodeType === Node.DOCUMENT_TYPE_NODE) {
        out.push(`<!doctype ${(node as DocumentType).name}>`);
      } else if (node.nodeType === Node.DOCUMENT_FRAGMENT_NODE) {
        out.push(`${pad}#shadow-root`);
      }
      const children: Node[] = [];
      const shadow = node.nodeType === Node.ELEMENT_NODE ? (node as Element).shadowRoot : null;
      if (shadow) children.push(shadow);
      for (let c = node.firstChild; c; c = c.nextSibling) children.push(c);
      for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, depth: depth + 1 });
    }
    return out.join('\n');
  });
}

function firstDifference(a: string, b: string): string {
  const la = a.split('\n');
  const lb = b.split('\n');
  const i = la.findIndex((line, k) => line !== lb[k]);
  const at = i < 0 ? la.length : i;
  return `line ${at}: before ${JSON.stringify(la[at]?.slice(0, 160))}, after ${JSON.stringify(lb[at]?.slice(0, 160))} (${la.length} vs ${lb.length} lines)`;
}

/** Waits until the page has made no DOM change for `quietMs` (at most `maxMs`). */
function settle(page: TestPage, quietMs = 500, maxMs = 5000): Promise<void> {
  return page.evaluate(([quiet, max]: [number, number]) => new Promise<void>((resolve) => {
    const started = performance.now();
    let last = performance.now();
    const observer = new MutationObserver(() => { last = performance.now(); });
    observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    const timer = setInterval(() => {
      const t = performance.now();
      if (t - last >= quiet || t - started >= max) {
        clearInterval(timer);
        observer.disconnect();
        resolve();
      }
    }, 100);
  }), [quietMs, maxMs] as [number, number]);
}

function writeReport(name: BrowserName, results: PageResult[]): void {
  const report = existsSync(REPORT) ? (JSON.parse(readFileSync(REPORT, 'utf8')) as { browsers?: Record<string, unknown> }) : {};
  const times = results.map((r) => r.mainThreadMs).sort((a, b) => a - b);
  const pick = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
  const browsers = { ...(report.browsers ?? {}) };
  browsers[name] = {
    ranAt: new Date().toISOString(),
    pagesChecked: results.length,
    pagesAltered: results.filter((r) => r.altered).length,
    errors: results.reduce((n, r) => n + r.errors.length, 0),
    mainThreadMs: { median: pick(0.5), p90: pick(0.9), max: pick(1) },
    longestTaskMs: Math.max(0, ...results.map((r) => r.longestTaskMs)),
    pages: results,
  };
  writeFileSync(REPORT, `${JSON.stringify({ corpus: 'tests/fixtures/corpus/readability', browsers }, null, 2)}\n`);
}

export function corpusSuite(name: BrowserName): void {
  describe(`never breaking the page, in ${name}`, { timeout: 1_200_000 }, () => {
    const corpusPages = corpusPageNames().map((n) => `${n}.html`);
    const pages = [...corpusPages, ...Object.keys(ARABIC_PAGES)];
    const results: PageResult[] = [];
    let browser: TestBrowser;
    let server: RunningServer;

    before(async () => {
      const routes: Record<string, Page> = {};
      for (const f of corpusPages) routes[`/corpus/${f}`] = { body: corpusPageGzip(f.slice(0, -'.html'.length)), encoding: 'gzip' };
      for (const [f, html] of Object.entries(ARABIC_PAGES)) routes[`/corpus/${f}`] = { body: html() };
      server = await startServer(routes);
      // A test build: it writes the content script's `dramatis:*` timings these tests read (a normal build doesn't).
      const build = await sharedTestBuild();
      browser = await launchForTests(name, { extensionPath: build.path(name === 'chromium' ? 'chrome' : 'firefox') });
      await browser.setStorage(settingsItem({ disabledSites: ['127.0.0.1'] }));
    });

    after(async () => {
      writeReport(name, results);
      await browser?.close();
      await server?.close();
    });

    it('serves the whole corpus', () => assert.equal(corpusPages.length, 40));

    for (const file of pages) {
      it(file, async () => {
        const result = await checkPage(browser, `${server.origin}/corpus/${file}`, file);
        results.push(result);
        assert.deepEqual(result.errors, [], `no error from the extension reaches ${file}`);
        assert.equal(result.altered, false, `${file} is unchanged: ${result.difference ?? ''}`);
      });
    }

    it('writes the report', () => {
      writeReport(name, results);
      const report = JSON.parse(readFileSync(REPORT, 'utf8')) as { browsers: Record<string, { pagesChecked: number }> };
      assert.equal(report.browsers[name]?.pagesChecked, pages.length);
    });
  });
}

async function checkPage(browser: TestBrowser, url: string, file: string): Promise<PageResult> {
  const page = await browser.newPage();
  try {
    await page.bringToFront();
    await page.addInitScript(ERROR_TRAP);
    const loadStart = Date.now();
    await page.open(url);
    // The page's own load handlers add elements (liberation-1 appends a script on load): let them run before the
    // first snapshot, however long a loaded machine takes to fire load.
    await page.waitFor(() => document.readyState === 'complete', undefined, 60_000);
    await settle(page);
    const loadMs = Date.now() - loadStart;
    const before = await serialiseDom(page);
    // The page's own highlights, if it has any: Dramatis's names are random, so "ours" is what came after these.
    const pageHighlights = await page.evaluate(() => [...CSS.highlights.keys()]);

    // On: the content script scans the page.
    await browser.setStorage(settingsItem());
    await page.waitFor(() => performance.getEntriesByName('dramatis:scan').length > 0, undefined, 90_000);
    const scanned = await serialiseDom(page);
    let difference = scanned === before ? undefined : `after the scan: ${firstDifference(before, scanned)}`;

    // A card over a name, when the page has one. Bringing the name on screen scrolls the page, and some pages
    // react to scrolling (lazy images): the card is compared with the page as it stands after that.
    const target = await page.evaluate((own: string[]) => {
      for (const [n, h] of CSS.highlights) {
        if (own.includes(n)) continue;
        for (const r of h as unknown as Iterable<AbstractRange>) {
          r.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' });
          const live = document.createRange();
          live.setStart(r.startContainer, r.startOffset);
          live.setEnd(r.endContainer, r.endOffset);
          const rect = live.getClientRects()[0];
          if (!rect || rect.width === 0) continue;
          const x = rect.x + rect.width / 2;
          const y = rect.y + rect.height / 2;
          if (x < 0 || y < 0 || x > innerWidth || y > innerHeight) continue;
          return { x, y };
        }
      }
      return null;
    }, pageHighlights);
    let baseline = before;
    let cardOpened = false;
    if (target) {
      await settle(page, 300, 3000);
      baseline = await serialiseDom(page);
      await page.mouseMove(target.x - 2, target.y);
      await page.mouseMove(target.x, target.y);
      const deadline = Date.now() + 3000;
      while (!cardOpened && Date.now() < deadline) {
        cardOpened = await page.inCardRoot((root) => root?.querySelector('.card') != null, null);
        if (!cardOpened) await new Promise((r) => setTimeout(r, 100));
      }
      if (cardOpened) {
        const withCard = await serialiseDom(page);
        const hostIsLastChild = await page.evaluate(() => document.documentElement.lastElementChild?.localName === 'dramatis-card-host');
        if (!difference && withCard !== baseline) difference = `with the card open: ${firstDifference(baseline, withCard)}`;
        if (!difference && !hostIsLastChild) difference = 'the card host is not where it belongs (last child of <html>)';
      }
    }

    const timing = await page.evaluate((own: string[]) => {
      const tasks = performance.getEntriesByName('dramatis:task').map((e) => e.duration);
      return {
        mainThreadMs: tasks.reduce((a, b) => a + b, 0),
        longestTaskMs: Math.max(0, ...tasks),
        tasks: tasks.length,
        scanMs: performance.getEntriesByName('dramatis:scan')[0]?.duration ?? -1,
        chunks: performance.getEntriesByName('dramatis:chunk').length,
        // Every highlight but the page's own (the open card's name included: one range at most).
        highlighted: [...CSS.highlights].filter(([n]) => !own.includes(n)).reduce((k, [, h]) => k + h.size, 0),
      };
    }, pageHighlights);

    // Off again: everything Dramatis added goes, and the DOM is exactly as it was.
    await page.mouseMove(1, 1);
    await browser.setStorage(settingsItem({ disabledSites: ['127.0.0.1'] }));
    await page.waitFor((own: string[]) => !document.querySelector('dramatis-card-host') && [...CSS.highlights.keys()].every((k) => own.includes(k)), pageHighlights, 10_000);
    const afterOff = await serialiseDom(page);
    if (!difference && afterOff !== baseline) difference = `after switching off: ${firstDifference(baseline, afterOff)}`;
    const hostLeft = await page.evaluate(() => document.querySelector('dramatis-card-host') !== null);
    if (!difference && hostLeft) difference = 'the card host was left behind';

    const pageErrors = await page.evaluate((origin: string) => {
      const list = (window as unknown as { __corpusErrors?: { message: string; source: string; stack: string }[] }).__corpusErrors ?? [];
      return list.filter((e) => e.source.startsWith(origin) || e.stack.includes(origin) || /dramatis/i.test(e.message)).map((e) => `page saw: ${e.message}`);
    }, browser.extensionOrigin);
    const errors = [...pageErrors, ...page.extensionErrors().map((e) => `${e.kind}: ${e.text.slice(0, 300)}`)];
    const round = (n: number) => Math.round(n * 10) / 10;
    return {
      page: file,
      altered: difference !== undefined,
      ...(difference ? { difference } : {}),
      errors,
      mainThreadMs: round(timing.mainThreadMs),
      longestTaskMs: round(timing.longestTaskMs),
      tasks: timing.tasks,
      scanMs: round(timing.scanMs),
      chunks: timing.chunks,
      highlighted: timing.highlighted,
      cardOpened,
      loadMs,
    };
  } finally {
    await page.close().catch(() => undefined);
  }
}
