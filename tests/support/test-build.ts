/**
 * A test build of the extension (dist-test/<label>-<pid>/<browser>: one per process, since other engineers' test
 * runs may build theirs at the same time), trusting the public key of a key pair generated
 * for this run only (nothing secret is committed), reading its feed URL from storage (see
 * src/background/sync/build-flags.ts), and writing the content script's `dramatis:*` timings to the page's
 * performance timeline (src/content/scan/scan-timing.ts). The production build, dist/, does none of this.
 */
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildAll, ROOT } from '../../scripts/build.ts';
import { trustedKeyOf } from '../../scripts/feed.ts';
import type { Target } from '../../scripts/manifest-for.ts';

export interface TestBuild {
  /** Trusted by the test build. */
  key: KeyObject;
  /** Trusted by nobody. */
  strangerKey: KeyObject;
  path(target: Target): string;
  /** Deletes the build (call when the browsers using it are closed). */
  remove(): void;
}

export interface TestBuildOptions {
  /**
   * Also ask for `scripting` (and, in Chrome, host access to 127.0.0.1, which it requires for it), so a test can
   * run code in a page's content-script world from an extension page, as a compromised renderer could: the
   * sender suite. No build a user installs asks for either.
   */
  probePermissions?: boolean;
}

export async function buildTestExtension(label: string, options: TestBuildOptions = {}): Promise<TestBuild> {
  const key = generateKeyPairSync('ed25519').privateKey;
  const strangerKey = generateKeyPairSync('ed25519').privateKey;
  const dir = join(ROOT, 'dist-test', `${label}-${process.pid}`);
  const path = (target: Target) => join(dir, target);
  await buildAll({
    outDir: path,
    define: { __DRAMATIS_TEST_KEYS__: JSON.stringify([trustedKeyOf(key, 'test run')]), __DRAMATIS_TIMINGS__: 'true' },
  });
  if (options.probePermissions) {
    for (const target of ['chrome', 'firefox'] as const) {
      const file = join(path(target), 'manifest.json');
      const manifest = JSON.parse(readFileSync(file, 'utf8')) as { permissions: string[]; host_permissions?: string[] };
      manifest.permissions.push('scripting');
      if (target === 'chrome') manifest.host_permissions = ['http://127.0.0.1/*'];
      writeFileSync(file, JSON.stringify(manifest, null, 2));
    }
  }
  return { key, strangerKey, path, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

let shared: Promise<TestBuild> | undefined;

/**
 * The test build of this test process, built once and removed when the process exits: for the suites that read
 * the content script's timings (`dramatis:*` measures), which only a test build writes (see
 * src/content/scan/scan-timing.ts).
 */
export function sharedTestBuild(): Promise<TestBuild> {
  if (!shared) {
    shared = buildTestExtension('suite');
    void shared.then((build) => process.once('exit', () => build.remove()));
  }
  return shared;
}
