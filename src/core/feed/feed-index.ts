/**
 * The feed index: the one small file a client fetches to learn what a feed publishes. It names the dataset and
 * its latest version, the full pack (URL, size, SHA-256) and patches from earlier versions, and carries Ed25519
 * signatures over the index (see feed-signature.ts). Like the pack, the schema is TypeBox, so the same object is
 * the TypeScript type, the runtime check (no eval, fine under the extension's CSP) and the published JSON Schema
 * (data/feed/feed-index.schema.json, written by `npm run feed -- schema` and by `npm run feed -- build`).
 */
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
// Registers the "date-time" format with TypeBox (a global registry), which `published` uses.
import '../dataset/dataset-validate.ts';
import { MAX_DATASET_VERSION } from '../dataset/dataset-schema.ts';

/** Bumped when a reader of the old index format could misread the new one. */
export const FEED_FORMAT_VERSION = 1;

/** The largest index a client reads: an index is a few hundred bytes per patch. */
export const MAX_INDEX_BYTES = 256 * 1024;
/** The largest pack or patch a client downloads (a pack of 100,000 entities is about 40 MB). */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;
/**
 * How far ahead of the client's clock an index may expire: a publisher re-signs its index at least this often
 * (`npm run feed -- resign`), so an old signed index replayed by a host that withholds updates stops being
 * believed within this time.
 */
export const MAX_INDEX_VALIDITY_MS = 45 * 24 * 60 * 60 * 1000;

const Id = Type.String({ pattern: '^[a-z0-9][a-z0-9-]*$', maxLength: 80 });
/** Relative to the index's own URL, or absolute http(s). */
const FileUrl = Type.String({ minLength: 1, maxLength: 2048, pattern: '^(?![a-zA-Z][a-zA-Z0-9+.-]*:)|^https?://', description: 'A URL relative to the index, or an absolute http(s) URL' });
const Sha256 = Type.String({ pattern: '^[0-9a-f]{64}$', description: 'SHA-256 of the file as served, lowercase hex' });
const Size = Type.Integer({ minimum: 1, maximum: MAX_FILE_BYTES, description: 'Exact size in bytes of the file as served' });
const Version = Type.Integer({ minimum: 1, maximum: MAX_DATASET_VERSION });

export const FeedFile = Type.Object({ url: FileUrl, size: Size, sha256: Sha256 }, { additionalProperties: false });
export type FeedFile = Static<typeof FeedFile>;

export const FeedPatchRef = Type.Object(
  { from: Version, to: Version, url: FileUrl, size: Size, sha256: Sha256 },
  { additionalProperties: false },
);
export type FeedPatchRef = Static<typeof FeedPatchRef>;

/** What is signed. */
export const FeedIndexBody = Type.Object(
  {
    feedFormat: Type.Literal(FEED_FORMAT_VERSION),
    datasetId: Id,
    /** The latest version; the pack below is this version. */
    version: Version,
    published: Type.String({ format: 'date-time' }),
    /**
     * Until when this index may be believed (signed with it). After it, a client refuses the index and says the
     * feed is stale: a host can't keep serving an old index to hold updates back.
     */
    expires: Type.String({ format: 'date-time', description: 'Until when this index may be believed; at most 45 days after it is signed' }),
    pack: FeedFile,
    /** Patches that each lead from one version to the next; a client chains them when it can. */
    patches: Type.Array(FeedPatchRef, { maxItems: 100 }),
  },
  { additionalProperties: false },
);
export type FeedIndexBody = Static<typeof FeedIndexBody>;

export const FeedSignature = Type.Object(
  {
    /** Names the public key (see keyIdOf in feed-signature.ts): the first 16 hex digits of its SHA-256. */
    keyId: Type.String({ pattern: '^[0-9a-f]{16}$' }),
    alg: Type.Literal('Ed25519'),
    /** Base64 of the 64-byte signature over signatureMessage(index). */
    value: Type.String({ pattern: '^[A-Za-z0-9+/]{86}==$' }),
  },
  { additionalProperties: false },
);
export type FeedSignature = Static<typeof FeedSignature>;

/** The file `index.json`: the body and its signatures (several during a key rotation). */
export const SignedFeedIndex = Type.Object(
  { index: FeedIndexBody, signatures: Type.Array(FeedSignature, { minItems: 1, maxItems: 4 }) },
  { additionalProperties: false },
);
export type SignedFeedIndex = Static<typeof SignedFeedIndex>;

/** Checks the shape of a parsed index; returns the first problem in words, or the typed index. */
export function checkFeedIndex(candidate: unknown): { ok: true; index: SignedFeedIndex } | { ok: false; problem: string } {
  if (Value.Check(SignedFeedIndex, candidate)) {
    for (const p of candidate.index.patches) {
      if (p.to !== p.from + 1) return { ok: false, problem: `a patch leads from version ${p.from} to ${p.to}; patches step one version at a time` };
    }
    return { ok: true, index: candidate };
  }
  const first = Value.Errors(SignedFeedIndex, candidate).First();
  return { ok: false, problem: first ? `${first.path || '/'}: ${first.message}` : 'not a feed index' };
}

/**
 * Whether an index may be believed at `now`: not expired, and not claiming to stay valid longer than an index
 * may (MAX_INDEX_VALIDITY_MS). Returns the problem in words, or null.
 */
export function expiryProblem(index: Pick<FeedIndexBody, 'expires'>, now: number): string | null {
  const expires = Date.parse(index.expires);
  if (!(expires > now)) return `the feed's index expired on ${index.expires}`;
  if (expires - now > MAX_INDEX_VALIDITY_MS) return `the feed's index claims to stay valid until ${index.expires}, longer than an index may`;
  return null;
}

/** The JSON Schema of index.json, for publishers (symbol keys of TypeBox do not serialise). */
export function feedIndexSchemaText(): string {
  const schema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Dramatis feed index',
    description: `Feed format ${FEED_FORMAT_VERSION}. Generated from src/core/feed/feed-index.ts by \`npm run feed -- schema\`; do not edit. See data/feed/README.md.`,
    ...SignedFeedIndex,
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}
