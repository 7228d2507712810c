/**
 * The tests' own layout, checked so it doesn't decay (as conventions.test.ts checks src/):
 *
 * - tests/browser holds suites (`<area>-suite.ts`) and entry files (`<area>-<browser>.test.ts`), nothing else:
 *   drivers, probes, pages and helpers live in tests/support, where every suite finds them;
 * - every area runs in both browsers: an entry for Chromium has one for Firefox, and the other way round;
 * - a suite imports no other suite (what two suites share belongs in tests/support).
 *
 * Each rule is a pure function of file names and texts, run on tests/browser and on made-up files that break it.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT } from '../../scripts/build.ts';

const BROWSERS = ['chromium', 'firefox'] as const;
const SUITE = /^[a-z][a-z0-9-]*-suite\.ts$/;
const ENTRY = /^([a-z][a-z0-9-]*)-(chromium|firefox)\.test\.ts$/;

/** Files of tests/browser that are neither a suite nor an entry file named for its area and browser. */
function strayFiles(names: readonly string[]): string[] {
  return names.filter((n) => !SUITE.test(n) && !ENTRY.test(n));
}

/** Entry files whose area has no entry for the other browser, as `area-browser` missing. */
function missingBrowsers(names: readonly string[]): string[] {
  const entries = new Set(names.filter((n) => ENTRY.test(n)));
  const missing: string[] = [];
  for (const name of entries) {
    const [, area] = ENTRY.exec(name)!;
    for (const browser of BROWSERS) if (!entries.has(`${area}-${browser}.test.ts`)) missing.push(`${area}-${browser}`);
  }
  return [...new Set(missing)].sort();
}

/** Suites that import another suite (static or dynamic), as `importer → imported`. */
function suiteImports(files: ReadonlyMap<string, string>): string[] {
  const found: string[] = [];
  for (const [name, text] of files) {
    if (!SUITE.test(name)) continue;
    for (const m of text.matchAll(/(?:from|import\()\s*['"]\.\/([^'"]+-suite\.ts)['"]/g)) found.push(`${name} → ${m[1]}`);
  }
  return found;
}

function browserTests(): Map<string, string> {
  const dir = join(ROOT, 'tests', 'browser');
  return new Map(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name), 'utf8')]));
}

test('tests/browser holds only suites and <area>-<browser>.test.ts entry files', () => {
  // Arrange
  const names = [...browserTests().keys()];

  // Act
  const stray = strayFiles(names);

  // Assert
  assert.ok(names.some((n) => ENTRY.test(n)), 'tests/browser has entry files');
  assert.deepEqual(stray, [], 'move these to tests/support (a helper) or name them <area>-<browser>.test.ts');
});

test('every area of the browser tests runs in Chromium and in Firefox', () => {
  assert.deepEqual(missingBrowsers([...browserTests().keys()]), []);
});

test('no suite imports another suite', () => {
  assert.deepEqual(suiteImports(browserTests()), [], 'put what suites share in tests/support');
});

test('the layout rules catch what breaks them', () => {
  // Arrange: made-up file names and texts.
  const names = ['card-suite.ts', 'card-chromium.test.ts', 'chromium.test.ts', 'page-driver.ts', 'sync-firefox.test.ts', 'Card-firefox.test.ts'];
  const files = new Map([
    ['card-suite.ts', "import { waitForHighlightText } from './page-scan-suite.ts';\nconst later = import('./sync-suite.ts');"],
    ['page-scan-suite.ts', "import { launchForTests } from '../support/drivers/page-driver.ts';"],
  ]);

  // Act
  const stray = strayFiles(names);
  const missing = missingBrowsers(names);
  const imports = suiteImports(files);

  // Assert
  assert.deepEqual(stray, ['chromium.test.ts', 'page-driver.ts', 'Card-firefox.test.ts']);
  assert.deepEqual(missing, ['card-firefox', 'sync-chromium']);
  assert.deepEqual(imports, ['card-suite.ts → page-scan-suite.ts', 'card-suite.ts → sync-suite.ts']);
});
