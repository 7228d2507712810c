/**
 * "Where is this name on the page?": the side panel asks a tab to scroll to an entity's next mention and flash
 * it. Each request goes one mention further (wrapping round), so selecting the same entity again walks through
 * its mentions. The flash is one more CSS highlight (content.css styles `::highlight(dramatis-flash)`): the
 * page's DOM is still untouched.
 */
import type { FoundMention, PageMentionIndex } from './page-mentions.ts';

export const FLASH_HIGHLIGHT = 'dramatis-flash';
/** Long enough to find the name after the jump, short enough not to linger. */
export const FLASH_MS = 1600;

export interface RevealResult {
  found: boolean;
  /** 1-based position of the mention shown among the entity's mentions (0 when none). */
  index: number;
  total: number;
}

function flash(range: Range): void {
  if (typeof CSS === 'undefined' || !('highlights' in CSS) || typeof Highlight !== 'function') return;
  const highlight = new Highlight(range);
  CSS.highlights.set(FLASH_HIGHLIGHT, highlight);
  setTimeout(() => {
    // A later reveal may have replaced it: only remove our own.
    if (CSS.highlights.get(FLASH_HIGHLIGHT) === highlight) CSS.highlights.delete(FLASH_HIGHLIGHT);
  }, FLASH_MS);
}

/** Brings a range to the middle of the viewport, through any scrolling containers it is in. */
function scrollToRange(range: Range): void {
  const holder = range.startContainer.parentElement;
  holder?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
  const rect = range.getBoundingClientRect();
  const offset = rect.top + rect.height / 2 - window.innerHeight / 2;
  if (Math.abs(offset) > 1) window.scrollBy({ top: offset, left: 0, behavior: 'instant' });
}

/**
 * The content script's handler of ContentApi.revealMention, over the page's current mention index (`getIndex`
 * is called on each request, as a rescan replaces the index).
 */
export function createRevealMention(getIndex: () => PageMentionIndex) {
  // Where the last reveal was, as a position rather than a mention object: a rescan replaces the objects.
  let last: { entityId: string; range: Range } | undefined;
  return async ({ entityId }: { entityId: string }): Promise<RevealResult> => {
    if (typeof entityId !== 'string') throw new Error('revealMention: bad entityId');
    // Mentions whose text the page has since removed can't be shown.
    const mentions = getIndex().all.filter((m) => m.entityId === entityId && m.range.startContainer.isConnected);
    if (mentions.length === 0) return { found: false, index: 0, total: 0 };
    const i = last?.entityId === entityId ? nextAfter(mentions, last.range) : 0;
    const mention = mentions[i]!;
    last = { entityId, range: mention.range.cloneRange() };
    scrollToRange(mention.range);
    flash(mention.range);
    return { found: true, index: i + 1, total: mentions.length };
  };
}

/** Index of the first mention (in document order) that starts after `previous`, wrapping round to 0. */
function nextAfter(mentions: readonly FoundMention[], previous: Range): number {
  for (let i = 0; i < mentions.length; i++) {
    try {
      if (mentions[i]!.range.compareBoundaryPoints(Range.START_TO_START, previous) > 0) return i;
    } catch {
      return 0; // the previous position is in another document now: start again
    }
  }
  return 0;
}
