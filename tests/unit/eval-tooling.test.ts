/**
 * `npm run eval`'s own logic, on data written here: mapping dataset ids to an evaluation set's ids, its options,
 * and a clone without the set beside it (its mistakes on the command line are in cli-errors.test.ts). The set
 * itself is never read here.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT } from '../../scripts/build.ts';
import { mapEntityIds } from '../../scripts/eval/id-map.ts';
import { evalOptions } from '../../scripts/eval/index.ts';

const entity = (id: string, en: string, ar: string, aliases: string[] = []) => ({
  id, name: { en, ar }, aliases: [en, ar, ...aliases].map((text) => ({ text, lang: 'en' as const })),
});

test('maps dataset entities to the set by display name, gloss or alias, folded as the matcher folds', () => {
  // Arrange
  const dataset = [
    entity('guard-corps', 'Islamic Revolutionary Guard Corps', 'الحرس الثوري الإيراني', ['IRGC']),
    entity('capital', 'Washington, D.C.', 'واشنطن'),
    entity('kabul-gov', 'Government of Afghanistan', 'حكومة أفغانستان'),
    entity('leader', 'Bashar al-Assad', 'بشار الأسد'),
  ];
  const set = [
    { id: 'irgc', name_en: 'Islamic Revolutionary Guard Corps (IRGC)', name_ar: 'الحرس الثوري' },
    { id: 'washington', name_en: 'Washington (D.C.; metonym for the US government)', name_ar: 'واشنطن' },
    { id: 'assad', name_en: 'Bashar al-Asad', name_ar: 'بشار الاسد' },
    { id: 'nobody', name_en: 'Somebody Else', name_ar: 'شخص آخر' },
  ];
  // Act
  const map = mapEntityIds(dataset, set);
  // Assert
  assert.deepEqual(Object.fromEntries(map.toSet), { 'guard-corps': 'irgc', capital: 'washington', leader: 'assad' });
  assert.deepEqual(map.unmatchedSet, ['nobody']);
  assert.deepEqual(map.outOfSet, ['kabul-gov']);
});

test('options: --docs in both forms and --no-build', () => {
  assert.deepEqual(evalOptions([]), { docs: undefined, build: true });
  assert.deepEqual(evalOptions(['--docs', 'ar-01,en-03', '--no-build']), { docs: ['ar-01', 'en-03'], build: false });
  assert.deepEqual(evalOptions(['--docs=en-03']).docs, ['en-03']);
});

test('npm run eval without the set beside the clone says so in one line and exits 0', () => {
  const env = { ...process.env, DRAMATIS_EVAL_DIR: join(ROOT, 'no-such-eval-set') };
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'eval', 'index.ts')], { cwd: ROOT, encoding: 'utf8', env });
  assert.equal(run.status, 0);
  assert.equal(run.stderr, '');
  assert.equal(run.stdout.trim().split('\n').length, 1, run.stdout);
  assert.match(run.stdout, /no evaluation set at .*no-such-eval-set/);
});
