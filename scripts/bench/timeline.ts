/**
 * `npx tsx scripts/bench/timeline.ts [--dict N|shipped] [--page synthetic-1mb] [--loads N]`: Dramatis's scans of one bench
 * page, each printed as the sums of the content script's main-thread work by kind (read, send, map, paint), and
 * the last load as a timeline of its own measures (each task, each chunk's round trip): where a scan's wall
 * time goes. Uses the bench's browser, pages and dictionaries (page-bench.ts, fixtures.ts).
 */
import { fileURLToPath } from 'node:url';
import { checkLaunchable } from '../browsers.ts';
import { CliError, intOption, parseCli, runCli } from '../cli.ts';
import { startServer } from '../sample-server.ts';
import { extensionWithPack } from './extension-variant.ts';
import { corpusPage, HEAVY_PAGES, SYNTHETIC_PAGE, syntheticBigPage, syntheticNames, syntheticPack } from './fixtures.ts';
import { dramatisScan, launchContext, shippedPack } from './page-bench.ts';

const USAGE = 'npx tsx scripts/bench/timeline.ts [--dict N|shipped] [--page synthetic-1mb] [--loads N]';

export async function main(args: readonly string[]): Promise<number> {
  const { values } = parseCli({ usage: USAGE, options: { dict: { type: 'string' }, page: { type: 'string' }, loads: { type: 'string' } } }, args);
  const shipped = values.dict === 'shipped';
  const size = shipped ? 1000 : intOption(values.dict, 'dict', 100_000);
  const loads = intOption(values.loads, 'loads', 3);
  const pageName = values.page ?? SYNTHETIC_PAGE;
  const known = [...HEAVY_PAGES, SYNTHETIC_PAGE];
  if (!known.includes(pageName)) throw new CliError(`unknown page "${pageName}" for --page: choose from ${known.join(', ')}`, 2);
  checkLaunchable('chromium');

  const names = syntheticNames(size);
  const body = pageName === SYNTHETIC_PAGE ? syntheticBigPage(names.slice(0, 1000)) : corpusPage(pageName);
  const server = await startServer({ [`/${pageName}.html`]: { body } });
  const variant = await extensionWithPack(shipped ? shippedPack() : syntheticPack(names));
  const browser = await launchContext(variant.path);
  try {
    for (let i = 0; i < loads; i++) {
      const page = await browser.context.newPage();
      await page.goto(`${server.origin}/${pageName}.html`, { waitUntil: 'load' });
      const scan = await dramatisScan(page);
      const entries = await page.evaluate(() =>
        performance.getEntriesByType('measure').filter((e) => e.name.startsWith('dramatis:')).map((e) => ({
          name: e.name, start: e.startTime, dur: e.duration, detail: (e as PerformanceMeasure).detail as string | undefined,
        })),
      );
      const t0 = Math.min(...entries.map((e) => e.start));
      console.log(`load ${i + 1}: scan ${scan.ms.toFixed(1)} ms`);
      const sums = new Map<string, number>();
      for (const e of entries) {
        if (e.name === 'dramatis:task') sums.set(e.detail ?? '?', (sums.get(e.detail ?? '?') ?? 0) + e.dur);
        if (i === loads - 1) console.log(`  ${(e.start - t0).toFixed(1).padStart(7)} +${e.dur.toFixed(1).padStart(6)}  ${e.name} ${e.detail ?? ''}`);
      }
      console.log(`  main-thread sums: ${[...sums].map(([k, v]) => `${k} ${v.toFixed(1)} ms`).join(', ')}`);
      await page.close();
    }
  } finally {
    await browser.close();
    variant.remove();
    await server.close();
  }
  return 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await runCli('timeline', () => main(process.argv.slice(2)));
