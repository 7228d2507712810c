/**
 * What the scan does not read: text that is not prose a reader reads (scripts, styles, code), the user's own
 * input (form fields, contenteditable regions, editors), and Dramatis's own card. What it reads but does not
 * show: text that is not shown (display: none, hidden, visibility: hidden, closed <details>), which is tested
 * per name found rather than per element read (page-scan.ts: asking every element for its style made reading a
 * page several times slower). And where a name can't run on: block boundaries.
 */

/** Elements whose text is not prose a reader reads, or is the user's own input (by localName). */
const SKIP_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option', 'optgroup', 'datalist',
  'code', 'pre', 'kbd', 'samp', 'var', 'svg', 'math', 'iframe', 'frame', 'object', 'embed', 'canvas', 'video',
  'audio', 'head', 'title',
]);

/** Elements that end a run of inline text: a name never spans one of these boundaries (by localName). */
const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'br', 'button', 'caption', 'dd', 'details', 'dialog', 'div',
  'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
  'hgroup', 'hr', 'img', 'legend', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'section', 'summary', 'table', 'tbody',
  'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

/** The tag of the one element Dramatis adds to a page (its card's shadow host). */
export const HOST_TAG = 'dramatis-card-host';

/** The elements that can be the user's input by an attribute: far fewer than a page's elements, found natively. */
const INPUT_BY_ATTRIBUTE = '[contenteditable],[role="textbox"],[role="code"]';

export function isBlock(el: Element): boolean {
  return isBlockName(el.localName);
}

/** Does an element with this localName end a run of inline text? (The reader's hot path passes the name.) */
export function isBlockName(localName: string): boolean {
  return BLOCK_TAGS.has(localName);
}

/** Is an element with this localName skipped by its tag alone? */
export function isSkippedName(localName: string): boolean {
  return SKIP_TAGS.has(localName) || localName === HOST_TAG;
}

/** Skipped whatever its style: not prose, the user's input, or our own UI. Cheap: no style is read. */
export function isSkippedByKind(el: Element): boolean {
  if (isSkippedName(el.localName)) return true;
  if ((el as HTMLElement).isContentEditable) return true;
  const role = el.getAttribute('role');
  return role === 'textbox' || role === 'code';
}

/**
 * The elements under `root` (not `root` itself) skipped by an attribute (editable regions, textbox and code
 * roles), from one native query: the reader then tests each element against this set instead of asking every
 * element for its attributes and editability.
 */
export function skippedByAttribute(root: ParentNode): Element[] {
  return [...root.querySelectorAll(INPUT_BY_ATTRIBUTE)].filter(isSkippedByKind);
}

/**
 * Not shown: no box (display: none, [hidden], inside a closed <details>, content-visibility: hidden) or
 * visibility: hidden. checkVisibility() also says false for display: contents, whose children are shown.
 */
export function isHidden(el: Element): boolean {
  if (typeof el.checkVisibility !== 'function') return false;
  if (el.checkVisibility({ visibilityProperty: true })) return false;
  return getComputedStyle(el).display !== 'contents';
}

/** The element whose visibility decides whether a text node is shown: its parent, or its shadow root's host. */
export function elementOf(text: Text): Element | null {
  const parent = text.parentNode;
  if (!parent) return null;
  return parent.nodeType === Node.ELEMENT_NODE ? (parent as Element) : hostOf(parent);
}

/** True when `node` is inside a region the scan skips by kind (so a change there is not rescanned). */
export function isInSkippedRegion(node: Node): boolean {
  if (node.ownerDocument?.designMode === 'on') return true;
  for (let n: Node | null = node; n; n = n.parentNode ?? hostOf(n)) {
    if (n.nodeType === Node.ELEMENT_NODE && isSkippedByKind(n as Element)) return true;
  }
  return false;
}

/** The host of a shadow root; null for any other node. */
export function hostOf(node: Node): Element | null {
  return node.nodeType === Node.DOCUMENT_FRAGMENT_NODE ? ((node as ShadowRoot).host ?? null) : null;
}

/** The nearest block ancestor (or shadow root, or document body) of a node: the region to rescan after a change. */
export function blockAround(node: Node): Node {
  for (let n: Node | null = node.nodeType === Node.ELEMENT_NODE ? node : node.parentNode; n; n = n.parentNode) {
    if (n.nodeType === Node.DOCUMENT_FRAGMENT_NODE) return n;
    if (n.nodeType === Node.ELEMENT_NODE && isBlock(n as Element)) return n;
    if (n.nodeType === Node.DOCUMENT_NODE) return (n as Document).body ?? (n as Document).documentElement;
  }
  return node;
}
