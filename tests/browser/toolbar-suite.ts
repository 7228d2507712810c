/**
 * Dramatis as part of the browser, in a real browser: the toolbar button's badge per tab (the count of distinct
 * entities, none at zero, a neutral grey, a tooltip that says what it counts; muted where Dramatis is off),
 * following rescans, SPA navigations and settings; the button's own menu (turn off / on for the site, pause
 * everywhere); "Look up “…”" on a selection; the keyboard commands; and the options page. Run once per browser
 * by toolbar-chromium.test.ts and toolbar-firefox.test.ts.
 *
 * The badge is read per tab through the action API (getBadgeText, getBadgeBackgroundColor, getTitle) in both
 * browsers; in Firefox also from the toolbar itself, which the test pins and photographs. Menus and commands are
 * driven through the browser's UI where a protocol reaches it (Firefox) and by the browser's events otherwise
 * (Chromium): see scripts/browser-ui.ts.
 */
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { launch, type BrowserName, type DriverBrowser, type DriverPage } from '../../scripts/browsers.ts';
import { ROOT } from '../../scripts/build.ts';
import { readHighlights, waitForHighlights } from '../../scripts/page-probes.ts';
import { sampleArticleHtml } from '../../scripts/sample-page.ts';
import { startServer, type RunningServer } from '../../scripts/sample-server.ts';
import { artifactPath, screenshotOnFailure } from '../support/artifacts.ts';
import { callInExtension, inExtension } from '../support/extension-api.ts';
import { getPageMentions, tabIdOf } from '../support/extension-page.ts';
import { storageGet, storageSet, until } from '../support/sync-panel.ts';
import { buttonOf, firefoxToolbarHtml, NEUTRAL, renderedToolbarHtml, type ButtonState } from '../support/toolbar-button.ts';
import { arabicUiMissing, attrsOf } from '../support/drivers/panel-driving.ts';
import { spaHtml } from '../support/pages/page-fixtures.ts';
import { settingsItem } from '../support/settings-item.ts';

const en = JSON.parse(readFileSync(join(ROOT, 'assets/_locales/en/messages.json'), 'utf8')) as Record<string, { message: string }>;
const ar = JSON.parse(readFileSync(join(ROOT, 'assets/_locales/ar/messages.json'), 'utf8')) as Record<string, { message: string }>;
const say = (key: string, ...values: string[]) => values.reduce((m, v) => m.replace(/\$[A-Z]+\$/, v), en[key]!.message);

const FEW = '<!doctype html><html lang="en"><meta charset="utf-8"><title>Few</title><p style="font-size:22px;margin:40px">Bashar al-Assad met Hassan Nasrallah in Damascus. Assad left at noon.</p>';
const NONE = '<!doctype html><html lang="en"><meta charset="utf-8"><title>None</title><p>The committee discussed the budget for the coming year.</p>';
const SELECT = '<!doctype html><html lang="ar" dir="rtl"><meta charset="utf-8"><title>Select</title><p id="s" style="font-size:28px;margin:60px">قال وحسن نصر الله في خطابه.</p>';

const MENU = { site: 'dramatis-site', pause: 'dramatis-pause', lookup: 'dramatis-lookup' };

/** The number the badge should show: distinct entities the automation contract reports for the tab. */
async function distinctEntities(ext: DriverPage, tabId: number): Promise<number> {
  return new Set((await getPageMentions(ext, tabId)).mentions.map((m) => m.entityId)).size;
}

export function toolbarSuite(name: BrowserName): void {
  describe(`the toolbar button, its menus and the commands in ${name}`, { timeout: 300_000 }, () => {
    let browser: DriverBrowser;
    let server: RunningServer;
    let ext: DriverPage;
    const pages: Record<string, { page: DriverPage; url: string; tabId: number }> = {};

    const open = async (key: string, path: string) => {
      const page = await browser.newPage();
      const url = `${server.origin}${path}`;
      await page.goto(url);
      pages[key] = { page, url, tabId: -1 };
      return page;
    };
    const button = (key: string) => buttonOf(ext, pages[key]!.tabId);
    const waitForButton = (key: string, test: (s: ButtonState) => boolean, what: string) =>
      until(async () => { const s = await button(key); return test(s) ? s : null; }, `${key}: ${what}`, 20_000);
    const settings = () => storageGet(ext, 'settings') as Promise<{ enabled: boolean; disabledSites: string[] }>;

    before(async () => {
      server = await startServer({
        '/article.html': { body: sampleArticleHtml(ROOT) }, '/few.html': { body: FEW }, '/none.html': { body: NONE },
        '/spa/': { body: spaHtml() }, '/select.html': { body: SELECT },
      });
      browser = await launch(name, { headless: true, lang: 'en' });
      await open('article', '/article.html');
      await open('few', '/few.html');
      await open('none', '/none.html');
      for (const p of Object.values(pages)) await waitForHighlights(p.page).catch(() => undefined);
      ext = await browser.openExtensionPage('sidepanel.html');
      for (const p of Object.values(pages)) p.tabId = await tabIdOf(ext, p.url);
    });

    after(async () => {
      await browser?.close();
      await server?.close();
    });

    /** A screenshot of one tab's page, as bytes. */
    const shot = async (key: string) => {
      const path = artifactPath(`tmp-${name}-${key}.png`);
      await pages[key]!.page.bringToFront();
      await pages[key]!.page.screenshot(path);
      const bytes = readFileSync(path);
      rmSync(path);
      return bytes;
    };
    /** Photographs an HTML rendering made from what the browser reported, as test-artifacts/badge-<browser>.png. */
    const showRendering = async (html: string) => {
      server.set('/rendered-toolbar.html', { body: html });
      const render = await browser.newPage();
      await render.goto(`${server.origin}/rendered-toolbar.html`);
      await render.screenshot(artifactPath(`badge-${name}.png`));
      await render.close();
    };

    it('shows each tab its own count of distinct entities, in a neutral grey, none at zero, with a tooltip that says what it counts', () =>
      screenshotOnFailure(pages.article!.page, `${name}-toolbar-badge`, async () => {
        const article = await distinctEntities(ext, pages.article!.tabId);
        const few = await distinctEntities(ext, pages.few!.tabId);
        assert.equal(few, 3, 'Assad, Nasrallah and Damascus (Assad twice, counted once)');
        assert.ok(article > few);
        const a = await waitForButton('article', (s) => s.text === String(article), `badge ${article}`);
        const f = await waitForButton('few', (s) => s.text === '3', 'badge 3');
        const z = await waitForButton('none', (s) => s.title === en.badgeTitle_zero!.message, 'no badge, and a tooltip that says none');
        assert.deepEqual(a.color, NEUTRAL);
        assert.deepEqual(f.color, NEUTRAL);
        assert.equal(a.title, say('badgeTitle_other', String(article)));
        assert.equal(f.title, say('badgeTitle_other', '3'));
        assert.equal(z.text, '', 'no badge at zero');
        // An extension page has no content script: the button there says only what Dramatis is.
        const extTab = (await callInExtension<{ id: number }>(ext, 'tabs.getCurrent')).id;
        const e = await buttonOf(ext, extTab);
        assert.deepEqual([e.text, e.title], ['', en.actionTitle!.message]);

        // The picture: Firefox's real toolbar (the button pinned, as the welcome page tells readers to);
        // Chromium's headless mode draws no toolbar, so the values the API reports are drawn beside the page.
        await pages.article!.page.bringToFront();
        if (browser.ui.toolbarImage && browser.ui.pinButton && browser.ui.toolbarBadge) {
          await browser.ui.pinButton();
          const shown = await until(async () => { const b = await browser.ui.toolbarBadge!(); return b.text === String(article) ? b : null; }, 'the toolbar badge');
          assert.equal(shown.background, 'rgb(95, 99, 104)');
          assert.equal(shown.tooltip, a.title);
          const toolbar = await browser.ui.toolbarImage(Math.ceil(shown.rect.y + shown.rect.height + 8));
          await showRendering(firefoxToolbarHtml(toolbar, shown.rect, await shot('article'),
            `Firefox: its real toolbar with the Dramatis button pinned (badge ${shown.text}, ${shown.background}; tooltip “${shown.tooltip}”), the button enlarged, and the page.`));
        } else {
          const html = renderedToolbarHtml(ROOT, [
            { label: pages.article!.url, state: a, muted: false, page: await shot('article') },
            { label: pages.few!.url, state: f, muted: false },
            { label: pages.none!.url, state: z, muted: false },
          ], 'Chromium (headless draws no toolbar): each tab’s button drawn from chrome.action.getBadgeText / getBadgeBackgroundColor / getTitle for that tab.');
          await showRendering(html);
        }
      }));

    it('follows rescans and SPA navigations', () =>
      screenshotOnFailure(pages.article!.page, `${name}-toolbar-spa`, async () => {
        const page = await open('spa', '/spa/');
        await waitForHighlights(page);
        pages.spa!.tabId = await tabIdOf(ext, pages.spa!.url);
        await waitForButton('spa', (s) => s.text === '1', 'Bashar al-Assad');
        // The page adds a paragraph: the rescan of that block finds one more.
        await page.evaluate(() => document.getElementById('view')!.insertAdjacentHTML('beforeend', '<p>Later Hassan Nasrallah arrived.</p>'));
        await waitForButton('spa', (s) => s.text === '2', 'after the page grew');
        // A route change starts a new document: the count is the new view's.
        await page.evaluate(() => (window as unknown as { route(p: string, h: string): void }).route('/spa/c', '<p>Esmail Qaani met Mustafa al-Kadhimi in Baghdad and then went to Damascus.</p>'));
        await waitForButton('spa', (s) => s.text === '4', 'the new route');
        await page.evaluate(() => (window as unknown as { route(p: string, h: string): void }).route('/spa/d', '<p>Nothing to see here.</p>'));
        await waitForButton('spa', (s) => s.text === '', 'a route without names');
        await page.close();
      }));

    it('mutes the button where Dramatis is off, and counts only what is shown', () =>
      screenshotOnFailure(pages.few!.page, `${name}-toolbar-muted`, async () => {
        await storageSet(ext, settingsItem({ mutedEntities: ['damascus'] }));
        await waitForButton('few', (s) => s.text === '2', 'a muted entity is not counted');
        await storageSet(ext, settingsItem({ disabledSites: ['127.0.0.1'] }));
        const off = await waitForButton('few', (s) => s.text === '' && s.title === say('badgeTitleSiteOff', '127.0.0.1'), 'off for the site');
        assert.equal(off.text, '');
        await waitForButton('article', (s) => s.title === say('badgeTitleSiteOff', '127.0.0.1'), 'every tab of the site');
        await storageSet(ext, settingsItem({ enabled: false }));
        await waitForButton('few', (s) => s.text === '' && s.title === en.badgeTitlePaused!.message, 'paused');
        await storageSet(ext, settingsItem());
        await waitForButton('few', (s) => s.text === '3', 'back on');
      }));

    it('has its own context menu: turn off / on for this site and pause everywhere, which work', () =>
      screenshotOnFailure(pages.few!.page, `${name}-toolbar-menu`, async () => {
        const few = pages.few!;
        await few.page.bringToFront();
        await waitForButton('few', (s) => s.text === '3', 'on');
        let items = await browser.ui.actionMenu([MENU.site, MENU.pause]);
        assert.deepEqual(items.map((i) => i.id), [MENU.site, MENU.pause], 'both items are on the button’s menu');
        if (name === 'firefox') {
          // The badge of this tab was already "3" before it came to the front; the menu follows the tab brought to
          // the front a moment later (action-badge.ts refreshes it on activation): wait for that, then check it.
          items = await until(async () => {
            const i = await browser.ui.actionMenu([MENU.site, MENU.pause]);
            return i[0]?.enabled === true ? i : null;
          }, 'the menu to follow the tab brought to the front');
          assert.deepEqual(items.map((i) => [i.title, i.enabled]), [[en.menuSiteOff!.message, true], [en.menuPause!.message, true]]);
        }
        const shownBefore = items;

        await browser.ui.chooseActionMenuItem(MENU.site, few.url);
        await until(async () => (await settings())?.disabledSites?.includes('127.0.0.1'), 'the site turned off');
        await waitForButton('few', (s) => s.text === '' && s.title === say('badgeTitleSiteOff', '127.0.0.1'), 'muted');
        await until(async () => (await readHighlights(few.page)).length === 0, 'the highlights to go');
        if (name === 'firefox') {
          items = await until(async () => { const i = await browser.ui.actionMenu([MENU.site]); return i[0]?.title === en.menuSiteOn!.message ? i : null; }, 'the item to say "Turn on"');
        }
        await browser.ui.chooseActionMenuItem(MENU.site, few.url);
        await until(async () => !(await settings()).disabledSites.includes('127.0.0.1'), 'the site back on');
        await waitForButton('few', (s) => s.text === '3', 'counting again');
        assert.ok((await readHighlights(few.page)).length > 0 || (await waitForHighlights(few.page).then(() => true)));

        await browser.ui.chooseActionMenuItem(MENU.pause, few.url);
        await until(async () => (await settings()).enabled === false, 'paused everywhere');
        await waitForButton('article', (s) => s.title === en.badgeTitlePaused!.message, 'every tab paused');
        if (name === 'firefox') {
          const paused = await until(async () => { const i = await browser.ui.actionMenu([MENU.site, MENU.pause]); return i[1]?.title === en.menuResume!.message ? i : null; }, '"Resume everywhere"');
          assert.equal(paused[0]!.enabled, false, 'no site switch while paused everywhere');
        }
        await browser.ui.chooseActionMenuItem(MENU.pause, few.url);
        await until(async () => (await settings()).enabled === true, 'resumed');
        await waitForButton('few', (s) => s.text === '3', 'counting again');

        // The picture of the menu: its items as the browser lists them (Firefox reads them from its real menu;
        // Chromium can't be asked for titles, so its rendering uses the English messages of the items it has).
        const titles = shownBefore.map((i) => i.title ?? en[i.id === MENU.site ? 'menuSiteOff' : 'menuPause']!.message);
        server.set('/menu.html', { body: `<!doctype html><meta charset="utf-8"><style>body{margin:16px;font:14px system-ui}ul{list-style:none;margin:0;padding:4px 0;width:260px;border:1px solid #ccc;border-radius:6px;box-shadow:0 4px 14px rgba(0,0,0,.15)}li{padding:5px 14px}li.sep{border-top:1px solid #ddd;margin:4px 0;padding:0}li.browser{color:#777}p{color:#555;width:420px}</style>
          <p>${name}: the toolbar button's context menu, drawn from ${name === 'firefox' ? 'the labels of the real menu (read from the browser window)' : 'the item ids the browser reports present (chrome.contextMenus.update)'}; the browser's own items follow.</p>
          <ul>${titles.map((t) => `<li>${t}</li>`).join('')}<li class="sep"></li><li class="browser">Manage Extension…</li><li class="browser">Remove Extension…</li></ul>` });
        const shot = await browser.newPage();
        await shot.goto(`${server.origin}/menu.html`);
        await shot.screenshot(artifactPath(`action-menu-${name}.png`));
        await shot.close();
      }));

    it('looks up a selection: the side panel opens on Search with it, normalised, and finds the entity', () =>
      screenshotOnFailure(pages.few!.page, `${name}-toolbar-lookup`, async () => {
        const page = await open('select', '/select.html');
        await page.bringToFront();
        await waitForHighlights(page);
        // The reader selects "وحسن نصر الله" (with the conjunction) and right-clicks it.
        const at = await page.evaluate(() => {
          const text = document.getElementById('s')!.firstChild!;
          const start = text.textContent!.indexOf('وحسن');
          const range = document.createRange();
          range.setStart(text, start);
          range.setEnd(text, start + 'وحسن نصر الله'.length);
          getSelection()!.removeAllRanges();
          getSelection()!.addRange(range);
          const r = range.getBoundingClientRect();
          return { x: r.left + r.width / 2, y: r.top + r.height / 2, selection: getSelection()!.toString() };
        });
        assert.equal(at.selection, 'وحسن نصر الله');
        const label = await browser.ui.chooseSelectionMenuItem(MENU.lookup, { ...at, pageUrl: pages.select!.url });
        if (name === 'firefox') assert.equal(label, en.menuLookUp!.message.replace('%s', 'وحسن نصر الله'));
        const asked = await until(async () => (await callInExtension<Record<string, unknown>>(ext, 'storage.session.get', 'panelSearch'))
          .panelSearch as { query: string } | undefined, 'the search request');
        assert.equal(asked.query, 'وحسن نصر الله');
        // Firefox opens its sidebar from the menu click; Chrome would open its side panel too, but refuses
        // sidePanel.open() from a dispatched event (no user gesture), so there the panel is checked as a tab.
        if (name === 'firefox') assert.equal(await until(() => browser.ui.sidebarOpen(), 'the sidebar to open'), true);
        const panel = await browser.openExtensionPage(`sidepanel.html?tabId=${await tabIdOf(ext, pages.select!.url)}`);
        await panel.waitFor(() => document.querySelector('#tab-search[aria-selected="true"]') !== null, undefined, 15_000);
        await panel.waitFor(() => document.querySelector('.hits li[data-entity-id="hassan-nasrallah"]') !== null, undefined, 15_000);
        assert.equal(await panel.evaluate(() => (document.getElementById('search-input') as HTMLInputElement).value), 'وحسن نصر الله');
        assert.equal(await panel.evaluate(() => document.activeElement?.id), 'search-input', 'the field has the focus');
        assert.deepEqual((await attrsOf(panel, '.hits li', 'data-entity-id'))[0], 'hassan-nasrallah');
        await panel.screenshot(artifactPath(`lookup-${name}.png`));
        await panel.close();
        await page.close();
      }));

    it('has every keyboard action as a command the browser lists, and "toggle highlights" turns this page alone off and on', () =>
      screenshotOnFailure(pages.few!.page, `${name}-toolbar-commands`, async () => {
        const commands = await callInExtension<Array<{ name: string; shortcut?: string; description?: string }>>(ext, 'commands.getAll');
        const panelCommand = name === 'chromium' ? '_execute_action' : '_execute_sidebar_action';
        assert.deepEqual(
          commands.map((c) => [c.name, c.shortcut]).sort(),
          [[panelCommand, 'Alt+Shift+D'], ['open-card', 'Alt+Shift+E'], ['toggle-highlights', 'Alt+Shift+H']].sort(),
          'the browser assigned every suggested shortcut',
        );
        const described = Object.fromEntries(commands.map((c) => [c.name, c.description]));
        assert.equal(described['open-card'], en.commandOpenCard!.message);
        assert.equal(described['toggle-highlights'], en.commandToggleHighlights!.message);

        const few = pages.few!;
        await few.page.bringToFront();
        await waitForButton('few', (s) => s.text === '3', 'on');
        await browser.ui.runCommand('toggle-highlights');
        await waitForButton('few', (s) => s.text === '' && s.title === en.badgeTitlePageOff!.message, 'off on this page');
        await until(async () => (await readHighlights(few.page)).length === 0, 'the highlights to go');
        // Only this page: the settings and the other tabs are as they were.
        assert.deepEqual((await settings()).disabledSites, []);
        assert.equal((await button('article')).text, String(await distinctEntities(ext, pages.article!.tabId)));
        await browser.ui.runCommand('toggle-highlights');
        await waitForButton('few', (s) => s.text === '3', 'back on');
        await waitForHighlights(few.page);
      }));

    it('opens the same Settings as the browser’s "Extension options"', () =>
      screenshotOnFailure(ext, `${name}-toolbar-options`, async () => {
        const manifest = await callInExtension<{ options_ui?: { page: string } }>(ext, 'runtime.getManifest');
        assert.match(manifest.options_ui?.page ?? '', /^(.*\/)?options\.html$/, 'Firefox reports it as a full URL');
        type Api = { runtime: { openOptionsPage(): Promise<void> } };
        await inExtension(ext, (api: Api) => {
          void api.runtime.openOptionsPage();
        });
        await until(async () => (await browser.ui.tabsShowing('/options.html')) === 1, 'the options tab');
        const options = await browser.openExtensionPage('options.html');
        await options.waitFor(() => document.getElementById('setting-enabled') !== null, undefined, 15_000);
        assert.equal(await options.evaluate(() => document.querySelector('h1')?.textContent), en.optionsTitle!.message);
        // The same controls as the panel's Settings, writing the same settings.
        await options.evaluate(() => (document.getElementById('setting-enabled') as HTMLInputElement).click());
        await until(async () => (await settings()).enabled === false, 'the switch to write the settings');
        await options.evaluate(() => (document.getElementById('setting-enabled') as HTMLInputElement).click());
        await until(async () => (await settings()).enabled === true, 'and back');
        assert.deepEqual(
          await attrsOf(options, '.shortcuts [data-command]', 'data-command'),
          [name === 'chromium' ? '_execute_action' : '_execute_sidebar_action', 'open-card', 'toggle-highlights'],
        );
        await options.screenshot(artifactPath(`options-${name}.png`));
        await options.close();
      }));
  });

  describe(`the toolbar button in Arabic in ${name}`, { timeout: 120_000 }, () => {
    const skip = arabicUiMissing(name);
    let browser: DriverBrowser | undefined;
    let server: RunningServer | undefined;
    after(async () => {
      await browser?.close();
      await server?.close();
    });
    it('says what it counts in Arabic, with Arabic plurals', { skip }, async () => {
      server = await startServer({ '/few.html': { body: FEW } });
      browser = await launch(name, { headless: true, lang: 'ar' });
      const page = await browser.newPage();
      const url = `${server.origin}/few.html`;
      await page.goto(url);
      await waitForHighlights(page);
      const ext = await browser.openExtensionPage('sidepanel.html');
      const tabId = await tabIdOf(ext, url);
      const shown = await until(async () => { const s = await buttonOf(ext, tabId); return s.text === '3' ? s : null; }, 'the badge');
      // Three is "few" in Arabic.
      assert.equal(shown.title, ar.badgeTitle_few!.message.replace('$COUNT$', '3'));
      if (name === 'firefox') {
        await page.bringToFront();
        const items = await browser.ui.actionMenu([MENU.site, MENU.pause]);
        assert.deepEqual(items.map((i) => i.title), [ar.menuSiteOff!.message, ar.menuPause!.message]);
      }
    });
  });
}
