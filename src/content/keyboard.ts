/**
 * The keyboard side of the card:
 * - Alt+Shift+N ("name") opens the card of the name at the caret or in the selection (the first name after the
 *   caret if the caret is not on one, the first name on screen without a caret); with a card already open, it
 *   moves focus into the card. (Alt+Shift+D is the browser-level command that opens the side panel.)
 * - in the card, N and P move to the next and previous name on the page (card-controller.ts);
 * - Escape closes the card, and focus returns where it was.
 * Keys are matched by their physical position (`code`), so they work whatever the keyboard layout. Keys typed
 * into a field or an editor are never taken.
 */
import { guarded } from './guard.ts';

export const OPEN_SHORTCUT = { code: 'KeyN', altKey: true, shiftKey: true } as const;

export interface KeyboardWiring {
  isOpen(): boolean;
  cardHasFocus(): boolean;
  focusCard(): void;
  /** Opens the card for the name at the caret or selection; false when the page has no name to open. */
  openAtCaret(): boolean;
  close(): void;
  isInCard(e: Event): boolean;
}

function isEditableTarget(e: Event): boolean {
  const el = e.composedPath()[0] as Element | undefined;
  if (!el || el.nodeType !== Node.ELEMENT_NODE) return false;
  const tag = el.tagName.toUpperCase();
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || (el as HTMLElement).isContentEditable;
}

export function watchKeyboard(wiring: KeyboardWiring, signal: AbortSignal): void {
  const onKeyDown = guarded((e: KeyboardEvent) => {
    if (e.key === 'Escape' && wiring.isOpen()) {
      // Inside the card, Escape is ours alone; outside, the page still sees it (its own dialogs close too).
      if (wiring.isInCard(e)) e.stopPropagation();
      wiring.close();
      return;
    }
    const isOpenShortcut = e.code === OPEN_SHORTCUT.code && e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey;
    if (!isOpenShortcut || isEditableTarget(e)) return;
    if (wiring.isOpen() && !wiring.cardHasFocus()) {
      wiring.focusCard();
    } else if (!wiring.openAtCaret()) {
      return;
    }
    e.preventDefault();
    e.stopPropagation();
  });
  window.addEventListener('keydown', onKeyDown, { capture: true, signal });
}
