/** How the panel names entities and their types in the UI language. */
import type { Bilingual, EntityType } from '../core/dataset/dataset-schema.ts';
import { uiLanguage, type MessageKey } from '../shared/i18n.ts';

export { ENTITY_TYPES } from '../core/dataset/entity-types.ts';

/** The singular, for one entity ("Person"). */
export const TYPE_KEYS: Record<EntityType, MessageKey> = {
  person: 'typePerson',
  organisation: 'typeOrganisation',
  media: 'typeMedia',
  place: 'typePlace',
};

/** The plural, for a group heading ("People"). */
export const GROUP_KEYS: Record<EntityType, MessageKey> = {
  person: 'panelGroupPerson',
  organisation: 'panelGroupOrganisation',
  media: 'panelGroupMedia',
  place: 'panelGroupPlace',
};

export const UI_LANG = uiLanguage();
export const OTHER_LANG: 'ar' | 'en' = UI_LANG === 'ar' ? 'en' : 'ar';

/** A dataset text in the UI language. */
export function inUi(text: Bilingual): string {
  return text[UI_LANG];
}
