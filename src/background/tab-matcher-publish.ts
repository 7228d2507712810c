/**
 * Publishes the compiled matcher for tabs to use themselves when the dataset is small (src/shared/tab-matcher.ts
 * says why and what is exposed), and withdraws it when the dataset is large. A record names the dataset stamp it
 * was made for, so a tab never matches with another dataset's names: it is written after the stamp (a tab that
 * rescans on the new stamp before the record follows asks the background, once), and only for the stored version.
 */
import { briefOf, type EntityBrief } from '../core/entity-brief.ts';
import { toWire } from '../core/matcher-wire.ts';
import { serializeMatcher, serializeOverlay, type Matcher } from '../core/name-matcher.ts';
import { browser } from '../shared/browser.ts';
import { DATASET_STAMP_KEY, TAB_MATCHER_KEY } from '../shared/storage-keys.ts';
import { TAB_MATCHER_MAX_CHARS, TAB_MATCHER_MAX_ENTITIES, type TabMatcherRecord } from '../shared/tab-matcher.ts';
import { openDatabase } from './db.ts';
import { allBucketsIn } from './entity-buckets.ts';

let publishing: Promise<void> = Promise.resolve();

/** Publishes (or withdraws) the tab matcher for `version`'s matcher; one at a time, in call order. */
export function publishTabMatcher(version: number, matcher: Matcher): Promise<void> {
  publishing = publishing.then(() => publish(version, matcher)).catch((err: unknown) => {
    console.warn('Dramatis: publishing the matcher for tabs failed; tabs ask the background instead:', err);
  });
  return publishing;
}

async function publish(version: number, matcher: Matcher): Promise<void> {
  const got = await browser.storage.local.get([DATASET_STAMP_KEY, TAB_MATCHER_KEY]);
  const stamp = got[DATASET_STAMP_KEY] as { version?: unknown; at?: unknown } | undefined;
  const record = got[TAB_MATCHER_KEY] as Partial<TabMatcherRecord> | undefined;
  // Not announced yet: the install's own publish follows its stamp.
  if (stamp?.version !== version || typeof stamp.at !== 'number') return;
  if (record?.version === version && record.stampAt === stamp.at) return;
  const base = serializeMatcher(matcher);
  const overlay = serializeOverlay(matcher);
  const wire = base.entityIds.length <= TAB_MATCHER_MAX_ENTITIES ? { matcher: toWire(base), overlay: overlay ? toWire(overlay) : null } : null;
  if (!wire || JSON.stringify(wire).length > TAB_MATCHER_MAX_CHARS) {
    if (record) await browser.storage.local.remove(TAB_MATCHER_KEY);
    return;
  }
  const tx = (await openDatabase()).transaction('entityBuckets');
  const entities = await allBucketsIn(tx);
  await tx.done;
  const briefs: Record<string, EntityBrief> = {};
  for (const e of entities) briefs[e.id] = briefOf(e);
  const next: TabMatcherRecord = { version, stampAt: stamp.at, ...wire, briefs };
  // The stored dataset may have moved on while its rows were read: then the next publish is its.
  const now = (await browser.storage.local.get(DATASET_STAMP_KEY))[DATASET_STAMP_KEY] as { at?: unknown } | undefined;
  if (now?.at === stamp.at) await browser.storage.local.set({ [TAB_MATCHER_KEY]: next });
}
