/**
 * The first run, in a real browser: the welcome page opens once on install (not on an update), in the UI
 * language, with a live hover over the first lines of the sample article (pointer and keyboard), the way to pin
 * the icon in this browser, what the side panel holds and the privacy promise. Run once per browser by
 * welcome-chromium.test.ts and welcome-firefox.test.ts.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { launch, type BrowserName, type DriverBrowser, type DriverPage } from '../../scripts/browsers.ts';
import { ROOT } from '../../scripts/build.ts';
import { artifactPath, screenshotOnFailure } from '../support/artifacts.ts';
import { sendFromPage } from '../support/extension-api.ts';
import { until } from '../support/sync-panel.ts';
import { arabicUiMissing, assertNoAxeViolations } from '../support/drivers/panel-driving.ts';

const en = JSON.parse(readFileSync(join(ROOT, 'assets/_locales/en/messages.json'), 'utf8')) as Record<string, { message: string }>;
const ar = JSON.parse(readFileSync(join(ROOT, 'assets/_locales/ar/messages.json'), 'utf8')) as Record<string, { message: string }>;

/** The centre of the sample's marked name of `entityId` (the first one). */
async function mentionPoint(page: DriverPage, entityId: string): Promise<{ x: number; y: number }> {
  await page.waitFor((id: string) => document.querySelector(`button.mention[data-entity-id="${id}"]`) !== null, entityId, 15_000);
  return page.evaluate((id: string) => {
    const r = document.querySelector(`button.mention[data-entity-id="${id}"]`)!.getClientRects()[0]!;
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  }, entityId);
}

const cardOf = (page: DriverPage) => page.evaluate(() => {
  const card = document.getElementById('welcome-card');
  return card ? { entityId: card.dataset.entityId, text: card.innerText, lang: card.lang } : null;
});

export function welcomeSuite(name: BrowserName): void {
  describe(`the welcome page in ${name}`, { timeout: 300_000 }, () => {
    let browser: DriverBrowser | undefined;
    after(async () => {
      await browser?.close();
    });

    it('opens once on install, and not again when the extension is updated', async () => {
      browser = await launch(name, { headless: true, lang: 'en', keepWelcome: true });
      const b = browser;
      await until(async () => (await b.ui.tabsShowing('/welcome.html')) === 1, 'the welcome tab');
      // An update opens nothing (see BrowserUi.updateExtension for what each browser allows a test).
      await b.ui.updateExtension();
      // Back when one of its pages answers again.
      await until(async () => {
        try {
          const page = await b.openExtensionPage('options.html');
          const ok = (await sendFromPage(page, 'getDatasetInfo', {})) !== null;
          await page.close();
          return ok;
        } catch {
          return false;
        }
      }, 'the updated extension', 60_000, 500);
      // onInstalled runs as the extension starts; give a welcome tab, were one to open, time to appear.
      await new Promise((r) => setTimeout(r, 3000));
      // Firefox's reload closed the first welcome tab with the extension's other pages; Chromium's stays.
      assert.equal(await b.ui.tabsShowing('/welcome.html'), name === 'firefox' ? 0 : 1, 'no new welcome page after an update');
    });

    it('shows a live hover on the sample lines, by pointer and by keyboard, and says how to pin, what the panel holds and what stays private', async () => {
      const page = await browser!.openExtensionPage('welcome.html');
      await screenshotOnFailure(page, `${name}-welcome`, async () => {
        assert.equal(await page.evaluate(() => document.querySelector('h1')?.textContent), en.welcomeTitle!.message);
        assert.deepEqual(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]), ['en', 'ltr']);
        const text = await page.evaluate(() => document.body.innerText);
        for (const key of ['welcomeIntro', 'welcomeBadge', 'welcomeMenus', 'welcomePanel', 'welcomePrivacy', name === 'firefox' ? 'welcomePinFirefox' : 'welcomePinChrome']) {
          assert.ok(text.includes(en[key]!.message), `the page says ${key}`);
        }
        assert.ok(text.includes(en.welcomePanelShortcut!.message.replace('$KEYS$', 'Alt+Shift+D')), 'the panel’s shortcut, as the browser has it');

        // The pointer rests on a name: its card opens, in the UI language.
        const assad = await mentionPoint(page, 'bashar-al-assad');
        await page.mouseMove(assad.x, assad.y);
        const card = await until(async () => { const c = await cardOf(page); return c?.entityId === 'bashar-al-assad' ? c : null; }, 'the card');
        assert.ok(card.text.includes('Bashar al-Assad') && card.text.includes('بشار الأسد'), card.text);
        assert.equal(card.lang, 'en');
        await assertNoAxeViolations(page, 'the welcome page with a card open');
        await page.screenshot(artifactPath(`welcome-${name}.png`));
        // Away: it closes.
        await page.mouseMove(5, 5);
        await until(async () => (await cardOf(page)) === null, 'the card to close');

        // From the keyboard: Tab reaches the names, and Escape closes the card.
        await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
        let focused: string | undefined;
        for (let i = 0; i < 5 && !focused; i++) {
          await page.keyPress('Tab');
          focused = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.entityId);
        }
        assert.ok(focused, 'a name takes the focus');
        await until(async () => (await cardOf(page))?.entityId === focused, 'the focused name’s card');
        await page.keyPress('Escape');
        await until(async () => (await cardOf(page)) === null, 'Escape to close the card');
        assert.equal(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.entityId), focused, 'focus stays on the name');

        // "Open the side panel", from the keyboard (a real key press: the browsers open a panel only then).
        assert.equal(await browser!.ui.sidebarOpen(), false);
        await page.evaluate(() => (document.querySelector('.welcome-open-panel') as HTMLElement).focus());
        await page.keyPress('Enter');
        assert.equal(await until(() => browser!.ui.sidebarOpen(), 'the side panel to open'), true);
      });
      await page.close();
    });
  });

  describe(`the welcome page in Arabic in ${name}`, { timeout: 120_000 }, () => {
    const skip = arabicUiMissing(name);
    let browser: DriverBrowser | undefined;
    after(async () => {
      await browser?.close();
    });
    it('is in Arabic, right to left, with the card in Arabic', { skip }, async () => {
      browser = await launch(name, { headless: true, lang: 'ar', keepWelcome: true });
      const b = browser;
      await until(async () => (await b.ui.tabsShowing('/welcome.html')) === 1, 'the welcome tab');
      const page = await b.openExtensionPage('welcome.html');
      await screenshotOnFailure(page, `${name}-welcome-ar`, async () => {
        assert.deepEqual(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]), ['ar', 'rtl']);
        assert.equal(await page.evaluate(() => document.querySelector('h1')?.textContent), ar.welcomeTitle!.message);
        const qaani = await mentionPoint(page, 'esmail-qaani');
        await page.mouseMove(qaani.x, qaani.y);
        const card = await until(async () => { const c = await cardOf(page); return c?.entityId === 'esmail-qaani' ? c : null; }, 'the card');
        assert.equal(card.lang, 'ar');
        assert.ok(card.text.includes('Esmail Qaani'), 'the other script beneath');
        await assertNoAxeViolations(page, 'the Arabic welcome page with a card open');
        await page.screenshot(artifactPath(`welcome-${name}-ar.png`));
      });
    });
  });
}
