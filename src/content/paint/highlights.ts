/**
 * Highlights through the CSS Custom Highlight API: ranges are registered with the browser and painted by the
 * ::highlight() rules of highlight-styles.ts, so the page's DOM is never touched. One Highlight per entity type,
 * registered under this session's name for the type in the user's style (underline, or background: `-filled`;
 * `none` registers nothing, and names are still found and still open cards), plus the name whose card is open
 * (`active`, so a reader moving from name to name with the keyboard sees which one the card is about) and the
 * mention the side panel asked to show (`flash`).
 *
 * Registry names are random per painter (one painter per session of Dramatis on a page), and the rules exist
 * only from the painter's creation to its `destroy()`: see highlight-styles.ts.
 *
 * Past VIRTUALIZE_ABOVE names on a page, only the ranges near the viewport are registered (near-viewport.ts):
 * the browser's cost of changing a Highlight grows with every range it holds.
 */
import type { EntityType } from '../../core/dataset/dataset-schema.ts';
import type { HighlightStyle } from '../../shared/settings.ts';
import { HighlightSheet, randomHighlightNames, type HighlightKind, type HighlightNames } from './highlight-styles.ts';
import { NearViewport } from './near-viewport.ts';

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

/**
 * A Highlight and what Dramatis put in it. The page can reach the Highlight (by iterating the registry) and
 * change it; the content script can't iterate it in Firefox (Xrays don't wrap its iterator), so it keeps its own
 * account and compares sizes (`verify`).
 */
class OwnHighlight {
  readonly h = new Highlight();
  private readonly mine = new Set<AbstractRange>();

  add(r: AbstractRange): void {
    this.mine.add(r);
    this.h.add(r);
  }

  delete(r: AbstractRange): void {
    this.mine.delete(r);
    this.h.delete(r);
  }

  clear(): void {
    this.mine.clear();
    this.h.clear();
  }

  /** Puts back exactly what is ours if the page added or removed ranges (their number changed). */
  restore(): void {
    if (this.h.size === this.mine.size) return;
    this.h.clear();
    for (const r of this.mine) this.h.add(r);
  }
}

export class HighlightPainter {
  private readonly byType = new Map<EntityType, OwnHighlight>();
  /** Every range to paint, registered or (far from the viewport) not. */
  private readonly painted = new Map<AbstractRange, EntityType>();
  private nearViewport: NearViewport | null = null;
  private active: Highlight | null = null;
  private flashing: Highlight | null = null;
  private flashTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly supported = highlightsSupported();
  private readonly names: HighlightNames = randomHighlightNames();
  private readonly sheet = new HighlightSheet(this.names);

  constructor(private style: HighlightStyle) {
    if (this.supported) this.sheet.ensure();
  }

  add(range: AbstractRange, type: EntityType): void {
    if (!this.supported || this.painted.has(range)) return;
    this.painted.set(range, type);
    if (this.nearViewport) {
      this.nearViewport.track(range);
      return;
    }
    this.highlightOf(type).add(range);
    if (this.painted.size > VIRTUALIZE_ABOVE) this.virtualize();
  }

  /** Unpaints a range from the highlight it was painted in (its entity's type may have changed since). */
  delete(range: AbstractRange): void {
    const type = this.painted.get(range);
    if (type === undefined) return;
    this.painted.delete(range);
    this.nearViewport?.untrack(range);
    this.byType.get(type)?.delete(range);
  }

  /** Removes every range (the Highlights stay registered, empty, ready for the next scan). */
  clearRanges(): void {
    this.painted.clear();
    this.nearViewport?.destroy();
    this.nearViewport = null;
    for (const h of this.byType.values()) h.clear();
  }

  setStyle(style: HighlightStyle): void {
    if (style === this.style) return;
    this.unregisterAll();
    this.style = style;
    for (const [type, own] of this.byType) this.register(type, own.h);
  }

  /**
   * Undoes what the page did to Dramatis's highlights, which it can reach by iterating the registry (not by
   * name): a range it added to one of them, a highlight it unregistered, the rules it dropped (by replacing
   * document.adoptedStyleSheets). Called after every scan and when a card opens; its cost is the ranges
   * registered now (near the viewport only, on a page with many names).
   */
  verify(): void {
    if (!this.supported) return;
    for (const [type, own] of this.byType) {
      const kind = highlightKind(type, this.style);
      if (kind && CSS.highlights.get(this.names[kind]) !== own.h) CSS.highlights.set(this.names[kind], own.h);
      own.restore();
    }
    this.sheet.ensure();
  }

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
    this.verify();
  }

  /** Flashes a range for `ms` (the side panel's "where is it on the page?"). */
  flash(range: AbstractRange, ms: number): void {
    if (!this.supported) return;
    clearTimeout(this.flashTimer);
    const highlight = new Highlight(range);
    this.flashing = highlight;
    CSS.highlights.set(this.names.flash, highlight);
    this.sheet.ensure();
    this.flashTimer = setTimeout(() => this.endFlash(), ms);
  }

  /** Unregisters everything Dramatis registered, and removes the rules. */
  destroy(): void {
    this.clearRanges();
    this.unregisterAll();
    this.setActive(null);
    this.endFlash();
    this.byType.clear();
    this.sheet.remove();
  }

  private endFlash(): void {
    clearTimeout(this.flashTimer);
    if (this.flashing && CSS.highlights.get(this.names.flash) === this.flashing) CSS.highlights.delete(this.names.flash);
    this.flashing = null;
  }

  private highlightOf(type: EntityType): OwnHighlight {
    let own = this.byType.get(type);
    if (!own) {
      own = new OwnHighlight();
      this.byType.set(type, own);
      this.register(type, own.h);
    }
    return own;
  }

  /** From now on, only ranges near the viewport are registered. */
  private virtualize(): void {
    for (const h of this.byType.values()) h.clear();
    const nearViewport = new NearViewport({
      shown: (r) => {
        const type = this.painted.get(r);
        if (type) this.highlightOf(type).add(r);
      },
      hidden: (r) => {
        const type = this.painted.get(r);
        if (type) this.byType.get(type)?.delete(r);
      },
    });
    this.nearViewport = nearViewport;
    for (const r of this.painted.keys()) nearViewport.track(r);
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
