/**
 * The dataset format: one source for both the JSON Schema (the contract for anyone who publishes a feed, written
 * to data/schema/ by `npm run data`) and the TypeScript types (via `Static`). TypeBox schemas are plain JSON
 * Schema objects, so validating with `Value.Check` needs no code generation and no eval, which the extension's
 * CSP forbids.
 */
import { Type, type Static } from '@sinclair/typebox';
import { ENTITY_TYPES } from './entity-types.ts';

/** Bumped when a reader of the old format could misread the new one. */
export const FORMAT_VERSION = 1;

/**
 * The highest dataset version: versions only go up, so a pack at the largest integer would leave no version for
 * any later update (an imported file once froze updates that way). A billion versions is room for one a minute
 * for nineteen centuries.
 */
export const MAX_DATASET_VERSION = 1_000_000_000;

const Id = Type.String({ pattern: '^[a-z0-9][a-z0-9-]*$', maxLength: 80, description: 'Stable, lowercase, kebab-case id' });
const HttpUrl = Type.String({ pattern: '^https?://', maxLength: 2048, description: 'An http(s) URL; nothing else is ever linked' });
const IsoDate = Type.String({ pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$', description: 'YYYY, YYYY-MM or YYYY-MM-DD' });
const FullDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const Text = (maxLength = 500) => Type.String({ minLength: 1, maxLength });

export const Lang = Type.Union([Type.Literal('ar'), Type.Literal('en'), Type.Literal('fa')]);
export type Lang = Static<typeof Lang>;

/** A text given in both UI languages. */
export const Bilingual = Type.Object({ ar: Text(), en: Text() }, { additionalProperties: false });
export type Bilingual = Static<typeof Bilingual>;

/** One of ENTITY_TYPES (entity-types.ts): the list is the one source of the types. */
export const EntityType = Type.Union(ENTITY_TYPES.map((t) => Type.Literal(t)));
export type EntityType = Static<typeof EntityType>;

/**
 * A person's translation of a quote, keyed by the language it is written in. Never machine output, and never
 * the quote itself: readers see it marked as a translation, under the verbatim quote, when their UI language is
 * not the article's.
 */
export const QuoteTranslation = Type.Object(
  { ar: Type.Optional(Text(1000)), en: Type.Optional(Text(1000)) },
  { additionalProperties: false, minProperties: 1 },
);
export type QuoteTranslation = Static<typeof QuoteTranslation>;

/** A quote, verbatim from an article of the dataset, that supports a fact. */
export const Evidence = Type.Object(
  { articleId: Id, quote: Text(1000), translation: Type.Optional(QuoteTranslation) },
  { additionalProperties: false },
);
export type Evidence = Static<typeof Evidence>;

export const Role = Type.Object(
  {
    title: Bilingual,
    /** The organisation the role is in, when it is an entity of the dataset. */
    orgId: Type.Optional(Id),
    start: Type.Optional(IsoDate),
    end: Type.Optional(IsoDate),
    evidence: Type.Array(Evidence, { minItems: 1 }),
  },
  { additionalProperties: false },
);
export type Role = Static<typeof Role>;

export const Affiliation = Type.Object(
  {
    /** How the entity relates to the target, e.g. {en: "part of", ar: "جزء من"}. */
    relation: Bilingual,
    targetId: Id,
    /** When it happened (a meeting, a visit), as precisely as the source says; shown after the tie, not in it. */
    date: Type.Optional(IsoDate),
    evidence: Type.Array(Evidence, { minItems: 1 }),
  },
  { additionalProperties: false },
);
export type Affiliation = Static<typeof Affiliation>;

/**
 * What else on the page tells whether an alias names its entity there (data/README.md, "Page context"): entities
 * whose presence licenses it where it needs licensing, and words around it that show it names something else.
 */
export const AliasContext = Type.Object(
  {
    /** Entities (ids) that license the alias, and its romanised spellings, when the page names them too. */
    licensedBy: Type.Optional(Type.Array(Id, { minItems: 1, maxItems: 100 })),
    /**
     * Words (names of no entity here: Beirut, Lebanese) that license the alias's entity wherever they are on the
     * page, as its full name would, without being marked themselves.
     */
    licensedByWords: Type.Optional(Type.Array(Text(100), { minItems: 1, maxItems: 100 })),
    /** Words or phrases that, right after the alias (past a comma or an opening parenthesis), refuse it. */
    notFollowedBy: Type.Optional(Type.Array(Text(100), { minItems: 1, maxItems: 1000 })),
    /** Words or phrases that, right before the alias, refuse it. */
    notPrecededBy: Type.Optional(Type.Array(Text(100), { minItems: 1, maxItems: 1000 })),
    /** Refused right after a capitalised Latin word that is not a title: a given name (George Washington). */
    notAfterGivenName: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type AliasContext = Static<typeof AliasContext>;

/** One part of a compound name: its words, and the entity they name. */
export const AliasPart = Type.Object({ text: Text(200), entityId: Id }, { additionalProperties: false });
export type AliasPart = Static<typeof AliasPart>;

/**
 * A name a reader meets on a page. `ambiguous` aliases (a surname alone, a word that is also a common noun) count
 * only where the document licenses them; `full` marks a name that licenses the entity's ambiguous aliases.
 */
export const Alias = Type.Object(
  {
    text: Text(200),
    lang: Lang,
    ambiguous: Type.Optional(Type.Boolean()),
    full: Type.Optional(Type.Boolean()),
    /** Found only written exactly so, letter case included ("US", never "us"), and not in an all-capitals line. */
    exactCase: Type.Optional(Type.Boolean()),
    /** A romanisation of an Arabic or Persian name: its other Latin spellings are found by the romanisation key. */
    romanised: Type.Optional(Type.Boolean()),
    context: Type.Optional(AliasContext),
    /** A compound of names ("IRGC-QF"): each part is a mention of its own entity. */
    parts: Type.Optional(Type.Array(AliasPart, { minItems: 2, maxItems: 8 })),
    /** Why the alias is ambiguous, or where an unusual spelling comes from: for reviewers, not shown on cards. */
    note: Type.Optional(Text()),
  },
  { additionalProperties: false },
);
export type Alias = Static<typeof Alias>;

/**
 * Where an entity's description comes from: background knowledge, not the articles, so it names a reference
 * (e.g. the entity's Wikipedia article) and the day someone last checked the description against it.
 */
export const DescriptionSource = Type.Object(
  { name: Bilingual, url: HttpUrl, checked: FullDate },
  { additionalProperties: false },
);
export type DescriptionSource = Static<typeof DescriptionSource>;

export const Entity = Type.Object(
  {
    id: Id,
    type: EntityType,
    name: Bilingual,
    aliases: Type.Array(Alias, { minItems: 1 }),
    description: Bilingual,
    /** Optional in the format (a feed may omit it); `npm run data` requires it of the bundled dataset. */
    descriptionSource: Type.Optional(DescriptionSource),
    roles: Type.Array(Role),
    affiliations: Type.Array(Affiliation),
  },
  { additionalProperties: false },
);
export type Entity = Static<typeof Entity>;

/** A phrase that contains a name but names nothing of the dataset (كتائب حزب الله is not Hezbollah). */
export const Exclusion = Type.Object(
  { text: Text(200), lang: Lang, note: Text() },
  { additionalProperties: false },
);
export type Exclusion = Static<typeof Exclusion>;

export const Article = Type.Object(
  {
    id: Id,
    title: Bilingual,
    language: Lang,
    publisher: Bilingual,
    section: Bilingual,
    published: IsoDate,
    url: HttpUrl,
    /** The full text, bundled so that links back to the source work offline. */
    text: Text(200_000),
  },
  { additionalProperties: false },
);
export type Article = Static<typeof Article>;

/** The compiled dataset the extension bundles and a feed serves. */
export const DatasetPack = Type.Object(
  {
    formatVersion: Type.Literal(FORMAT_VERSION),
    datasetId: Id,
    /** Monotonic; a feed never installs a version older than or equal to the one stored. */
    version: Type.Integer({ minimum: 1, maximum: MAX_DATASET_VERSION }),
    published: Type.String({ format: 'date-time' }),
    articles: Type.Array(Article),
    entities: Type.Array(Entity),
    exclusions: Type.Array(Exclusion),
  },
  { additionalProperties: false },
);
export type DatasetPack = Static<typeof DatasetPack>;
