/**
 * `npm run lint`: web-ext lint (Mozilla's addons-linter) on both builds. addons-linter judges every manifest
 * as Firefox would, so for the Chrome build the findings that are by design there (Chrome's keys, no gecko
 * id) are listed as expected and don't fail the run; any other error fails it, in either build.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { distDir, ROOT, TARGETS } from './build.ts';
import type { Target } from './manifest-for.ts';

interface Finding { code: string; message: string; file?: string }
interface Report { errors: Finding[]; warnings: Finding[]; notices: Finding[] }

/** Firefox-only rules that the Chrome build breaks on purpose (see manifest-for.ts). */
const EXPECTED_FOR_CHROME = new Set([
  'BACKGROUND_SERVICE_WORKER_NOFALLBACK',
  'ADDON_ID_REQUIRED',
  'MISSING_DATA_COLLECTION_PERMISSIONS',
  'MANIFEST_PERMISSIONS', // "sidePanel", which Firefox doesn't know
]);

function lint(target: Target): Report {
  const bin = join(ROOT, 'node_modules', '.bin', 'web-ext');
  let out: string;
  try {
    out = execFileSync(bin, ['lint', '--source-dir', distDir(target), '--self-hosted', '--output', 'json'], { encoding: 'utf8' });
  } catch (err) {
    // web-ext exits non-zero when there are errors; the JSON report is still on stdout.
    out = (err as { stdout?: string }).stdout ?? '';
  }
  return JSON.parse(out.slice(out.indexOf('{'))) as Report;
}

let failed = false;
for (const target of TARGETS) {
  const report = lint(target);
  const expected = (f: Finding) => target === 'chrome' && EXPECTED_FOR_CHROME.has(f.code);
  const show = (kind: string, f: Finding) => console.log(`  ${kind} ${f.code} ${f.file ?? ''}: ${f.message}`);
  const errors = report.errors.filter((f) => !expected(f));
  console.log(`dist/${target}: ${errors.length} errors, ${report.warnings.filter((f) => !expected(f)).length} warnings`);
  for (const f of errors) show('error', f);
  for (const f of report.warnings) if (!expected(f)) show('warning', f);
  for (const f of [...report.errors, ...report.warnings]) if (expected(f)) show('expected for Chrome:', f);
  if (errors.length > 0) failed = true;
}
process.exit(failed ? 1 : 0);
