/**
 * A chunk's answer (the background's scanText): its mentions in compact form and the brief of each entity named,
 * flagged where a later licence can change what counts.
 */
import type { EntityBrief } from '../dataset/entity-brief.ts';
import type { CompactScanResult, Matcher } from './name-matcher.ts';

export interface ScanAnswer extends CompactScanResult {
  /** `briefs[i]` is that of `entityIds[i]`; null when the dataset no longer has it. */
  briefs: Array<EntityBrief | null>;
}

/** The mentions `matcher` finds in `text`, given the ids licensed in the document so far. */
export function findInChunk(matcher: Matcher, text: string, licensed: readonly string[]): CompactScanResult {
  return matcher.scanCompact(text, new Set(licensed));
}

/**
 * The answer for a chunk, from what was found and the briefs of its entities. A page must scan again where a
 * licence found later can change what counts: an entity with ambiguous aliases, and one that another alias's
 * page context names (licensedBy), which only the matcher knows; the brief says so with `ambiguous`.
 */
export function answerOf(matcher: Matcher, found: CompactScanResult, briefs: ReadonlyArray<EntityBrief | null>): ScanAnswer {
  return {
    ...found,
    briefs: briefs.map((b, i) => (b && !b.ambiguous && matcher.licensesOthers(found.entityIds[i]!) ? { ...b, ambiguous: true } : b)),
  };
}
