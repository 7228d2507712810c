/**
 * Whom the background believes (issue 13, item 4). A content script runs in the page's renderer, which a
 * compromised page may control; these tests send every request from a real content-script world (code injected
 * with scripting.executeScript from an extension page, which runs where Dramatis's content script runs and is
 * seen by the background exactly as it is) and check that it may ask only what a content script needs, that
 * each refused request changed nothing, and that the extension's own pages still may ask everything. Import
 * staging is checked to hold one import at most. Run once per browser by sender-chromium/-firefox.test.ts.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BrowserName, DriverPage } from '../../scripts/browsers.ts';
import { startServer, type RunningServer } from '../../scripts/sample-server.ts';
import { callInExtension, inExtension } from '../support/extension-api.ts';
import { getPageMentions, tabIdOf } from '../support/extension-page.ts';
import { bundledPack } from '../support/pack.ts';
import { buildTestExtension, type TestBuild } from '../support/test-build.ts';
import { launchForTests, type TestBrowser, type TestPage } from '../support/drivers/page-driver.ts';
import { englishArticleHtml } from '../support/pages/page-fixtures.ts';

type Answer = { ok?: unknown; error?: string };
type Api = {
  scripting: { executeScript(o: object): Promise<{ result: unknown }[]> };
  runtime: { sendMessage(m: unknown): Promise<unknown> };
  tabs: { query(q: object): Promise<unknown[]> };
};

/** Sends a request from the content-script world of `tabId`'s top frame; resolves to its answer or error. */
function fromContentScript(ext: DriverPage, tabId: number, type: string, params: object): Promise<Answer> {
  return inExtension(ext, async (api: Api, { tabId, type, params }: { tabId: number; type: string; params: object }) => {
    const [frame] = await api.scripting.executeScript({
      target: { tabId, frameIds: [0] },
      args: [type, params],
      func: async (t: string, p: object) => {
        // The content script's world, where the extension page's API object isn't: its own.
        const a = (globalThis as { browser?: Api }).browser ?? (globalThis as unknown as { chrome: Api }).chrome;
        try {
          return { ok: (await a.runtime.sendMessage({ type: t, params: p })) ?? null };
        } catch (e) {
          return { error: String((e as Error)?.message ?? e) };
        }
      },
    });
    return frame!.result as Answer;
  }, { tabId, type, params });
}

/** The same request from the extension page itself. */
function fromExtensionPage(ext: DriverPage, type: string, params: object): Promise<Answer> {
  return inExtension(ext, async (api: Api, { type, params }: { type: string; params: object }) => {
    try {
      return { ok: (await api.runtime.sendMessage({ type, params })) ?? null };
    } catch (e) {
      return { error: String((e as Error)?.message ?? e) };
    }
  }, { type, params });
}

/** The keys staged for imports, read from the extension's own IndexedDB (an extension page shares it). */
function stagedKeys(ext: DriverPage): Promise<string[]> {
  return ext.evaluate(() => new Promise<string[]>((resolve, reject) => {
    const open = indexedDB.open('dramatis');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const req = open.result.transaction('staging').objectStore('staging').getAllKeys();
      req.onsuccess = () => {
        resolve((req.result as unknown as [string, number][]).map(([id, n]) => `${id}:${n}`));
        open.result.close();
      };
      req.onerror = () => reject(req.error);
    };
  }));
}

const tabCount = async (ext: DriverPage) => (await callInExtension<unknown[]>(ext, 'tabs.query', {})).length;

export function senderSuite(name: BrowserName): void {
  describe(`whom the background believes, in ${name}`, { timeout: 300_000 }, () => {
    let build: TestBuild;
    let browser: TestBrowser;
    let server: RunningServer;
    let ext: DriverPage;
    let page: TestPage;
    let tabId: number;
    const pack = bundledPack();
    const article = pack.articles[0]!;
    const qaani = pack.entities.find((e) => e.id === 'esmail-qaani')!;
    const cited = qaani.roles[0]!.evidence[0]!;

    before(async () => {
      server = await startServer({ '/article.html': { body: englishArticleHtml() } });
      build = await buildTestExtension(`sender-${name}`, { probePermissions: true });
      browser = await launchForTests(name, { extensionPath: build.path(name === 'chromium' ? 'chrome' : 'firefox') });
      page = await browser.newPage();
      await page.goto(`${server.origin}/article.html`);
      ext = await browser.openExtensionPage('reader.html');
      // The test's functions are compiled with names kept (tsx): the helper they call must exist where they run.
      await ext.evaluate(() => {
        (globalThis as unknown as { __name: (f: unknown) => unknown }).__name = (f: unknown) => f;
      });
      tabId = await tabIdOf(ext, `${server.origin}/article.html`);
    });

    after(async () => {
      await browser?.close();
      await server?.close();
      build?.remove();
    });

    it('refuses a content script every request that is not a content script\'s, and nothing changes', async () => {
      const refused: Array<[string, object]> = [
        ['getPageMentions', { tabId }],
        ['getDatasetInfo', {}],
        ['getSyncStatus', {}],
        ['checkNow', {}],
        ['importChunk', { importId: 'probe', index: 0, text: '{}' }],
        ['importCommit', { importId: 'probe', count: 1 }],
        ['exportDataset', {}],
        ['searchEntities', { query: 'Assad', limit: 5 }],
        ['getEntityView', { entityId: 'hezbollah' }],
        ['getArticle', { articleId: article.id }],
      ];
      const tabsBefore = await tabCount(ext);
      const versionBefore = (await fromExtensionPage(ext, 'getDatasetInfo', {})).ok as { version: number };
      for (const [type, params] of refused) {
        const answer = await fromContentScript(ext, tabId, type, params);
        assert.equal(answer.ok, undefined, `${type} answered a content script: ${String(JSON.stringify(answer.ok)).slice(0, 200)}`);
        assert.match(answer.error ?? '', new RegExp(`${type}: not allowed from a page's content script`), `${type} is refused in words`);
      }
      // The reader only at a passage the card shows: not at any text, nor without the entity that cites it.
      for (const params of [
        { articleId: article.id, quote: 'any text a page likes', entityId: qaani.id },
        { articleId: article.id, quote: cited.quote },
        { articleId: article.id, quote: cited.quote, entityId: 'hezbollah' },
      ]) {
        const answer = await fromContentScript(ext, tabId, 'openReader', params);
        assert.match(answer.error ?? '', /openReader: /, `refused: ${JSON.stringify(params).slice(0, 120)}`);
      }
      assert.deepEqual(await stagedKeys(ext), [], 'nothing staged');
      assert.equal(await tabCount(ext), tabsBefore, 'no tab opened');
      assert.deepEqual(((await fromExtensionPage(ext, 'getDatasetInfo', {})).ok as { version: number }).version, versionBefore.version);
    });

    it('answers a content script what a content script needs: scanning, entities, the side panel, the reader at a cited passage', async () => {
      const scanned = await fromContentScript(ext, tabId, 'scanText', { text: 'Esmail Qaani met Bashar al-Assad.', licensed: [] });
      assert.deepEqual((scanned.ok as { entityIds: string[] }).entityIds.sort(), ['bashar-al-assad', 'esmail-qaani']);
      const entities = await fromContentScript(ext, tabId, 'getEntities', { ids: ['hezbollah'] });
      assert.equal((entities.ok as { entities: { id: string }[] }).entities[0]?.id, 'hezbollah');
      // Let through; Chrome then wants the user's gesture, which a test's injected script hasn't.
      const panel = await fromContentScript(ext, tabId, 'openSidePanel', { entityId: 'hezbollah' });
      assert.doesNotMatch(panel.error ?? '', /not allowed/, 'openSidePanel is a content script\'s to ask');
      const url = await browser.urlOfTabOpenedBy(async () => {
        const opened = await fromContentScript(ext, tabId, 'openReader', { articleId: cited.articleId, quote: cited.quote, entityId: qaani.id });
        assert.equal(opened.error, undefined, `openReader: ${opened.error}`);
      });
      assert.match(url, /reader\.html\?article=/);
      // A second one at once, from the same tab: a card is clicked, not fired at.
      const again = await fromContentScript(ext, tabId, 'openReader', { articleId: cited.articleId, quote: cited.quote, entityId: qaani.id });
      assert.match(again.error ?? '', /too many/);
    });

    it('still answers the extension\'s own pages everything', async () => {
      assert.ok((await getPageMentions(ext, tabId)).mentions.length > 0, 'the automation contract');
      for (const [type, params] of [['getSyncStatus', {}], ['exportDataset', {}], ['searchEntities', { query: 'Assad', limit: 5 }], ['getArticle', { articleId: article.id }]] as const) {
        const answer = await fromExtensionPage(ext, type, params);
        assert.equal(answer.error, undefined, `${type}: ${answer.error}`);
      }
    });

    it('stages one import at a time, in order, and drops an abandoned one at the next piece', async () => {
      for (let i = 0; i < 5; i++) {
        const answer = await fromExtensionPage(ext, 'importChunk', { importId: `abandoned-${i}`, index: 0, text: 'x'.repeat(1000) });
        assert.equal(answer.error, undefined);
      }
      assert.deepEqual(await stagedKeys(ext), ['abandoned-4:-1', 'abandoned-4:0'], 'only the last import is staged (with its running size)');
      const skipped = await fromExtensionPage(ext, 'importChunk', { importId: 'gappy', index: 2, text: 'x' });
      assert.match(skipped.error ?? '', /out of order/);
      assert.deepEqual(await stagedKeys(ext), [], 'a piece out of order leaves nothing staged');
      await fromExtensionPage(ext, 'importChunk', { importId: 'late', index: 0, text: '{' });
      const commit = await fromExtensionPage(ext, 'importCommit', { importId: 'late', count: 1 });
      assert.equal((commit.ok as { ok: boolean }).ok, false, 'a broken file is refused');
      assert.deepEqual(await stagedKeys(ext), [], 'a commit leaves nothing staged');
    });
  });
}
