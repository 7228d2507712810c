/**
 * Keeps the card next to its name with Floating UI: below the name when it fits, else above (flip); slid
 * sideways to stay inside the viewport (shift); never over the name itself (the card's height is capped to the
 * space on its side, and it scrolls); hidden while the name is scrolled out of sight; following the name as the
 * page scrolls or resizes. In a right-to-left card, "start" is the right edge: the card lines up with the name
 * on the side the reader's eye starts from.
 */
import { autoUpdate, computePosition, flip, hide, inline, offset, shift, size, type VirtualElement } from '@floating-ui/dom';

const GAP = 6;
const MARGIN = 8;
/** The card's tallest size, when the viewport has room for it. */
const MAX_HEIGHT = 448;

export interface Anchoring {
  /** Resolves once the card has its first position (it is invisible until then, and can't take focus). */
  placed: Promise<void>;
  stop(): void;
}

/** Positions `card` against `range` until `stop()`. */
export function anchorCard(range: Range, card: HTMLElement): Anchoring {
  let markPlaced: () => void = () => undefined;
  const placed = new Promise<void>((resolve) => {
    markPlaced = resolve;
  });
  const reference: VirtualElement = {
    getBoundingClientRect: () => range.getBoundingClientRect(),
    getClientRects: () => range.getClientRects(),
    // Where to listen for scrolling: the name's element and its scrolling ancestors.
    contextElement: range.startContainer.parentElement ?? undefined,
  };
  const update = (): void => {
    computePosition(reference, card, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [
        inline(),
        offset(GAP),
        flip({ padding: MARGIN, fallbackStrategy: 'bestFit' }),
        shift({ padding: MARGIN }),
        size({
          padding: MARGIN,
          apply({ availableHeight, availableWidth }) {
            card.style.maxHeight = `${Math.max(96, Math.min(MAX_HEIGHT, Math.floor(availableHeight)))}px`;
            card.style.maxWidth = `${Math.max(200, Math.floor(availableWidth))}px`;
          },
        }),
        hide(),
      ],
    }).then(
      ({ x, y, placement, middlewareData }) => {
        card.style.left = `${x}px`;
        card.style.top = `${y}px`;
        card.dataset.placement = placement;
        card.style.visibility = middlewareData.hide?.referenceHidden ? 'hidden' : 'visible';
        markPlaced();
      },
      () => markPlaced(),
    );
  };
  return { placed, stop: autoUpdate(reference, card, update) };
}
