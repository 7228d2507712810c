/**
 * "Where is this name on the page?": the side panel asks a tab to scroll to an entity's next mention and flash
 * it. Each request goes one mention further (wrapping round), so selecting the same entity again walks through
 * its mentions. The flash is one more CSS highlight (the painter's `flash`): the page's DOM is still untouched.
 */
import type { FoundMention, PageMentionIndex } from '../scan/page-mentions.ts';
import { comparePoints, liveRange } from '../scan/page-mentions.ts';

/** Long enough to find the name after the jump, short enough not to linger. */
export const FLASH_MS = 1600;

export interface RevealResult {
  found: boolean;
  /** 1-based position of the mention shown among the entity's mentions (0 when none). */
  index: number;
  total: number;
}

/** What a reveal needs of the running page session (none while Dramatis is off here). */
export interface RevealTarget {
  index: PageMentionIndex;
  flash(range: AbstractRange, ms: number): void;
}

/** Brings a range to the middle of the viewport, through any scrolling containers it is in. */
function scrollToRange(range: AbstractRange): void {
  const holder = range.startContainer.parentElement;
  holder?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
  const rect = liveRange(range)?.getBoundingClientRect();
  if (!rect) return;
  const offset = rect.top + rect.height / 2 - window.innerHeight / 2;
  if (Math.abs(offset) > 1) window.scrollBy({ top: offset, left: 0, behavior: 'instant' });
}

/**
 * The content script's handler of ContentApi.revealMention, over the running session (`getTarget` is called on
 * each request, as a rescan or a restart replaces what it holds).
 */
export function createRevealMention(getTarget: () => RevealTarget | null) {
  // Where the last reveal was, as a position rather than a mention object: a rescan replaces the objects.
  let last: { entityId: string; node: Node; offset: number } | undefined;
  return async ({ entityId }: { entityId: string }): Promise<RevealResult> => {
    const target = getTarget();
    // Mentions whose text the page has since removed can't be shown.
    const mentions = target ? target.index.all.filter((m) => m.entityId === entityId && m.range.startContainer.isConnected) : [];
    if (!target || mentions.length === 0) return { found: false, index: 0, total: 0 };
    const i = last?.entityId === entityId && last.node.isConnected ? nextAfter(mentions, last.node, last.offset) : 0;
    const mention = mentions[i]!;
    last = { entityId, node: mention.range.startContainer, offset: mention.range.startOffset };
    scrollToRange(mention.range);
    target.flash(mention.range, FLASH_MS);
    return { found: true, index: i + 1, total: mentions.length };
  };
}

/** Index of the first mention (in document order) that starts after (node, offset), wrapping round to 0. */
function nextAfter(mentions: readonly FoundMention[], node: Node, offset: number): number {
  for (let i = 0; i < mentions.length; i++) {
    const { startContainer, startOffset } = mentions[i]!.range;
    if (comparePoints(startContainer, startOffset, node, offset) > 0) return i;
  }
  return 0;
}
