/**
 * The hover card in a real browser, read through its closed shadow root (page-driver.ts): hover intent, the
 * keyboard (the "open-card" browser command at the caret, next and previous, Escape and focus return), touch, what the card says and where
 * its links go, placement at the viewport's edges, language and direction, styles isolated both ways, dark
 * mode and accessibility (axe). Screenshots of the card over an English page land in test-artifacts/. Run once
 * per browser by card-chromium/-firefox.test.ts.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { BrowserName } from '../../scripts/browsers.ts';
import { hoverName, readActiveName, readCard, readHighlights, waitForCard, waitForHighlightText, waitForHighlights, waitForNoCard } from '../../scripts/page-probes.ts';
import { startServer, type RunningServer } from '../../scripts/sample-server.ts';
import { artifactPath, screenshotOnFailure } from '../support/artifacts.ts';
import { bundledPack, entityById } from '../support/pack.ts';
import { cardAxeViolations } from '../support/probes/axe.ts';
import { cardPoint, namePoint, overlaps, pollStorage, waitForCardText } from '../support/probes/card-probes.ts';
import { launchForTests, type TestBrowser, type TestPage } from '../support/drivers/page-driver.ts';
import { englishArticleHtml } from '../support/pages/page-fixtures.ts';
import { SETTINGS_KEY, settingsItem } from '../support/settings-item.ts';

export function cardSuite(name: BrowserName): void {
  describe(`the hover card in ${name}`, { timeout: 300_000 }, () => {
    let browser: TestBrowser;
    let server: RunningServer;
    let page: TestPage;
    let url: string;
    const pack = bundledPack();
    const qaani = entityById(pack, 'esmail-qaani');
    const article = pack.articles[0]!;

    before(async () => {
      server = await startServer({ '/article.html': { body: englishArticleHtml() } });
      url = `${server.origin}/article.html`;
      browser = await launchForTests(name);
    });

    after(async () => {
      await browser?.close();
      await server?.close();
    });

    beforeEach(async () => {
      await page?.close().catch(() => undefined);
      await browser.setStorage(settingsItem());
      page = await browser.newPage();
      // Background tabs get idle time only now and then: the tab under test is the one in front.
      await page.bringToFront();
      await page.goto(url);
      await waitForHighlightText(page, 'Esmail Qaani');
    });

    it('opens on a resting pointer, stays while the pointer is on the card, closes after it leaves both', () =>
      screenshotOnFailure(page, `${name}-card-hover`, async () => {
        await hoverName(page, 'Bashar al-Assad');
        await waitForCard(page, 'bashar-al-assad');
        const card = (await readCard(page))!;
        // Onto the card, across the gap, and a while there.
        await page.mouseMove(card.rect.x + card.rect.width / 2, card.rect.y + 20);
        await page.evaluate(() => new Promise((r) => setTimeout(r, 700)));
        assert.equal((await readCard(page))?.entityId, 'bashar-al-assad', 'still open over the card');
        await page.mouseMove(5, 700);
        const left = Date.now();
        await waitForNoCard(page, 3000);
        assert.ok(Date.now() - left >= 250, 'closes after the delay, not at once');
      }));

    it('opens the card of a name inside an open shadow root', () =>
      screenshotOnFailure(page, `${name}-card-shadow`, async () => {
        const found = (await readHighlights(page)).find((r) => r.where.startsWith('shadow:'));
        assert.ok(found, 'a name in the shadow root is highlighted');
        assert.equal(found.text, 'Tehran');
        const inShadow = { x: found.rect.x + found.rect.width / 2, y: found.rect.y + found.rect.height / 2 };
        await page.mouseMove(inShadow.x - 2, inShadow.y);
        await page.mouseMove(inShadow.x, inShadow.y);
        await waitForCard(page, 'tehran');
      }));

    it('opens nothing while the pointer sweeps across names', () =>
      screenshotOnFailure(page, `${name}-card-sweep`, async () => {
        const from = await namePoint(page, 'Esmail Qaani');
        const to = await namePoint(page, 'BBC');
        await page.sweep({ x: from.rect.x - 30, y: from.y }, { x: to.x + 200, y: to.y }, 12);
        await page.mouseMove(5, 700);
        await page.evaluate(() => new Promise((r) => setTimeout(r, 600)));
        // The card host is created the first time a card opens: none means none ever opened.
        assert.equal(await page.evaluate(() => document.querySelector('dramatis-card-host') !== null), false);
      }));

    it('opens from the keyboard at the caret (the open-card command), moves to the next and previous names, and Escape gives focus back', () =>
      screenshotOnFailure(page, `${name}-card-keyboard`, async () => {
        await page.evaluate(() => {
          const p1 = document.getElementById('p1')!;
          p1.focus();
          getSelection()!.collapse(p1.firstChild!, 3); // inside "Esmail Qaani"
        });
        // The browser's shortcut for the command (Alt+Shift+E unless changed), as browser-ui.ts delivers it.
        await browser.ui.runCommand('open-card');
        await waitForCard(page, 'esmail-qaani');
        let card = (await readCard(page))!;
        assert.ok(card.focused, 'focus moved into the card');
        await page.keyPress('n');
        await waitForCard(page, 'bashar-al-assad');
        await page.keyPress('n');
        await waitForCard(page, 'damascus');
        await page.keyPress('p');
        await waitForCard(page, 'bashar-al-assad');
        card = (await readCard(page))!;
        assert.ok(card.focused, 'focus stays in the card while moving');
        assert.equal(await readActiveName(page), 'Bashar al-Assad', 'the current name is marked');
        await page.keyPress('Escape');
        await waitForNoCard(page);
        assert.equal(await page.evaluate(() => document.activeElement?.id), 'p1', 'focus is back where it was');
      }));

    it('the open-card command moves focus into a card opened by hovering', () =>
      screenshotOnFailure(page, `${name}-card-focus`, async () => {
        await hoverName(page, 'Damascus');
        await waitForCard(page, 'damascus');
        assert.equal((await readCard(page))!.focused, false, 'hovering does not take focus');
        await browser.ui.runCommand('open-card');
        await page.waitFor(() => document.activeElement?.localName === 'dramatis-card-host', undefined, 3000);
        assert.equal((await readCard(page))!.focused, true);
        // Focus moving on to the page closes the card: the reader has moved on.
        await page.evaluate(() => document.getElementById('p1')!.focus());
        await waitForNoCard(page);
      }));

    it('opens on a tap, and a tap on a link is left to the link', () =>
      screenshotOnFailure(page, `${name}-card-tap`, async () => {
        const linked = await namePoint(page, 'Hezbollah', 1); // the second: inside the link
        await page.tap(linked.x, linked.y);
        await page.waitFor(() => location.hash === '#statement', undefined, 3000);
        const damascus = await namePoint(page, 'Damascus');
        await page.tap(damascus.x, damascus.y);
        await waitForCard(page, 'damascus');
        assert.equal((await readCard(page))!.focused, true, 'a tap moves focus into the card, for the screen reader');
      }));

    it('says who it is, in the UI language, with the evidence and its source', () =>
      screenshotOnFailure(page, `${name}-card-content`, async () => {
        await hoverName(page, 'Esmail Qaani');
        await waitForCard(page, 'esmail-qaani');
        const role = await cardPoint(page, '#dramatis-roles ~ ul .source-toggle');
        await page.click(role.x, role.y);
        await waitForCardText(page, 'Read the passage');
        const card = (await readCard(page))!;
        assert.equal(card.lang, 'en');
        assert.equal(card.dir, 'ltr');
        for (const expected of [qaani.name.en, qaani.name.ar, 'Person', qaani.description.en, qaani.roles[0]!.title.en, qaani.roles[0]!.evidence[0]!.quote,
          'according to Step News Agency, 22 November 2020', 'Read the passage', 'Original article', 'Copy citation', 'More in the side panel',
          'Not this one', 'Don\'t highlight Esmail Qaani']) {
          assert.ok(card.text.includes(expected), `the card shows "${expected}"`);
        }
        const marks = await page.inCardRoot((root) => ({
          other: root!.querySelector('.other-name')!.getAttribute('lang'),
          otherDir: root!.querySelector('.other-name')!.getAttribute('dir'),
          quote: root!.querySelector('blockquote')!.getAttribute('lang'),
          quoteDir: root!.querySelector('blockquote')!.getAttribute('dir'),
          link: (() => { const a = root!.querySelector<HTMLAnchorElement>('a.source-link')!; return { href: a.href, target: a.target, rel: a.rel }; })(),
          role: root!.querySelector('.card')!.getAttribute('role'),
          label: root!.querySelector('.card')!.getAttribute('aria-label'),
        }), null);
        assert.deepEqual(marks, {
          other: 'ar', otherDir: 'rtl', quote: 'ar', quoteDir: 'rtl',
          link: { href: article.url, target: '_blank', rel: 'noopener noreferrer' },
          role: 'dialog', label: 'About Esmail Qaani',
        });
        await page.screenshot(artifactPath(`card-${name}-english.png`));
      }));

    it('opens the bundled article at the passage, the side panel at the entity, and a tie’s own card', () =>
      screenshotOnFailure(page, `${name}-card-links`, async () => {
        await hoverName(page, 'Esmail Qaani');
        await waitForCard(page, 'esmail-qaani');
        const toggle = await cardPoint(page, '#dramatis-roles ~ ul .source-toggle');
        await page.click(toggle.x, toggle.y);
        await waitForCardText(page, 'Read the passage');
        const read = await cardPoint(page, '.read-passage');
        const opened = new URL(await browser.urlOfTabOpenedBy(() => page.click(read.x, read.y)));
        assert.equal(`${opened.protocol}//${opened.host}${opened.pathname}`, `${browser.extensionOrigin}/reader.html`);
        assert.equal(opened.searchParams.get('article'), article.id);
        assert.equal(opened.searchParams.get('quote'), qaani.roles[0]!.evidence[0]!.quote);
        assert.equal(opened.searchParams.get('entity'), 'esmail-qaani');
        await page.bringToFront();

        await hoverName(page, 'Esmail Qaani');
        await waitForCard(page, 'esmail-qaani');
        const panel = await cardPoint(page, '.show-in-panel');
        await page.click(panel.x, panel.y);
        const focus = await pollStorage(browser, 'panelFocus');
        assert.equal((focus as { entityId?: string } | undefined)?.entityId, 'esmail-qaani', 'the side panel is told which entity to show');
        if (name === 'firefox') {
          const status = await waitForCardText(page, 'Open the Dramatis sidebar');
          assert.ok(status, 'Firefox: the card says where the sidebar is');
        }

        const tie = await cardPoint(page, 'button.entity-ref[data-entity-id="bashar-al-assad"]');
        await page.click(tie.x, tie.y);
        await waitForCard(page, 'bashar-al-assad');
        assert.ok((await readCard(page))!.text.includes('Back to Esmail Qaani'));
        const back = await cardPoint(page, 'button.back');
        await page.click(back.x, back.y);
        await waitForCard(page, 'esmail-qaani');
      }));

    it('“Don’t highlight <name>” mutes it everywhere, at once', () =>
      screenshotOnFailure(page, `${name}-card-mute`, async () => {
        await hoverName(page, 'Damascus');
        await waitForCard(page, 'damascus');
        const mute = await cardPoint(page, '.mute');
        await page.click(mute.x, mute.y);
        await waitForNoCard(page);
        await waitForHighlightText(page, 'Damascus', false);
        const settings = (await browser.getStorage('local', SETTINGS_KEY)) as { mutedEntities: string[] };
        assert.deepEqual(settings.mutedEntities, ['damascus']);
      }));

    it('stays in the viewport without covering its name, at the edges of the screen', () =>
      screenshotOnFailure(page, `${name}-card-position`, async () => {
        // Bottom-right corner: the card flips above the name and shifts left.
        const corner = await namePoint(page, 'Lebanon');
        await page.mouseMove(corner.x - 2, corner.y);
        await page.mouseMove(corner.x, corner.y);
        await waitForCard(page, 'lebanon');
        const card = (await readCard(page))!;
        const vw = 1100;
        const vh = 800;
        assert.ok(card.rect.x >= 0 && card.rect.x + card.rect.width <= vw, `inside horizontally: ${JSON.stringify(card.rect)}`);
        assert.ok(card.rect.y >= 0 && card.rect.y + card.rect.height <= vh, `inside vertically: ${JSON.stringify(card.rect)}`);
        assert.ok(card.rect.y + card.rect.height <= corner.rect.y, 'above the name');
        assert.ok(!overlaps(card.rect, corner.rect), 'not over the name');
        await page.mouseMove(5, 400);
        await waitForNoCard(page);

        // Top of the page: below the name.
        const top = await namePoint(page, 'Esmail Qaani');
        await page.mouseMove(top.x - 2, top.y);
        await page.mouseMove(top.x, top.y);
        await waitForCard(page, 'esmail-qaani');
        const below = (await readCard(page))!;
        assert.ok(below.rect.y >= top.rect.y + top.rect.height, 'below the name');
        assert.ok(!overlaps(below.rect, top.rect));
      }));

    it('keeps its styles and the page’s apart, both ways', () =>
      screenshotOnFailure(page, `${name}-card-isolation`, async () => {
        await page.evaluate(() => {
          const style = document.createElement('style');
          style.textContent = 'dramatis-card-host { display: none !important; } * { font-size: 40px !important; color: rgb(255, 0, 0) !important; } div { border: 9px solid red !important; }';
          document.head.append(style);
        });
        await hoverName(page, 'Damascus');
        await waitForCard(page, 'damascus');
        const inside = await page.inCardRoot((root) => {
          const s = getComputedStyle(root!.querySelector('.card')!);
          return { font: s.fontSize, color: s.color, border: s.borderTopWidth, visibility: s.visibility, hostDisplay: getComputedStyle(root!.host).display };
        }, null);
        assert.deepEqual(inside, { font: '14px', color: 'rgb(27, 27, 31)', border: '1px', visibility: 'visible', hostDisplay: 'block' });
        const outside = await page.evaluate(() => {
          const s = getComputedStyle(document.querySelector('main > .card')!);
          return { border: s.borderTopWidth, position: s.position };
        });
        assert.deepEqual(outside, { border: '9px', position: 'static' }, 'the card’s own .card rule does not reach the page');
      }));

    it('passes axe (WCAG A/AA), and follows the dark colour scheme', () =>
      screenshotOnFailure(page, `${name}-card-a11y`, async () => {
        await hoverName(page, 'Esmail Qaani');
        await waitForCard(page, 'esmail-qaani');
        assert.deepEqual(await cardAxeViolations(page, '.card'), []);

        let dark: TestBrowser | undefined;
        let darkPage = page;
        try {
          if (!(await page.colorScheme(true))) {
            dark = await launchForTests(name, { dark: true });
            await dark.setStorage(settingsItem());
            darkPage = await dark.newPage();
            await darkPage.goto(url);
            await waitForHighlights(darkPage);
          }
          await hoverName(darkPage, 'Esmail Qaani');
          await waitForCard(darkPage, 'esmail-qaani');
          const background = await darkPage.inCardRoot((root) => getComputedStyle(root!.querySelector('.card')!).backgroundColor, null);
          assert.equal(background, 'rgb(35, 35, 42)');
          await darkPage.screenshot(artifactPath(`card-${name}-english-dark.png`));
        } finally {
          await dark?.close();
        }
      }));
  });
}
