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
import { tabIdOf } from '../support/extension-page.ts';
import { bundledPack, entityById } from '../support/pack.ts';
import {
  arabicUiMissing, assertNoAxeViolations, attrsOf, openPanel, press, selectTab, textOf, typeInto, waitForEntityView,
} from './panel-driving.ts';

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
        assert.equal(await textOf(panel, '#entity-name'), entityById(pack, 'hassan-nasrallah').name.ar);
        assert.ok((await attrsOf(panel, 'svg a.node', 'data-entity-id')).includes('hezbollah'));
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
  });
}
