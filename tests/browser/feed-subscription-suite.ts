/**
 * An honest update feed, in a real browser: until a feed is set, the bundled dataset is in use, the Updates tab
 * says so and no check is made or scheduled. A reader subscribes by the feed's URL and its publisher's key, or by
 * the feed file `npm run feed -- build` writes: a feed not signed by that key is refused, in words, and nothing
 * changes; the right key is accepted, the feed checked at once and who signs it shown. Removing the feed keeps
 * the data. The keys fixed in the build stay trusted for the build's own feed. Feeds are published with the real
 * tooling (scripts/feed.ts), by a publisher whose key the build does not trust, on a real HTTP server.
 * Run once per browser by feed-subscription-chromium/-firefox.test.ts.
 */
import assert from 'node:assert/strict';
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { launchChromium, launchFirefox, type BrowserName, type DriverBrowser, type DriverPage } from '../../scripts/browsers.ts';
import { ROOT } from '../../scripts/build.ts';
import { buildFeed, trustedKeyOf, writeFeedDescriptor } from '../../scripts/feed.ts';
import { startFeedServer, type FeedServer } from '../../scripts/feed-serve.ts';
import { waitForHighlights } from '../../scripts/page-probes.ts';
import { startServer } from '../../scripts/sample-server.ts';
import { artifactPath, screenshotOnFailure } from '../support/artifacts.ts';
import { bundledPack } from '../support/pack.ts';
import { callInExtension } from '../support/extension-api.ts';
import { clickCheckNow, openUpdatesTab, status, storageGet, storageSet, until } from '../support/sync-panel.ts';
import { nextVersion, person } from '../support/sync-packs.ts';
import { buildTestExtension } from '../support/test-build.ts';
import { assertNoAxeViolations } from '../support/drivers/panel-driving.ts';

const en = JSON.parse(readFileSync(join(ROOT, 'assets/_locales/en/messages.json'), 'utf8')) as Record<string, { message: string }>;

type Alarm = { name: string; periodInMinutes?: number };
const alarmsOf = async (page: DriverPage) =>
  (await callInExtension<Alarm[]>(page, 'alarms.getAll')).map((a) => ({ name: a.name, periodInMinutes: a.periodInMinutes }));

/** Fills the form as a reader types (input events), and submits it with the button. */
async function subscribeByHand(panel: DriverPage, url: string, key: string): Promise<void> {
  await panel.waitFor(() => !(document.querySelector('.feed-subscribe-button') as HTMLButtonElement | null)?.disabled, undefined, 30_000);
  // (No function is declared inside: the page can't run tsx's name helper.)
  await panel.evaluate(([u, k]: [string, string]) => {
    for (const [id, value] of [['feed-url-input', u], ['feed-key-input', k]] as const) {
      const el = document.getElementById(id) as HTMLInputElement | HTMLTextAreaElement;
      el.focus();
      el.value = value;
      el.dispatchEvent(new InputEvent('input', { bubbles: true, data: value, inputType: 'insertText' }));
    }
  }, [url, key] as [string, string]);
  await panel.evaluate(() => (document.querySelector('.feed-subscribe-button') as HTMLButtonElement).click());
}

const refusal = async (panel: DriverPage, code: string) => {
  await panel.waitFor((c: string) => document.querySelector(`.feed-refused[data-code="${c}"]`) !== null, code, 30_000);
  return panel.evaluate(() => (document.querySelector('.feed-refused') as HTMLElement).innerText);
};

export function feedSubscriptionSuite(name: BrowserName): void {
  describe(`subscribing to an update feed in ${name}`, { timeout: 300_000 }, () => {
    let browser: DriverBrowser;
    let panel: DriverPage;
    let server: FeedServer;
    let root: string;
    let removeBuild = () => undefined as void;
    const publisher = generateKeyPairSync('ed25519').privateKey;
    const stranger = generateKeyPairSync('ed25519').privateKey;
    let buildKeyId = '';
    const v1 = bundledPack();
    const v2 = nextVersion(v1, (p) => p.entities.push(person(v1, 'zz-subscribed', 'Sabine Subscriber')));
    const v3 = nextVersion(v2, (p) => p.entities.push(person(v1, 'zz-built-in', 'Bertram Builtin')));
    const url = (folder: string) => `${server.origin}/${folder}/index.json`;

    before(async () => {
      const build = await buildTestExtension(`subscribe-${name}`);
      removeBuild = build.remove;
      buildKeyId = trustedKeyOf(build.key).keyId;
      root = mkdtempSync(join(tmpdir(), 'dramatis-subscribe-'));
      server = await startFeedServer(root);
      // A publisher's feed, with its feed file, as `npm run feed -- build --url … --publisher …` writes them.
      mkdirSync(join(root, 'pub'));
      buildFeed(join(root, 'pub'), v2, [publisher]);
      writeFeedDescriptor(join(root, 'pub'), url('pub'), v2.datasetId, [{ key: publisher, file: 'test-publisher-2027.private.pem' }], 'Test Publisher');
      // The build's own feed, signed by a key fixed in the (test) build.
      mkdirSync(join(root, 'built'));
      buildFeed(join(root, 'built'), v3, [build.key]);
      browser = name === 'chromium'
        ? await launchChromium({ headless: true, extensionPath: build.path('chrome') })
        : await launchFirefox({ headless: true, extensionPath: build.path('firefox') });
      panel = await browser.openExtensionPage('sidepanel.html');
      await openUpdatesTab(panel);
    });

    after(async () => {
      await browser?.close();
      await server?.close();
      if (root) rmSync(root, { recursive: true, force: true });
      removeBuild();
    });

    it('uses the bundled dataset until a feed is set, says so, and checks and schedules nothing', () =>
      screenshotOnFailure(panel, `${name}-feed-none`, async () => {
        const s = await status(panel);
        assert.equal(s.feed, null);
        assert.equal(s.dataset?.version, v1.version);
        assert.equal(s.state.lastCheckAt, undefined, 'no check was made');
        assert.equal(s.state.lastError, undefined);
        assert.deepEqual(await alarmsOf(panel), [], 'no check is scheduled');
        await panel.waitFor(() => document.querySelector('.sync-no-feed') !== null, undefined);
        assert.equal(await panel.evaluate(() => document.querySelector('.sync-no-feed')?.textContent), en.syncBundledNoFeed!.message);
        assert.equal(await panel.evaluate(() => document.querySelector('.sync-check-now')), null, 'nothing to check');
        assert.equal(await panel.evaluate(() => document.querySelector('.feed-none')?.textContent), en.feedNone!.message);
        await assertNoAxeViolations(panel, 'the Updates tab without a feed');
        await panel.screenshot(artifactPath(`updates-no-feed-${name}.png`));
      }));

    it('refuses a feed not signed by the key given, and a malformed key or address, in words; nothing changes', () =>
      screenshotOnFailure(panel, `${name}-feed-refused`, async () => {
        await subscribeByHand(panel, url('pub'), trustedKeyOf(stranger).publicKey);
        const text = await refusal(panel, 'wrongKey');
        assert.ok(text.includes(en.syncError_wrongKey!.message), text);
        assert.ok(text.includes(trustedKeyOf(publisher).keyId), 'it says which key signed the feed');
        await subscribeByHand(panel, url('pub'), 'not a key');
        assert.ok((await refusal(panel, 'badKey')).includes(en.syncError_badKey!.message));
        await subscribeByHand(panel, 'ftp://feeds.example.org/index.json', trustedKeyOf(publisher).publicKey);
        assert.ok((await refusal(panel, 'badFeedUrl')).includes(en.syncError_badFeedUrl!.message));
        // Signed by a key the build trusts is not signed by the key the reader gave.
        await subscribeByHand(panel, url('built'), trustedKeyOf(publisher).publicKey);
        await refusal(panel, 'wrongKey');
        const s = await status(panel);
        assert.equal(s.feed, null);
        assert.equal(s.dataset?.version, v1.version);
        assert.equal(await storageGet(panel, 'feedSubscription'), undefined);
        assert.deepEqual(await alarmsOf(panel), []);
      }));

    it('refuses a subscription asked by a content script (only Dramatis’s own pages may choose the feed)', async (t) => {
      if (!browser.ui.inContentScript) return t.skip('Firefox’s protocol does not reach a content script’s world');
      const site = await startServer({ '/page.html': { body: '<!doctype html><meta charset="utf-8"><p>Bashar al-Assad</p>' } });
      try {
        const page = await browser.newPage();
        await page.goto(`${site.origin}/page.html`);
        await waitForHighlights(page);
        const request = JSON.stringify({ type: 'subscribeFeed', params: { feedUrl: url('pub'), publicKey: trustedKeyOf(publisher).publicKey } });
        const answer = await browser.ui.inContentScript(`${site.origin}/page.html`, `chrome.runtime.sendMessage(${request}).then((r) => ({ answered: r }), (e) => ({ refused: e.message }))`);
        assert.deepEqual(answer, { refused: "subscribeFeed: not allowed from a page's content script" });
        assert.equal(await storageGet(panel, 'feedSubscription'), undefined);
        await page.close();
      } finally {
        await site.close();
      }
    });

    it('accepts the right key: checks the feed at once, installs its update, shows who signs it, and schedules checks', () =>
      screenshotOnFailure(panel, `${name}-feed-subscribed`, async () => {
        const pem = createPublicKey(publisher).export({ format: 'pem', type: 'spki' }).toString();
        await subscribeByHand(panel, url('pub'), pem);
        await panel.waitFor(() => document.querySelector('.feed-subscribed') !== null, undefined, 60_000);
        const s = await until(async () => { const x = await status(panel); return x.dataset?.version === v2.version ? x : null; }, 'the update');
        const keyId = trustedKeyOf(publisher).keyId;
        assert.deepEqual(s.feed, { url: url('pub'), source: 'subscription', keys: [{ keyId }] });
        assert.equal(s.state.signedBy, keyId);
        assert.equal(s.state.lastResult, 'updated');
        assert.equal((await alarmsOf(panel)).find((a) => a.name === 'dramatis-sync')?.periodInMinutes, 360);
        await panel.waitFor((k: string) => document.querySelector(`.feed-keys li[data-key-id="${k}"]`)?.textContent?.includes('verified') === true, keyId);
        assert.equal(await panel.evaluate(() => document.querySelector('.feed-url bdi')?.textContent), url('pub'));
        await panel.waitFor(() => document.querySelector('.sync-changed-names li[data-entity-id="zz-subscribed"]') !== null, undefined);
        await assertNoAxeViolations(panel, 'the Updates tab with a feed');
        await panel.screenshot(artifactPath(`updates-with-feed-${name}.png`));
      }));

    it('removes the feed and keeps the data it brought; nothing more is checked', () =>
      screenshotOnFailure(panel, `${name}-feed-removed`, async () => {
        await panel.evaluate(() => (document.querySelector('.feed-remove') as HTMLButtonElement).click());
        await panel.waitFor(() => document.querySelector('.feed-removed') !== null, undefined, 30_000);
        const s = await status(panel);
        assert.equal(s.feed, null);
        assert.equal(s.dataset?.version, v2.version, 'the data stays');
        assert.deepEqual(await alarmsOf(panel), []);
        await panel.waitFor(() => document.querySelector('.sync-no-feed') !== null, undefined);
        assert.equal(await panel.evaluate(() => document.querySelector('.sync-no-feed')?.textContent), en.syncInstalledNoFeed!.message);
      }));

    it('subscribes from the feed file the publisher’s tooling wrote, and names the publisher as the file does', () =>
      screenshotOnFailure(panel, `${name}-feed-file`, async () => {
        const file = readFileSync(join(root, 'pub', 'dramatis-feed.json'), 'utf8');
        await panel.waitFor(() => !(document.getElementById('feed-file-input') as HTMLInputElement | null)?.disabled, undefined, 30_000);
        await panel.evaluate((text: string) => {
          const input = document.getElementById('feed-file-input') as HTMLInputElement;
          const files = new DataTransfer();
          files.items.add(new File([text], 'dramatis-feed.json', { type: 'application/json' }));
          input.files = files.files;
          input.dispatchEvent(new Event('change', { bubbles: true }));
        }, file);
        await panel.waitFor(() => document.querySelector('.feed-subscribed') !== null, undefined, 60_000);
        const s = await status(panel);
        assert.deepEqual(s.feed, { url: url('pub'), source: 'subscription', keys: [{ keyId: trustedKeyOf(publisher).keyId, note: 'test-publisher-2027' }], publisher: 'Test Publisher' });
        assert.equal(s.state.lastResult, 'upToDate');
        await panel.waitFor(() => document.querySelector('.feed-signer')?.textContent?.includes('Test Publisher') === true, undefined);
      }));

    it('keeps trusting the keys fixed in the build, for the build’s own feed', () =>
      screenshotOnFailure(panel, `${name}-feed-built-in`, async () => {
        await panel.evaluate(() => (document.querySelector('.feed-remove') as HTMLButtonElement).click());
        await until(async () => (await status(panel)).feed === null, 'the subscription removed');
        // A test build reads its built-in feed's URL from storage (a normal build fixes it at build time).
        await storageSet(panel, { syncTestConfig: { feedUrl: url('built'), timeoutMs: 5000 } });
        await until(async () => (await status(panel)).feed?.source === 'built-in', 'the build’s feed');
        const s = await clickCheckNow(panel);
        assert.equal(s.state.lastResult, 'updated', JSON.stringify(s.state.lastError));
        assert.equal(s.dataset?.version, v3.version);
        assert.equal(s.state.signedBy, buildKeyId);
        await panel.waitFor(() => document.querySelector('.feed-current[data-source="built-in"]') !== null, undefined);
      }));
  });
}
