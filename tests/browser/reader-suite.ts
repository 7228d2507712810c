/**
 * The article reader in a real browser, run once per browser by reader-chromium.test.ts and
 * reader-firefox.test.ts: the bundled article opened at a passage (as PanelApi.openReader links it), right to
 * left, its names linked to their entities by the real matcher, operable by keyboard, checked by axe, and
 * photographed in English and Arabic.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { launch, type BrowserName, type DriverBrowser, type DriverPage } from '../../scripts/browsers.ts';
import { mentionsOf } from '../../src/core/matching/name-matcher.ts';
import { foldKey } from '../../src/core/matching/normalize.ts';
import { artifactPath, screenshotOnFailure } from '../support/artifacts.ts';
import { bundledPack, entityById } from '../support/pack.ts';
import { axeViolations, describeViolations } from '../support/probes/axe.ts';
import { sendFromPage } from '../support/extension-api.ts';
import { arabicUiMissing, attrsOf, press, textOf } from '../support/drivers/panel-driving.ts';

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
        const mentions = mentionsOf(await sendFromPage(reader, 'scanText', { text, licensed: [] }));
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

    it('marks names quietly, as pages do: an underline per type, a tint only on the entity shown and the passage', () =>
      screenshotOnFailure(reader, `${name}-reader-quiet`, async () => {
        // No named helpers inside: the probe is sent as source, and tsx would wrap them in a helper the page lacks.
        const selectors = {
          person: 'a.mention.type-person:not(.current)', organisation: 'a.mention.type-organisation:not(.current)',
          media: 'a.mention.type-media:not(.current)', place: 'a.mention.type-place:not(.current)',
          current: 'a.mention.current', passage: 'mark.passage',
        };
        const marks = Object.fromEntries(await reader.evaluate((sels: Record<string, string>) => Object.entries(sels).map(([k, sel]) => {
          const el = document.querySelector(sel);
          if (!el) return [k, null];
          const s = getComputedStyle(el);
          return [k, { line: s.textDecorationLine, style: s.textDecorationStyle, fill: s.backgroundColor, outline: s.outlineStyle }];
        }), selectors)) as Record<keyof typeof selectors, { line: string; style: string; fill: string; outline: string } | null>;
        const clear = 'rgba(0, 0, 0, 0)';
        assert.deepEqual(marks.person, { line: 'underline', style: 'solid', fill: clear, outline: 'none' });
        assert.deepEqual(marks.organisation, { line: 'underline', style: 'dashed', fill: clear, outline: 'none' });
        assert.deepEqual(marks.media, { line: 'underline', style: 'dotted', fill: clear, outline: 'none' });
        assert.deepEqual(marks.place, { line: 'underline', style: 'double', fill: clear, outline: 'none' });
        assert.notEqual(marks.current?.fill, clear, 'the entity shown is tinted');
        assert.equal(marks.current?.outline, 'none', 'and not boxed');
        assert.notEqual(marks.passage?.fill, clear, 'the passage is tinted');
      }));

    it('separates its ties from the ties others state, names the description’s source, and cites, translates and mutes', () =>
      screenshotOnFailure(reader, `${name}-reader-entity`, async () => {
        await reader.evaluate(() => history.replaceState(null, '', location.search));
        await reader.waitFor(() => document.querySelector('aside.entity[data-entity-id="esmail-qaani"] h2') !== null, undefined);
        assert.deepEqual(await reader.evaluate(() => [...document.querySelectorAll('aside.entity h3')].map((h) => h.textContent)),
          ['Its ties', 'Ties others state to it', 'Quotes from this article']);
        assert.deepEqual(new Set(await attrsOf(reader, '#reader-ties-in ~ ul li', 'data-entity-id')), new Set(['bashar-al-assad', 'hassan-nasrallah', 'mustafa-al-kadhimi']));
        assert.match(await textOf(reader, 'aside.entity .background'), /^Background: Wikipedia, checked /);
        const first = await reader.evaluate(() => {
          const item = document.querySelector('aside.entity li.quote-item')!;
          return {
            label: item.querySelector('.quote .quote-lang.original')?.textContent,
            translation: item.querySelector('.translation-text')?.textContent,
            actions: [...item.querySelectorAll('.quote-actions > button')].map((b) => b.textContent),
          };
        });
        assert.deepEqual(first, { label: 'Arabic original', translation: qaani.roles[0]!.evidence[0]!.translation!.en, actions: ['Read the passage', 'Copy citation'] });
        assert.deepEqual(await reader.evaluate(() => [...document.querySelectorAll('aside.entity .entity-actions button')].map((b) => b.textContent)),
          ['More in the side panel', 'Don\'t highlight Esmail Qaani']);
        await press(reader, 'aside.entity li.quote-item .copy-citation', 'Enter');
        await reader.waitFor(() => document.querySelector('aside.entity li.quote-item .copy-status')?.textContent === 'Citation copied.', undefined);
        await press(reader, 'aside.entity button.mute', 'Enter');
        await reader.waitFor(() => document.activeElement?.classList.contains('toast-undo') === true, undefined);
        assert.equal(await textOf(reader, '.toast .toast-message'), 'Esmail Qaani is no longer highlighted.');
        assert.equal(await reader.evaluate(() => document.querySelector('aside.entity button.mute')?.getAttribute('aria-pressed')), 'true');
        await reader.keyPress('Enter');
        await reader.waitFor(() => document.querySelector('aside.entity button.mute')?.getAttribute('aria-pressed') === 'false' && !document.querySelector('.toast'), undefined);
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
        const quote = await textOf(reader, 'aside.entity li.quote-item blockquote');
        assert.ok(quote.length > 0, 'his details quote this article');
        assert.equal(await textOf(reader, 'aside.entity li.quote-item button.show-passage'), 'Read the passage');
        await press(reader, 'aside.entity li.quote-item button.show-passage', 'Enter');
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

    it('without an article, lists the dataset’s articles to choose from', () =>
      screenshotOnFailure(reader, `${name}-reader-list`, async () => {
        // The same tab, navigated by the page itself: opening another extension tab is slow under load in Firefox.
        await reader.evaluate(() => location.assign('reader.html'));
        await reader.waitFor(() => location.search === '' && document.querySelector('ul.articles li') !== null, undefined, 15_000);
        assert.equal(await textOf(reader, 'main h1'), 'Articles in the dataset');
        assert.deepEqual(await attrsOf(reader, 'ul.articles li', 'data-article-id'), pack.articles.map((a) => a.id));
        assert.equal(await textOf(reader, 'ul.articles li a'), article.title.en);
        assert.equal(await textOf(reader, 'ul.articles li .original-title'), article.title.ar);
        assert.equal(await textOf(reader, 'ul.articles li .meta'), `Step News Agency · 22 November 2020 · ${article.section.en}`);
        const violations = await axeViolations(reader);
        assert.equal(violations.length, 0, describeViolations(violations));
        await reader.screenshot(artifactPath(`reader-${name}-en-no-article.png`));
        await press(reader, 'ul.articles li a', 'Enter');
        await reader.waitFor((id: string) => location.search === `?article=${id}` && document.querySelector('article.article a.mention') !== null, article.id, 15_000);
      }));
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
        assert.deepEqual(await reader.evaluate(() => [...document.querySelectorAll('aside.entity h3')].map((h) => h.textContent)),
          ['صلاته', 'صلات الآخرين به', 'اقتباسات من هذا المقال']);
        assert.equal(await textOf(reader, '.bar .meta bdi:nth-of-type(2)'), '22 تشرين الثاني/نوفمبر 2020');
        const violations = await axeViolations(reader);
        assert.equal(violations.length, 0, describeViolations(violations));
        await reader.screenshot(artifactPath(`reader-${name}-ar.png`));
      });
    });
  });
}
