/**
 * Highlights through the CSS Custom Highlight API: ranges are registered with the browser and painted by the
 * ::highlight() rules of highlight-styles.ts, so the page's DOM is never touched. One Highlight per entity type,
 * registered under this session's name for the type in the user's style (underline, or background: `-filled`;
 * `none` registers nothing, and names are still found and still open cards), plus the name whose card is open
 * (`active`, so a reader moving from name to name with the keyboard sees which one the card is about) and the
 * mention the side panel asked to show (`flash`).
 *
 * Registry names are `dramatis-<kind>`, styled by content.css.
 *
 * Past VIRTUALIZE_ABOVE names on a page, only the ranges near the viewport are registered (viewport-window.ts):
 * the browser's cost of changing a Highlight grows with every range it holds.
 */
import type { EntityType } from '../core/dataset-schema.ts';
import type { HighlightStyle } from '../shared/settings.ts';

import { ViewportWindow } from './viewport-window.ts';

export const ENTITY_TYPES: readonly EntityType[] = ['person', 'organisation', 'media', 'place'];

type HighlightKind = EntityType | `${EntityType}-filled` | 'active' | 'flash';
const NAMES: Record<HighlightKind, string> = {
  person: 'dramatis-person', organisation: 'dramatis-organisation', media: 'dramatis-media', place: 'dramatis-place',
  'person-filled': 'dramatis-person-filled', 'organisation-filled': 'dramatis-organisation-filled',
  'media-filled': 'dramatis-media-filled', 'place-filled': 'dramatis-place-filled',
  active: 'dramatis-active', flash: 'dramatis-flash',
};

/** The kind of highlight a type takes in a style; null when the style paints nothing. */
export function highlightKind(type: EntityType, style: HighlightStyle): HighlightKind | null {
  if (style === 'none') return null;
  return style === 'background' ? `${type}-filled` : type;
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
  private readonly painted = new Map<AbstractRange, EntityType>();
  private window: ViewportWindow | null = null;
  private active: Highlight | null = null;
  private flashing: Highlight | null = null;
  private flashTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly supported = highlightsSupported();
  private readonly names = NAMES;

  constructor(private style: HighlightStyle) {}

  add(range: AbstractRange, type: EntityType): void {
    if (!this.supported || this.painted.has(range)) return;
    this.painted.set(range, type);
    if (this.window) {
      this.window.track(range);
      return;
    }
    this.highlightOf(type).add(range);
    if (this.painted.size > VIRTUALIZE_ABOVE) this.virtualize();
  }

  delete(range: AbstractRange, type: EntityType): void {
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

  ensureStyles(): void {}

  /** Marks the name whose card is open (null: none). */
  setActive(range: AbstractRange | null): void {
    if (!this.supported) return;
    if (!range) {
      if (this.active && CSS.highlights.get(this.names.active) === this.active) CSS.highlights.delete(this.names.active);
      this.active = null;
      return;
    }
    this.active = new Highlight(range);
    this.active.priority = 1;
    CSS.highlights.set(this.names.active, this.active);
  }

  /** Flashes a range for `ms` (the side panel's "where is it on the page?"). */
  flash(range: AbstractRange, ms: number): void {
    if (!this.supported) return;
    clearTimeout(this.flashTimer);
    const highlight = new Highlight(range);
    this.flashing = highlight;
    CSS.highlights.set(this.names.flash, highlight);
    this.flashTimer = setTimeout(() => this.endFlash(), ms);
  }

  /** Unregisters everything Dramatis registered. */
  destroy(): void {
    this.clearRanges();
    this.unregisterAll();
    this.setActive(null);
    this.endFlash();
    this.byType.clear();
  }

  private endFlash(): void {
    clearTimeout(this.flashTimer);
    if (this.flashing && CSS.highlights.get(this.names.flash) === this.flashing) CSS.highlights.delete(this.names.flash);
    this.flashing = null;
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
    const kind = highlightKind(type, this.style);
    if (kind) CSS.highlights.set(this.names[kind], h);
  }

  private unregisterAll(): void {
    if (!this.supported) return;
    for (const type of this.byType.keys()) {
      const kind = highlightKind(type, this.style);
      if (kind) CSS.highlights.delete(this.names[kind]);
    }
  }
}
