/** A copy of the built Chrome extension that ships another dataset (the bench's synthetic dictionaries). */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatasetPack } from '../../src/core/dataset-schema.ts';
import { distDir } from '../build.ts';

export interface ExtensionVariant {
  path: string;
  remove(): void;
}

export function extensionWithPack(pack: DatasetPack): ExtensionVariant {
  const path = mkdtempSync(join(tmpdir(), 'dramatis-bench-ext-'));
  cpSync(distDir('chrome'), path, { recursive: true });
  writeFileSync(join(path, 'pack.json'), JSON.stringify(pack));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}
