/**
 * The walking-skeleton path, end to end in a real browser: the built extension, the bundled dataset seeded
 * into IndexedDB, the sample article served from 127.0.0.1, highlights, the hover card, the side panel and the
 * automation contract. Run once per browser by sample-article-chromium/-firefox.test.ts.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BrowserName } from '../../scripts/browsers.ts';
import { ROOT } from '../../scripts/build.ts';
import { hoverName, readCard, readHighlights, waitForCard, waitForHighlights, waitForNoCard } from '../../scripts/page-probes.ts';
import { sampleArticleHtml } from '../../scripts/sample-page.ts';
import { startServer, type RunningServer } from '../../scripts/sample-server.ts';
import { artifactPath, screenshotOnFailure } from '../support/artifacts.ts';
import { getPageMentions, tabIdOf } from '../support/extension-page.ts';
import { bundledPack, entityById } from '../support/pack.ts';
// The card's shadow root is closed: this driver reads it through the browser's automation protocol.
import { launchForTests, type TestBrowser, type TestPage } from '../support/drivers/page-driver.ts';

/** Names the article spells out, as they must be highlighted (the prefix و/ب/ل left out of the highlight). */
const EXPECTED_SURFACES = ['إسماعيل قاآني', 'بشار الأسد', 'حسن نصر الله', 'مصطفى الكاظمي', 'دمشق', 'بغداد', 'BBC'];

/** Entities the sample article names, each at least once. */
const ARTICLE_ENTITIES = [
  'esmail-qaani', 'bashar-al-assad', 'hassan-nasrallah', 'mustafa-al-kadhimi', 'donald-trump',
  'quds-force', 'islamic-revolutionary-guard-corps', 'hezbollah', 'popular-mobilization-forces', 'iraqi-ministry-of-interior',
  'bbc', 'abc-news', 'syria', 'iraq', 'lebanon', 'israel', 'iran', 'united-states', 'damascus', 'baghdad',
  'tehran', 'washington',
];

export function sampleArticleSuite(name: BrowserName): void {
  describe(`sample article in ${name}`, () => {
    let browser: TestBrowser;
    let server: RunningServer;
    let page: TestPage;
    let url: string;
    const pack = bundledPack();

    before(async () => {
      server = await startServer({ '/article.html': { body: sampleArticleHtml(ROOT) } });
      url = `${server.origin}/article.html`;
      browser = await launchForTests(name);
      page = await browser.newPage();
      await page.goto(url);
      await waitForHighlights(page);
    });

    after(async () => {
      await browser?.close();
      await server?.close();
    });

    it('highlights the names of the article, without the attached prefixes', () =>
      screenshotOnFailure(page, `${name}-highlights`, async () => {
        const texts = new Set((await readHighlights(page)).map((h) => h.text));
        for (const surface of EXPECTED_SURFACES) assert.ok(texts.has(surface), `"${surface}" is highlighted`);
        // The article writes وحسن نصر الله, برئيس…, بغداد after إلى: no highlight may start with a proclitic.
        for (const surface of EXPECTED_SURFACES) {
          for (const prefix of ['و', 'ب', 'ل', 'ف', 'ك']) assert.ok(!texts.has(prefix + surface), `${prefix}${surface} not highlighted whole`);
        }
      }));

    it('paints people and places under their own highlight names', () =>
      screenshotOnFailure(page, `${name}-types`, async () => {
        const ranges = await readHighlights(page);
        const typeOf = (text: string) => new Set(ranges.filter((r) => r.text === text).map((r) => r.kind));
        assert.deepEqual([...typeOf('إسماعيل قاآني')], ['person']);
        assert.deepEqual([...typeOf('دمشق')], ['place']);
      }));

    it('opens a card with the entity’s role when a name is hovered, and closes it when the pointer leaves', () =>
      screenshotOnFailure(page, `${name}-hover`, async () => {
        await hoverName(page, 'إسماعيل قاآني');
        await waitForCard(page, 'esmail-qaani');
        const card = await readCard(page);
        const qaani = entityById(pack, 'esmail-qaani');
        assert.ok(card, 'a card is open');
        // The card speaks the browser's UI language (English here), on an Arabic page too; the page's name beneath.
        assert.equal(card.lang, 'en');
        assert.equal(card.dir, 'ltr');
        assert.ok(card.text.includes(qaani.name.en) && card.text.includes(qaani.name.ar), 'the card names him in both scripts');
        const role = qaani.roles[0];
        assert.ok(role, 'the dataset gives him a role');
        assert.ok(card.text.includes(role.title.en), `the card shows the role "${role.title.en}"`);
        await page.screenshot(artifactPath(`card-${name}-arabic.png`));
        await page.mouseMove(5, 790);
        await waitForNoCard(page, 3000);
      }));

    it('answers getPageMentions with every entity and surface of the article, and the side panel lists them', async () => {
      const panel = await browser.openExtensionPage('sidepanel.html');
      try {
        await screenshotOnFailure(panel, `${name}-sidepanel`, async () => {
          const tabId = await tabIdOf(panel, url);
          const result = await getPageMentions(panel, tabId);
          assert.equal(result.url, url);
          const ids = new Set(result.mentions.map((m) => m.entityId));
          for (const id of ARTICLE_ENTITIES) assert.ok(ids.has(id), `getPageMentions includes ${id}`);

          // The contract agrees with what is painted: same number of mentions, and every surface is on screen.
          const highlights = await readHighlights(page);
          const total = result.mentions.reduce((n, m) => n + m.count, 0);
          assert.equal(total, highlights.length, 'one mention per highlighted range');
          const painted = new Set(highlights.map((h) => h.text));
          for (const m of result.mentions) {
            assert.ok(painted.has(m.surface), `surface "${m.surface}" is highlighted`);
            assert.equal(m.name, entityById(pack, m.entityId).name.en);
          }

          // The panel page, pointed at the article's tab, lists exactly those entities.
          const pointed = await browser.openExtensionPage(`sidepanel.html?tabId=${tabId}`);
          await pointed.waitFor(() => document.querySelectorAll('li.entity').length > 0, undefined, 10_000);
          const listed = await pointed.evaluate(() =>
            [...document.querySelectorAll<HTMLElement>('li.entity')].map((li) => ({
              id: li.dataset.entityId ?? '',
              count: Number(li.querySelector<HTMLElement>('.count')?.dataset.count),
            })),
          );
          assert.deepEqual(new Set(listed.map((l) => l.id)), ids);
          for (const row of listed) {
            const expected = result.mentions.filter((m) => m.entityId === row.id).reduce((n, m) => n + m.count, 0);
            assert.equal(row.count, expected, `count for ${row.id}`);
          }
          await pointed.screenshot(artifactPath(`sidepanel-${name}.png`));
          await pointed.close();
        });
      } finally {
        await panel.close();
      }
    });
  });
}
