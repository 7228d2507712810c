/**
 * How the card reads (issue 16), in a real browser, run once per browser by card-layout-<browser>.test.ts: it
 * fits its box (up to three roles and three ties, each "verb, linked entity, date last and muted" with its source
 * behind a small named icon button, then "More in the side panel"), shows a cue when it must scroll, moves focus
 * to the new card's name after a tie is followed from the keyboard, takes its direction and dates from the UI
 * language with every name isolated, labels each quote with its language and gives the person's translation
 * under it, names the description's source, and copies a citation. English and Arabic UI; screenshots land in
 * test-artifacts/.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { BrowserName } from '../../scripts/browsers.ts';
import { ROOT } from '../../scripts/build.ts';
import { hoverName, readCard, waitForCard, waitForHighlightText, waitForNoCard } from '../../scripts/page-probes.ts';
import { sampleArticleHtml } from '../../scripts/sample-page.ts';
import { startServer, type RunningServer } from '../../scripts/sample-server.ts';
import { citationText } from '../../src/core/ui/citation.ts';
import { formatIsoDate } from '../../src/core/ui/iso-date.ts';
import { artifactPath, screenshotOnFailure } from '../support/artifacts.ts';
import { bundledPack, entityById } from '../support/pack.ts';
import { cardAxeViolations } from '../support/probes/axe.ts';
import { cardPoint, pastedText, waitInCard } from '../support/probes/card-probes.ts';
import { launchForTests, type TestBrowser, type TestPage } from '../support/drivers/page-driver.ts';
import { englishArticleHtml } from '../support/pages/page-fixtures.ts';
import { arabicUiMissing } from '../support/drivers/panel-driving.ts';
import { settingsItem } from '../support/settings-item.ts';

/** Clicks an element of the card, as a reader would. */
async function clickInCard(page: TestPage, selector: string): Promise<void> {
  const p = await cardPoint(page, selector);
  await page.click(p.x, p.y);
}

/** The text, lang and dir of each element of the card matching `selector`. */
function cardElements(page: TestPage, selector: string): Promise<Array<{ text: string; lang: string; dir: string }>> {
  return page.inCardRoot((root, sel: string) => [...root!.querySelectorAll<HTMLElement>(sel)].map((e) => ({
    text: e.innerText.trim(), lang: e.getAttribute('lang') ?? '', dir: e.getAttribute('dir') ?? '',
  })), selector);
}

export function cardLayoutSuite(name: BrowserName): void {
  const pack = bundledPack();
  const qaani = entityById(pack, 'esmail-qaani');
  const article = pack.articles[0]!;

  describe(`the card reads well in ${name} (English UI)`, { timeout: 300_000 }, () => {
    let browser: TestBrowser;
    let server: RunningServer;
    let page: TestPage;
    let arabicPage: TestPage;

    before(async () => {
      server = await startServer({ '/article.html': { body: englishArticleHtml() }, '/arabic.html': { body: sampleArticleHtml(ROOT) } });
      browser = await launchForTests(name);
      await browser.setStorage(settingsItem());
      arabicPage = await browser.newPage();
      await arabicPage.goto(`${server.origin}/arabic.html`);
      page = await browser.newPage();
    });

    after(async () => {
      await browser?.close();
      await server?.close();
    });

    beforeEach(async () => {
      // Each test starts from a freshly loaded page with no card open.
      await page.bringToFront();
      await page.goto(`${server.origin}/article.html`);
      await waitForHighlightText(page, 'Esmail Qaani');
    });

    it('fits its box: description and its source, up to three roles and three ties as sentences, then the side panel', () =>
      screenshotOnFailure(page, `${name}-card-layout-fit`, async () => {
        await hoverName(page, 'Esmail Qaani');
        await waitForCard(page, 'esmail-qaani');
        const box = await page.inCardRoot((root) => {
          const card = root!.querySelector<HTMLElement>('.card')!;
          const text = getComputedStyle(card).color;
          return {
            scroll: card.scrollHeight, client: card.clientHeight, more: card.dataset.more ?? null,
            ties: [...root!.querySelectorAll('#dramatis-ties ~ ul li.fact')].map((li) => ({
              // Reading order of what the line holds: relation, entity, date, source button.
              order: [...li.querySelectorAll('.relation, .entity-ref, .date, .source-toggle')].map((e) => e.className.split(' ').at(-1)),
              date: li.querySelector('.date')?.textContent ?? '', dateMuted: getComputedStyle(li.querySelector('.date')!).color !== text,
              button: li.querySelector('.source-toggle')?.getAttribute('aria-label') ?? '',
              expanded: li.querySelector('.source-toggle')?.getAttribute('aria-expanded') ?? '',
            })),
            moreCount: root!.querySelector('.more-count')?.textContent ?? '',
            panel: root!.querySelector('.show-in-panel')?.textContent ?? '',
            keys: root!.querySelector('.keys') !== null,
          };
        }, null);
        assert.ok(box.scroll <= box.client + 1, `no scrolling needed: ${box.scroll} px of content in a ${box.client} px box`);
        assert.equal(box.ties.length, 3, 'three ties at most');
        const shown = qaani.affiliations.slice(0, 3);
        box.ties.forEach((tie, i) => {
          assert.deepEqual(tie.order, ['relation', 'entity-ref', 'date', 'source-toggle'], 'verb, entity, date last, then the source');
          assert.equal(tie.date, formatIsoDate(shown[i]!.date!, 'en'));
          assert.ok(tie.dateMuted, 'the date is muted');
          assert.equal(tie.button, `Source: ${shown[i]!.relation.en} ${entityById(pack, shown[i]!.targetId).name.en} ${tie.date}`);
          assert.equal(tie.expanded, 'false');
        });
        assert.equal(box.more, null, 'no cue when nothing is below the fold');
        assert.equal(box.moreCount, `${qaani.affiliations.length - 3} more ties`);
        assert.equal(box.panel, 'More in the side panel');
        assert.equal(box.keys, false, 'a card opened by hovering prints no keyboard hint');
        const card = (await readCard(page))!;
        assert.ok(card.text.includes('Commander of the Quds Force'), 'the role reads as a title with its organisation linked inside');
        assert.ok(!card.text.includes('Quds Force · Quds Force'), 'the role does not repeat itself');
        assert.ok(card.text.includes(`Background: Wikipedia, checked ${formatIsoDate(qaani.descriptionSource!.checked, 'en')}`));
        assert.equal(await page.inCardRoot((root) => root!.querySelector<HTMLAnchorElement>('.background a')?.href, null), qaani.descriptionSource!.url);
        await page.screenshot(artifactPath(`card-${name}-layout-en.png`));
      }));

    it('shows a tie’s source under it: the quote labelled with its language, its translation, and a citation to copy', () =>
      screenshotOnFailure(page, `${name}-card-layout-source`, async () => {
        await hoverName(page, 'Esmail Qaani');
        await waitForCard(page, 'esmail-qaani');
        await clickInCard(page, '#dramatis-ties ~ ul li.fact .source-toggle');
        const evidence = qaani.affiliations[0]!.evidence[0]!;
        const source = await page.inCardRoot((root) => {
          const li = root!.querySelector('#dramatis-ties ~ ul li.fact')!;
          const q = li.querySelector('blockquote')!;
          return {
            expanded: li.querySelector('.source-toggle')!.getAttribute('aria-expanded'),
            label: li.querySelector('.quote .quote-lang.original')!.textContent,
            quote: q.textContent, lang: q.getAttribute('lang'), dir: q.getAttribute('dir'),
            translationLabel: li.querySelector('.translation .quote-lang')?.textContent,
            translation: li.querySelector('.translation-text')?.textContent,
            translationLang: li.querySelector('.translation')?.getAttribute('lang'),
            according: li.querySelector('.according')!.textContent,
            actions: [...li.querySelectorAll('.source-links > *:not(.copy-status)')].map((e) => e.textContent),
          };
        }, null);
        assert.deepEqual(source, {
          expanded: 'true', label: 'Arabic original', quote: evidence.quote, lang: 'ar', dir: 'rtl',
          translationLabel: 'English translation', translation: evidence.translation!.en, translationLang: 'en',
          according: 'according to Step News Agency, 22 November 2020',
          actions: ['Read the passage', 'Original article', 'Copy citation'],
        });
        assert.deepEqual(await cardAxeViolations(page, '.card'), [], 'axe on the card with a source open');
        await page.screenshot(artifactPath(`card-${name}-source-en.png`));

        await clickInCard(page, '#dramatis-ties ~ ul li.fact .copy-citation');
        await waitInCard(page, (root) => root!.querySelector('.copy-status')?.textContent === 'Citation copied.', null);
        assert.equal(await pastedText(page), citationText(article, evidence, 'en', { quote: 'Quote' }));
      }));

    it('shows a cue while part of it is below its fold, and none once scrolled to the end', () =>
      screenshotOnFailure(page, `${name}-card-layout-cue`, async () => {
        await hoverName(page, 'Esmail Qaani');
        await waitForCard(page, 'esmail-qaani');
        assert.equal(await page.inCardRoot((root) => root!.querySelector<HTMLElement>('.card')!.dataset.more ?? null, null), null);
        // Every source open: more than the box holds.
        for (let i = 0; i < 4; i++) {
          await page.inCardRoot((root, n: number) => root!.querySelectorAll<HTMLElement>('.source-toggle')[n]!.click(), i);
        }
        const cue = () => page.inCardRoot((root) => {
          const card = root!.querySelector<HTMLElement>('.card')!;
          const cueEl = root!.querySelector<HTMLElement>('.more-cue')!;
          const c = cueEl.getBoundingClientRect();
          const box = card.getBoundingClientRect();
          // Shown, and held at the card's foot (sticky), whatever the scroll.
          const visible = getComputedStyle(cueEl).visibility === 'visible' && Math.abs(c.bottom - box.bottom) < 14;
          return { more: card.dataset.more ?? null, visible, scrolls: card.scrollHeight > card.clientHeight };
        }, null);
        const deadline = Date.now() + 3000;
        let state = await cue();
        while (state.more === null && Date.now() < deadline) state = await cue();
        assert.deepEqual(state, { more: 'true', visible: true, scrolls: true });
        await page.screenshot(artifactPath(`card-${name}-scroll-cue-en.png`));
        await page.inCardRoot((root) => {
          const card = root!.querySelector<HTMLElement>('.card')!;
          card.scrollTop = card.scrollHeight;
          card.dispatchEvent(new Event('scroll'));
        }, null);
        await waitInCard(page, (root) => root!.querySelector<HTMLElement>('.card')!.dataset.more === undefined, null);
      }));

    it('moves focus to the new card’s name after a tie is followed with Enter, and Back does the same', () =>
      screenshotOnFailure(page, `${name}-card-layout-focus`, async () => {
        await page.evaluate(() => {
          const p1 = document.getElementById('p1')!;
          p1.focus();
          getSelection()!.collapse(p1.firstChild!, 3);
        });
        await browser.ui.runCommand('open-card');
        await waitForCard(page, 'esmail-qaani');
        assert.ok((await readCard(page))!.text.includes('N next name · P previous name · Esc closes'), 'a card opened from the keyboard lists its keys');
        await page.inCardRoot((root) => root!.querySelector<HTMLElement>('button.entity-ref[data-entity-id="bashar-al-assad"]')!.focus(), null);
        await page.keyPress('Enter');
        await waitForCard(page, 'bashar-al-assad');
        await page.waitFor(() => document.activeElement?.localName === 'dramatis-card-host', undefined, 3000);
        const deadline = Date.now() + 3000;
        let focused = (await readCard(page))!.focusedElement;
        while (focused !== 'h2.name' && Date.now() < deadline) focused = (await readCard(page))!.focusedElement;
        assert.equal(focused, 'h2.name', 'focus is on the new card’s name, not on the page');
        await page.inCardRoot((root) => root!.querySelector<HTMLElement>('button.back')!.focus(), null);
        await page.keyPress('Enter');
        await waitForCard(page, 'esmail-qaani');
        focused = (await readCard(page))!.focusedElement;
        for (const until = Date.now() + 3000; focused !== 'h2.name' && Date.now() < until;) focused = (await readCard(page))!.focusedElement;
        assert.equal(focused, 'h2.name');
        await page.keyPress('Escape');
        assert.equal(await page.evaluate(() => document.activeElement?.id), 'p1', 'Escape still gives focus back where it was');
      }));

    it('on an Arabic page, every card is in the UI language and direction, the BBC’s too, with the page’s names beneath', () =>
      screenshotOnFailure(arabicPage, `${name}-card-layout-direction`, async () => {
        await arabicPage.bringToFront();
        await waitForHighlightText(arabicPage, 'إسماعيل قاآني');
        for (const [text, id] of [['إسماعيل قاآني', 'esmail-qaani'], ['BBC', 'bbc']] as const) {
          await hoverName(arabicPage, text);
          await waitForCard(arabicPage, id);
          const card = (await readCard(arabicPage))!;
          assert.deepEqual([card.lang, card.dir], ['en', 'ltr'], `${id}: the card follows the UI, not the name's script`);
          const [other] = await cardElements(arabicPage, '.other-name');
          assert.deepEqual(other, { text: entityById(pack, id).name.ar, lang: 'ar', dir: 'rtl' });
          if (id === 'esmail-qaani') await arabicPage.screenshot(artifactPath(`card-${name}-arabic-page-en-ui.png`));
          await arabicPage.mouseMove(5, 790);
          await waitForNoCard(arabicPage);
        }
      }));
  });

  describe(`the card reads well in ${name} (Arabic UI)`, { timeout: 300_000 }, () => {
    let browser: TestBrowser;
    let server: RunningServer;
    let page: TestPage;
    const skip = arabicUiMissing(name);

    before(async () => {
      if (skip) return;
      server = await startServer({ '/article.html': { body: englishArticleHtml() }, '/arabic.html': { body: sampleArticleHtml(ROOT) } });
      browser = await launchForTests(name, { lang: 'ar' });
      await browser.setStorage(settingsItem());
      page = await browser.newPage();
    });

    after(async () => {
      await browser?.close();
      await server?.close();
    });

    beforeEach(async () => {
      if (skip) return;
      await page.bringToFront();
      await page.goto(`${server.origin}/article.html`);
      await waitForHighlightText(page, 'Esmail Qaani');
    });

    it('is right to left on an English page, its dates written once the Arabic way, every name isolated', { skip }, () =>
      screenshotOnFailure(page, `${name}-card-layout-ar`, async () => {
        await hoverName(page, 'Esmail Qaani');
        await waitForCard(page, 'esmail-qaani');
        const card = (await readCard(page))!;
        assert.deepEqual([card.lang, card.dir], ['ar', 'rtl']);
        assert.ok(card.text.startsWith(qaani.name.ar));
        assert.deepEqual((await cardElements(page, '.other-name'))[0], { text: qaani.name.en, lang: 'en', dir: 'ltr' });
        const dates = (await cardElements(page, '.date')).map((d) => d.text);
        assert.deepEqual(dates, qaani.affiliations.slice(0, 3).map((a) => formatIsoDate(a.date!, 'ar')));
        assert.ok(dates.every((d) => d === 'تشرين الثاني/نوفمبر 2020'), dates.join(' | '));
        assert.ok(!card.text.includes('(') && !/\d{4}-\d{2}/.test(card.text), 'no bracketed or ISO dates');
        // The same Arabic quote needs no translation for an Arabic reader.
        await clickInCard(page, '#dramatis-ties ~ ul li.fact .source-toggle');
        const source = await page.inCardRoot((root) => ({
          label: root!.querySelector('.quote .quote-lang.original')!.textContent,
          translation: root!.querySelector('.translation') !== null,
          according: root!.querySelector('.according')!.textContent,
        }), null);
        assert.deepEqual(source, { label: 'الأصل باللغة العربية', translation: false, according: 'بحسب وكالة ستيب الإخبارية، 22 تشرين الثاني/نوفمبر 2020' });
        assert.deepEqual(await cardAxeViolations(page, '.card'), [], 'axe on the Arabic card with a source open');
        await page.screenshot(artifactPath(`card-${name}-english-page-ar-ui.png`));
      }));

    it('keeps “Back to <name>” in reading order: the name after the words, on their left', { skip }, () =>
      screenshotOnFailure(page, `${name}-card-layout-back`, async () => {
        await hoverName(page, 'Esmail Qaani');
        await waitForCard(page, 'esmail-qaani');
        await clickInCard(page, 'button.entity-ref[data-entity-id="bashar-al-assad"]');
        await waitForCard(page, 'bashar-al-assad');
        const back = await page.inCardRoot((root) => {
          const button = root!.querySelector('button.back')!;
          const bdi = button.querySelector('bdi')!;
          const words = document.createRange();
          words.selectNodeContents(button.firstChild!);
          return { text: button.textContent, bdi: bdi.textContent, wordsLeft: words.getBoundingClientRect().left, nameRight: bdi.getBoundingClientRect().right };
        }, null);
        assert.equal(back.text, `العودة إلى ${qaani.name.ar}`);
        assert.equal(back.bdi, qaani.name.ar);
        assert.ok(back.nameRight <= back.wordsLeft + 1, `the name sits left of «العودة إلى» (${back.nameRight} vs ${back.wordsLeft})`);
      }));

    it('on the Arabic page: the BBC card is right to left like the others', { skip }, async () => {
      const arabic = await browser.newPage();
      try {
        await arabic.bringToFront();
        await arabic.goto(`${server.origin}/arabic.html`);
        await waitForHighlightText(arabic, 'BBC');
        for (const [text, id] of [['BBC', 'bbc'], ['إسماعيل قاآني', 'esmail-qaani']] as const) {
          await hoverName(arabic, text);
          await waitForCard(arabic, id);
          assert.equal((await readCard(arabic))!.dir, 'rtl', id);
          if (id === 'esmail-qaani') await arabic.screenshot(artifactPath(`card-${name}-arabic-page-ar-ui.png`));
          await arabic.mouseMove(5, 790);
          await waitForNoCard(arabic);
        }
      } finally {
        await arabic.close();
        await page.bringToFront();
      }
    });
  });
}
