/**
 * Highlights through the CSS Custom Highlight API: the ranges are registered with the browser and painted by
 * content.css's ::highlight() rules, so the page's DOM is never touched.
 */
import type { EntityType } from '../core/dataset-schema.ts';

export const ENTITY_TYPES: readonly EntityType[] = ['person', 'organisation', 'media', 'place'];

/** The registry name for a type; content.css styles each one. */
export function highlightName(type: EntityType): string {
  return `dramatis-${type}`;
}

/** True where the browser can paint highlights; elsewhere Dramatis still finds names but shows no marks. */
export function highlightsSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

/** Replaces our highlights with `ranges` grouped by entity type. */
export function paintHighlights(byType: ReadonlyMap<EntityType, AbstractRange[]>): void {
  if (!highlightsSupported()) return;
  for (const type of ENTITY_TYPES) {
    const ranges = byType.get(type);
    const name = highlightName(type);
    if (ranges && ranges.length > 0) CSS.highlights.set(name, new Highlight(...ranges));
    else CSS.highlights.delete(name);
  }
}

export function clearHighlights(): void {
  if (!highlightsSupported()) return;
  for (const type of ENTITY_TYPES) CSS.highlights.delete(highlightName(type));
}
