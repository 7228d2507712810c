/**
 * `npx tsx scripts/bench/timeline.ts [--dict N] [--page synthetic-1mb]`: one Dramatis scan of one bench page,
 * printed as a timeline of the content script's own measures (reading, mapping, each chunk's round trip), to see
 * where a scan's wall time goes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH } from '../browsers.ts';
import { startServer } from '../sample-server.ts';
import { extensionWithPack } from './extension-variant.ts';
import { corpusPage, syntheticBigPage, syntheticNames, syntheticPack } from './fixtures.ts';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const size = Number(arg('dict') ?? 100_000);
const pageName = arg('page') ?? 'synthetic-1mb';
const loads = Number(arg('loads') ?? 3);
const names = syntheticNames(size);
const body = pageName === 'synthetic-1mb' ? syntheticBigPage(names.slice(0, 1000)) : corpusPage(pageName);
const server = await startServer({ [`/${pageName}.html`]: { body } });
const variant = extensionWithPack(syntheticPack(names));
const profile = mkdtempSync(join(tmpdir(), 'dramatis-timeline-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM_PATH,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', `--disable-extensions-except=${variant.path}`, `--load-extension=${variant.path}`],
});
try {
  for (let i = 0; i < loads; i++) {
    const page = await context.newPage();
    await page.goto(`${server.origin}/${pageName}.html`, { waitUntil: 'load' });
    await page.waitForFunction(() => performance.getEntriesByName('dramatis:scan').length > 0, null, { timeout: 120_000 });
    const entries = await page.evaluate(() =>
      performance.getEntriesByType('measure').filter((e) => e.name.startsWith('dramatis:')).map((e) => ({
        name: e.name, start: e.startTime, dur: e.duration, detail: (e as PerformanceMeasure).detail as string | undefined,
      })),
    );
    const scan = entries.find((e) => e.name === 'dramatis:scan')!;
    const t0 = Math.min(...entries.map((e) => e.start));
    console.log(`load ${i + 1}: scan ${scan.dur.toFixed(1)} ms`);
    const sums = new Map<string, number>();
    for (const e of entries) {
      if (e.name === 'dramatis:task') sums.set(e.detail ?? '?', (sums.get(e.detail ?? '?') ?? 0) + e.dur);
      if (loads === 1 || i === loads - 1) console.log(`  ${(e.start - t0).toFixed(1).padStart(7)} +${e.dur.toFixed(1).padStart(6)}  ${e.name} ${e.detail ?? ''}`);
    }
    console.log(`  main-thread sums: ${[...sums].map(([k, v]) => `${k} ${v.toFixed(1)} ms`).join(', ')}`);
    await page.close();
  }
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
  variant.remove();
  await server.close();
}
