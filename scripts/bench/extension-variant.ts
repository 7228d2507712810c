/**
 * A copy of the Chrome test build (which writes the content script's `dramatis:*` timings the bench reads; a
 * normal build writes none) that ships another dataset (the bench's synthetic dictionaries).
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatasetPack } from '../../src/core/dataset/dataset-schema.ts';
import { sharedTestBuild } from '../../tests/support/test-build.ts';

export interface ExtensionVariant {
  path: string;
  remove(): void;
}

export async function extensionWithPack(pack: DatasetPack): Promise<ExtensionVariant> {
  const build = await sharedTestBuild();
  const path = mkdtempSync(join(tmpdir(), 'dramatis-bench-ext-'));
  cpSync(build.path('chrome'), path, { recursive: true });
  writeFileSync(join(path, 'pack.json'), JSON.stringify(pack));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}
