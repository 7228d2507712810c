/**
 * The matcher a tab may use itself. Matching runs in the background for large datasets (no tab should hold a
 * 100,000-name automaton), but a small one compiles to a few kilobytes, and then the round trip of each chunk to
 * the background is most of a scan's cost on an article. The background publishes such a matcher in
 * storage.local under TAB_MATCHER_KEY (storage-keys.ts; src/background/tab-matcher-publish.ts), with the brief of every entity;
 * a content script uses it when it belongs to the dataset the stamp announces (src/content/scan-client.ts), and
 * asks the background otherwise. Either way the same matcher code and scan-answer.ts apply the rules.
 *
 * What this exposes: the dataset's names and types to content scripts, which could already learn both by
 * asking scanText about any text. Pages can't read extension storage.
 */
import type { EntityBrief } from '../core/entity-brief.ts';


/**
 * Largest dataset handed to tabs: past this many entities (or TAB_MATCHER_MAX_CHARS of compiled matcher), tabs
 * ask the background. At 1,000 synthetic entities the compiled form is ~130 K characters and adds well under
 * the 3 MB a tab may gain (`npm run bench`, row "× 1000"); the round trip it saves is the same at any size.
 */
export const TAB_MATCHER_MAX_ENTITIES = 2_000;
export const TAB_MATCHER_MAX_CHARS = 400_000;

export interface TabMatcherRecord {
  /** The dataset version it matches, and the `at` of the stamp announcing it (a reinstall of one version differs). */
  version: number;
  stampAt: number;
  /** SerializedMatcher and SerializedOverlay (or null) in wire form (src/core/matcher-wire.ts). */
  matcher: unknown;
  overlay: unknown;
  /** Every entity's brief, by id. */
  briefs: Record<string, EntityBrief>;
}
