/**
 * The matcher for the stored dataset. Matching runs here, in the background, not in each page: a content script
 * would otherwise hold its own copy of the automaton (megabytes for a large dictionary) in every open tab. The
 * worker may be killed at any time, so this cache is only a memo of what IndexedDB holds: the compiled form is
 * stored beside the dataset and loaded in milliseconds on the next wake.
 */
import { buildMatcher, loadMatcher, type Matcher } from '../core/name-matcher.ts';
import { ensureDataset } from './bundled-pack.ts';
import { getMeta, openDatabase } from './db.ts';

let cached: { version: number; matcher: Matcher } | undefined;

export async function currentMatcher(): Promise<Matcher> {
  const info = await ensureDataset();
  if (cached?.version === info.version) return cached.matcher;
  const db = await openDatabase();
  const stored = await getMeta(db, 'matcher');
  let matcher: Matcher | undefined;
  if (stored && stored.version === info.version) {
    try {
      matcher = loadMatcher(stored.data);
    } catch {
      // Compiled by an older build whose folding differs (loadMatcher checks FOLD_VERSION): rebuild below.
    }
  }
  if (!matcher) {
    const [entities, exclusions] = await Promise.all([db.getAll('entities'), getMeta(db, 'exclusions')]);
    matcher = buildMatcher({ entities, exclusions: exclusions ?? [] });
  }
  cached = { version: info.version, matcher };
  return matcher;
}
