/**
 * Highlights through the CSS Custom Highlight API: ranges are registered with the browser and painted by
 * content.css's ::highlight() rules, so the page's DOM is never touched. One Highlight per entity type, under a
 * registry name that says the type and the user's style:
 *
 *   underline (the default)  dramatis-person, dramatis-organisation, dramatis-media, dramatis-place
 *   background               dramatis-person-filled, … (the same with -filled)
 *   none                     nothing registered (names are still found, and still open cards)
 *
 * plus `dramatis-active`, the name whose card is open (so a reader moving from name to name with the keyboard
 * sees which one the card is about).
 *
 * Past VIRTUALIZE_ABOVE names on a page, only the ranges near the viewport are registered (viewport-window.ts):
 * the browser's cost of changing a Highlight grows with every range it holds.
 */
import type { EntityType } from '../core/dataset-schema.ts';
import type { HighlightStyle } from '../shared/settings.ts';
import { ViewportWindow } from './viewport-window.ts';

export const ENTITY_TYPES: readonly EntityType[] = ['person', 'organisation', 'media', 'place'];
export const ACTIVE_HIGHLIGHT = 'dramatis-active';

/** The registry name for a type in a style; null when the style paints nothing. */
export function highlightName(type: EntityType, style: HighlightStyle): string | null {
  if (style === 'none') return null;
  return style === 'background' ? `dramatis-${type}-filled` : `dramatis-${type}`;
}

/** True where the browser can paint highlights; elsewhere Dramatis still finds names but shows no marks. */
export function highlightsSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

/** Above this many names on a page, only those near the viewport are registered. */
export const VIRTUALIZE_ABOVE = 1500;

export class HighlightPainter {
  private readonly byType = new Map<EntityType, Highlight>();
  /** Every range to paint, registered or (far from the viewport) not. */
  private readonly painted = new Map<Range, EntityType>();
  private window: ViewportWindow | null = null;
  private active: Highlight | null = null;
  private readonly supported = highlightsSupported();

  constructor(private style: HighlightStyle) {}

  add(range: Range, type: EntityType): void {
    if (!this.supported || this.painted.has(range)) return;
    this.painted.set(range, type);
    if (this.window) {
      this.window.track(range);
      return;
    }
    this.highlightOf(type).add(range);
    if (this.painted.size > VIRTUALIZE_ABOVE) this.virtualize();
  }

  delete(range: Range, type: EntityType): void {
    if (!this.painted.delete(range)) return;
    this.window?.untrack(range);
    this.byType.get(type)?.delete(range);
  }

  /** Removes every range (the Highlights stay registered, empty, ready for the next scan). */
  clearRanges(): void {
    this.painted.clear();
    this.window?.destroy();
    this.window = null;
    for (const h of this.byType.values()) h.clear();
  }

  setStyle(style: HighlightStyle): void {
    if (style === this.style) return;
    this.unregisterAll();
    this.style = style;
    for (const [type, h] of this.byType) this.register(type, h);
  }

  /** Marks the name whose card is open (null: none). */
  setActive(range: Range | null): void {
    if (!this.supported) return;
    if (!range) {
      if (this.active) CSS.highlights.delete(ACTIVE_HIGHLIGHT);
      this.active = null;
      return;
    }
    this.active = new Highlight(range);
    this.active.priority = 1;
    CSS.highlights.set(ACTIVE_HIGHLIGHT, this.active);
  }

  /** Unregisters everything Dramatis registered. */
  destroy(): void {
    this.clearRanges();
    this.unregisterAll();
    this.setActive(null);
    this.byType.clear();
  }

  private highlightOf(type: EntityType): Highlight {
    let h = this.byType.get(type);
    if (!h) {
      h = new Highlight();
      this.byType.set(type, h);
      this.register(type, h);
    }
    return h;
  }

  /** From now on, only ranges near the viewport are registered. */
  private virtualize(): void {
    for (const h of this.byType.values()) h.clear();
    const window = new ViewportWindow({
      shown: (r) => {
        const type = this.painted.get(r);
        if (type) this.highlightOf(type).add(r);
      },
      hidden: (r) => {
        const type = this.painted.get(r);
        if (type) this.byType.get(type)?.delete(r);
      },
    });
    this.window = window;
    for (const r of this.painted.keys()) window.track(r);
  }

  private register(type: EntityType, h: Highlight): void {
    const name = highlightName(type, this.style);
    if (name) CSS.highlights.set(name, h);
  }

  private unregisterAll(): void {
    if (!this.supported) return;
    for (const type of this.byType.keys()) {
      const name = highlightName(type, this.style);
      if (name) CSS.highlights.delete(name);
    }
  }
}
