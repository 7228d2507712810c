/**
 * Where the reader points: the text position under a viewport point (for hover and tap), looking into the open
 * shadow roots the scan found, and the caret or selection (for the keyboard shortcut).
 */

export interface TextPoint {
  node: Node;
  offset: number;
}

interface CaretDocument {
  caretPositionFromPoint?: (x: number, y: number, options?: { shadowRoots?: ShadowRoot[] }) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
}

/** The text position under (x, y), or null. */
export function caretAt(x: number, y: number, shadowRoots: readonly ShadowRoot[]): TextPoint | null {
  const doc = document as unknown as CaretDocument;
  if (doc.caretPositionFromPoint) {
    const p = shadowRoots.length > 0 ? doc.caretPositionFromPoint(x, y, { shadowRoots: [...shadowRoots] }) : doc.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  const r = doc.caretRangeFromPoint?.(x, y);
  return r ? { node: r.startContainer, offset: r.startOffset } : null;
}

/** The start of the reader's selection (a collapsed selection is the caret), or null without one. */
export function selectionStart(): TextPoint | null {
  const selection = document.getSelection();
  if (!selection || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  return { node: range.startContainer, offset: range.startOffset };
}
