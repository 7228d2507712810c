/**
 * How found names look, and the names their highlights are registered under. The CSS highlight registry is one
 * per document, shared with the page's own scripts, so nothing about it may be guessable or left behind:
 *
 * - each kind of highlight is registered under a name drawn at random for this session of Dramatis on this page
 *   (a page that asks `CSS.highlights.has('dramatis-person')`, or adds its own ranges to a highlight it knows
 *   by name, finds nothing to ask or add to);
 * - the ::highlight() rules that style them exist only while Dramatis runs on the page: a stylesheet built for
 *   those names and adopted by the document when Dramatis starts here, removed when it stops (it used to be a
 *   static content-script stylesheet, in every page whether Dramatis ran there or not, whose rules a page could
 *   detect by registering a highlight under one of their fixed names).
 *
 * What a page can still see while Dramatis runs is in the README's privacy section: the registry can be
 * iterated and the adopted sheet read.
 *
 * Underline colours are mid-tones (relative luminance about 0.2–0.28), so each line has at least 3:1 contrast
 * against white pages and against black or dark grey ones; each type also has its own line style, so the types
 * differ without colour. Fills are translucent, so they read on light and dark pages alike. The page's text
 * colour is never changed.
 */
import { ENTITY_TYPES } from '../../core/dataset/entity-types.ts';

/**
 * Every kind, in the order the sheet's rules come in (tests and the benchmark tell the kinds apart by it): the
 * four types underlined, the four filled, the name whose card is open, a mention the side panel asked to show.
 */
export const HIGHLIGHT_KINDS = [
  'person', 'organisation', 'media', 'place',
  'person-filled', 'organisation-filled', 'media-filled', 'place-filled',
  'active', 'flash',
] as const;
export type HighlightKind = (typeof HIGHLIGHT_KINDS)[number];

const STYLES: Record<HighlightKind, string> = {
  person: 'text-decoration: underline solid 2px #d97706; text-underline-offset: 3px;',
  organisation: 'text-decoration: underline dashed 2px #2f7de1; text-underline-offset: 3px;',
  media: 'text-decoration: underline dotted 2px #a05ce0; text-underline-offset: 3px;',
  place: 'text-decoration: underline double 2px #1f9d63; text-underline-offset: 3px;',
  'person-filled': 'background-color: rgba(245, 158, 11, 0.3);',
  'organisation-filled': 'background-color: rgba(59, 130, 246, 0.28);',
  'media-filled': 'background-color: rgba(168, 85, 247, 0.26);',
  'place-filled': 'background-color: rgba(34, 197, 94, 0.26);',
  active: 'background-color: rgba(47, 125, 225, 0.3);',
  flash: 'background-color: rgba(255, 214, 0, 0.6);',
};

export type HighlightNames = Readonly<Record<HighlightKind, string>>;

/** A fresh, unguessable registry name per kind: 64 random bits each, as a CSS identifier. */
export function randomHighlightNames(): HighlightNames {
  const names = {} as Record<HighlightKind, string>;
  for (const kind of HIGHLIGHT_KINDS) {
    const bytes = crypto.getRandomValues(new Uint8Array(8));
    names[kind] = `h${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
  }
  return names;
}

/** The stylesheet for `names`: one rule per kind in HIGHLIGHT_KINDS order, then the forced-colours overrides. */
export function highlightCss(names: HighlightNames): string {
  const rules = HIGHLIGHT_KINDS.map((kind) => `::highlight(${names[kind]}) { ${STYLES[kind]} }`);
  const underlined = ENTITY_TYPES.map((k) => `::highlight(${names[k]})`).join(', ');
  rules.push(`@media (forced-colors: active) {
  ${underlined} { text-decoration-color: LinkText; }
  ::highlight(${names.active}), ::highlight(${names.flash}) { background-color: Highlight; color: HighlightText; }
}`);
  return rules.join('\n');
}

/**
 * The rules, adopted by the document while Dramatis runs on it. A page that replaces its adopted sheets wholesale
 * drops ours with them: `ensure()` puts it back (called whenever highlights change).
 */
export class HighlightSheet {
  private sheet: CSSStyleSheet | null = null;

  constructor(private readonly names: HighlightNames) {}

  ensure(): void {
    try {
      if (!this.sheet) {
        this.sheet = new CSSStyleSheet();
        this.sheet.replaceSync(highlightCss(this.names));
      }
      const adopted = document.adoptedStyleSheets;
      if (!adopted.includes(this.sheet)) document.adoptedStyleSheets = [...adopted, this.sheet];
    } catch (err) {
      // Constructable stylesheets are in every browser Dramatis supports; without them names are found, not shown.
      console.debug('Dramatis: highlight styles unavailable', err);
    }
  }

  remove(): void {
    const sheet = this.sheet;
    if (!sheet) return;
    this.sheet = null;
    try {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    } catch {
      /* the page made adoptedStyleSheets unusable: nothing of ours to remove then */
    }
  }
}
