/**
 * The words around a mention on the page, for "Not this one" (src/core/ui/mention-dismissals.ts): read from the
 * text nodes of the mention's block, walking outwards only as far as the key needs, so a mention inside a huge
 * element costs no more than one in a short paragraph. Uses only a range's boundary points, so it works for live
 * and static ranges alike.
 */
import { CONTEXT_WORDS, mentionKey } from '../../core/ui/mention-dismissals.ts';
import type { FoundMention } from '../scan/page-mentions.ts';

/** Enough characters for CONTEXT_WORDS words, however long they are. */
const WANT = CONTEXT_WORDS * 40;
const BLOCK = 'p, li, dd, dt, td, th, h1, h2, h3, h4, h5, h6, blockquote, figcaption, caption, pre, address, article, section, aside, main, header, footer, nav, div, body';

function blockOf(node: Node): Node {
  const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  return el?.closest(BLOCK) ?? node.getRootNode();
}

/** Text of `block` before (node, offset), up to WANT characters. */
function textBefore(block: Node, node: Node, offset: number): string {
  let out = node.nodeType === Node.TEXT_NODE ? (node.nodeValue ?? '').slice(0, offset) : '';
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  walker.currentNode = node;
  for (let n = walker.previousNode(); n && out.length < WANT; n = walker.previousNode()) out = (n.nodeValue ?? '') + out;
  return out;
}

/** Text of `block` after (node, offset), up to WANT characters. */
function textAfter(block: Node, node: Node, offset: number): string {
  let out = node.nodeType === Node.TEXT_NODE ? (node.nodeValue ?? '').slice(offset) : '';
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  walker.currentNode = node;
  for (let n = walker.nextNode(); n && out.length < WANT; n = walker.nextNode()) out += n.nodeValue ?? '';
  return out;
}

/** The mention's dismissal key. */
export function contextKeyOf(m: FoundMention): string {
  const { startContainer, startOffset, endContainer, endOffset } = m.range;
  try {
    const block = blockOf(startContainer);
    return mentionKey(m.entityId, textBefore(block, startContainer, startOffset), m.surface, textAfter(block, endContainer, endOffset));
  } catch {
    return mentionKey(m.entityId, '', m.surface, '');
  }
}
