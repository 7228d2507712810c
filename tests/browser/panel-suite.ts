/**
 * The side panel in a real browser, in English, run once per browser by panel-chromium.test.ts and
 * panel-firefox.test.ts (with the Arabic suite, panel-arabic-suite.ts): its document opened as a tab pointed at
 * a web page's tab (`?tabId=`), which covers what the docked panel does. Each tab of the panel: the on-page list
 * and its scroll-to, a search in each script, the entity view and its graph, settings that take effect in an
 * open tab; the tablist's keys; axe on every view; screenshots.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { launch, type BrowserName, type DriverBrowser, type DriverPage } from '../../scripts/browsers.ts';
import { ROOT } from '../../scripts/build.ts';
import { readHighlights, waitForHighlightText, waitForHighlights, waitForRanges } from '../../scripts/page-probes.ts';
import { sampleArticleHtml } from '../../scripts/sample-page.ts';
import { startServer, type RunningServer } from '../../scripts/sample-server.ts';
import { namedIds, tieIndex } from '../../src/core/dataset/entity-graph.ts';
import { formatIsoDate } from '../../src/core/ui/iso-date.ts';
import { artifactPath, screenshotOnFailure } from '../support/artifacts.ts';
import { callInExtension, sendFromPage } from '../support/extension-api.ts';
import { tabIdOf } from '../support/extension-page.ts';
import { bundledPack, entityById } from '../support/pack.ts';
import {
  assertNoAxeViolations, attrsOf, openPanel, press, selectTab, textOf, typeInto, waitForEntityView,
} from '../support/drivers/panel-driving.ts';

/** Bashar al-Assad named at the top and again far below: the second reveal must scroll the page. */
const LONG_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Long</title></head><body>
<h1>A long page</h1><p id="near">Bashar al-Assad spoke in the morning.</p>
${'<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore.</p>\n'.repeat(90)}
<p id="far">In the evening Bashar al-Assad left for Damascus.</p></body></html>`;

/**
 * Waits until the ranges painted for an entity type (any type for '') are none (`zero`) or some. The content
 * script keeps a type's Highlight registered, empty, while the type is hidden; its kind carries the style
 * (place, place-filled).
 */
function paintedIs(page: DriverPage, { type, zero }: { type: string; zero: boolean }): Promise<void> {
  const types = type ? [type] : ['person', 'organisation', 'media', 'place'];
  return waitForRanges(page, (ranges) => {
    const n = ranges.filter((r) => types.some((t) => r.kind === t || r.kind === `${t}-filled`)).length;
    return zero ? n === 0 : n > 0;
  }, `${type || 'any type'} ${zero ? 'not ' : ''}painted`);
}

const selectedTab = (panel: DriverPage) => attrsOf(panel, '[role="tab"][aria-selected="true"]', 'id');

export function panelSuite(name: BrowserName): void {
  const pack = bundledPack();

  describe(`side panel in ${name} (English)`, () => {
    let browser: DriverBrowser;
    let server: RunningServer;
    let page: DriverPage;
    let panel: DriverPage;
    let tabId: number;
    let url: string;

    before(async () => {
      server = await startServer({ '/article.html': { body: sampleArticleHtml(ROOT) }, '/long.html': { body: LONG_PAGE } });
      browser = await launch(name, { headless: true, lang: 'en' });
      page = await browser.newPage();
      url = `${server.origin}/long.html`;
      await page.goto(url);
      await waitForHighlights(page);
      const probe = await browser.openExtensionPage('sidepanel.html');
      tabId = await tabIdOf(probe, url);
      await probe.close();
      panel = await openPanel(browser, tabId);
    });

    after(async () => {
      await browser?.close();
      await server?.close();
    });

    it('lists the page’s entities grouped by type, and selecting one scrolls the page to its next mention and flashes it', () =>
      screenshotOnFailure(panel, `${name}-panel-onpage`, async () => {
        await panel.waitFor(() => document.querySelector('li.entity[data-entity-id="bashar-al-assad"]') !== null, undefined, 15_000);
        assert.deepEqual(await attrsOf(panel, 'section.group li.entity', 'data-entity-id'), ['bashar-al-assad', 'damascus']);
        assert.equal(await textOf(panel, '#group-person'), 'People');
        assert.equal(await textOf(panel, '#group-place'), 'Places');
        assert.deepEqual(await attrsOf(panel, 'section.group:has(#group-person) .count', 'data-count'), ['2']);
        await assertNoAxeViolations(panel, 'the On this page tab');
        await panel.screenshot(artifactPath(`panel-${name}-en-onpage.png`));

        // First selection: the first mention, near the top.
        await press(panel, 'li.entity[data-entity-id="bashar-al-assad"] button.reveal', 'Enter');
        await panel.waitFor(() => /1 of 2/.test(document.querySelector('.on-page [role="status"]')?.textContent ?? ''), undefined);
        // Again: the next mention, far below, which the page scrolls to and flashes.
        await press(panel, 'li.entity[data-entity-id="bashar-al-assad"] button.reveal', 'Enter');
        await panel.waitFor(() => /2 of 2/.test(document.querySelector('.on-page [role="status"]')?.textContent ?? ''), undefined);
        await waitForRanges(page, (ranges) => ranges.some((r) => r.kind === 'flash' && r.text === 'Bashar al-Assad' && r.parentId === 'far'), 'the flash', 5_000);
        const view = await page.evaluate(() => {
          const r = document.getElementById('far')!.getBoundingClientRect();
          return { scrollY: window.scrollY, top: r.top, bottom: r.bottom, height: window.innerHeight };
        });
        assert.ok(view.scrollY > 1000, `the page scrolled down (scrollY ${view.scrollY})`);
        assert.ok(view.top >= 0 && view.bottom <= view.height, 'the far mention is in view');
        // Wrapping round: the third selection goes back to the first mention.
        await press(panel, 'li.entity[data-entity-id="bashar-al-assad"] button.reveal', 'Enter');
        await panel.waitFor(() => /1 of 2/.test(document.querySelector('.on-page [role="status"]')?.textContent ?? ''), undefined);
        await page.waitFor(() => window.scrollY < 200, undefined, 5_000);
      }));

    it('stays live as the page changes: a name added to the page is listed', () =>
      screenshotOnFailure(panel, `${name}-panel-live`, async () => {
        assert.ok(!(await attrsOf(panel, 'li.entity', 'data-entity-id')).includes('hassan-nasrallah'));
        await page.evaluate(() => {
          const p = document.createElement('p');
          p.id = 'added';
          p.textContent = 'Hassan Nasrallah answered the next day.';
          document.body.append(p);
        });
        await panel.waitFor(() => document.querySelector('li.entity[data-entity-id="hassan-nasrallah"]') !== null, undefined, 20_000);
        await page.evaluate(() => document.getElementById('added')!.remove());
        await panel.waitFor(() => document.querySelector('li.entity[data-entity-id="hassan-nasrallah"]') === null, undefined, 20_000);
      }));

    it('follows the tab: a new page in it is listed', () =>
      screenshotOnFailure(panel, `${name}-panel-follow`, async () => {
        await page.goto(`${server.origin}/article.html`);
        await waitForHighlights(page);
        await panel.waitFor(() => document.querySelector('li.entity[data-entity-id="esmail-qaani"]') !== null, undefined, 15_000);
        const listed = new Set(await attrsOf(panel, 'li.entity', 'data-entity-id'));
        assert.ok(listed.has('hezbollah') && listed.has('baghdad') && !listed.has('nonexistent'));
      }));

    it('moves between tabs with the arrow keys, Home and End, one tab stop', () =>
      screenshotOnFailure(panel, `${name}-panel-tabs`, async () => {
        await press(panel, '#tab-page', 'ArrowRight');
        await panel.waitFor(() => document.activeElement?.id === 'tab-search', undefined);
        assert.deepEqual(await selectedTab(panel), ['tab-search']);
        await panel.keyPress('End');
        await panel.waitFor(() => document.activeElement?.id === 'tab-updates', undefined);
        await panel.keyPress('ArrowRight');
        await panel.waitFor(() => document.activeElement?.id === 'tab-page', undefined);
        await panel.keyPress('ArrowLeft');
        await panel.waitFor(() => document.activeElement?.id === 'tab-updates', undefined);
        await panel.keyPress('Home');
        await panel.waitFor(() => document.activeElement?.id === 'tab-page', undefined);
        assert.deepEqual(await attrsOf(panel, '[role="tab"]', 'tabindex'), ['0', '-1', '-1', '-1']);
        assert.equal((await attrsOf(panel, '[role="tabpanel"]', 'aria-labelledby'))[0], 'tab-page');
      }));

    it('searches the dataset in Arabic and in English, folded as the matcher folds names', () =>
      screenshotOnFailure(panel, `${name}-panel-search`, async () => {
        await selectTab(panel, 'search');
        await typeInto(panel, '#search-input', 'اسماعيل قاني');
        await panel.waitFor(() => document.querySelector('.hits li')?.getAttribute('data-entity-id') === 'esmail-qaani', undefined);
        // The same entity as before, so wait for this query's answer: the alias it matched.
        await typeInto(panel, '#search-input', 'ghaani');
        await panel.waitFor(() => /Ghaani/.test(document.querySelector('.hits li[data-entity-id="esmail-qaani"] .matched')?.textContent ?? ''), undefined);
        assert.equal((await attrsOf(panel, '.hits li', 'data-entity-id'))[0], 'esmail-qaani');
        await typeInto(panel, '#search-input', 'Damas');
        await panel.waitFor(() => document.querySelector('.hits li')?.getAttribute('data-entity-id') === 'damascus', undefined);
        await typeInto(panel, '#search-input', 'zzzqqq');
        await panel.waitFor(() => document.querySelectorAll('.hits li').length === 0 && /zzzqqq/.test(document.querySelector('.search [role="status"]')?.textContent ?? ''), undefined);
        await typeInto(panel, '#search-input', 'قاآني');
        await panel.waitFor(() => document.querySelector('.hits li')?.getAttribute('data-entity-id') === 'esmail-qaani', undefined);
        await assertNoAxeViolations(panel, 'the Search tab with results');
        await panel.screenshot(artifactPath(`panel-${name}-en-search.png`));
      }));

    it('opens the entity view with its ties both ways, its sources and a graph whose nodes open their entity', () =>
      screenshotOnFailure(panel, `${name}-panel-entity`, async () => {
        await press(panel, '.hits li[data-entity-id="esmail-qaani"] button.hit', 'Enter');
        await waitForEntityView(panel, 'esmail-qaani');
        const qaani = entityById(pack, 'esmail-qaani');
        assert.equal(await textOf(panel, '#entity-name'), qaani.name.en);
        // Focus lands on the name (moved by an effect after the render).
        await panel.waitFor(() => document.activeElement?.id === 'entity-name', undefined);
        assert.match(await textOf(panel, '.entity-view .description'), /Quds Force/);

        // The graph: one node per entity tied to him, both the ones he names and the ones naming him.
        const namers = tieIndex(pack.entities).get('esmail-qaani') ?? [];
        const expected = new Set([...namedIds(qaani), ...namers]);
        const nodes = await attrsOf(panel, 'svg a.node', 'data-entity-id');
        assert.deepEqual(new Set(nodes), expected);
        assert.equal(nodes.length, expected.size);
        assert.deepEqual(new Set(await attrsOf(panel, '.ties li.tie-in', 'data-entity-id')), new Set(namers));
        assert.equal(await textOf(panel, '.entity-view .background'), `Background: Wikipedia, checked ${formatIsoDate(qaani.descriptionSource!.checked, 'en')}`);
        assert.equal(await textOf(panel, 'button.mute'), 'Don’t highlight Esmail Qaani'.replace('’', "'"));
        // Every quote about him sits under the fact it supports: the first shown, the others collapsed.
        const facts = await panel.evaluate(() => [...document.querySelectorAll('ul.ties > li.tie-out')].map((li) => ({
          id: li.getAttribute('data-entity-id'),
          date: li.querySelector('.tie-line .date')?.textContent ?? null,
          first: li.querySelector(':scope .fact-quotes > figure blockquote')?.textContent ?? null,
          translation: li.querySelector(':scope .fact-quotes > figure .translation-text')?.textContent ?? null,
          collapsed: [...li.querySelectorAll('details.more-quotes:not([open]) blockquote')].map((b) => b.textContent),
          more: li.querySelector('details.more-quotes summary')?.textContent ?? null,
          actions: [...li.querySelectorAll(':scope .fact-quotes > figure .quote-actions > *:not(.copy-status)')].map((b) => b.textContent),
        })));
        const own = [...qaani.roles.filter((r) => r.orgId).map((r) => ({ id: r.orgId!, date: null, evidence: r.evidence })),
          ...qaani.affiliations.map((a) => ({ id: a.targetId, date: a.date ? formatIsoDate(a.date, 'en') : null, evidence: a.evidence }))];
        assert.deepEqual(facts, own.map((f) => ({
          id: f.id, date: f.date, first: f.evidence[0]!.quote, translation: f.evidence[0]!.translation!.en,
          collapsed: f.evidence.slice(1).map((e) => e.quote),
          more: f.evidence.length > 1 ? `${f.evidence.length - 1} more quote${f.evidence.length > 2 ? 's' : ''}` : null,
          actions: ['Read the passage', 'Original article', 'Copy citation'],
        })));
        await assertNoAxeViolations(panel, 'the entity view');
        await panel.screenshot(artifactPath(`panel-${name}-en-entity.png`));

        // A node is a link: Enter opens that entity; Back returns.
        await press(panel, 'svg a.node[data-entity-id="bashar-al-assad"]', 'Enter');
        await waitForEntityView(panel, 'bashar-al-assad');
        assert.ok((await attrsOf(panel, 'svg a.node', 'data-entity-id')).includes('esmail-qaani'), 'Qaani, who names Assad, is tied to him');
        await press(panel, 'button.back', 'Enter');
        await waitForEntityView(panel, 'esmail-qaani');
        await press(panel, 'button.back', 'Enter');
        await panel.waitFor(() => document.querySelector('#search-input') !== null, undefined);
      }));

    it('opens the entity the card asks for (PANEL_FOCUS_KEY)', () =>
      screenshotOnFailure(panel, `${name}-panel-focus`, async () => {
        // The card's "Show in side panel" request: it writes the focus even where the panel can't be opened
        // from here (no user gesture), and the open panel follows it.
        await sendFromPage(panel, 'openSidePanel', { entityId: 'hezbollah' }).catch(() => undefined);
        await waitForEntityView(panel, 'hezbollah');
        await press(panel, 'button.back', 'Enter');
      }));

    it('applies settings to the open tab at once: this site and all sites off and on, a type hidden, the style, the delay, an entity muted', () =>
      screenshotOnFailure(panel, `${name}-panel-settings`, async () => {
        await selectTab(panel, 'settings');
        await panel.waitFor(() => document.querySelector('#setting-site') !== null, undefined, 15_000);
        assert.match(await textOf(panel, 'label:has(#setting-site)'), /127\.0\.0\.1/);
        await paintedIs(page, { type: '', zero: false });
        await assertNoAxeViolations(panel, 'the Settings tab');
        await panel.screenshot(artifactPath(`panel-${name}-en-settings.png`));

        await press(panel, '#setting-site', ' ');
        await panel.waitFor(() => document.querySelector('.disabled-sites li[data-site="127.0.0.1"]') !== null, undefined);
        await paintedIs(page, { type: '', zero: true });

        await press(panel, '.disabled-sites li[data-site="127.0.0.1"] button', 'Enter');
        await paintedIs(page, { type: '', zero: false });
        await panel.waitFor(() => document.querySelector('.disabled-sites') === null, undefined);

        await press(panel, 'input[data-type="place"]', ' ');
        await paintedIs(page, { type: 'place', zero: true });
        await paintedIs(page, { type: 'person', zero: false });
        await press(panel, 'input[data-type="place"]', ' ');
        await paintedIs(page, { type: 'place', zero: false });

        await press(panel, '#setting-enabled', ' ');
        await paintedIs(page, { type: '', zero: true });
        await press(panel, '#setting-enabled', ' ');
        await paintedIs(page, { type: 'person', zero: false });

        // The style: tint only, then back to tint and underline (the registry name says the style).
        await press(panel, 'input[name="highlight-style"][value="background"]', ' ');
        await waitForRanges(page, (rs) => rs.some((r) => r.kind === 'person-filled') && !rs.some((r) => r.kind === 'person'), 'the filled style');
        await press(panel, 'input[name="highlight-style"][value="underline"]', ' ');
        await waitForRanges(page, (rs) => rs.some((r) => r.kind === 'person') && !rs.some((r) => r.kind === 'person-filled'), 'the underline style');

        // The hover delay moves by the keyboard in steps of 50 ms and is stored.
        await press(panel, '#setting-delay', 'ArrowRight');
        await panel.waitFor(() => /^200\b/.test(document.querySelector('output[for="setting-delay"]')?.textContent ?? ''), undefined);
        const stored = (await callInExtension<Record<string, { hoverDelayMs?: number }>>(panel, 'storage.local.get', 'settings')).settings?.hoverDelayMs;
        assert.equal(stored, 200);
        await press(panel, '#setting-delay', 'ArrowLeft');
        await panel.waitFor(() => /^150\b/.test(document.querySelector('output[for="setting-delay"]')?.textContent ?? ''), undefined);

        // Muted from its entity view, Damascus loses its highlights; unmuted from Settings, it has them back.
        const damascusShown = async () => (await readHighlights(page)).some((r) => r.text === 'دمشق');
        assert.ok(await damascusShown(), 'Damascus is highlighted');
        await selectTab(panel, 'search');
        await typeInto(panel, '#search-input', 'Damascus');
        await press(panel, '.hits li[data-entity-id="damascus"] button.hit', 'Enter');
        await waitForEntityView(panel, 'damascus');
        await press(panel, 'button.mute', 'Enter');
        await panel.waitFor(() => document.querySelector('button.mute')?.getAttribute('aria-pressed') === 'true', undefined);
        // The toast confirms it, with Undo under the keyboard user's focus.
        await panel.waitFor(() => document.activeElement?.classList.contains('toast-undo') === true, undefined);
        assert.equal(await textOf(panel, '.toast .toast-message'), 'Damascus is no longer highlighted.');
        await waitForHighlightText(page, 'دمشق', false);
        await paintedIs(page, { type: 'person', zero: false });
        await selectTab(panel, 'settings');
        await press(panel, '.muted-entities li[data-entity-id="damascus"] button', 'Enter');
        await panel.waitFor(() => document.querySelector('.muted-entities') === null, undefined);
        await waitForHighlightText(page, 'دمشق');
      }));

    it('shows the Updates tab inside the tab frame', () =>
      screenshotOnFailure(panel, `${name}-panel-updates`, async () => {
        await selectTab(panel, 'updates');
        await panel.waitFor(() => (document.querySelector('#tabpanel-updates')?.textContent ?? '').length > 0, undefined, 15_000);
        await assertNoAxeViolations(panel, 'the Updates tab');
      }));
  });
}
