/**
 * Reads a document's visible text as one string plus the text nodes it came from, so a match found in the
 * string maps back to DOM positions. Nothing in the page is changed.
 */

/** Elements whose text is not prose a reader reads, or is the user's own input. */
const SKIP_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'CODE', 'PRE', 'KBD', 'SAMP',
  'VAR', 'SVG', 'MATH', 'IFRAME', 'OBJECT', 'CANVAS', 'VIDEO', 'AUDIO', 'HEAD', 'TITLE',
]);

/** Elements that end a run of inline text: a name never spans one of these boundaries. */
const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'BUTTON', 'DD', 'DETAILS', 'DIALOG', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI',
  'MAIN', 'NAV', 'OL', 'P', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL', 'IMG',
]);

/**
 * Between blocks we put a character that is a word boundary but not whitespace, so the matcher never joins the
 * last word of one paragraph to the first word of the next into one name.
 */
export const BLOCK_SEPARATOR = '\u0000';

export interface PageText {
  text: string;
  nodes: Text[];
  /** starts[i] is where nodes[i]'s data begins in `text`. */
  starts: number[];
}

function isSkipped(el: Element): boolean {
  if (SKIP_TAGS.has(el.tagName.toUpperCase())) return true;
  if (el instanceof HTMLElement && el.isContentEditable) return true;
  // Our own UI lives in a shadow host marked with this attribute.
  return el.hasAttribute('data-dramatis-host');
}

/**
 * Walks `root` in document order (descending into open shadow roots), without recursion so deep pages can't
 * overflow the stack.
 */
export function readPageText(root: Node): PageText {
  const parts: string[] = [];
  const nodes: Text[] = [];
  const starts: number[] = [];
  let length = 0;
  let pendingBreak = false;

  const pushText = (t: Text): void => {
    const data = t.data;
    if (data.length === 0) return;
    if (pendingBreak && length > 0) {
      parts.push(BLOCK_SEPARATOR);
      length += 1;
    }
    pendingBreak = false;
    nodes.push(t);
    starts.push(length);
    parts.push(data);
    length += data.length;
  };

  // Each frame: where to resume after the current subtree, and whether leaving it ends a block.
  const stack: Array<{ resume: Node | null; block: boolean }> = [];
  let next: Node | null = root.firstChild;

  for (;;) {
    if (next === null) {
      const frame = stack.pop();
      if (!frame) break;
      if (frame.block) pendingBreak = true;
      next = frame.resume;
      continue;
    }
    const node: Node = next;
    next = node.nextSibling;
    if (node.nodeType === Node.TEXT_NODE) {
      pushText(node as Text);
    } else if (node.nodeType === Node.ELEMENT_NODE) {
      const el = node as Element;
      if (isSkipped(el)) continue;
      const block = BLOCK_TAGS.has(el.tagName.toUpperCase());
      if (block) pendingBreak = true;
      const shadow = el.shadowRoot;
      if (shadow) {
        // The shadow tree, then the light children, then the siblings; shadow boundaries end a block.
        stack.push({ resume: next, block: true }, { resume: el.firstChild, block: true });
        next = shadow.firstChild;
        pendingBreak = true;
      } else if (el.firstChild) {
        stack.push({ resume: next, block });
        next = el.firstChild;
      }
    }
  }
  return { text: parts.join(''), nodes, starts };
}

/** The text node index holding position `pos` of the joined text (`end` selects the node a range ends in). */
export function nodeIndexAt(page: PageText, pos: number, end: boolean): number {
  let lo = 0;
  let hi = page.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const s = page.starts[mid]!;
    if (end ? s < pos : s <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** A DOM Range over [start, end) of the joined text. */
export function rangeOf(page: PageText, start: number, end: number): Range {
  const i = nodeIndexAt(page, start, false);
  const j = nodeIndexAt(page, end, true);
  const range = new Range();
  range.setStart(page.nodes[i]!, start - page.starts[i]!);
  range.setEnd(page.nodes[j]!, end - page.starts[j]!);
  return range;
}
