/**
 * Dataset updates end to end, in a real browser: a test build of the extension (trusting this run's throwaway
 * key), feeds published with the real tooling on a real HTTP server on 127.0.0.1, and the side panel's Updates
 * tab driven as a reader would. Every fault must leave the stored data byte-identical (compared through the
 * extension's own export) and show a readable error. Run once per browser by sync-chromium/-firefox.test.ts.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { launchChromium, launchFirefox, type BrowserName, type DriverBrowser, type DriverPage } from '../../scripts/browsers.ts';
import { ROOT } from '../../scripts/build.ts';
import { applyPatchToPack } from '../../src/core/feed/feed-patch.ts';
import type { DatasetPatch } from '../../src/core/feed/feed-patch.ts';
import { artifactPath, screenshotOnFailure } from '../support/artifacts.ts';
import { axeViolations, describeViolations } from '../support/probes/axe.ts';
import { bundledPack } from '../support/pack.ts';
import { hoverName, readCard, readHighlights, waitForCard, waitForHighlights } from '../../scripts/page-probes.ts';
import { startServer } from '../../scripts/sample-server.ts';
import { launchForTests } from '../support/drivers/page-driver.ts';
import { EVIL, fileOf, makeFeeds, type Feeds } from '../support/sync-feeds.ts';
import { callInExtension, sendFromPage } from '../support/extension-api.ts';
import { getPageMentions, tabIdOf } from '../support/extension-page.ts';
import {
  chooseImportFile, clickCheckNow, dump, openUpdatesTab, sessionGet, shownError, status, storageGet, storageSet, until,
} from '../support/sync-panel.ts';
import { nextVersion, person } from '../support/sync-packs.ts';
import { buildTestExtension } from '../support/test-build.ts';
import { bucketOf } from '../../src/background/store/entity-buckets.ts';

const en = JSON.parse(readFileSync(join(ROOT, 'assets/_locales/en/messages.json'), 'utf8')) as Record<string, { message: string }>;
const sentence = (code: string) => en[`syncError_${code}`]!.message;

export function syncSuite(name: BrowserName): void {
  describe(`dataset updates in ${name}`, { timeout: 600_000 }, () => {
    let browser: DriverBrowser;
    let feeds: Feeds;
    let panel: DriverPage;
    let buildPath: string;
    let removeBuild = () => undefined as void;

    const openPanel = async () => {
      panel = await browser.openExtensionPage('sidepanel.html');
      await openUpdatesTab(panel);
    };
    const useFeed = (folder: string) => storageSet(panel, { syncTestConfig: { feedUrl: feeds.url(folder), timeoutMs: 2000 } });

    /** Points at `folder`, injects `fault`, checks, and asserts the data is unchanged and the error shown. */
    const expectFault = async (folder: string, code: string, fault?: Feeds['fault']) => {
      const before = await dump(panel);
      await useFeed(folder);
      feeds.fault = fault;
      try {
        const s = await clickCheckNow(panel);
        assert.equal(s.state.lastError?.code, code, `error ${code}, got ${JSON.stringify(s.state.lastError)}`);
      } finally {
        feeds.fault = undefined;
      }
      const text = await shownError(panel, code);
      assert.ok(text.includes(sentence(code)), `the panel says "${sentence(code)}"; it shows: ${text}`);
      assert.equal(await dump(panel), before, 'the stored data is unchanged');
    };

    before(async () => {
      const build = await buildTestExtension(`sync-${name}`);
      buildPath = build.path(name === 'chromium' ? 'chrome' : 'firefox');
      removeBuild = build.remove;
      // Large enough that writing it takes about a second, the window in which the test stops the background.
      feeds = await makeFeeds(bundledPack(), build.key, build.strangerKey, 150_000);
      browser = name === 'chromium'
        ? await launchChromium({ headless: true, extensionPath: build.path('chrome') })
        : await launchFirefox({ headless: true, extensionPath: build.path('firefox') });
      await openPanel();
    });

    after(async () => {
      await browser?.close();
      await feeds?.close();
      removeBuild();
    });

    it('checks nothing and schedules nothing until a feed is set (a test build’s feed is set by the tests)', () =>
      screenshotOnFailure(panel, `${name}-sync-default`, async () => {
        const s = await status(panel);
        assert.equal(s.feed, null);
        assert.equal(s.state.lastCheckAt, undefined);
        assert.equal(s.dataset?.version, 1);
        const alarms = await callInExtension<unknown[]>(panel, 'alarms.getAll');
        assert.deepEqual(alarms, []);
      }));

    it('shows an unreachable feed as a calm status, and schedules checks with a backoff', () =>
      screenshotOnFailure(panel, `${name}-sync-unreachable`, async () => {
        // A port nothing listens on: the connection is refused, as for a feed whose server is down.
        await storageSet(panel, { syncTestConfig: { feedUrl: 'http://127.0.0.1:9/dramatis/index.json', timeoutMs: 2000 } });
        const s = await clickCheckNow(panel);
        assert.equal(s.state.lastError?.code, 'network');
        const text = await shownError(panel, 'network');
        assert.ok(text.includes(sentence('network')) && !text.includes(en.syncErrorTitle!.message));
        assert.equal(s.dataset?.version, 1);
        // Checks are scheduled: every 6 hours, and a retry with backoff after this failure.
        type Alarm = { name: string; periodInMinutes?: number; scheduledTime: number };
        const alarms = (await callInExtension<Alarm[]>(panel, 'alarms.getAll'))
          .map((a) => ({ name: a.name, periodInMinutes: a.periodInMinutes, scheduledTime: a.scheduledTime }));
        const retry = alarms.find((a) => a.name === 'dramatis-sync-retry');
        assert.ok(retry && Math.abs(retry.scheduledTime - Math.max(s.state.nextCheckAt!, s.state.lastCheckAt! + 60_000)) < 5_000, JSON.stringify({ alarms, state: s.state }));
        assert.equal(s.state.failures, 1);
        assert.equal(alarms.find((a) => a.name === 'dramatis-sync')?.periodInMinutes, 360);
      }));

    it('finds nothing new when the feed has the installed version, asking for the index whole every time (no ETag echoed)', () =>
      screenshotOnFailure(panel, `${name}-sync-same`, async () => {
        await useFeed('same-v1');
        assert.equal((await clickCheckNow(panel)).state.lastResult, 'upToDate');
        const seen = feeds.server.requests.length;
        const s = await clickCheckNow(panel);
        assert.equal(s.state.lastResult, 'upToDate');
        const asked = feeds.server.requests.slice(seen);
        assert.deepEqual(asked.map((r) => [r.path, r.status]), [['/same-v1/index.json', 200]]);
        // The server hands out an ETag; a request that sent it back would tell this install from any other.
        for (const h of ['if-none-match', 'if-modified-since', 'cookie']) assert.equal(asked[0]!.headers[h], undefined, `no ${h}`);
        assert.ok(!('etag' in (await status(panel)).state), 'no validator is kept');
        await panel.waitFor(() => document.querySelector('.sync-last-check')?.textContent?.includes('up to date'), undefined);
      }));

    const v1Faults: Array<[string, string, string, Feeds['fault']?]> = [
      ['404', 'full-v2', 'http', (p, res) => p.endsWith('index.json') && Boolean(res.writeHead(404).end('gone'))],
      ['500', 'full-v2', 'http', (p, res) => p.endsWith('index.json') && Boolean(res.writeHead(500).end('oops'))],
      ['timeout', 'full-v2', 'timeout', (p) => p.endsWith('index.json')], // answers never
      ['truncated body', 'full-v2', 'truncated', (p, res) => {
        if (!p.includes('/packs/')) return false;
        const body = fileOf(feeds, 'full-v2', p.slice('/full-v2/'.length));
        res.writeHead(200, { 'content-length': String(body.length) });
        res.write(body.subarray(0, body.length >> 1), () => res.destroy());
        return true;
      }],
      ['wrong hash', 'full-v2', 'hash', (p, res) => {
        if (!p.includes('/packs/')) return false;
        const body = Buffer.from(fileOf(feeds, 'full-v2', p.slice('/full-v2/'.length)).toString('utf8').replace('Quillon', 'Quillom'));
        res.writeHead(200, { 'content-length': String(body.length) }).end(body);
        return true;
      }],
      ['oversized body', 'full-v2', 'tooLarge', (p, res) => {
        if (!p.includes('/packs/')) return false;
        const body = fileOf(feeds, 'full-v2', p.slice('/full-v2/'.length));
        res.writeHead(200, { 'content-type': 'application/json' }); // chunked: no length announced
        res.write(body);
        res.end(Buffer.alloc(64 * 1024, 32));
        return true;
      }],
      ['bad signature', 'bad-signature', 'badSignature'],
      ['unknown key', 'unknown-key', 'unknownKey'],
      ['invalid schema', 'schema', 'schema'],
      ['a javascript: link', 'js-link', 'schema'],
      ['dangling reference', 'dangling', 'invalid'],
    ];
    for (const [fault, folder, code, inject] of v1Faults) {
      it(`refuses an update with a fault (${fault}): data unchanged, "${code}" shown`, () =>
        screenshotOnFailure(panel, `${name}-sync-${fault}`, () => expectFault(folder, code, inject)));
    }

    it('shows an error accessibly (axe)', async () => {
      await shownError(panel, 'invalid');
      const violations = await axeViolations(panel);
      assert.equal(violations.length, 0, `axe on the Updates tab with an error:\n${describeViolations(violations)}`);
    });

    it('installs a full pack, keeps settings and muted entities, says what changed; open tabs use it at once', () =>
      screenshotOnFailure(panel, `${name}-sync-full`, async () => {
        const settings = { enabled: true, disabledSites: ['example.org'], highlightStyle: 'background', hoverDelayMs: 300, shownTypes: ['person'], mutedEntities: ['iran'] };
        // An open tab that names someone only the new version knows.
        const site = await startServer({ '/open.html': { body: '<!doctype html><meta charset="utf-8"><p>Yesterday Quillon Newperson met Hassan Nasrallah.</p>' } });
        const tab = await browser.newPage();
        await tab.goto(`${site.origin}/open.html`);
        await waitForHighlights(tab);
        assert.ok(!(await readHighlights(tab)).some((h) => h.text === 'Quillon Newperson'), 'unknown before the update');
        await storageSet(panel, { settings });
        const stampBefore = await storageGet(panel, 'datasetStamp');
        await useFeed('full-v2');
        const s = await clickCheckNow(panel);
        assert.equal(s.state.lastResult, 'updated', JSON.stringify(s.state.lastError));
        assert.equal(s.dataset?.version, 2);
        const stored = JSON.parse(await dump(panel));
        assert.deepEqual(stored, { ...feeds.packs.v2, articles: stored.articles });
        assert.deepEqual(await storageGet(panel, 'settings'), settings, 'settings survive the update');
        assert.notDeepEqual(await storageGet(panel, 'datasetStamp'), stampBefore, 'open tabs are told to rescan');
        await panel.waitFor(() => document.querySelector('.sync-changed-names li[data-entity-id="zz-new-person"]')?.textContent === 'Quillon Newperson', undefined);
        await panel.waitFor(() => document.querySelector('.sync-dataset')?.getAttribute('data-version') === '2', undefined);
        const violations = await axeViolations(panel);
        assert.equal(violations.length, 0, `axe on the Updates tab after an update:\n${describeViolations(violations)}`);
        await panel.screenshot(artifactPath(`sync-updates-${name}.png`));
        // The open tab uses the new data without a reload.
        await until(async () => (await readHighlights(tab)).some((h) => h.text === 'Quillon Newperson'), 'the open tab to show the new name');
        await tab.close();
        await site.close();
      }));

    it('applies a patch when one leads from the installed version, fetching no full pack', () =>
      screenshotOnFailure(panel, `${name}-sync-patch`, async () => {
        // An open tab that names someone only the patch brings.
        const site = await startServer({ '/patched.html': { body: '<!doctype html><meta charset="utf-8"><p>Ptolemy Patchman met Hassan Nasrallah.</p>' } });
        const tab = await browser.newPage();
        await tab.goto(`${site.origin}/patched.html`);
        await waitForHighlights(tab);
        await useFeed('patch-v3');
        const seen = feeds.server.requests.length;
        const s = await clickCheckNow(panel);
        assert.equal(s.state.lastResult, 'updated', JSON.stringify(s.state.lastError));
        const paths = feeds.server.requests.slice(seen).map((r) => r.path);
        assert.ok(paths.some((p) => p.includes('/patches/')) && !paths.some((p) => p.includes('/packs/')), paths.join(' '));
        const patch = JSON.parse(fileOf(feeds, 'patch-v3', 'patches/dramatis-core-2-3.json').toString('utf8')) as DatasetPatch;
        const expected = applyPatchToPack(feeds.packs.v2, patch);
        const stored = JSON.parse(await dump(panel));
        assert.equal(stored.version, 3);
        assert.deepEqual(stored.entities, expected.entities);
        assert.equal(s.state.lastChange?.source, 'feedPatch');
        assert.deepEqual([s.state.lastChange?.added, s.state.lastChange?.changed, s.state.lastChange?.removed], [1, 1, 0]);
        // The matcher was not compiled again: an overlay of what the patch changed is stored with its rows.
        const overlay = await panel.evaluate(() => new Promise<unknown>((resolve, reject) => {
          const open = indexedDB.open('dramatis');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const get = open.result.transaction('meta').objectStore('meta').get('matcherOverlay');
            get.onsuccess = () => {
              const r = get.result as { version: number; baseVersion: number; data: { changedIds: string[] } } | undefined;
              open.result.close();
              resolve(r && { version: r.version, baseVersion: r.baseVersion, changedIds: r.data.changedIds });
            };
          };
        }));
        assert.deepEqual(overlay, { version: 3, baseVersion: 2, changedIds: [feeds.packs.v2.entities[1]!.id, 'zz-patched-person'].sort() });
        // The open tab finds the new name without a reload.
        await until(async () => (await readHighlights(tab)).some((h) => h.text === 'Ptolemy Patchman'), 'the open tab to show the patched name');
        // What the tab knows of each name after the patch: the new person's brief came with the patch's rows,
        // Nasrallah's was carried over from the version before (the background kept it across the patch).
        const { mentions } = await getPageMentions(panel, await tabIdOf(panel, `${site.origin}/patched.html`));
        const nasrallah = feeds.packs.v2.entities.find((e) => e.name.en.includes('Nasrallah'))!;
        assert.deepEqual(
          mentions.map((m) => [m.entityId, m.name, m.surface]).sort(),
          [[nasrallah.id, nasrallah.name.en, 'Hassan Nasrallah'], ['zz-patched-person', 'Ptolemy Patchman', 'Ptolemy Patchman']].sort(),
        );
        await tab.close();
        if (browser.stopExtensionWorker) {
          // A restarted worker loads the base and the overlay and finds the same names.
          await browser.stopExtensionWorker();
          const fresh = await browser.newPage();
          await fresh.goto(`${site.origin}/patched.html`);
          await until(async () => (await readHighlights(fresh)).some((h) => h.text === 'Ptolemy Patchman'), 'a page after a restart to show the patched name');
          await fresh.close();
        }
        await site.close();
      }));

    it('refuses a version rollback: data unchanged, "rollback" shown', () =>
      screenshotOnFailure(panel, `${name}-sync-rollback`, () => expectFault('full-v2', 'rollback')));

    it('refuses an expired index, however well signed: data unchanged, "expired" shown', () =>
      screenshotOnFailure(panel, `${name}-sync-expired`, () => expectFault('expired', 'expired')));

    it('refuses a name with a bidi override in it: data unchanged, "invalid" shown', () =>
      screenshotOnFailure(panel, `${name}-sync-bidi`, () => expectFault('bidi', 'invalid')));

    it('warns when the data has not been confirmed current for a week, until a check succeeds', () =>
      screenshotOnFailure(panel, `${name}-sync-stale`, async () => {
        const s = await status(panel);
        const weekAgo = Date.now() - 8 * 86_400_000;
        await storageSet(panel, { syncState: { ...s.state, lastSuccessAt: weekAgo, indexExpires: weekAgo + 14 * 86_400_000 } });
        await panel.waitFor(() => document.querySelector('.sync-stale') !== null, undefined);
        assert.match(await panel.evaluate(() => document.querySelector('.sync-stale')!.textContent ?? ''), /not been able to confirm/);
        // The feed whose latest version is the one installed now (3): a successful check, nothing new.
        await useFeed('patch-v3');
        assert.equal((await clickCheckNow(panel)).state.lastResult, 'upToDate');
        await panel.waitFor(() => document.querySelector('.sync-stale') === null, undefined);
      }));

    it('refuses a patch with a dangling reference: data unchanged, "invalid" shown', () =>
      screenshotOnFailure(panel, `${name}-sync-patch-dangling`, () => expectFault('patch-dangling', 'invalid')));

    it('shows HTML, scripts and javascript: in dataset strings as inert text, in the panel and the card', () =>
      screenshotOnFailure(panel, `${name}-sync-html`, async () => {
        await useFeed('html-v4');
        assert.equal((await clickCheckNow(panel)).dataset?.version, 4);
        await panel.waitFor((id: string) => document.querySelector(`.sync-changed-names li[data-entity-id="${id}"]`) !== null, EVIL.id);
        const shown = await panel.evaluate((id: string) => {
          const li = document.querySelector(`.sync-changed-names li[data-entity-id="${id}"]`)!;
          return { text: li.textContent, elements: li.children.length, imgs: document.querySelectorAll('img').length, pwned: 'dramatisPwned' in window };
        }, EVIL.id);
        assert.deepEqual(shown, { text: EVIL.name, elements: 0, imgs: 0, pwned: false });
        // The card's shadow root is closed to pages: read it with the page tests' driver (tests/support/drivers/page-driver.ts),
        // in a browser of its own that takes the same update from the same feed.
        const reader = await launchForTests(name, { extensionPath: buildPath });
        const site = await startServer({ '/evil.html': { body: `<!doctype html><meta charset="utf-8"><p style="font-size:24px;margin:40px">Today ${EVIL.alias} spoke.</p>` } });
        try {
          const readerPanel = await reader.openExtensionPage('sidepanel.html');
          await until(async () => (await status(readerPanel)).dataset !== null, 'the installed dataset');
          await reader.setStorage({ syncTestConfig: { feedUrl: feeds.url('html-v4'), timeoutMs: 5000 } });
          const outcome = await sendFromPage(readerPanel, 'checkNow', {});
          assert.ok(outcome.ok, JSON.stringify(outcome));
          const page = await reader.newPage();
          await page.goto(`${site.origin}/evil.html`);
          await waitForHighlights(page);
          await hoverName(page, EVIL.alias);
          await waitForCard(page, EVIL.id);
          const card = await readCard(page);
          assert.ok(card, 'a card is open');
          assert.ok(card.text.includes(EVIL.name), `the card shows the name's markup as text: ${card.text}`);
          assert.ok(card.text.includes('<script>'), 'and the description\'s');
          const live = await page.inCardRoot((root) => root?.querySelectorAll('img, script, a[href^="javascript"]').length ?? -1, null);
          assert.equal(live, 0, 'no element was made from dataset text');
          assert.equal(await page.evaluate(() => 'dramatisPwned' in window), false);
        } finally {
          await site.close();
          await reader.close();
        }
      }));

    it('leaves the old data whole when the background is stopped in the middle of applying', () =>
      screenshotOnFailure(panel, `${name}-sync-killed`, async () => {
        const before = await dump(panel);
        await useFeed('big');
        await panel.waitFor(() => !(document.querySelector('.sync-check-now') as HTMLButtonElement).disabled, undefined);
        await panel.evaluate(() => (document.querySelector('.sync-check-now') as HTMLButtonElement).click());
        // The transaction is open (rows are being written, not committed). Read from storage directly: the busy
        // worker would answer a request only after the commit.
        await until(async () => {
          const p = (await sessionGet(panel, 'syncProgress')) as { phase?: string; done: number; total: number } | undefined;
          return p?.phase === 'apply' && p.done < p.total;
        }, 'rows being written', 120_000, 20);
        if (browser.stopExtensionWorker) {
          await browser.stopExtensionWorker();
        } else {
          // Firefox: its background is an event page it won't stop on request; reloading the extension ends it.
          await panel.evaluate(() => void (globalThis as unknown as { browser: { runtime: { reload(): void } } }).browser.runtime.reload());
          // The reload closes our pages and takes a while under load: retry opening the panel until the
          // extension is back, rather than betting on a fixed pause.
          await until(async () => {
            try {
              await openPanel();
              return true;
            } catch {
              await panel?.close().catch(() => undefined);
              return false;
            }
          }, 'the reloaded extension to open its panel', 60_000, 500);
        }
        const s = await until(async () => { const x = await status(panel); return x.state.lastError?.code === 'interrupted' ? x : null; }, 'the interruption to be recorded');
        assert.equal(s.dataset?.version, 4);
        assert.equal(await dump(panel), before, 'the old data is whole');
        // A panel opened afresh shows it. (Reloading the page in place lost its realm in Firefox now and then,
        // and the suite's later tests with it: an opener that navigates again copes with that.)
        await panel.close();
        await openPanel();
        assert.ok((await shownError(panel, 'interrupted')).includes(sentence('interrupted')));
      }));

    it('restores a wiped database from the bundled snapshot, says so, then syncs', () =>
      screenshotOnFailure(panel, `${name}-sync-wiped`, async () => {
        await useFeed('html-v4');
        await panel.evaluate(() => new Promise<void>((resolve, reject) => {
          const req = indexedDB.deleteDatabase('dramatis');
          req.onsuccess = () => resolve();
          req.onerror = () => reject(req.error);
        }));
        const s = await until(async () => { const x = await status(panel); return x.state.reseededAt !== undefined && x.dataset?.version === 4 && x.progress === null ? x : null; }, 'restore and sync', 60_000);
        assert.equal(s.state.lastResult, 'updated');
        await panel.waitFor(() => document.querySelector('.sync-restored') !== null, undefined);
      }));

    it('imports a pack file with the same validation, and exports the dataset', () =>
      screenshotOnFailure(panel, `${name}-sync-import`, async () => {
        const before = await dump(panel);
        await chooseImportFile(panel, 'broken.json', '{"formatVersion": 1, "entities": [');
        assert.ok((await shownError(panel, 'badFile')).includes(sentence('badFile')));
        assert.equal(await dump(panel), before);
        await chooseImportFile(panel, 'old.json', JSON.stringify(feeds.packs.v2));
        assert.ok((await shownError(panel, 'rollback')).includes(sentence('rollback')));
        assert.equal(await dump(panel), before);
        const v5 = nextVersion(feeds.packs.v4, (p) => p.entities.push(person(feeds.packs.v1, 'zz-imported', 'Ingrid Importer')));
        await chooseImportFile(panel, 'v5.json', JSON.stringify(v5));
        await panel.waitFor(() => document.querySelector('.sync-imported') !== null, undefined, 30_000);
        const exported = await sendFromPage(panel, 'exportDataset', {});
        assert.deepEqual(exported, { ...v5, articles: exported.articles });
        assert.equal((await status(panel)).state.lastChange?.source, 'import');
      }));

    it('finds a damaged bucket when it reads it, says so, and repairs it: the bundled copy, then the feed', () =>
      screenshotOnFailure(panel, `${name}-sync-damaged`, async () => {
        await useFeed('full-v2');
        // A person (an earlier test left only people shown).
        const site = await startServer({ '/news.html': { body: '<!doctype html><meta charset="utf-8"><p>Hassan Nasrallah issued a statement.</p>' } });
        try {
          // A bucket that is not what Dramatis wrote: a page that names an entity in it makes its scan read it.
          await panel.evaluate((bucket: number) => new Promise<void>((resolve, reject) => {
            const open = indexedDB.open('dramatis');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const tx = open.result.transaction('entityBuckets', 'readwrite');
              tx.objectStore('entityBuckets').put('not a bucket', bucket);
              tx.oncomplete = () => {
                open.result.close();
                resolve();
              };
              tx.onerror = () => reject(tx.error);
            };
          }), bucketOf('hassan-nasrallah'));
          const page = await browser.newPage();
          // In front: a background tab gets idle time (when Dramatis scans) only now and then.
          await page.bringToFront();
          await page.goto(`${site.origin}/news.html`);
          const s = await until(async () => {
            const x = await status(panel);
            return x.state.damaged?.repairedAt !== undefined && x.dataset?.version === 2 && x.progress === null ? x : null;
          }, 'the repair', 60_000);
          assert.match(s.state.damaged?.detail ?? '', /entity bucket \d+ is not a list/);
          await panel.waitFor(() => document.querySelector('.sync-damaged[data-repaired="true"]') !== null, undefined);
          // The page is scanned again with the repaired data.
          await until(async () => (await readHighlights(page)).some((h) => h.text === 'Hassan Nasrallah'), 'the name highlighted', 30_000);
          await page.close();
        } finally {
          await site.close();
        }
      }));

    it('refuses a file whose version is past the ceiling: nothing changes', () =>
      screenshotOnFailure(panel, `${name}-sync-ceiling`, async () => {
        const before = await dump(panel);
        const frozen = nextVersion(feeds.packs.v4, () => undefined, Number.MAX_SAFE_INTEGER);
        await chooseImportFile(panel, 'frozen.json', JSON.stringify(frozen));
        const text = await shownError(panel, 'schema');
        assert.ok(text.includes('Must be at most 1000000000'), text);
        assert.equal(await dump(panel), before);
      }));

    it('marks imported data as local and says so; any signed version from the feed supersedes it', () =>
      screenshotOnFailure(panel, `${name}-sync-local`, async () => {
        // The highest version there is, imported: it must not freeze updates (it used to, at 2^53 − 1).
        const highest = nextVersion(feeds.packs.v4, (p) => p.entities.push(person(feeds.packs.v1, 'zz-local', 'Lorna Localfile')), 1_000_000_000);
        await chooseImportFile(panel, 'highest.json', JSON.stringify(highest));
        await until(async () => (await status(panel)).dataset?.version === 1_000_000_000, 'the import');
        const local = await status(panel);
        assert.equal(local.dataset?.source, 'import');
        await panel.waitFor(() => document.querySelector('.sync-origin[data-source="import"]')?.textContent?.includes('highest.json') === true, undefined);
        assert.ok(await panel.evaluate(() => document.querySelector('.sync-restore') !== null), 'the Updates tab offers the published dataset back');
        await panel.screenshot(artifactPath(`sync-${name}-local.png`));

        await useFeed('full-v2');
        const s = await clickCheckNow(panel);
        assert.equal(s.state.lastError, undefined, JSON.stringify(s.state.lastError));
        assert.equal(s.dataset?.version, 2, 'the signed version 2 replaced the local version 1,000,000,000');
        assert.equal(s.dataset?.source, 'feed');
        const exported = await sendFromPage(panel, 'exportDataset', {});
        assert.ok(!exported.entities.some((e) => e.id === 'zz-local'), 'the local data is gone');
        await panel.waitFor(() => document.querySelector('.sync-origin[data-source="feed"]') !== null && document.querySelector('.sync-restore') === null, undefined);
      }));

    it('restores the published dataset from the Updates tab, then brings it up to date from the feed', () =>
      screenshotOnFailure(panel, `${name}-sync-restore`, async () => {
        const mine = nextVersion(feeds.packs.v2, (p) => p.entities.push(person(feeds.packs.v1, 'zz-mine', 'Mina Myfile')), 7);
        await chooseImportFile(panel, 'mine.json', JSON.stringify(mine));
        await panel.waitFor(() => (document.querySelector('.sync-restore') as HTMLButtonElement | null)?.disabled === false, undefined, 30_000);
        await panel.evaluate(() => (document.querySelector('.sync-restore') as HTMLButtonElement).click());
        const s = await until(async () => {
          const x = await status(panel);
          return x.dataset?.source === 'feed' && x.dataset.version === 2 && x.progress === null ? x : null;
        }, 'the restore and the check after it', 60_000);
        assert.equal(s.state.lastChange?.to, 2);
        const exported = await sendFromPage(panel, 'exportDataset', {});
        assert.ok(!exported.entities.some((e) => e.id === 'zz-mine'), 'the imported data is gone');
      }));
  });
}
