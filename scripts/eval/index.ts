/**
 * `npm run eval [-- --docs ar-01,en-03] [--no-build]`: how well Dramatis finds the right entities on real news
 * pages nobody here wrote. Uses the hand-annotated set beside the clone (`../shared/eval-dev`: pages, gold and
 * scorer, read in place and never copied into this repository): builds the extension, loads each page in headless
 * Chromium, records `getPageMentions`, maps dataset ids to the set's ids (id-map.ts), writes predictions.json,
 * runs the set's scorer and prints its table, and writes the scores as JSON to test-artifacts/eval/.
 * A development tool, not part of `npm test`. Without the set it says so in one line and exits 0; a mistake on
 * the command line gets one line and a non-zero exit (scripts/cli.ts).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DatasetPack } from '../../src/core/dataset/dataset-schema.ts';
import { checkLaunchable } from '../browsers.ts';
import { ROOT } from '../build.ts';
import { CliError, parseCli, runCli, type CliSpec, type OptionSpec } from '../cli.ts';
import { mapEntityIds, type SetEntity } from './id-map.ts';

const EVAL_CLI = {
  usage: 'npm run eval [-- --docs ar-01,en-03] [--no-build]',
  options: { docs: { type: 'string' }, 'no-build': { type: 'boolean' } },
} as const satisfies CliSpec<Record<string, OptionSpec>>;

export interface EvalOptions {
  /** Only these documents (ids of the set's manifest); all when undefined. */
  docs: string[] | undefined;
  /** Build first (off with --no-build, when dist/ is known to be current). */
  build: boolean;
}

/** The options from the command line, or a CliError naming what is wrong. */
export function evalOptions(args: readonly string[]): EvalOptions {
  const { values } = parseCli(EVAL_CLI, args);
  const docs = values.docs?.split(',').map((d) => d.trim()).filter((d) => d !== '');
  if (docs?.length === 0) throw new CliError(`--docs needs a comma-separated list of document ids, e.g. --docs ar-01,en-03. Usage: ${EVAL_CLI.usage}`, 2);
  return { docs, build: values['no-build'] !== true };
}

/** The set beside the clone; DRAMATIS_EVAL_DIR points elsewhere (the tests use it to check a missing set). */
export function evalSetDir(): string {
  return resolve(process.env.DRAMATIS_EVAL_DIR ?? join(ROOT, '..', 'shared', 'eval-dev'));
}

const OUT_DIR = join(ROOT, 'test-artifacts', 'eval');

interface Manifest { documents: Array<{ doc_id: string; lang: string; negative: boolean }> }

export async function main(args: readonly string[]): Promise<number> {
  const options = evalOptions(args);
  const setDir = evalSetDir();
  if (!existsSync(join(setDir, 'manifest.json'))) {
    console.log(`npm run eval: no evaluation set at ${setDir}; nothing to do.`);
    return 0;
  }
  const manifest = JSON.parse(readFileSync(join(setDir, 'manifest.json'), 'utf8')) as Manifest;
  const known = manifest.documents.map((d) => d.doc_id);
  const unknown = (options.docs ?? []).filter((d) => !known.includes(d));
  if (unknown.length > 0) throw new CliError(`no document ${unknown.join(', ')} in the set (it has ${known.join(', ')})`, 2);
  const docs = options.docs ?? known;

  if (options.build) {
    const built = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (built.status !== 0) throw new CliError('the build failed (see above)');
  }
  checkLaunchable('chromium');
  const pack = JSON.parse(readFileSync(join(ROOT, 'generated', 'pack.json'), 'utf8')) as DatasetPack;
  const setEntities = (JSON.parse(readFileSync(join(setDir, 'entities.json'), 'utf8')) as { entities: SetEntity[] }).entities;
  const ids = mapEntityIds(pack.entities, setEntities);
  if (ids.unmatchedSet.length > 0) console.log(`note: no dataset entity for the set's ${ids.unmatchedSet.join(', ')}`);

  const { mentionsOfPages } = await import('./run-pages.ts');
  console.log(`Loading ${docs.length} page(s) of ${setDir} in headless Chromium…`);
  const found = await mentionsOfPages(setDir, docs, (line) => console.log(line));

  const predictions: Record<string, Array<{ entity: string; surface: string; count: number }>> = {};
  const outOfSet = new Map<string, number>();
  for (const doc of docs) {
    predictions[doc] = [];
    for (const m of found.get(doc) ?? []) {
      const entity = ids.toSet.get(m.entityId);
      if (entity) predictions[doc]!.push({ entity, surface: m.surface, count: m.count });
      else outOfSet.set(m.entityId, (outOfSet.get(m.entityId) ?? 0) + m.count);
    }
  }
  if (outOfSet.size > 0) {
    console.log(`not scored (entities the set does not annotate): ${[...outOfSet].map(([id, n]) => `${id} ×${n}`).join(', ')}`);
  }
  mkdirSync(OUT_DIR, { recursive: true });
  const predictionsFile = join(OUT_DIR, 'predictions.json');
  const scoreFile = join(OUT_DIR, 'score.json');
  writeFileSync(predictionsFile, `${JSON.stringify(predictions, null, 1)}\n`);
  const scorer = [join(setDir, 'score.py'), predictionsFile, '--json', scoreFile, ...(options.docs ? ['--docs', docs.join(',')] : [])];
  console.log('');
  const scored = spawnSync('python3', scorer, { cwd: setDir, stdio: 'inherit' });
  if (scored.status !== 0) throw new CliError(`the scorer failed (python3 ${scorer.join(' ')})`);
  console.log(`\npredictions: ${predictionsFile}\nscores (JSON): ${scoreFile}`);
  return 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await runCli('npm run eval', () => main(process.argv.slice(2)));
