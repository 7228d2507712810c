/**
 * Sync benchmarks, in real headless Chromium with a test build of the extension (the production code plus a
 * throwaway trusted key, see src/background/sync/build-flags.ts), against feeds on a 127.0.0.1 server:
 * - a full pack of 100,000 synthetic entities, installed from the feed (target: apply ≤ 5 s, with progress);
 * - a 10-entity patch on that dataset (target: apply ≤ 100 ms), and how long after its index reaches the browser
 *   an open tab shows the names it brings (target ≤ 100 ms).
 * The figures are the background's own phase timings (SyncState.timings), so they measure the extension's
 * work, not the test harness. `npm run bench` calls benchSyncApply(); `tsx scripts/bench/sync-apply-bench.ts`
 * runs it alone.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium, type DriverPage } from '../browsers.ts';
import { buildFeed } from '../feed.ts';
import { startFeedServer } from '../feed-serve.ts';
import type { DatasetPack } from '../../src/core/dataset/dataset-schema.ts';
import type { SyncStatus } from '../../src/shared/api/sync-api.ts';
import { bundledPack } from '../../tests/support/pack.ts';
import { nextVersion, syntheticEntities } from '../../tests/support/sync-packs.ts';
import { sendFromPage } from '../../tests/support/extension-api.ts';
import { openUpdatesTab, status, storageGet, storageSet, until } from '../../tests/support/sync-panel.ts';
import { buildTestExtension } from '../../tests/support/test-build.ts';
import { startServer, type RunningServer } from '../sample-server.ts';
import { corpusPage } from './fixtures.ts';
import { median } from './stats.ts';

/** An article-sized page (nytimes-4, 124 K characters of text) with `names` in its last paragraph. */
function openTabPage(names: string[]): string {
  return corpusPage('nytimes-4').replace(/<\/body>/i, `<p>${names.join(', ')}.</p></body>`);
}

export interface SyncBenchRow { name: string; medianMs: number; runs: number; target?: string; targetMs?: number; note?: string }

const ENTITIES = 100_000;
const FULL_RUNS = Number(process.env.SYNC_BENCH_FULL_RUNS ?? 3);
const PATCH_RUNS = Number(process.env.SYNC_BENCH_PATCH_RUNS ?? 5);

/** Checks the feed at `url` from the panel page, sampling the progress the Updates tab would show. */
async function syncFrom(panel: DriverPage, url: string): Promise<{ status: SyncStatus; progressReports: number }> {
  await storageSet(panel, { syncTestConfig: { feedUrl: url, timeoutMs: 60_000 } });
  const seen = new Set<string>();
  let done = false;
  const sampling = (async () => {
    while (!done) {
      const p = (await status(panel).catch(() => null))?.progress;
      if (p) seen.add(`${p.phase}:${p.done}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  const outcome = await sendFromPage(panel, 'checkNow', {});
  done = true;
  await sampling;
  if (!outcome.ok) throw new Error(`sync failed: ${JSON.stringify(outcome.error)}`);
  return { status: await status(panel), progressReports: seen.size };
}

export async function benchSyncApply(): Promise<SyncBenchRow[]> {
  const build = await buildTestExtension('bench');
  const root = mkdtempSync(join(tmpdir(), 'dramatis-sync-bench-'));
  const v1 = bundledPack();
  const synthetic = syntheticEntities(v1, ENTITIES);
  // Full packs 2..(1 + FULL_RUNS), each alone in its folder (no patch), so every run installs 100,000 entities.
  let pack: DatasetPack = v1;
  const fullFolders: string[] = [];
  for (let i = 0; i < FULL_RUNS; i++) {
    pack = nextVersion(pack, (p) => void (i === 0 ? (p.entities = p.entities.concat(synthetic)) : (p.entities[i]!.description.en += ' ·')));
    const folder = `full-${pack.version}`;
    mkdirSync(join(root, folder));
    buildFeed(join(root, folder), pack, [build.key]);
    fullFolders.push(folder);
  }
  // Patches go into their own folder, published (and diffed) one at a time, after the full runs.
  const patchDir = join(root, 'patches');
  mkdirSync(patchDir);
  buildFeed(patchDir, pack, [build.key]);
  const server = await startFeedServer(root);
  const browser = await launchChromium({ headless: true, extensionPath: build.path('chrome') });
  let site: RunningServer | undefined;
  try {
    const panel = await browser.openExtensionPage('sidepanel.html');
    await openUpdatesTab(panel);
    // No feed is set at install (nothing is checked then): wait for the seeded dataset.
    await until(async () => (await status(panel)).dataset !== null, 'the installed dataset');
    const full: Array<Record<string, number>> = [];
    let reports = 0;
    for (const folder of fullFolders) {
      const r = await syncFrom(panel, `${server.origin}/${folder}/index.json`);
      full.push(r.status.state.timings ?? {});
      if (process.env.SYNC_BENCH_DEBUG) console.log(folder, JSON.stringify(r.status.state.timings));
      reports = Math.max(reports, r.progressReports);
    }
    // An open tab on an article-sized page that names the people the patches bring: how long after the index
    // reaches the browser does it show them (the rescan a new dataset triggers, done)?
    const patchedNames = Array.from({ length: PATCH_RUNS }, (_, i) => Array.from({ length: 5 }, (_, k) => `Patched Person ${i} ${k}`));
    site = await startServer({ '/open.html': { body: openTabPage(patchedNames.flat()) } });
    const tab = await browser.newPage();
    await tab.goto(`${site.origin}/open.html`);
    await until(() => tab.evaluate(() => performance.getEntriesByName('dramatis:scan').length > 0), 'the open tab\'s first scan', 60_000);
    const live: number[] = [];
    // The two halves of `live`: until the background tells open tabs (the stamp written), and the tab's rescan.
    const told: number[] = [];
    const rescan: number[] = [];
    const patched: Array<Record<string, number>> = [];
    for (let i = 0; i < PATCH_RUNS; i++) {
      // 10 entities: 5 changed, 5 new.
      pack = nextVersion(pack, (x) => {
        for (let k = 0; k < 5; k++) x.entities[1000 * (i + 1) + k]!.description.en += ` (edit ${i})`;
        x.entities.push(...syntheticEntities(v1, 5).map((e, k) => ({
          ...e, id: `${e.id}-patch-${i}`, aliases: [{ text: `Patched Person ${i} ${k}`, lang: 'en' as const, full: true }],
        })));
      });
      buildFeed(patchDir, pack, [build.key]);
      const scansBefore = await tab.evaluate(() => performance.getEntriesByName('dramatis:scan').length);
      const requestsBefore = server.requests.length;
      const r = await syncFrom(panel, `${server.origin}/patches/index.json`);
      const index = server.requests.slice(requestsBefore).find((q) => q.path === '/patches/index.json' && q.status === 200);
      // The rescan's start and end on the page's clock, as epoch ms; it must show the patch's people.
      const shown = await until(() => tab.evaluate(([n, names]: [number, string[]]) => {
        const scans = performance.getEntriesByName('dramatis:scan');
        if (scans.length <= n) return null;
        const last = scans[scans.length - 1]!;
        const found = new Set<string>();
        for (const h of CSS.highlights.values()) {
          for (const range of h as unknown as Iterable<AbstractRange>) found.add(range.startContainer.textContent!.slice(range.startOffset, range.endOffset));
        }
        return names.every((x) => found.has(x)) ? { start: performance.timeOrigin + last.startTime, duration: last.duration } : null;
      }, [scansBefore, patchedNames[i]!] as [number, string[]]), 'the open tab to show the patched names', 60_000, 5);
      const stamp = (await storageGet(panel, 'datasetStamp')) as { at: number } | undefined;
      if (index) live.push(shown.start + shown.duration - index.at);
      if (index && stamp) told.push(stamp.at - index.at);
      rescan.push(shown.duration);
      if (r.status.dataset?.version !== pack.version || r.status.state.lastChange?.source !== 'feedPatch') {
        throw new Error(`expected a patch to v${pack.version}; got ${JSON.stringify(r.status.state.lastChange)}`);
      }
      patched.push(r.status.state.timings ?? {});
      if (process.env.SYNC_BENCH_DEBUG) console.log('patch', JSON.stringify(r.status.state.timings), 'told', told.at(-1), 'rescan', rescan.at(-1));
    }
    const med = (rows: Array<Record<string, number>>, ...keys: string[]) => median(rows.map((t) => keys.reduce((n, k) => n + (t[k] ?? 0), 0)));
    return [
      {
        name: 'sync: apply full pack, 100k entities', medianMs: med(full, 'apply'), runs: full.length, target: '≤ 5000 ms', targetMs: 5000,
        note: `compile the matcher, then one transaction: 100k entities in 1,024 buckets + the compiled matcher; ${reports} distinct progress reports seen`,
      },
      {
        name: 'sync: full pack end to end, 100k', medianMs: med(full, 'total'), runs: full.length,
        note: `download ${med(full, 'download')} ms, verify ${med(full, 'verify')} ms, parse ${med(full, 'parse')} ms, validate ${med(full, 'validate')} ms (synthetic entities cite no article)`,
      },
      {
        name: 'sync: apply 10-entity patch on 100k', medianMs: med(patched, 'apply'), runs: patched.length, target: '≤ 100 ms', targetMs: 100,
        note: 'one transaction: read the buckets the patch touches, check, write them back',
      },
      {
        name: 'sync: check 10-entity patch on 100k', medianMs: med(patched, 'gather', 'validate'), runs: patched.length,
        note: 'the apply transaction\'s reads and check (part of apply); who claims a name comes from the compiled matcher',
      },
      { name: 'sync: matcher overlay for a patch, 100k', medianMs: med(patched, 'overlay'), runs: patched.length, note: 'compiles only what changed since the stored base, before the rows are written and with them' },
      { name: 'sync: matcher ready after the commit', medianMs: med(patched, 'matcher'), runs: patched.length, note: 'the overlay serves at once; a new base is compiled a minute later, off the scan\'s path' },
      { name: 'sync: 10-entity patch end to end', medianMs: med(patched, 'total'), runs: patched.length, note: 'index + download + verify + check + overlay + apply' },
      {
        name: 'sync: patch live in an open tab, 100k', medianMs: median(live), runs: live.length, target: '≤ 100 ms', targetMs: 100,
        note: 'from the index sent to the browser to the open tab\'s rescan done, its new names shown (a 130 K-character page)',
      },
      {
        name: 'sync: index to open tabs told, 100k', medianMs: median(told), runs: told.length,
        note: 'from the index sent to the stamp written (what open tabs follow): the first half of the live figure',
      },
      {
        name: 'sync: the open tab\'s rescan, 130 K chars', medianMs: median(rescan), runs: rescan.length,
        note: 'the second half: the whole page read, matched and painted again (its dramatis:scan measure)',
      },
    ];
  } finally {
    await browser.close();
    await server.close();
    await site?.close();
    rmSync(root, { recursive: true, force: true });
    build.remove();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const row of await benchSyncApply()) console.log(`${row.name.padEnd(44)} ${String(row.medianMs).padStart(9)} ms  ${row.target ?? ''}  ${row.note ?? ''}`);
}
