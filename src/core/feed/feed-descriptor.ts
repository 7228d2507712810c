/**
 * What a reader gives Dramatis to subscribe to a feed: the feed's URL and its publisher's public key, typed in,
 * or one "feed file" (`dramatis-feed.json`, written by `npm run feed -- build` beside index.json) that holds
 * both. Parsing and checking them is pure (WebCrypto passed in): the background uses it before it fetches
 * anything, the publisher's tooling writes the same shape, and Node tests check both.
 *
 * A key is accepted as the base64 of the raw 32-byte Ed25519 key (as data/feed/trusted-keys.json lists keys),
 * as a PEM "PUBLIC KEY" (SPKI), or as the JSON entry `npm run feed -- keygen` prints. Its id is always computed
 * here, never taken on trust: a key id names a key only if it is that key's hash.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { base64ToBytes, bytesToBase64, keyIdOf, type TrustedKey } from './feed-signature.ts';

/** The feed file's name, beside index.json. */
export const FEED_DESCRIPTOR_FILE = 'dramatis-feed.json';
/** Bumped when a reader of the old format could misread the new one. */
export const FEED_DESCRIPTOR_FORMAT = 1;
/** Larger texts are not feed files (a feed file is a few hundred bytes). */
export const MAX_DESCRIPTOR_CHARS = 16 * 1024;
const MAX_URL = 2048;

const KeyEntry = Type.Object(
  {
    keyId: Type.String({ pattern: '^[0-9a-f]{16}$' }),
    publicKey: Type.String({ pattern: '^[A-Za-z0-9+/]{43}=$', description: 'Base64 of the raw 32-byte Ed25519 public key' }),
    note: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);

export const FeedDescriptor = Type.Object(
  {
    dramatisFeed: Type.Literal(FEED_DESCRIPTOR_FORMAT),
    /** Where index.json is served: absolute http(s). */
    feedUrl: Type.String({ minLength: 1, maxLength: MAX_URL }),
    /** The dataset the feed publishes (shown to the reader; the signed index is what counts). */
    datasetId: Type.Optional(Type.String({ pattern: '^[a-z0-9][a-z0-9-]*$', maxLength: 80 })),
    /** The publisher's name for themselves: shown as "as the feed file names it", never trusted. */
    publisher: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    /** The keys that sign the index (more than one during a key rotation). */
    keys: Type.Array(KeyEntry, { minItems: 1, maxItems: 4 }),
  },
  { additionalProperties: false },
);
export type FeedDescriptor = Static<typeof FeedDescriptor>;

/** Why an input was refused; each has a sentence in the locales (syncError_<code>). */
export type DescriptorProblem = 'badFeedUrl' | 'badKey' | 'badFeedFile';

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: DescriptorProblem; detail: string };

const fail = <T>(problem: DescriptorProblem, detail: string): Parsed<T> => ({ ok: false, problem, detail });

/** An absolute http(s) URL without credentials, as the feed's index address. */
export function checkFeedUrl(text: string): Parsed<string> {
  const raw = text.trim();
  if (raw === '' || raw.length > MAX_URL) return fail('badFeedUrl', raw === '' ? 'no address given' : 'the address is too long');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return fail('badFeedUrl', `"${raw.slice(0, 200)}" is not a web address`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return fail('badFeedUrl', `${url.protocol} is not http or https`);
  if (url.username !== '' || url.password !== '') return fail('badFeedUrl', 'the address holds a user name or password');
  url.hash = '';
  return { ok: true, value: url.href };
}

/** DER prefix of an Ed25519 SubjectPublicKeyInfo: the 32 raw key bytes follow it. */
const SPKI_ED25519_PREFIX = [0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00];

function rawKeyFrom(text: string): Uint8Array | undefined {
  const pem = /^-----BEGIN PUBLIC KEY-----([\s\S]*?)-----END PUBLIC KEY-----$/.exec(text);
  const b64 = (pem ? pem[1]! : text).replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(b64)) return undefined;
  let bytes: Uint8Array;
  try {
    bytes = base64ToBytes(b64);
  } catch {
    return undefined;
  }
  if (bytes.length === 32 && !pem) return bytes;
  if (bytes.length === 44 && SPKI_ED25519_PREFIX.every((b, i) => bytes[i] === b)) return bytes.slice(12);
  return undefined;
}

/** A publisher's Ed25519 public key in any of the accepted forms (see the module comment), with its id. */
export async function parsePublicKey(subtle: SubtleCrypto, text: string): Promise<Parsed<TrustedKey>> {
  const trimmed = text.trim();
  if (trimmed === '') return fail('badKey', 'no key given');
  let candidate = trimmed;
  let note: string | undefined;
  if (trimmed.startsWith('{')) {
    try {
      const entry = JSON.parse(trimmed) as { publicKey?: unknown; note?: unknown };
      candidate = typeof entry.publicKey === 'string' ? entry.publicKey : '';
      if (typeof entry.note === 'string') note = entry.note.slice(0, 200);
    } catch {
      return fail('badKey', 'the key looks like JSON but is not valid JSON');
    }
  }
  const raw = rawKeyFrom(candidate);
  if (!raw) return fail('badKey', 'not an Ed25519 public key (expected 44 base64 characters, or a PEM PUBLIC KEY)');
  try {
    await subtle.importKey('raw', raw as BufferSource, { name: 'Ed25519' }, false, ['verify']);
  } catch {
    return fail('badKey', 'the browser does not accept it as an Ed25519 public key');
  }
  return { ok: true, value: { keyId: await keyIdOf(subtle, raw), publicKey: bytesToBase64(raw), ...(note ? { note } : {}) } };
}

/** A feed file's text, checked: its shape, its URL, and that each key id is its key's hash. */
export async function parseFeedDescriptor(subtle: SubtleCrypto, text: string): Promise<Parsed<FeedDescriptor>> {
  if (text.length > MAX_DESCRIPTOR_CHARS) return fail('badFeedFile', `${text.length} characters; a feed file has at most ${MAX_DESCRIPTOR_CHARS}`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return fail('badFeedFile', `not JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (!Value.Check(FeedDescriptor, json)) {
    const first = Value.Errors(FeedDescriptor, json).First();
    return fail('badFeedFile', first ? `${first.path || '/'}: ${first.message}` : 'not a feed file');
  }
  const url = checkFeedUrl(json.feedUrl);
  if (!url.ok) return url;
  for (const key of json.keys) {
    const parsed = await parsePublicKey(subtle, key.publicKey);
    if (!parsed.ok) return fail('badFeedFile', `key ${key.keyId}: ${parsed.detail}`);
    if (parsed.value.keyId !== key.keyId) return fail('badFeedFile', `key ${key.keyId} is not the id of its public key (${parsed.value.keyId})`);
  }
  return { ok: true, value: { ...json, feedUrl: url.value } };
}

/** The feed file the tooling writes (keys as trusted-keys.json lists them). */
export function feedDescriptorText(descriptor: Omit<FeedDescriptor, 'dramatisFeed'>): string {
  return `${JSON.stringify({ dramatisFeed: FEED_DESCRIPTOR_FORMAT, ...descriptor }, null, 2)}\n`;
}
