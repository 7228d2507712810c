/**
 * What the scan does not read: text that is not prose a reader reads (scripts, styles, code), the user's own
 * input (form fields, contenteditable regions, editors), text that is not shown (display: none, hidden,
 * visibility: hidden, closed <details>), and Dramatis's own card. And where a name can't run on: block
 * boundaries.
 */

/** Elements whose text is not prose a reader reads, or is the user's own input. */
const SKIP_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'OPTGROUP', 'DATALIST',
  'CODE', 'PRE', 'KBD', 'SAMP', 'VAR', 'SVG', 'MATH', 'IFRAME', 'FRAME', 'OBJECT', 'EMBED', 'CANVAS', 'VIDEO',
  'AUDIO', 'HEAD', 'TITLE',
]);

/** Elements that end a run of inline text: a name never spans one of these boundaries. */
const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'BR', 'BUTTON', 'CAPTION', 'DD', 'DETAILS', 'DIALOG', 'DIV',
  'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER',
  'HGROUP', 'HR', 'IMG', 'LEGEND', 'LI', 'MAIN', 'MENU', 'NAV', 'OL', 'P', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY',
  'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
]);

/** The tag of the one element Dramatis adds to a page (its card's shadow host). */
export const HOST_TAG = 'dramatis-card-host';

export function isBlock(el: Element): boolean {
  return BLOCK_TAGS.has(el.tagName.toUpperCase());
}

/** Skipped whatever its style: not prose, the user's input, or our own UI. Cheap: no style is read. */
export function isSkippedByKind(el: Element): boolean {
  if (SKIP_TAGS.has(el.tagName.toUpperCase())) return true;
  if (el.localName === HOST_TAG) return true;
  if ((el as HTMLElement).isContentEditable) return true;
  const role = el.getAttribute('role');
  return role === 'textbox' || role === 'code';
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
