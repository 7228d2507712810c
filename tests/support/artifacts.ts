/** Test artifacts (screenshots) go to test-artifacts/, kept by CI and ignored by git. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DriverPage } from '../../scripts/browsers.ts';
import { ROOT } from '../../scripts/build.ts';

export const ARTIFACTS = join(ROOT, 'test-artifacts');

export function artifactPath(name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return join(ARTIFACTS, name.replace(/[^\w.-]+/g, '_'));
}

/** Runs a test body; when it fails, saves a screenshot of the page before rethrowing. */
export async function screenshotOnFailure(page: DriverPage, name: string, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (err) {
    const path = artifactPath(`FAILED-${name}.png`);
    await page.screenshot(path).catch(() => undefined);
    console.error(`screenshot of the failure: ${path}`);
    throw err;
  }
}
