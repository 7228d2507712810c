/**
 * `npm run bench [-- --runs N] [--pages a,b] [--dict 1000,100000] [--skip-sync]`: the project's benchmarks, in
 * real headless Chromium, printed as medians and ratios to a baseline measured in the same run (absolute times
 * drift between machines and runs; ratios don't), and written as JSON to bench-results/.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkLaunchable } from '../browsers.ts';
import { ROOT } from '../build.ts';
import { CliError, intOption, parseCli, runCli, type CliSpec, type OptionSpec } from '../cli.ts';
import { HEAVY_PAGES, SYNTHETIC_PAGE } from './fixtures.ts';
import { runPageBench, type PageRow } from './page-bench.ts';
import { round } from './stats.ts';

interface SyncRow { name: string; medianMs: number; runs: number; target?: string; note?: string }

export const BENCH_CLI = {
  usage: 'npm run bench [-- --runs N] [--pages a,b] [--dict 1000,100000] [--skip-sync]',
  options: { runs: { type: 'string' }, pages: { type: 'string' }, dict: { type: 'string' }, 'skip-sync': { type: 'boolean' } },
} as const satisfies CliSpec<Record<string, OptionSpec>>;

export interface BenchOptions {
  runs: number;
  dictionaries: number[];
  pages: string[] | undefined;
  skipSync: boolean;
}

/** The bench's options from its command line, or a CliError naming the one that is wrong. */
export function benchOptions(args: readonly string[]): BenchOptions {
  const { values } = parseCli(BENCH_CLI, args);
  const dictionaries = (values.dict ?? '1000,100000').split(',').map((d) => intOption(d.trim(), 'dict', 0));
  const known = [...HEAVY_PAGES, SYNTHETIC_PAGE];
  const pages = values.pages?.split(',').map((p) => p.trim());
  const unknown = pages?.find((p) => !known.includes(p));
  if (unknown !== undefined) throw new CliError(`unknown page "${unknown}" for --pages: choose from ${known.join(', ')}`, 2);
  return { runs: intOption(values.runs, 'runs', 5), dictionaries, pages, skipSync: values['skip-sync'] === true };
}

export async function main(args: readonly string[]): Promise<number> {
  const { runs, dictionaries, pages, skipSync } = benchOptions(args);
  checkLaunchable('chromium');
  const log = (line: string) => console.log(line);

  const started = new Date();
  console.log(`Dramatis bench: ${runs} runs per figure, dictionaries ${dictionaries.join(', ')} names (half Arabic script)`);
  const pageRows: PageRow[] = await runPageBench({ runs, dictionaries, pages, log });

  const fmt = (n: number | null | undefined, unit = '') => (n === null || n === undefined ? '—' : `${n}${unit}`);
  console.log('\npage                 chars   dict    method       median     ×floor  longest task  +heap');
  for (const r of pageRows) {
    console.log(
      `${r.page.padEnd(18)} ${String(r.textChars).padStart(8)} ${String(r.dictionary || '').padStart(6)}  ${r.method.padEnd(11)} ${fmt(round(r.medianMs), ' ms').padStart(10)} ${fmt(round(r.ratioToFloor, 2)).padStart(8)} ${fmt(round(r.longestTaskMs), ' ms').padStart(12)}  ${r.addedHeapMB === undefined ? '' : fmt(round(r.addedHeapMB, 2), ' MB')}`,
    );
  }

  // The targets, checked on this run's figures.
  const checks: string[] = [];
  const big = pageRows.filter((r) => r.page === SYNTHETIC_PAGE && r.method === 'dramatis');
  const isolatedFloor = pageRows.find((r) => r.page === SYNTHETIC_PAGE && r.method === 'floor-isolated');
  for (const r of big) {
    const iso = isolatedFloor ? ` (${round(r.medianMs / isolatedFloor.medianMs, 2)}× the floor in a content script's isolated world)` : '';
    checks.push(`(b) on the 1 MB page × ${r.dictionary}: ${round(r.ratioToFloor, 2)}× floor (target ≤ 2×) ${r.ratioToFloor <= 2 ? 'MET' : 'MISSED'}${iso}`);
  }
  const dramatis = pageRows.filter((r) => r.method === 'dramatis');
  const worstTask = Math.max(...dramatis.map((r) => r.longestTaskMs ?? 0));
  checks.push(`longest main-thread task in Dramatis's scans: ${round(worstTask)} ms (target ≤ 50 ms) ${worstTask <= 50 ? 'MET' : 'MISSED'}`);
  const worstHeap = Math.max(...dramatis.map((r) => r.addedHeapMB ?? 0));
  checks.push(`largest heap the content script added to a tab: ${round(worstHeap, 2)} MB (target < 3 MB) ${worstHeap < 3 ? 'MET' : 'MISSED'}`);

  let syncRows: SyncRow[] = [];
  const syncBench = join(ROOT, 'scripts', 'bench', 'sync-apply-bench.ts');
  if (!skipSync && existsSync(syncBench)) {
    const { benchSyncApply } = (await import(syncBench)) as { benchSyncApply: () => Promise<SyncRow[]> };
    syncRows = await benchSyncApply();
    console.log('\nsync                                           median      target');
    for (const r of syncRows) console.log(`${r.name.padEnd(46)} ${fmt(round(r.medianMs), ' ms').padStart(10)}  ${r.target ?? ''} ${r.note ?? ''}`);
  }

  console.log('\nTargets:');
  for (const c of checks) console.log(`  ${c}`);

  const dir = join(ROOT, 'bench-results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `bench-${started.toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify({ started: started.toISOString(), runs, dictionaries, pages: pageRows, sync: syncRows, checks }, null, 2));
  console.log(`\nFigures written to ${file}`);
  return 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await runCli('npm run bench', () => main(process.argv.slice(2)));
