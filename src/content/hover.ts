/**
 * Hover intent: the card opens after the pointer dwells on a name, stays while the pointer is over the name or
 * the card, and closes shortly after it leaves both. Escape closes it.
 */
import type { FoundMention, PageMentionIndex } from './page-mentions.ts';

export const OPEN_DELAY_MS = 150;
export const CLOSE_DELAY_MS = 300;

export interface HoverCallbacks {
  open(mention: FoundMention): void;
  close(): void;
  /** Whether an event happened inside the card. */
  isInCard(event: Event): boolean;
}

interface CaretPosition {
  offsetNode: Node;
  offset: number;
}

function caretAt(x: number, y: number): CaretPosition | null {
  const doc = document as Document & {
    caretPositionFromPoint?: (x: number, y: number) => CaretPosition | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  if (doc.caretPositionFromPoint) return doc.caretPositionFromPoint(x, y);
  const r = doc.caretRangeFromPoint?.(x, y);
  return r ? { offsetNode: r.startContainer, offset: r.startOffset } : null;
}

/** Starts watching the pointer; returns a function that stops and removes every listener. */
export function watchHover(getIndex: () => PageMentionIndex, cb: HoverCallbacks): () => void {
  let target: FoundMention | undefined;
  let shown: FoundMention | undefined;
  let openTimer: ReturnType<typeof setTimeout> | undefined;
  let closeTimer: ReturnType<typeof setTimeout> | undefined;
  let frame = 0;
  let lastX = 0;
  let lastY = 0;
  const controller = new AbortController();
  const { signal } = controller;

  const cancelOpen = () => { clearTimeout(openTimer); openTimer = undefined; };
  const cancelClose = () => { clearTimeout(closeTimer); closeTimer = undefined; };
  const close = () => { cancelOpen(); cancelClose(); shown = undefined; target = undefined; cb.close(); };

  const check = () => {
    frame = 0;
    const caret = caretAt(lastX, lastY);
    const mention = caret ? getIndex().at(caret.offsetNode, caret.offset, lastX, lastY) : undefined;
    if (mention) {
      cancelClose();
      if (mention === shown) return;
      if (mention !== target) {
        // A new name: restart the dwell, so sweeping across text opens nothing.
        target = mention;
        cancelOpen();
        openTimer = setTimeout(() => { openTimer = undefined; shown = mention; cb.open(mention); }, OPEN_DELAY_MS);
      }
    } else {
      target = undefined;
      cancelOpen();
      if (shown && closeTimer === undefined) closeTimer = setTimeout(close, CLOSE_DELAY_MS);
    }
  };

  document.addEventListener('mousemove', (e) => {
    if (cb.isInCard(e)) { cancelClose(); cancelOpen(); target = undefined; return; }
    lastX = e.clientX;
    lastY = e.clientY;
    if (!frame) frame = requestAnimationFrame(check);
  }, { capture: true, passive: true, signal });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && shown) close();
  }, { capture: true, signal });
  // Scrolling moves the name away from the card: close rather than float over unrelated text.
  window.addEventListener('scroll', () => { if (shown) close(); }, { capture: true, passive: true, signal });

  return () => {
    controller.abort();
    if (frame) cancelAnimationFrame(frame);
    close();
  };
}
