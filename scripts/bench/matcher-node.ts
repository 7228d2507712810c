/**
 * `npx tsx scripts/bench/matcher-node.ts [--runs N]`: the name matcher alone, in Node. Median times to build a
 * matcher, to load it from its structured clone (what the service worker does on wake), and to scan ~1 MB of
 * mixed Arabic/English page text, for synthetic dictionaries of 1,000 and 100,000 names (half Arabic script)
 * and for the real dataset (generated/pack.json, after `npm run data`); then a 10-entity update on 100,000 names
 * through an update overlay, and a scan with that overlay.
 *
 * The text is the visible text of the lead's synthetic 1 MB page, read the way the content script reads it:
 * tags dropped, a block boundary written as BLOCK_SEPARATOR. Each row also prints how many mentions the scan
 * found and a checksum of them, so a change that speeds the scan up but changes its results shows at a glance.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DatasetPack } from '../../src/core/dataset/dataset-schema.ts';
import { buildMatcher, loadMatcher, serializeMatcher, updateMatcher, type Matcher, type ScanResult } from '../../src/core/matching/name-matcher.ts';
import { ROOT } from '../build.ts';
import { intOption, parseCli, runCli } from '../cli.ts';
import { syntheticBigPage, syntheticNames, syntheticPack } from './fixtures.ts';
import { median, round } from './stats.ts';
import { visibleText } from './visible-text.ts';

/** Timings per figure (`--runs`). */
let RUNS = 15;

/** Median and minimum of `runs` timings of `fn`, in ms (the minimum shows the cost without other load). */
function time(fn: () => void, runs: number): { median: number; min: number } {
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return { median: median(times), min: Math.min(...times) };
}

/** FNV-1a over every mention's start, end and entity id: equal checksums, equal results. */
function checksum(r: ScanResult): string {
  let h = 0x811c9dc5;
  const mix = (n: number): void => {
    h = Math.imul(h ^ n, 0x01000193) >>> 0;
  };
  for (const m of r.mentions) {
    mix(m.start);
    mix(m.end);
    for (let i = 0; i < m.entityId.length; i++) mix(m.entityId.charCodeAt(i));
  }
  for (const id of r.licensed) for (let i = 0; i < id.length; i++) mix(id.charCodeAt(i));
  return h.toString(16).padStart(8, '0');
}

interface Row {
  dictionary: string;
  names: number;
  build: number;
  load: number;
  scan: { median: number; min: number };
  compact: { median: number; min: number } | undefined;
  mentions: number;
  sum: string;
  /** Size of the result as JSON (what extension messaging sends), and the time to write it. */
  jsonKB: number;
  jsonMs: number;
  compactJsonKB: number | undefined;
  compactJsonMs: number | undefined;
}

function benchPack(dictionary: string, pack: Pick<DatasetPack, 'entities' | 'exclusions'>, text: string): Row {
  const buildRuns = Math.max(3, Math.min(RUNS, pack.entities.length > 10_000 ? 5 : RUNS));
  let matcher: Matcher = buildMatcher(pack);
  const build = time(() => void (matcher = buildMatcher(pack)), buildRuns).median;
  const stored = structuredClone(serializeMatcher(matcher));
  const load = time(() => void (matcher = loadMatcher(stored)), RUNS).median;
  let result: ScanResult = matcher.scan(text);
  for (let w = 0; w < 5; w++) result = matcher.scan(text); // warm up: let the optimising compiler settle
  const scan = time(() => void (result = matcher.scan(text)), RUNS);
  // scanCompact, the smaller form to send to the content script. Optional, so that this script also measures
  // versions of the matcher from before it existed.
  const m = matcher as Matcher & { scanCompact?: (t: string) => unknown };
  let compact: Row['compact'];
  let compactJsonKB: number | undefined;
  let compactJsonMs: number | undefined;
  if (m.scanCompact) {
    for (let w = 0; w < 5; w++) m.scanCompact(text);
    compact = time(() => void m.scanCompact!(text), RUNS);
    const c = m.scanCompact(text);
    compactJsonKB = JSON.stringify(c).length / 1024;
    compactJsonMs = time(() => void JSON.stringify(c), RUNS).median;
  }
  return {
    dictionary, names: pack.entities.length, build, load, scan, compact, mentions: result.mentions.length,
    sum: checksum(result), jsonKB: JSON.stringify(result).length / 1024,
    jsonMs: time(() => void JSON.stringify(result), RUNS).median, compactJsonKB, compactJsonMs,
  };
}

/**
 * A 10-entity update (5 changed, 5 new) on 100,000 names, patch after patch: the overlay (matcher-overlay.ts)
 * against compiling the whole dataset again, and the scan with the overlay against the scan without.
 */
function benchUpdate(names: string[]): void {
  const pack = syntheticPack(names);
  const base = buildMatcher(pack);
  const text = visibleText(syntheticBigPage(names.slice(0, 1000)));
  let m = base;
  const updates: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const put = [
      ...pack.entities.slice(1000 * (r + 1), 1000 * (r + 1) + 5).map((e) => ({ ...e, description: { ...e.description, en: `edit ${r}` } })),
      ...[0, 1, 2, 3, 4].map((k) => ({ ...pack.entities[0]!, id: `patched-${r}-${k}`, aliases: [{ text: `Patched Person ${r} ${k}`, lang: 'en' as const, full: true }] })),
    ];
    const t0 = performance.now();
    m = updateMatcher(m, put.map((e) => e.id), put);
    updates.push(performance.now() - t0);
  }
  const withOverlay = time(() => void m.scanCompact(text), RUNS);
  const without = time(() => void base.scanCompact(text), RUNS);
  console.log(`
update of 10 entities on 100,000 names, ${RUNS} patches in a row: overlay ${round(median(updates), 2)} ms median (min ${round(Math.min(...updates), 2)})`);
  console.log(`scan of the 1 MB text with the overlay of ${RUNS * 10} changed entities ${ms2(withOverlay)}, without ${ms2(without)}`);
}

const ms2 = (t: { median: number; min: number }): string => `${round(t.median, 2)} ms (min ${round(t.min, 2)})`;

export function main(args: readonly string[]): number {
  const { values } = parseCli({ usage: 'npx tsx scripts/bench/matcher-node.ts [--runs N]', options: { runs: { type: 'string' } } }, args);
  RUNS = intOption(values.runs, 'runs', 15);
  const rows: Row[] = [];
  const names100k = syntheticNames(100_000);
  for (const count of [1_000, 100_000]) {
    const names = names100k.slice(0, count);
    const text = visibleText(syntheticBigPage(names));
    rows.push(benchPack(`synthetic ${count}`, syntheticPack(names), text));
    if (count === 100_000) {
      const packFile = join(ROOT, 'generated', 'pack.json');
      if (existsSync(packFile)) rows.push(benchPack('real dataset', JSON.parse(readFileSync(packFile, 'utf8')) as DatasetPack, text));
      else console.log('generated/pack.json missing: run `npm run data` for the real dataset row');
    }
    console.log(`text for ${count} names: ${text.length} UTF-16 code units`);
  }

  const ms = (t: { median: number; min: number } | undefined): string =>
    t === undefined ? '—' : `${round(t.median, 2)} (${round(t.min, 2)})`;
  const json = (kb: number | undefined, t: number | undefined): string =>
    kb === undefined || t === undefined ? '—' : `${round(kb)} KB ${round(t, 2)} ms`;
  console.log(`\nmedians of ${RUNS} runs (build: ≤ 5 at 100,000 names); scans as median (min); JSON: size, JSON.stringify time`);
  console.log('dictionary          names   build ms  load ms       scan ms   scanCompact ms  mentions  checksum          JSON of scan   JSON of scanCompact');
  for (const r of rows) {
    console.log(`${r.dictionary.padEnd(16)} ${String(r.names).padStart(8)} ${String(round(r.build)).padStart(10)} ${String(round(r.load, 2)).padStart(8)} ${ms(r.scan).padStart(13)} ${ms(r.compact).padStart(16)} ${String(r.mentions).padStart(9)}  ${r.sum} ${json(r.jsonKB, r.jsonMs).padStart(20)} ${json(r.compactJsonKB, r.compactJsonMs).padStart(21)}`);
  }
  benchUpdate(names100k);
  return 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await runCli('matcher-node', () => main(process.argv.slice(2)));
