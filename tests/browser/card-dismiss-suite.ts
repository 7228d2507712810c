/**
 * The card's two ways to stop a mark, in a real browser, run once per browser by card-dismiss-<browser>.test.ts:
 * "Not this one" hides one mention, remembered for that page's address only (after a reload too, not on another
 * address); "Don't highlight <name>" mutes the entity everywhere. Both confirm with a toast whose Undo puts
 * things back, and which a keyboard reader lands on.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { BrowserName } from '../../scripts/browsers.ts';
import { hoverName, readHighlights, waitForCard, waitForHighlightText, waitForNoCard } from '../../scripts/page-probes.ts';
import { startServer, type RunningServer } from '../../scripts/sample-server.ts';
import { DISMISSALS_KEY } from '../../src/shared/storage-keys.ts';
import { artifactPath, screenshotOnFailure } from '../support/artifacts.ts';
import { cardAxeViolations } from '../support/probes/axe.ts';
import { cardPoint, waitInCard } from '../support/probes/card-probes.ts';
import { launchForTests, type TestBrowser, type TestPage } from '../support/drivers/page-driver.ts';
import { englishArticleHtml } from '../support/pages/page-fixtures.ts';
import { SETTINGS_KEY, settingsItem } from '../support/settings-item.ts';

/** The ids of the paragraphs whose "Bashar al-Assad" is highlighted, in page order. */
async function assadParagraphs(page: TestPage): Promise<string[]> {
  return (await readHighlights(page)).filter((h) => h.text === 'Bashar al-Assad').map((h) => h.where).sort();
}

async function waitForAssadIn(page: TestPage, expected: string[]): Promise<void> {
  const deadline = Date.now() + 10_000;
  let got = await assadParagraphs(page);
  while (JSON.stringify(got) !== JSON.stringify(expected) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    got = await assadParagraphs(page);
  }
  assert.deepEqual(got, expected);
}

/** The toast's text and buttons, or null when there is none. */
function readToast(page: TestPage): Promise<{ message: string; buttons: string[]; undoFocused: boolean } | null> {
  return page.inCardRoot((root) => {
    const toast = root?.querySelector<HTMLElement>('.toast');
    if (!toast) return null;
    return {
      message: toast.querySelector('.toast-message')!.textContent ?? '',
      buttons: [...toast.querySelectorAll('button')].map((b) => b.getAttribute('aria-label') ?? b.textContent ?? ''),
      undoFocused: root!.activeElement === toast.querySelector('.toast-undo'),
    };
  }, null);
}

export function cardDismissSuite(name: BrowserName): void {
  describe(`dismissing marks from the card in ${name}`, { timeout: 300_000 }, () => {
    let browser: TestBrowser;
    let server: RunningServer;
    let page: TestPage;
    let url: string;

    before(async () => {
      server = await startServer({ '/article.html': { body: englishArticleHtml() }, '/copy.html': { body: englishArticleHtml() } });
      url = `${server.origin}/article.html`;
      browser = await launchForTests(name);
      page = await browser.newPage();
    });

    after(async () => {
      await browser?.close();
      await server?.close();
    });

    beforeEach(async () => {
      await browser.setStorage({ ...settingsItem(), [DISMISSALS_KEY]: { pages: {} } });
      await page.bringToFront();
      await page.goto(url);
      await waitForHighlightText(page, 'Esmail Qaani');
      await waitForAssadIn(page, ['p1', 'p4']);
    });

    it('“Not this one” hides that one mark, with an undo toast; Undo brings it back', () =>
      screenshotOnFailure(page, `${name}-card-not-this-one`, async () => {
        await hoverName(page, 'Bashar al-Assad'); // the first: in #p1
        await waitForCard(page, 'bashar-al-assad');
        const button = await cardPoint(page, '.not-this-one');
        await page.click(button.x, button.y);
        await waitForNoCard(page);
        await waitForAssadIn(page, ['p4']);
        const toast = await readToast(page);
        assert.deepEqual(toast, { message: 'This mark of Bashar al-Assad is hidden on this page.', buttons: ['Undo', 'Close this message'], undoFocused: false });
        assert.deepEqual(await cardAxeViolations(page, '.toast'), [], 'axe on the toast');
        await page.screenshot(artifactPath(`card-${name}-not-this-one-toast.png`));
        const stored = (await browser.getStorage('local', DISMISSALS_KEY)) as { pages: Record<string, { keys: string[] }> };
        assert.equal(Object.values(stored.pages).flatMap((p) => p.keys).length, 1, 'one mention remembered');
        assert.ok(!JSON.stringify(stored).includes('127.0.0.1'), 'the page’s address is not stored as such');

        const undo = await cardPoint(page, '.toast-undo');
        await page.click(undo.x, undo.y);
        await waitForAssadIn(page, ['p1', 'p4']);
        assert.equal(await readToast(page), null);
      }));

    it('remembers it for that page’s address: after a reload, and not on another address', () =>
      screenshotOnFailure(page, `${name}-card-not-this-one-reload`, async () => {
        await hoverName(page, 'Bashar al-Assad');
        await waitForCard(page, 'bashar-al-assad');
        const button = await cardPoint(page, '.not-this-one');
        await page.click(button.x, button.y);
        await waitForAssadIn(page, ['p4']);
        await page.goto(`${url}#later`);
        await page.evaluate(() => location.reload());
        await page.waitFor(() => document.readyState === 'complete', undefined);
        await waitForHighlightText(page, 'Esmail Qaani');
        await waitForAssadIn(page, ['p4']);
        const copy = await browser.newPage();
        try {
          await copy.bringToFront();
          await copy.goto(`${server.origin}/copy.html`);
          await waitForAssadIn(copy, ['p1', 'p4']);
        } finally {
          await copy.close();
        }
      }));

    it('from the keyboard: Undo takes focus, and focus goes back where it was when the toast closes', () =>
      screenshotOnFailure(page, `${name}-card-dismiss-keyboard`, async () => {
        await page.evaluate(() => {
          const p1 = document.getElementById('p1')!;
          p1.focus();
          getSelection()!.collapse(p1.firstChild!, 20); // inside "Bashar al-Assad"
        });
        await browser.ui.runCommand('open-card');
        await waitForCard(page, 'bashar-al-assad');
        await page.inCardRoot((root) => root!.querySelector<HTMLElement>('.not-this-one')!.focus(), null);
        await page.keyPress('Enter');
        await waitForAssadIn(page, ['p4']);
        await waitInCard(page, (root) => root!.activeElement?.classList.contains('toast-undo') === true, null);
        await page.keyPress('Enter');
        await waitForAssadIn(page, ['p1', 'p4']);
        assert.equal(await readToast(page), null);
        assert.equal(await page.evaluate(() => document.activeElement?.id), 'p1');

        // Escape closes a toast the same way.
        await browser.ui.runCommand('open-card');
        await waitForCard(page, 'bashar-al-assad');
        await page.inCardRoot((root) => root!.querySelector<HTMLElement>('.not-this-one')!.focus(), null);
        await page.keyPress('Enter');
        await waitInCard(page, (root) => root!.activeElement?.classList.contains('toast-undo') === true, null);
        await page.keyPress('Escape');
        await waitInCard(page, (root) => root?.querySelector('.toast') == null, null);
        assert.equal(await page.evaluate(() => document.activeElement?.id), 'p1');
        await waitForAssadIn(page, ['p4']);
      }));

    it('“Don’t highlight <name>” mutes it on every page, with an undo toast', () =>
      screenshotOnFailure(page, `${name}-card-mute-undo`, async () => {
        await hoverName(page, 'Damascus');
        await waitForCard(page, 'damascus');
        const mute = await cardPoint(page, '.mute');
        await page.click(mute.x, mute.y);
        await waitForNoCard(page);
        await waitForHighlightText(page, 'Damascus', false);
        assert.deepEqual(((await browser.getStorage('local', SETTINGS_KEY)) as { mutedEntities: string[] }).mutedEntities, ['damascus']);
        assert.equal((await readToast(page))?.message, 'Damascus is no longer highlighted.');
        await page.screenshot(artifactPath(`card-${name}-mute-toast.png`));
        const undo = await cardPoint(page, '.toast-undo');
        await page.click(undo.x, undo.y);
        await waitForHighlightText(page, 'Damascus');
        assert.deepEqual(((await browser.getStorage('local', SETTINGS_KEY)) as { mutedEntities: string[] }).mutedEntities, []);
        // Other names never lost their marks.
        assert.ok((await readHighlights(page)).some((h) => h.text === 'Esmail Qaani'));
      }));
  });
}
