/**
 * The side panel when it has nothing to list, and the small things a reader trips over (issue 16), in a real
 * browser, run with panelSuite by panel-<browser>.test.ts: "On this page" says why it is empty (off on this site,
 * with Turn on; off everywhere; nothing found, with a way to browse), an empty Search lists every entity by type,
 * the surfaces found read as names alone (النظام الإيراني, not لنظام الإيراني), the highlight styles are named
 * for what the page paints, a quote's citation is copied, and the Updates tab says when no feed is set.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { launch, type BrowserName, type DriverBrowser, type DriverPage } from '../../scripts/browsers.ts';
import { ROOT } from '../../scripts/build.ts';
import { waitForHighlights } from '../../scripts/page-probes.ts';
import { sampleArticleHtml } from '../../scripts/sample-page.ts';
import { startServer, type RunningServer } from '../../scripts/sample-server.ts';
import { citationText } from '../../src/core/ui/citation.ts';
import type { Settings } from '../../src/shared/settings-model.ts';
import { artifactPath, screenshotOnFailure } from '../support/artifacts.ts';
import { callInExtension } from '../support/extension-api.ts';
import { tabIdOf } from '../support/extension-page.ts';
import { bundledPack, entityById } from '../support/pack.ts';
import { buildTestExtension, type TestBuild } from '../support/test-build.ts';
import { assertNoAxeViolations, attrsOf, openPanel, press, selectTab, textOf, typeInto, waitForEntityView } from '../support/drivers/panel-driving.ts';
import { settingsItem } from '../support/settings-item.ts';

const EMPTY_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Weather</title></head>
<body><h1>Weather</h1><p>Sunny spells, light winds, and a dry evening ahead.</p></body></html>`;

/** Writes the settings from an extension page, as the panel itself does. */
function setSettings(page: DriverPage, settings: Record<string, Settings>): Promise<void> {
  return callInExtension(page, 'storage.local.set', settings);
}

export function panelStatesSuite(name: BrowserName): void {
  const pack = bundledPack();

  describe(`side panel states in ${name}`, { timeout: 300_000 }, () => {
    let browser: DriverBrowser;
    let server: RunningServer;
    let panel: DriverPage;
    let emptyPanel: DriverPage;

    before(async () => {
      server = await startServer({ '/article.html': { body: sampleArticleHtml(ROOT) }, '/weather.html': { body: EMPTY_PAGE } });
      browser = await launch(name, { headless: true, lang: 'en' });
      const weather = await browser.newPage();
      await weather.goto(`${server.origin}/weather.html`);
      const page = await browser.newPage();
      const url = `${server.origin}/article.html`;
      await page.goto(url);
      await waitForHighlights(page);
      const probe = await browser.openExtensionPage('sidepanel.html');
      const tabId = await tabIdOf(probe, url);
      // The weather page has no highlight to wait for: ask until its content script answers.
      let weatherId = -1;
      for (const until = Date.now() + 15_000; weatherId < 0;) {
        weatherId = await tabIdOf(probe, `${server.origin}/weather.html`).catch((err: unknown) => {
          if (Date.now() > until) throw err;
          return -1;
        });
        if (weatherId < 0) await new Promise((r) => setTimeout(r, 200));
      }
      await probe.close();
      emptyPanel = await openPanel(browser, weatherId);
      panel = await openPanel(browser, tabId);
    });

    after(async () => {
      await browser?.close();
      await server?.close();
    });

    it('lists the names the page writes as names alone: no clipped ل of لل', () =>
      screenshotOnFailure(panel, `${name}-panel-surfaces`, async () => {
        await panel.waitFor(() => document.querySelector('li.entity[data-entity-id="iranian-government"]') !== null, undefined, 15_000);
        assert.deepEqual(await panel.evaluate(() => [...document.querySelectorAll('li.entity[data-entity-id="iranian-government"] .surface')].map((b) => b.textContent)), ['النظام الإيراني']);
        const irgc = await panel.evaluate(() => [...document.querySelectorAll('li.entity[data-entity-id="islamic-revolutionary-guard-corps"] .surface')].map((b) => b.textContent));
        assert.deepEqual(irgc, ['الحرس الثوري الإيراني'], 'الحرس and للحرس are one name');
        assert.equal(await panel.evaluate(() => [...document.querySelectorAll('.surface')].filter((b) => b.localName === 'bdi').length > 0), true, 'each surface is isolated');
      }));

    it('says when Dramatis is off on the site or everywhere, and turns it back on from there', () =>
      screenshotOnFailure(panel, `${name}-panel-off`, async () => {
        await setSettings(panel, settingsItem({ disabledSites: ['127.0.0.1'] }));
        await panel.waitFor(() => document.querySelector('[data-empty="site-off"]') !== null, undefined, 15_000);
        assert.equal(await textOf(panel, '[data-empty="site-off"] .empty-title'), 'Dramatis is off on 127.0.0.1.');
        assert.deepEqual(await attrsOf(panel, '[data-empty="site-off"] button', 'aria-label'), ['Turn on for 127.0.0.1']);
        assert.equal(await textOf(panel, '[data-empty="site-off"] button'), 'Turn on');
        await assertNoAxeViolations(panel, 'the site-off state');
        await panel.screenshot(artifactPath(`panel-${name}-en-empty-site-off.png`));
        await press(panel, '[data-empty="site-off"] button', 'Enter');
        await panel.waitFor(() => document.querySelector('li.entity[data-entity-id="esmail-qaani"]') !== null, undefined, 20_000);

        await setSettings(panel, settingsItem({ enabled: false }));
        await panel.waitFor(() => document.querySelector('[data-empty="all-off"]') !== null, undefined, 15_000);
        assert.equal(await textOf(panel, '[data-empty="all-off"] .empty-title'), 'Dramatis is off on every site.');
        await press(panel, '[data-empty="all-off"] button', 'Enter');
        await panel.waitFor(() => document.querySelector('li.entity[data-entity-id="esmail-qaani"]') !== null, undefined, 20_000);
      }));

    it('on a page that names nobody from the dataset, says so and offers to browse it', () =>
      screenshotOnFailure(emptyPanel, `${name}-panel-nothing`, async () => {
        await emptyPanel.bringToFront();
        await emptyPanel.waitFor(() => document.querySelector('[data-empty="nothing-found"]') !== null, undefined, 15_000);
        assert.equal(await textOf(emptyPanel, '[data-empty="nothing-found"] .empty-title'), 'No names from the dataset on this page.');
        await assertNoAxeViolations(emptyPanel, 'the nothing-found state');
        await emptyPanel.screenshot(artifactPath(`panel-${name}-en-empty-nothing-found.png`));
        await press(emptyPanel, '[data-empty="nothing-found"] button.browse', 'Enter');
        await emptyPanel.waitFor(() => document.querySelector('#tab-search')?.getAttribute('aria-selected') === 'true' && document.querySelector('.browse li') !== null, undefined, 10_000);
        await panel.bringToFront();
      }));

    it('an empty Search lists every entity, by type, in the order of their names', () =>
      screenshotOnFailure(panel, `${name}-panel-browse`, async () => {
        await selectTab(panel, 'search');
        await panel.waitFor(() => document.querySelectorAll('.browse li[data-entity-id]').length > 0, undefined, 10_000);
        const groups = await panel.evaluate(() => [...document.querySelectorAll<HTMLElement>('.browse section.group')].map((g) => ({
          type: g.dataset.type, heading: g.querySelector('h2')!.textContent, ids: [...g.querySelectorAll('li')].map((li) => li.getAttribute('data-entity-id')),
        })));
        const collator = new Intl.Collator('en');
        const headings = { person: 'People', organisation: 'Organisations', media: 'Media outlets', place: 'Places' } as const;
        assert.deepEqual(groups, (['person', 'organisation', 'media', 'place'] as const).map((type) => {
          const ids = pack.entities.filter((e) => e.type === type).sort((a, b) => collator.compare(a.name.en, b.name.en)).map((e) => e.id);
          return { type, heading: `${headings[type]} (${ids.length})`, ids };
        }));
        await assertNoAxeViolations(panel, 'the empty Search');
        await panel.screenshot(artifactPath(`panel-${name}-en-empty-search.png`));
        // Typing hides the list; clearing brings it back; an entry opens its entity.
        await typeInto(panel, '#search-input', 'Damas');
        await panel.waitFor(() => document.querySelector('.browse') === null && document.querySelector('.hits li') !== null, undefined);
        await typeInto(panel, '#search-input', '');
        await panel.waitFor(() => document.querySelector('.browse li') !== null, undefined);
        await press(panel, '.browse li[data-entity-id="tehran"] button', 'Enter');
        await waitForEntityView(panel, 'tehran');
        await press(panel, 'button.back', 'Enter');
      }));

    it('copies a quote’s citation from the entity view', () =>
      screenshotOnFailure(panel, `${name}-panel-citation`, async () => {
        await typeInto(panel, '#search-input', 'Nasrallah');
        await press(panel, '.hits li[data-entity-id="hassan-nasrallah"] button.hit', 'Enter');
        await waitForEntityView(panel, 'hassan-nasrallah');
        const nasrallah = entityById(pack, 'hassan-nasrallah');
        // His first tie: the role in Hezbollah.
        assert.equal(nasrallah.roles[0]!.orgId, 'hezbollah');
        const evidence = nasrallah.roles[0]!.evidence[0]!;
        await press(panel, 'ul.ties > li.tie-out .fact-quotes > figure .copy-citation', 'Enter');
        await panel.waitFor(() => document.querySelector('.fact-quotes .copy-status')?.textContent === 'Citation copied.', undefined);
        await panel.evaluate(() => {
          const area = document.createElement('textarea');
          area.id = 'paste-here';
          document.body.append(area);
          area.focus();
        });
        await panel.chord(['Control'], 'KeyV');
        const pasted = await panel.evaluate(() => (document.getElementById('paste-here') as HTMLTextAreaElement).value);
        await panel.evaluate(() => document.getElementById('paste-here')!.remove());
        assert.equal(pasted, citationText(pack.articles[0]!, evidence, 'en', { quote: 'Quote' }));
        await press(panel, 'button.back', 'Enter');
      }));

    it('names the highlight styles for what the page paints, with a sample of each', () =>
      screenshotOnFailure(panel, `${name}-panel-styles`, async () => {
        await selectTab(panel, 'settings');
        const styles = await panel.evaluate(() => [...document.querySelectorAll('input[name="highlight-style"]')].map((input) => {
          const label = input.closest('label')!;
          const sample = label.querySelector<HTMLElement>('.style-sample')!;
          const s = getComputedStyle(sample);
          return {
            value: (input as HTMLInputElement).value,
            label: label.textContent!.replace(sample.textContent!, '').trim(),
            underline: s.textDecorationLine.includes('underline'),
            tint: s.backgroundColor !== 'rgba(0, 0, 0, 0)',
          };
        }));
        assert.deepEqual(styles, [
          { value: 'underline', label: 'Underline', underline: true, tint: false },
          { value: 'background', label: 'Tint', underline: false, tint: true },
          { value: 'none', label: 'No marks (cards still open on hover)', underline: false, tint: false },
        ]);
        await panel.screenshot(artifactPath(`panel-${name}-en-styles.png`));
      }));
  });

  describe(`the Updates tab without a feed in ${name}`, { timeout: 300_000 }, () => {
    let build: TestBuild;
    let browser: DriverBrowser;

    before(async () => {
      build = await buildTestExtension('panel-states');
      browser = await launch(name, { headless: true, lang: 'en', extensionPath: build.path(name === 'chromium' ? 'chrome' : 'firefox') });
    });

    after(async () => {
      await browser?.close();
      build?.remove();
    });

    it('says no update feed is set, and that the built-in dataset is in use', async () => {
      const panel = await browser.openExtensionPage('sidepanel.html');
      await screenshotOnFailure(panel, `${name}-panel-feed-not-set`, async () => {
        // A test build reads its feed from storage (src/background/sync/feed-config.ts): none here.
        await callInExtension(panel, 'storage.local.set', { syncTestConfig: { feedUrl: '' } });
        await selectTab(panel, 'updates');
        await panel.waitFor(() => document.querySelector('[data-empty="feed-not-set"]') !== null, undefined, 15_000);
        assert.equal(await textOf(panel, '[data-empty="feed-not-set"]'), 'The bundled dataset is in use. No update feed is set, so Dramatis checks nothing and changes nothing.');
        assert.equal(await panel.evaluate(() => document.querySelector('.sync-feed')), null);
        await assertNoAxeViolations(panel, 'the Updates tab without a feed');
        await panel.screenshot(artifactPath(`panel-${name}-en-feed-not-set.png`));
      });
    });
  });
}
