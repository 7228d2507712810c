/**
 * The keyboard side of the card, inside the page:
 * - Escape closes the card, and focus returns where it was;
 * - in the card, N and P move to the next and previous name on the page (card-controller.ts).
 * Opening a card from the keyboard is a browser command ("open-card" in manifest.json, Alt+Shift+E unless the
 * reader changed it in the browser's shortcut settings): the background relays it as ContentApi.openCard, so
 * no shortcut is fixed here.
 */
import { guarded } from '../guard.ts';

export interface KeyboardWiring {
  isOpen(): boolean;
  close(): void;
  isInCard(e: Event): boolean;
}

export function watchKeyboard(wiring: KeyboardWiring, signal: AbortSignal): void {
  const onKeyDown = guarded((e: KeyboardEvent) => {
    if (e.key !== 'Escape' || !wiring.isOpen()) return;
    // Inside the card, Escape is ours alone; outside, the page still sees it (its own dialogs close too).
    if (wiring.isInCard(e)) e.stopPropagation();
    wiring.close();
  });
  window.addEventListener('keydown', onKeyDown, { capture: true, signal });
}
