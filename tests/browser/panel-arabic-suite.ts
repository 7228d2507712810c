/**
 * The side panel in Arabic, in a real browser (run with panelSuite by panel-<browser>.test.ts): the whole UI
 * right to left and in Arabic, the tablist's arrows mirrored, a search and an entity with its graph, axe on each
 * view, and the Arabic screenshots.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { launch, type BrowserName, type DriverBrowser, type DriverPage } from '../../scripts/browsers.ts';
import { ROOT } from '../../scripts/build.ts';
import { waitForHighlights } from '../../scripts/page-probes.ts';
import { sampleArticleHtml } from '../../scripts/sample-page.ts';
import { startServer, type RunningServer } from '../../scripts/sample-server.ts';
import { artifactPath, screenshotOnFailure } from '../support/artifacts.ts';
import { inExtension } from '../support/extension-api.ts';
import { tabIdOf } from '../support/extension-page.ts';
import { bundledPack, entityById } from '../support/pack.ts';
import {
  arabicUiMissing, assertNoAxeViolations, attrsOf, openPanel, press, selectTab, textOf, typeInto, waitForEntityView,
} from '../support/drivers/panel-driving.ts';

export function panelArabicSuite(name: BrowserName): void {
  const pack = bundledPack();

  describe(`side panel in ${name} (Arabic)`, () => {
    let browser: DriverBrowser;
    let server: RunningServer;
    let page: DriverPage;
    let panel: DriverPage;
    const skip = arabicUiMissing(name);

    before(async () => {
      if (skip) return;
      server = await startServer({ '/article.html': { body: sampleArticleHtml(ROOT) } });
      browser = await launch(name, { headless: true, lang: 'ar' });
      page = await browser.newPage();
      const url = `${server.origin}/article.html`;
      await page.goto(url);
      await waitForHighlights(page);
      const probe = await browser.openExtensionPage('sidepanel.html');
      const tabId = await tabIdOf(probe, url);
      await probe.close();
      panel = await openPanel(browser, tabId);
    });

    after(async () => {
      await browser?.close();
      await server?.close();
    });

    it('turns right to left, in Arabic, with the arrow keys mirrored', { skip }, () =>
      screenshotOnFailure(panel, `${name}-panel-ar`, async () => {
        assert.deepEqual(await panel.evaluate(() => [document.documentElement.lang, document.documentElement.dir]), ['ar', 'rtl']);
        assert.equal(await textOf(panel, '#tab-search'), 'بحث');
        await panel.waitFor(() => document.querySelector('li.entity[data-entity-id="esmail-qaani"]') !== null, undefined, 15_000);
        assert.match(await textOf(panel, 'li.entity[data-entity-id="esmail-qaani"] .name'), /إسماعيل قاآني/);
        await assertNoAxeViolations(panel, 'the Arabic On this page tab');
        await panel.screenshot(artifactPath(`panel-${name}-ar-onpage.png`));
        // In right-to-left, the next tab is to the left.
        await press(panel, '#tab-page', 'ArrowLeft');
        await panel.waitFor(() => document.activeElement?.id === 'tab-search', undefined);
      }));

    it('searches and shows an entity with its graph in Arabic', { skip }, () =>
      screenshotOnFailure(panel, `${name}-panel-ar-entity`, async () => {
        await typeInto(panel, '#search-input', 'نصر الله');
        await panel.waitFor(() => document.querySelector('.hits li')?.getAttribute('data-entity-id') === 'hassan-nasrallah', undefined);
        await press(panel, '.hits li[data-entity-id="hassan-nasrallah"] button.hit', 'Enter');
        await waitForEntityView(panel, 'hassan-nasrallah');
        const nasrallah = entityById(pack, 'hassan-nasrallah');
        assert.equal(await textOf(panel, '#entity-name'), nasrallah.name.ar);
        assert.ok((await attrsOf(panel, 'svg a.node', 'data-entity-id')).includes('hezbollah'));
        assert.equal(await textOf(panel, '.entity-view .background'), 'خلفية: ويكيبيديا، رُوجعت في 30 تشرين الثاني/نوفمبر 2026');
        assert.equal(await textOf(panel, 'button.mute'), `لا تُبرِز ${nasrallah.name.ar}`);
        // Dates the Arabic way, after the tie; quotes in Arabic need no translation here.
        assert.deepEqual(await panel.evaluate(() => [...document.querySelectorAll('.tie-line .date')].map((d) => d.textContent)).then((d) => [...new Set(d)]), ['تشرين الثاني/نوفمبر 2020']);
        assert.equal(await panel.evaluate(() => document.querySelectorAll('.entity-view .translation').length), 0);
        assert.equal(await textOf(panel, '.fact-quotes .quote-lang.original'), 'الأصل باللغة العربية');
        await assertNoAxeViolations(panel, 'the Arabic entity view');
        await panel.screenshot(artifactPath(`panel-${name}-ar-entity.png`));
        await selectTab(panel, 'settings');
        await assertNoAxeViolations(panel, 'the Arabic Settings tab');
        await panel.screenshot(artifactPath(`panel-${name}-ar-settings.png`));
      }));

    it('says in Arabic that the bundled dataset is in use and no feed is set, with the form to subscribe', { skip }, () =>
      screenshotOnFailure(panel, `${name}-panel-ar-updates`, async () => {
        const ar = JSON.parse(readFileSync(join(ROOT, 'assets/_locales/ar/messages.json'), 'utf8')) as Record<string, { message: string }>;
        await selectTab(panel, 'updates');
        await panel.waitFor(() => document.querySelector('.sync-no-feed') !== null, undefined, 15_000);
        assert.equal(await textOf(panel, '.sync-no-feed'), ar.syncBundledNoFeed!.message);
        assert.equal(await textOf(panel, 'label[for="feed-key-input"]'), ar.feedKeyLabel!.message);
        await assertNoAxeViolations(panel, 'the Arabic Updates tab');
        await panel.screenshot(artifactPath(`panel-${name}-ar-updates.png`));
      }));

    it('says in Arabic why a pane is empty: off on this site, and an empty Search that browses by type', { skip }, () =>
      screenshotOnFailure(panel, `${name}-panel-ar-empty`, async () => {
        await selectTab(panel, 'search');
        await typeInto(panel, '#search-input', '');
        await panel.waitFor(() => document.querySelector('.browse li') !== null, undefined, 10_000);
        assert.equal(await textOf(panel, '.browse section.group[data-type="person"] h2'), 'أشخاص (5)');
        await assertNoAxeViolations(panel, 'the Arabic empty Search');
        await panel.screenshot(artifactPath(`panel-${name}-ar-empty-search.png`));
        await selectTab(panel, 'page');
        type Api = { storage: { local: { get(k: string): Promise<Record<string, { disabledSites?: string[] }>>; set(i: object): Promise<void> } } };
        await inExtension(panel, async (api: Api) => {
          const current = (await api.storage.local.get('settings')).settings ?? {};
          await api.storage.local.set({ settings: { ...current, disabledSites: ['127.0.0.1'] } });
        });
        await panel.waitFor(() => document.querySelector('[data-empty="site-off"]') !== null, undefined, 15_000);
        assert.equal(await textOf(panel, '[data-empty="site-off"] .empty-title'), 'دراماتيس متوقف في 127.0.0.1.');
        assert.equal(await panel.evaluate(() => document.querySelector('[data-empty="site-off"] bdi')?.getAttribute('dir')), 'ltr', 'the host keeps its direction');
        await assertNoAxeViolations(panel, 'the Arabic site-off state');
        await panel.screenshot(artifactPath(`panel-${name}-ar-empty-site-off.png`));
        await press(panel, '[data-empty="site-off"] button', 'Enter');
        await panel.waitFor(() => document.querySelector('li.entity') !== null, undefined, 20_000);
      }));
  });
}
