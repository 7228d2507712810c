/**
 * The matcher for the stored dataset. Matching runs here, in the background, not in each page: a content script
 * would otherwise hold its own copy of the automaton (megabytes for a large dictionary) in every open tab. The
 * worker may be killed at any time, so this cache is only a memo of what IndexedDB holds: the compiled form is
 * stored beside the dataset and loaded in milliseconds on the next wake.
 *
 * What is stored is a base and, after patches, an update overlay (src/core/matching/matcher-overlay.ts): the base is
 * the matcher of an older version, the overlay compiles just the entities changed since, and both together find what
 * a matcher of the whole current dataset finds. A patch writes its overlay in the transaction that writes its
 * rows (install-update.ts), so the stored matcher is never behind the stored rows and an update is live in
 * milliseconds; compiling 100,000 names again takes hundreds. A new base is compiled later, off the scan's path:
 * a while after a patch, or when the overlay has grown past OVERLAY_MAX_ENTITIES. A stored matcher that doesn't
 * fit (another build's fold, a base the overlay wasn't built over, a dataset that moved on) is compiled again
 * from one consistent read of the rows; every caller meanwhile awaits that one build.
 *
 * Which version is stored is memoised too (`storedVersion`), so a scan of a page's chunks costs no IndexedDB
 * read when the matcher is in memory: forgotten whenever a dataset install rewrites DATASET_STAMP_KEY, and on
 * every wake (module state).
 */
import type { DatasetPack } from '../../core/dataset/dataset-schema.ts';
import type { DatasetPatch } from '../../core/feed/feed-patch.ts';
import { OVERLAY_MAX_ENTITIES, type SerializedOverlay } from '../../core/matching/matcher-overlay.ts';
import {
  buildMatcher, changedSinceBase, loadMatcher, serializeMatcher, serializeOverlay, updateMatcher, type Matcher,
} from '../../core/matching/name-matcher.ts';
import { browser } from '../../shared/browser.ts';
import type { DatasetInfo } from '../../shared/api/messages.ts';
import { DATASET_STAMP_KEY } from '../../shared/storage-keys.ts';
import { ensureDataset } from './bundled-pack.ts';
import { getMeta, openDatabase, type Database, type MetaRecords } from './db.ts';
import { allBucketsIn, BUCKET_STORE } from './entity-buckets.ts';

interface Cached {
  version: number;
  matcher: Matcher;
  /** The version the matcher's base was compiled from (its own version when it has no overlay). */
  baseVersion: number;
}

let cached: Cached | undefined;
let loading: { version: number; promise: Promise<Matcher> } | undefined;
/** The version ensureDataset last reported stored, until an install announces another. */
let storedVersion: number | undefined;
/** Bumped by each announced install: a read begun before one must not set `storedVersion` after it. */
let installs = 0;
/** How long after a patch the base is compiled anew (the overlay serves meanwhile, as fast). */
const COMPACT_AFTER_MS = 60_000;
let compactTimer: ReturnType<typeof setTimeout> | undefined;

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

/** The matcher of dataset `version` (the stored one), loaded or compiled once however many ask. */
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
  const [base, overlay] = await Promise.all([getMeta(db, 'matcher'), getMeta(db, 'matcherOverlay')]);
  const stored = storedMatcher(version, base, overlay);
  if (stored) {
    cached = { version, ...stored };
    if (stored.baseVersion !== version) compactSoon();
    return stored.matcher;
  }
  return compile(db, version);
}

/** The stored matcher of `version`, if what is stored fits together and this build can read it. */
function storedMatcher(
  version: number, base: MetaRecords['matcher'] | undefined, overlay: MetaRecords['matcherOverlay'] | undefined,
): { matcher: Matcher; baseVersion: number } | undefined {
  try {
    if (base?.version === version) return { matcher: loadMatcher(base.data), baseVersion: version };
    if (base && overlay?.version === version && overlay.baseVersion === base.version) {
      return { matcher: loadMatcher(base.data, overlay.data), baseVersion: base.version };
    }
  } catch {
    // Compiled by an older build whose folding differs, or an overlay over another base: compile again.
  }
  return undefined;
}

/** Compiles the stored dataset from one read of its rows and stores it as the base, unless it moved on. */
async function compile(db: Database, version: number): Promise<Matcher> {
  const tx = db.transaction([BUCKET_STORE, 'meta']);
  const [entities, exclusions, info] = await Promise.all([
    allBucketsIn(tx),
    tx.objectStore('meta').get('exclusions') as Promise<DatasetPack['exclusions'] | undefined>,
    tx.objectStore('meta').get('dataset') as Promise<DatasetInfo | undefined>,
  ]);
  await tx.done;
  const matcher = buildMatcher({ entities, exclusions: exclusions ?? [] });
  const builtFor = info?.version ?? version;
  cached = { version: builtFor, matcher, baseVersion: builtFor };
  const write = db.transaction('meta', 'readwrite');
  const now = (await write.store.get('dataset')) as DatasetInfo | undefined;
  if (now?.version === builtFor) {
    await write.store.put({ version: builtFor, data: serializeMatcher(matcher) }, 'matcher');
    await write.store.delete('matcherOverlay');
  }
  await write.done;
  return matcher;
}

/** A patch's matcher, compiled before its rows are written, and the overlay record stored with them. */
export interface PatchedMatcher {
  matcher: Matcher;
  record: MetaRecords['matcherOverlay'];
  baseVersion: number;
}

/**
 * The matcher of dataset `patch.to`, as the matcher of `patch.from` plus an overlay of what changed since its
 * base (the overlay carries the records earlier patches put, so nothing is read): undefined when the patch
 * replaces the exclusions or the overlay would grow past OVERLAY_MAX_ENTITIES (the matcher is then compiled
 * whole after the patch, see `matcherFor`).
 */
export async function matcherAfterPatch(patch: DatasetPatch): Promise<PatchedMatcher | undefined> {
  if (patch.exclusions) return undefined;
  const from = await matcherFor(patch.from);
  const baseVersion = cached?.matcher === from ? cached.baseVersion : patch.from;
  const changed = [...patch.entities.delete, ...patch.entities.put.map((e) => e.id)];
  if (new Set([...changedSinceBase(from), ...changed]).size > OVERLAY_MAX_ENTITIES) return undefined;
  const matcher = updateMatcher(from, changed, patch.entities.put);
  const data = serializeOverlay(matcher) as SerializedOverlay;
  return { matcher, baseVersion, record: { version: patch.to, baseVersion, data } };
}

/** After a patch whose rows and overlay are stored: the patched matcher serves at once. */
export function usePatchedMatcher(version: number, patched: PatchedMatcher): void {
  cached = { version, matcher: patched.matcher, baseVersion: patched.baseVersion };
  compactSoon();
}

/** Compiles a new base a while from now, unless the worker is gone by then (the next wake's load schedules it). */
function compactSoon(): void {
  if (compactTimer !== undefined) return;
  compactTimer = setTimeout(() => {
    compactTimer = undefined;
    void compactNow().catch((err: unknown) => console.warn('Dramatis: compiling the matcher anew failed; the overlay still serves:', err));
  }, COMPACT_AFTER_MS);
}

/**
 * Compiles the whole stored dataset into a new base and drops the overlay, if the cached matcher has one. Scans
 * go on with the overlay meanwhile; the new base finds the same names, so open tabs need no rescan.
 */
export async function compactNow(): Promise<void> {
  const before = cached;
  if (!before || before.baseVersion === before.version) return;
  const db = await openDatabase();
  const matcher = await compile(db, before.version);
  if (cached?.version !== before.version) return;
  cached = { version: before.version, matcher, baseVersion: before.version };
}
