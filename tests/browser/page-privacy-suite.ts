/**
 * What a page can learn of Dramatis, seen from the page's own world (issue 13, item 6), with the build a user
 * installs (dist/): the highlight registry it shares with the content script holds no name it could guess or
 * look up, the ::highlight() rules exist only while Dramatis runs on the page and style no name but this
 * session's, no `dramatis:*` timing is written to its performance timeline, and a range it slips into one of
 * Dramatis's highlights is taken out again. What it can still observe is in the README's privacy section.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { BrowserName } from '../../scripts/browsers.ts';
import { hoverName, readAllHighlights, waitForCard, waitForHighlightText, waitForHighlights } from '../../scripts/page-probes.ts';
import { startServer, type RunningServer } from '../../scripts/sample-server.ts';
import { screenshotOnFailure } from '../support/artifacts.ts';
import { launchForTests, type TestBrowser, type TestPage } from '../support/drivers/page-driver.ts';
import { englishArticleHtml } from '../support/pages/page-fixtures.ts';
import { settingsItem } from '../support/settings-item.ts';

/** The registry names Dramatis used before (fixed, so any page could ask for them). */
const GUESSES = [
  'dramatis-person', 'dramatis-organisation', 'dramatis-media', 'dramatis-place', 'dramatis-person-filled',
  'dramatis-organisation-filled', 'dramatis-media-filled', 'dramatis-place-filled', 'dramatis-active', 'dramatis-flash',
];

/** In the page: how each name would style a highlight on #p1 (underline or fill), by the rules in force. */
function stylesFor(names: string[]): Record<string, string> {
  const p1 = document.getElementById('p1')!;
  const out: Record<string, string> = {};
  for (const name of names) {
    const s = getComputedStyle(p1, `::highlight(${name})`);
    out[name] = `${s.textDecorationLine}|${s.backgroundColor}`;
  }
  return out;
}
const UNSTYLED = 'none|rgba(0, 0, 0, 0)';

export function pagePrivacySuite(name: BrowserName): void {
  describe(`what a page sees of Dramatis, in ${name}`, { timeout: 300_000 }, () => {
    let browser: TestBrowser;
    let server: RunningServer;
    let page: TestPage;

    before(async () => {
      server = await startServer({ '/article.html': { body: englishArticleHtml() } });
      browser = await launchForTests(name);
    });

    after(async () => {
      await browser?.close();
      await server?.close();
    });

    beforeEach(async () => {
      await page?.close().catch(() => undefined);
      await browser.setStorage(settingsItem({}));
      page = await browser.newPage();
      await page.bringToFront();
    });

    it('registers its highlights under random names, new each time it starts, none a page could guess or ask for', () =>
      screenshotOnFailure(page, `${name}-privacy-names`, async () => {
        await page.goto(`${server.origin}/article.html`);
        await waitForHighlights(page);
        await hoverName(page, 'Esmail Qaani');
        await waitForCard(page, 'esmail-qaani');
        const first = await page.evaluate(() => [...CSS.highlights.keys()]);
        assert.ok(first.length >= 4, `highlights are registered (${first.join(', ')})`);
        for (const key of first) assert.match(key, /^h[0-9a-f]{16}$/, 'a random name, saying nothing of Dramatis');
        assert.ok((await readAllHighlights(page)).some((h) => h.kind === 'active'), 'the open card\'s name is marked, under a random name too');
        assert.deepEqual(await page.evaluate((guesses: string[]) => guesses.filter((g) => CSS.highlights.has(g)), GUESSES), [], 'no name a page could ask for');

        await page.goto(`${server.origin}/article.html`);
        await waitForHighlights(page);
        const second = await page.evaluate(() => [...CSS.highlights.keys()]);
        assert.deepEqual(second.filter((k) => first.includes(k)), [], 'a new page load, new names');
      }));

    it('styles nothing under a guessed name, and has no rules at all where it does not run', () =>
      screenshotOnFailure(page, `${name}-privacy-rules`, async () => {
        await page.goto(`${server.origin}/article.html`);
        await waitForHighlights(page);
        const ours = [...new Set((await readAllHighlights(page)).map((h) => h.highlight))];
        const guessed = await page.evaluate(stylesFor, GUESSES);
        for (const g of GUESSES) assert.equal(guessed[g], UNSTYLED, `${g} styles nothing`);
        const running = await page.evaluate(stylesFor, ours);
        assert.ok(ours.every((n) => running[n] !== UNSTYLED), 'this session\'s names are styled while Dramatis runs');

        // Off for the site: the rules go with the highlights, even for a page that learned this session's names.
        await browser.setStorage(settingsItem({ disabledSites: ['127.0.0.1'] }));
        await page.waitFor(() => CSS.highlights.size === 0, undefined, 10_000);
        const off = await page.evaluate(stylesFor, [...ours, ...GUESSES]);
        assert.ok(Object.values(off).every((s) => s === UNSTYLED), `no rule left: ${JSON.stringify(off)}`);
        assert.equal(await page.evaluate(() => document.adoptedStyleSheets.length), 0, 'no stylesheet left');

        // A page where Dramatis never ran (off from the start): nothing of it at all.
        const fresh = await browser.newPage();
        try {
          await fresh.goto(`${server.origin}/article.html`);
          await new Promise((r) => setTimeout(r, 1500));
          assert.equal(await fresh.evaluate(() => document.adoptedStyleSheets.length + CSS.highlights.size), 0);
          const never = await fresh.evaluate(stylesFor, GUESSES);
          assert.ok(Object.values(never).every((s) => s === UNSTYLED), `no rule in a page where Dramatis is off: ${JSON.stringify(never)}`);
        } finally {
          await fresh.close();
        }
      }));

    it('writes nothing to the page\'s performance timeline', () =>
      screenshotOnFailure(page, `${name}-privacy-timeline`, async () => {
        await page.goto(`${server.origin}/article.html`);
        await waitForHighlightText(page, 'Bashar al-Assad');
        // A change rescanned too (each scan, chunk and slice used to leave a measure).
        await page.evaluate(() => document.querySelector('main')!.append(Object.assign(document.createElement('p'), { textContent: 'Later, Donald Trump spoke.' })));
        await waitForHighlightText(page, 'Donald Trump');
        const entries = await page.evaluate(() => performance.getEntries().filter((e) => /dramatis/i.test(e.name)).map((e) => e.name));
        assert.deepEqual(entries, []);
      }));

    it('takes out a range the page slipped into one of its highlights', () =>
      screenshotOnFailure(page, `${name}-privacy-forged`, async () => {
        await page.goto(`${server.origin}/article.html`);
        await waitForHighlightText(page, 'Bashar al-Assad');
        // The page can't find Dramatis's highlights by name, but it can iterate the registry.
        const forged = await page.evaluate(() => {
          const tail = document.getElementById('tail')!.firstChild!;
          let n = 0;
          for (const h of CSS.highlights.values()) {
            h.add(new StaticRange({ startContainer: tail, startOffset: 0, endContainer: tail, endOffset: 9 }));
            n++;
          }
          return n;
        });
        assert.ok(forged > 0);
        assert.ok((await readAllHighlights(page)).some((h) => h.text === 'The visit'), 'the forged range is in (for now)');
        // Dramatis's next look (here after a page change) takes it out.
        await page.evaluate(() => document.querySelector('main')!.append(Object.assign(document.createElement('p'), { textContent: 'Later, Donald Trump spoke.' })));
        await waitForHighlightText(page, 'Donald Trump');
        assert.ok(!(await readAllHighlights(page)).some((h) => h.text === 'The visit'), 'the forged range is gone');
      }));
  });
}
