/**
 * The matcher for the stored dataset. Matching runs here, in the background, not in each page: a content script
 * would otherwise hold its own copy of the automaton (megabytes for a large dictionary) in every open tab. The
 * worker may be killed at any time, so this cache is only a memo of what IndexedDB holds: the compiled form is
 * stored beside the dataset and loaded in milliseconds on the next wake.
 *
 * After a patch the stored matcher is one version behind (a patch commits in milliseconds; recompiling 100,000
 * names takes a few hundred). The first caller then rebuilds it from one consistent read of the rows and stores
 * it, and every caller in the meantime awaits that one rebuild: scans wait a moment rather than use stale names.
 * The sync warms it right after a patch, before telling tabs to rescan.
 *
 * Which version is stored is memoised too (`storedVersion`), so a scan of a page's chunks costs no IndexedDB
 * read when the matcher is in memory: forgotten whenever a dataset install rewrites DATASET_STAMP_KEY, and on
 * every wake (module state).
 */
import type { DatasetPack } from '../core/dataset-schema.ts';
import { buildMatcher, loadMatcher, serializeMatcher, type Matcher } from '../core/name-matcher.ts';
import { browser } from '../shared/browser.ts';
import { DATASET_STAMP_KEY, type DatasetInfo } from '../shared/messages.ts';
import { ensureDataset } from './bundled-pack.ts';
import { getMeta, openDatabase } from './db.ts';
import { allBucketsIn } from './entity-buckets.ts';

let cached: { version: number; matcher: Matcher } | undefined;
let loading: { version: number; promise: Promise<Matcher> } | undefined;
/** The version ensureDataset last reported stored, until an install announces another. */
let storedVersion: number | undefined;
/** Bumped by each announced install: a read begun before one must not set `storedVersion` after it. */
let installs = 0;

browser.storage.onChanged.addListener((changes, area) => {
  if (area !== 'local' || !(DATASET_STAMP_KEY in changes)) return;
  storedVersion = undefined;
  installs++;
});

/** The matcher of the stored dataset, and that dataset's version. */
export async function currentMatcher(): Promise<{ version: number; matcher: Matcher }> {
  if (cached !== undefined && cached.version === storedVersion) return cached;
  const before = installs;
  const info = await ensureDataset();
  if (before === installs) storedVersion = info.version;
  return { version: info.version, matcher: await matcherFor(info.version) };
}

/** The matcher of dataset `version` (the stored one), loaded or rebuilt once however many ask. */
export function matcherFor(version: number): Promise<Matcher> {
  if (cached?.version === version) return Promise.resolve(cached.matcher);
  if (loading?.version === version) return loading.promise;
  const promise = load(version).finally(() => {
    if (loading?.promise === promise) loading = undefined;
  });
  loading = { version, promise };
  return promise;
}

async function load(version: number): Promise<Matcher> {
  const db = await openDatabase();
  const stored = await getMeta(db, 'matcher');
  if (stored && stored.version === version) {
    try {
      const matcher = loadMatcher(stored.data);
      cached = { version, matcher };
      return matcher;
    } catch {
      // Compiled by an older build whose folding differs (loadMatcher checks FOLD_VERSION): rebuild below.
    }
  }
  // One read transaction: the rows and the version they are.
  const tx = db.transaction(['entityBuckets', 'meta']);
  const [entities, exclusions, info] = await Promise.all([
    allBucketsIn(tx),
    tx.objectStore('meta').get('exclusions') as Promise<DatasetPack['exclusions'] | undefined>,
    tx.objectStore('meta').get('dataset') as Promise<DatasetInfo | undefined>,
  ]);
  await tx.done;
  const matcher = buildMatcher({ entities, exclusions: exclusions ?? [] });
  const builtFor = info?.version ?? version;
  cached = { version: builtFor, matcher };
  // Store it for the next wake, unless the dataset moved on while we compiled.
  const write = db.transaction('meta', 'readwrite');
  const now = (await write.store.get('dataset')) as DatasetInfo | undefined;
  if (now?.version === builtFor) await write.store.put({ version: builtFor, data: serializeMatcher(matcher) }, 'matcher');
  await write.done;
  return matcher;
}
