/**
 * The article reader in a real browser, run once per browser by reader-chromium.test.ts and
 * reader-firefox.test.ts: the bundled article opened at a passage (as PanelApi.openReader links it), right to
 * left, its names linked to their entities by the real matcher, operable by keyboard, checked by axe, and
 * photographed in English and Arabic.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { launch, type BrowserName, type DriverBrowser, type DriverPage } from '../../scripts/browsers.ts';
import { mentionsOf } from '../../src/core/name-matcher.ts';
import { foldKey } from '../../src/core/normalize.ts';
import type { ScanTextResult } from '../../src/shared/messages.ts';
import { artifactPath, screenshotOnFailure } from '../support/artifacts.ts';
import { bundledPack, entityById } from '../support/pack.ts';
import { axeViolations, describeViolations } from './panel-axe.ts';
import { arabicUiMissing, attrsOf, press, sendFrom, textOf } from './panel-driving.ts';

const readerPath = (p: Record<string, string>) => `reader.html?${new URLSearchParams(p).toString()}`;

async function openReader(browser: DriverBrowser, params: Record<string, string>): Promise<DriverPage> {
  const reader = await browser.openExtensionPage(readerPath(params));
  await reader.bringToFront();
  await reader.waitFor(() => document.querySelector('article.article a.mention, [role="alert"]') !== null, undefined, 15_000);
  return reader;
}

export function readerSuite(name: BrowserName): void {
  const pack = bundledPack();
  const article = pack.articles[0]!;
  const qaani = entityById(pack, 'esmail-qaani');
  // The last of his quotes in the article's text: the one most likely below the fold.
  const quotes = [...qaani.roles, ...qaani.affiliations].flatMap((f) => f.evidence).map((e) => e.quote);
  const farQuote = quotes.reduce((a, b) => (article.text.indexOf(b) > article.text.indexOf(a) ? b : a));

  describe(`article reader in ${name} (English UI)`, () => {
    let browser: DriverBrowser;
    let reader: DriverPage;

    before(async () => {
      browser = await launch(name, { headless: true, lang: 'en' });
      reader = await openReader(browser, { article: article.id, quote: farQuote, entity: 'esmail-qaani' });
    });

    after(async () => {
      await browser?.close();
    });

    it('shows the bundled article right to left, with the passage scrolled into view and marked', () =>
      screenshotOnFailure(reader, `${name}-reader-passage`, async () => {
        assert.deepEqual(await reader.evaluate(() => {
          const a = document.querySelector<HTMLElement>('article.article')!;
          return [a.lang, a.dir, getComputedStyle(a).direction];
        }), ['ar', 'rtl', 'rtl']);
        assert.equal(await textOf(reader, 'article.article h1'), article.title.ar);
        await reader.waitFor(() => document.querySelector('mark.passage') !== null, undefined);
        const marked = await reader.evaluate(() => [...document.querySelectorAll('mark.passage')].map((m) => m.textContent).join(''));
        assert.equal(foldKey(marked), foldKey(farQuote), 'the marked text is the quote');
        await reader.waitFor(() => {
          const r = document.querySelector('mark.passage')!.getBoundingClientRect();
          return r.top >= 0 && r.bottom <= window.innerHeight;
        }, undefined, 5_000);
        assert.match(await textOf(reader, '.bar [role="status"]'), /passage is marked/);
      }));

    it('links every name the matcher finds to its entity, and the entity of the address is shown', () =>
      screenshotOnFailure(reader, `${name}-reader-mentions`, async () => {
        const text = article.text.replace(/[\r\n]/g, '\u0000');
        const mentions = mentionsOf(await sendFrom<ScanTextResult>(reader, { type: 'scanText', params: { text, licensed: [] } }));
        const linked = await attrsOf(reader, 'a.mention', 'data-entity-id');
        assert.deepEqual(linked, mentions.map((m) => m.entityId), 'one link per mention, in order');
        const surfaces = await reader.evaluate(() => [...document.querySelectorAll('a.mention')].map((a) => a.textContent));
        assert.deepEqual(surfaces, mentions.map((m) => article.text.slice(m.start, m.end)));
        assert.ok(linked.includes('esmail-qaani') && linked.includes('bashar-al-assad') && linked.includes('damascus'));
        // ?entity= emphasises his mentions and opens his details, without taking focus from the passage.
        const current = new Set(await attrsOf(reader, 'a.mention.current', 'data-entity-id'));
        assert.deepEqual([...current], ['esmail-qaani']);
        await reader.waitFor(() => document.querySelector('aside.entity[data-entity-id="esmail-qaani"] h2') !== null, undefined);
        assert.equal(await textOf(reader, 'aside.entity h2'), qaani.name.en);
        const violations = await axeViolations(reader);
        assert.equal(violations.length, 0, describeViolations(violations));
        await reader.screenshot(artifactPath(`reader-${name}-en.png`));
      }));

    it('opens an entity from a mention with the keyboard, and marks a passage chosen in its details', () =>
      screenshotOnFailure(reader, `${name}-reader-keyboard`, async () => {
        await press(reader, 'a.mention[data-entity-id="hassan-nasrallah"]', 'Enter');
        await reader.waitFor(() => document.querySelector('aside.entity[data-entity-id="hassan-nasrallah"] h2') !== null, undefined);
        await reader.waitFor(() => document.activeElement?.id === 'reader-entity-name', undefined);
        assert.equal(await textOf(reader, 'aside.entity h2'), entityById(pack, 'hassan-nasrallah').name.en);
        assert.match(await reader.evaluate(() => location.search), /entity=hassan-nasrallah/);
        assert.deepEqual(new Set(await attrsOf(reader, 'a.mention.current', 'data-entity-id')), new Set(['hassan-nasrallah']));

        // A quote of this article in his details marks that passage instead.
        const quote = await textOf(reader, 'aside.entity li.quote blockquote');
        assert.ok(quote.length > 0, 'his details quote this article');
        await press(reader, 'aside.entity li.quote button', 'Enter');
        await reader.waitFor((q: string) => [...document.querySelectorAll('mark.passage')].map((m) => m.textContent).join('') === q, quote);

        // Close returns focus to the mention it came from.
        await press(reader, 'aside.entity button.close', 'Enter');
        await reader.waitFor(() => document.querySelector('aside.entity') === null, undefined);
        assert.equal(await reader.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.entityId), 'hassan-nasrallah');
      }));

    it('says so plainly when the article or the passage is not there', async () => {
      const missing = await openReader(browser, { article: 'no-such-article' });
      try {
        assert.match(await textOf(missing, '[role="alert"]'), /no-such-article/);
      } finally {
        await missing.close();
      }
      const noPassage = await openReader(browser, { article: article.id, quote: 'words that are not in the article' });
      try {
        await noPassage.waitFor(() => /not found/.test(document.querySelector('.bar [role="status"]')?.textContent ?? ''), undefined);
        assert.equal(await noPassage.evaluate(() => document.querySelectorAll('mark').length), 0);
      } finally {
        await noPassage.close();
      }
    });
  });

  describe(`article reader in ${name} (Arabic UI)`, () => {
    let browser: DriverBrowser;
    const skip = arabicUiMissing(name);

    before(async () => {
      if (!skip) browser = await launch(name, { headless: true, lang: 'ar' });
    });

    after(async () => {
      await browser?.close();
    });

    it('is right to left and in Arabic throughout, at a passage, with no accessibility violations', { skip }, async () => {
      const reader = await openReader(browser, { article: article.id, quote: farQuote, entity: 'esmail-qaani' });
      await screenshotOnFailure(reader, `${name}-reader-ar`, async () => {
        assert.deepEqual(await reader.evaluate(() => [document.documentElement.lang, document.documentElement.dir]), ['ar', 'rtl']);
        await reader.waitFor(() => document.querySelector('aside.entity h2') !== null && document.querySelector('mark.passage') !== null, undefined);
        assert.equal(await textOf(reader, 'aside.entity h2'), qaani.name.ar);
        assert.match(await textOf(reader, '.bar .brand'), /قارئ المقالات/);
        const violations = await axeViolations(reader);
        assert.equal(violations.length, 0, describeViolations(violations));
        await reader.screenshot(artifactPath(`reader-${name}-ar.png`));
      });
    });
  });
}
