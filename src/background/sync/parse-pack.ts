/**
 * The one way a dataset pack from outside the store becomes a pack: bytes → JSON → validatePack, the same for a
 * feed's pack, an imported file and the bundled snapshot, so all three refuse the same things in the same words.
 * Also the one way a validation error is put into words (the first of them is what the Updates tab shows).
 */
import { Value } from '@sinclair/typebox/value';
import { DatasetPack } from '../../core/dataset/dataset-schema.ts';
import { validatePack, type ValidationError } from '../../core/dataset/dataset-validate.ts';
import { parseJson } from './download.ts';
import { FeedError } from './sync-error.ts';
import type { SyncJob } from './sync-job.ts';

/** Where a pack came from: says which error a file that is not JSON is, and what the message calls it. */
export type PackSource = 'feed' | 'import' | 'bundled';

const SOURCES: Record<PackSource, { notJson: 'schema' | 'badFile'; what: string }> = {
  feed: { notJson: 'schema', what: 'The dataset pack' },
  import: { notJson: 'badFile', what: 'The file' },
  bundled: { notJson: 'schema', what: 'The bundled dataset' },
};

/** A validation error in words: `record: path: message` (the record, when the error is inside one). */
export function validationDetail(error: ValidationError): string {
  return `${error.record ? `${error.record}: ` : ''}${error.path}: ${error.message}`;
}

/**
 * Parses and validates `bytes` as a dataset pack; throws a FeedError that says what is wrong: `badFile` (an
 * import) or `schema` (a feed's pack) for a file that is not JSON, `schema` for a pack of the wrong shape,
 * `invalid` for one of the right shape that breaks a rule (a reference dangling, a quote not in its article).
 * `job`, when given, times the two steps as 'parse' and 'validate'.
 */
export async function parsePack(bytes: Uint8Array, source: PackSource, job?: Pick<SyncJob, 'time'>): Promise<DatasetPack> {
  const time = <T>(name: string, work: () => T): Promise<T> | T => (job ? job.time(name, work) : work());
  const { notJson, what } = SOURCES[source];
  const parsed = await time('parse', () => parseJson(bytes, notJson, what));
  const result = await time('validate', () => validatePack(parsed));
  if (result.ok) return result.pack;
  const first = result.errors[0];
  // The schema failing and a reference dangling are told apart for the reader; only a failure pays the check.
  throw new FeedError(Value.Check(DatasetPack, parsed) ? 'invalid' : 'schema', first ? validationDetail(first) : '');
}
