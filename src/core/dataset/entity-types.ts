/**
 * The kinds of entity the dataset holds, in the order every list shows them (panel groups, settings, the
 * highlight sheet). The dataset schema's `EntityType` is built from this list (dataset-schema.ts), so adding a
 * type here adds it to the schema published in data/schema/ and to every list at once.
 *
 * A file of its own, without TypeBox: the content script and the pages import the list, and importing it from
 * dataset-schema.ts would bring every dataset schema and TypeBox's builder into their bundles.
 */
export const ENTITY_TYPES = ['person', 'organisation', 'media', 'place'] as const;
