/**
 * An entity's brief: what a page needs to paint and license its names (its type, its English name, whether it
 * has aliases that only count where the document licenses them). The background sends one with each scan's
 * answer; a full record is fetched only when a card opens.
 */
import type { Entity, EntityType } from './dataset-schema.ts';

export interface EntityBrief {
  type: EntityType;
  nameEn: string;
  /**
   * Its licence matters to the rest of the page: it has aliases that only count where the document licenses them,
   * or (set by the background, which knows the whole dataset) another entity's alias counts where it is named
   * (page context). See DocumentLicensing.
   */
  ambiguous: boolean;
}

export function briefOf(e: Entity): EntityBrief {
  return { type: e.type, nameEn: e.name.en, ambiguous: e.aliases.some((a) => a.ambiguous === true && a.full !== true) };
}
