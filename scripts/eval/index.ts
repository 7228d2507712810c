/**
 * `npm run eval [-- --docs ar-01,en-03] [--no-build]`: how well Dramatis finds the right entities on real news
 * pages nobody here wrote. Uses the hand-annotated set beside the clone (`../shared/eval-dev`: pages, gold and
 * scorer, read in place and never copied into this repository): builds the extension, loads each page in headless
 * Chromium, records `getPageMentions`, maps dataset ids to the set's ids (id-map.ts), writes predictions.json,
 * runs the set's scorer and prints its table, and writes the scores as JSON to test-artifacts/eval/.
 * A development tool, not part of `npm test`. Without the set it says so in one line and exits 0.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { DatasetPack } from '../../src/core/dataset-schema.ts';
import { ROOT } from '../build.ts';
import { mapEntityIds, type SetEntity } from './id-map.ts';
import { OptionError, USAGE, parseEvalOptions, type EvalOptions } from './options.ts';

/** The set beside the clone; DRAMATIS_EVAL_DIR points elsewhere (the tests use it to check a missing set). */
const SET_DIR = resolve(process.env.DRAMATIS_EVAL_DIR ?? join(ROOT, '..', 'shared', 'eval-dev'));
const OUT_DIR = join(ROOT, 'test-artifacts', 'eval');

interface Manifest { documents: Array<{ doc_id: string; lang: string; negative: boolean }> }

async function main(options: EvalOptions): Promise<number> {
  if (options.help) {
    console.log(`usage: ${USAGE}`);
    return 0;
  }
  if (!existsSync(join(SET_DIR, 'manifest.json'))) {
    console.log(`npm run eval: no evaluation set at ${SET_DIR}; nothing to do.`);
    return 0;
  }
  const manifest = JSON.parse(readFileSync(join(SET_DIR, 'manifest.json'), 'utf8')) as Manifest;
  const known = manifest.documents.map((d) => d.doc_id);
  const unknown = (options.docs ?? []).filter((d) => !known.includes(d));
  if (unknown.length > 0) {
    console.error(`npm run eval: no document ${unknown.join(', ')} in the set (it has ${known.join(', ')})`);
    return 2;
  }
  const docs = options.docs ?? known;

  if (options.build) {
    const built = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (built.status !== 0) {
      console.error('npm run eval: the build failed (see above)');
      return 1;
    }
  }
  const pack = JSON.parse(readFileSync(join(ROOT, 'generated', 'pack.json'), 'utf8')) as DatasetPack;
  const setEntities = (JSON.parse(readFileSync(join(SET_DIR, 'entities.json'), 'utf8')) as { entities: SetEntity[] }).entities;
  const ids = mapEntityIds(pack.entities, setEntities);
  if (ids.unmatchedSet.length > 0) console.log(`note: no dataset entity for the set's ${ids.unmatchedSet.join(', ')}`);

  const { mentionsOfPages } = await import('./run-pages.ts');
  console.log(`Loading ${docs.length} page(s) of ${SET_DIR} in headless Chromium…`);
  const found = await mentionsOfPages(SET_DIR, docs, (line) => console.log(line));

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
  const args = [join(SET_DIR, 'score.py'), predictionsFile, '--json', scoreFile, ...(options.docs ? ['--docs', docs.join(',')] : [])];
  console.log('');
  const scored = spawnSync('python3', args, { cwd: SET_DIR, stdio: 'inherit' });
  if (scored.status !== 0) {
    console.error(`npm run eval: the scorer failed (python3 ${args.join(' ')})`);
    return 1;
  }
  console.log(`\npredictions: ${predictionsFile}\nscores (JSON): ${scoreFile}`);
  return 0;
}

let options: EvalOptions;
try {
  options = parseEvalOptions(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof OptionError)) throw error;
  console.error(`npm run eval: ${error.message}`);
  process.exit(2);
}
process.exitCode = await main(options);
