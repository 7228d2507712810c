/**
 * `npm run bench [-- --runs N] [--pages a,b] [--dict shipped,1000,100000] [--hover N] [--skip-sync]`: the project's benchmarks, in
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
import { runPageBench, type Dictionary } from './page-bench.ts';
import { round } from './stats.ts';

interface SyncRow { name: string; medianMs: number; runs: number; target?: string; targetMs?: number; note?: string }

export const BENCH_CLI = {
  usage: 'npm run bench [-- --runs N] [--pages a,b] [--dict shipped,1000,100000] [--hover N] [--skip-sync]',
  options: { runs: { type: 'string' }, pages: { type: 'string' }, dict: { type: 'string' }, hover: { type: 'string' }, 'skip-sync': { type: 'boolean' } },
} as const satisfies CliSpec<Record<string, OptionSpec>>;

export interface BenchOptions {
  runs: number;
  dictionaries: Dictionary[];
  pages: string[] | undefined;
  hoverCards: number;
  skipSync: boolean;
}

/** The bench's options from its command line, or a CliError naming the one that is wrong. */
export function benchOptions(args: readonly string[]): BenchOptions {
  const { values } = parseCli(BENCH_CLI, args);
  const dictionaries = (values.dict ?? 'shipped,1000,100000').split(',').map((d): Dictionary => (d.trim() === 'shipped' ? 'shipped' : intOption(d.trim(), 'dict', 0)));
  const known = [...HEAVY_PAGES, SYNTHETIC_PAGE];
  const pages = values.pages?.split(',').map((p) => p.trim());
  const unknown = pages?.find((p) => !known.includes(p));
  if (unknown !== undefined) throw new CliError(`unknown page "${unknown}" for --pages: choose from ${known.join(', ')}`, 2);
  return { runs: intOption(values.runs, 'runs', 5), dictionaries, pages, hoverCards: intOption(values.hover, 'hover', 30, 0), skipSync: values['skip-sync'] === true };
}

export async function main(args: readonly string[]): Promise<number> {
  const { runs, dictionaries, pages, hoverCards, skipSync } = benchOptions(args);
  checkLaunchable('chromium');
  const log = (line: string) => console.log(line);

  const started = new Date();
  console.log(`Dramatis bench: ${runs} runs per figure, dictionaries ${dictionaries.join(', ')} names (half Arabic script)`);
  const { rows: pageRows, hover } = await runPageBench({ runs, dictionaries, pages, hoverCards, log });

  const fmt = (n: number | null | undefined, unit = '') => (n === null || n === undefined ? '—' : `${n}${unit}`);
  console.log('\npage                 chars   dict    method       median     ×floor  longest task  +heap');
  for (const r of pageRows) {
    console.log(
      `${r.page.padEnd(18)} ${String(r.textChars).padStart(8)} ${String(r.dictionary || '').padStart(6)}  ${r.method.padEnd(11)} ${fmt(round(r.medianMs), ' ms').padStart(10)} ${fmt(round(r.ratioToFloor, 2)).padStart(8)} ${fmt(round(r.longestTaskMs), ' ms').padStart(12)}  ${r.addedHeapMB === undefined ? '' : fmt(round(r.addedHeapMB, 2), ' MB')}`,
    );
  }

  if (hover.length > 0) {
    console.log('\nhover to card painted   dict      cards   median      p95    first card   our work: median    p95');
    for (const r of hover) {
      console.log(`${r.page.padEnd(22)} ${String(r.dictionary).padStart(7)}  ${String(r.cards).padStart(6)} ${fmt(round(r.medianMs), ' ms').padStart(9)} ${fmt(round(r.p95Ms), ' ms').padStart(9)} ${fmt(round(r.firstMs), ' ms').padStart(10)}   ${fmt(round(r.workMedianMs), ' ms').padStart(14)} ${fmt(round(r.workP95Ms), ' ms').padStart(8)}`);
    }
  }

  // The issues' targets, checked on this run's figures.
  const checks: string[] = [];
  const verdict = (ok: boolean) => (ok ? 'MET' : 'MISSED');
  const row = (page: string, method: string, dictionary: Dictionary | 0 = 0) =>
    pageRows.find((r) => r.page === page && r.method === method && r.dictionary === dictionary);
  for (const r of pageRows.filter((x) => x.page === SYNTHETIC_PAGE && x.method === 'dramatis')) {
    const content = row(SYNTHETIC_PAGE, 'content-floor');
    const vsContent = content ? r.medianMs / content.medianMs : Number.NaN;
    checks.push(`(b) on the 1 MB page × ${r.dictionary}: ${round(r.ratioToFloor, 2)}× floor (target ≤ 2×) ${verdict(r.ratioToFloor <= 2)}`);
    if (r.dictionary === 100_000 && content) {
      checks.push(`the whole pipeline on the 1 MB page × 100000: ${round(vsContent, 2)}× the content-script floor (target ≤ 1.5×) ${verdict(vsContent <= 1.5)}`);
    }
  }
  const shippedOnArticles = pageRows.filter((r) => r.method === 'dramatis' && r.dictionary === 'shipped' && r.page !== SYNTHETIC_PAGE);
  if (shippedOnArticles.length > 0) {
    const worst = shippedOnArticles.reduce((a, b) => (b.ratioToFloor > a.ratioToFloor ? b : a));
    checks.push(`shipped dataset on the article pages: worst ${round(worst.ratioToFloor, 2)}× floor (${worst.page}; target ≤ 2×) ${verdict(worst.ratioToFloor <= 2)}`);
  }
  for (const r of hover) {
    checks.push(r.cards === 0
      ? `hover to card painted × ${r.dictionary}: no card opened (target ≤ 16 ms) MISSED`
      : `hover to card painted × ${r.dictionary}: p95 ${round(r.p95Ms)} ms (target ≤ 16 ms) ${verdict(r.p95Ms <= 16)}; of it our work p95 ${round(r.workP95Ms)} ms, the rest the wait for a frame`);
  }
  const dramatis = pageRows.filter((r) => r.method === 'dramatis');
  const worstTask = Math.max(...dramatis.map((r) => r.longestTaskMs ?? 0));
  checks.push(`longest main-thread task in Dramatis's scans: ${round(worstTask)} ms (target ≤ 50 ms) ${verdict(worstTask <= 50)}`);
  const worstHeap = Math.max(...dramatis.map((r) => r.addedHeapMB ?? 0));
  checks.push(`largest heap the content script added to a tab: ${round(worstHeap, 2)} MB (target < 3 MB) ${verdict(worstHeap < 3)}`);

  let syncRows: SyncRow[] = [];
  const syncBench = join(ROOT, 'scripts', 'bench', 'sync-apply-bench.ts');
  if (!skipSync && existsSync(syncBench)) {
    const { benchSyncApply } = (await import(syncBench)) as { benchSyncApply: () => Promise<SyncRow[]> };
    syncRows = await benchSyncApply();
    console.log('\nsync                                           median      target');
    for (const r of syncRows) console.log(`${r.name.padEnd(46)} ${fmt(round(r.medianMs), ' ms').padStart(10)}  ${r.target ?? ''} ${r.note ?? ''}`);
    for (const r of syncRows) {
      if (r.targetMs !== undefined) checks.push(`${r.name}: ${round(r.medianMs)} ms (target ≤ ${r.targetMs} ms) ${verdict(r.medianMs <= r.targetMs)}`);
    }
  }

  console.log('\nTargets:');
  for (const c of checks) console.log(`  ${c}`);

  const dir = join(ROOT, 'bench-results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `bench-${started.toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify({ started: started.toISOString(), runs, dictionaries, pages: pageRows, hover, sync: syncRows, checks }, null, 2));
  console.log(`\nFigures written to ${file}`);
  return 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await runCli('npm run bench', () => main(process.argv.slice(2)));
