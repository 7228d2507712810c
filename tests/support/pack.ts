/** The compiled dataset the build bundled, read by tests so expectations follow the data, not copies of it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DatasetPack, Entity } from '../../src/core/dataset/dataset-schema.ts';
import { ROOT } from '../../scripts/build.ts';

export function bundledPack(): DatasetPack {
  return JSON.parse(readFileSync(join(ROOT, 'generated', 'pack.json'), 'utf8')) as DatasetPack;
}

export function entityById(pack: DatasetPack, id: string): Entity {
  const e = pack.entities.find((x) => x.id === id);
  if (!e) throw new Error(`entity ${id} is not in the bundled pack`);
  return e;
}
