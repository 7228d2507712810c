/**
 * What a feed signature covers, and its check. The signed message is the index body in canonical JSON (object
 * keys sorted by UTF-16 code units, no whitespace, strings as JSON.stringify writes them, integers only: the
 * subset of RFC 8785 the index needs), after a context prefix, so a signature over an index can never be
 * replayed as a signature over anything else. Signing canonical JSON rather than the file's bytes lets the
 * index be pretty-printed or re-served by a CDN that re-encodes it.
 *
 * Pure: WebCrypto is passed in (the extension's `crypto.subtle`, or Node's), and keys are raw 32-byte Ed25519.
 */
import type { FeedIndexBody, SignedFeedIndex } from './feed-index.ts';

/** Prefix of every signed message: domain separation, and the format version of the message itself. */
export const SIGNATURE_CONTEXT = 'dramatis-feed-index-v1\n';

/** Canonical JSON of plain data (objects, arrays, strings, booleans, null, safe integers). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new TypeError('canonicalJson: only safe integers are allowed');
    return String(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  throw new TypeError(`canonicalJson: cannot encode ${typeof value}`);
}

/** The bytes an Ed25519 signature of `index` signs. */
export function signatureMessage(index: FeedIndexBody): Uint8Array {
  return new TextEncoder().encode(SIGNATURE_CONTEXT + canonicalJson(index));
}

/** A public key the client trusts: raw Ed25519 (32 bytes, base64) and its id. */
export interface TrustedKey {
  keyId: string;
  /** Base64 of the 32-byte raw public key. */
  publicKey: string;
  /** Who holds the private key; shown nowhere, kept for the people who read the list. */
  note?: string;
}

export function base64ToBytes(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

export function bytesToHex(bytes: Uint8Array): string {
  let hex = '';
  for (const b of bytes) hex += b.toString(16).padStart(2, '0');
  return hex;
}

/** A key's id: the first 16 hex digits of the SHA-256 of its raw bytes. */
export async function keyIdOf(subtle: SubtleCrypto, rawPublicKey: Uint8Array): Promise<string> {
  return bytesToHex(new Uint8Array(await subtle.digest('SHA-256', rawPublicKey as BufferSource))).slice(0, 16);
}

export type SignatureCheck = { ok: true; keyId: string } | { ok: false; reason: 'unknown-key' | 'bad-signature' };

/**
 * Accepts the index when at least one of its signatures is by a trusted key and verifies. When no signature is
 * by a trusted key the reason is 'unknown-key'; when one is but does not verify, 'bad-signature' (a trusted key
 * whose signature fails is the louder problem, so it wins).
 */
export async function verifyFeedIndex(
  subtle: SubtleCrypto,
  signed: SignedFeedIndex,
  trusted: readonly TrustedKey[],
): Promise<SignatureCheck> {
  const message = signatureMessage(signed.index);
  let sawTrusted = false;
  for (const sig of signed.signatures) {
    const key = trusted.find((k) => k.keyId === sig.keyId);
    if (!key) continue;
    sawTrusted = true;
    try {
      const raw = base64ToBytes(key.publicKey);
      if ((await keyIdOf(subtle, raw)) !== key.keyId) continue; // a mislabelled trusted key verifies nothing
      const publicKey = await subtle.importKey('raw', raw as BufferSource, { name: 'Ed25519' }, false, ['verify']);
      if (await subtle.verify({ name: 'Ed25519' }, publicKey, base64ToBytes(sig.value) as BufferSource, message as BufferSource)) {
        return { ok: true, keyId: key.keyId };
      }
    } catch {
      // A malformed key or signature verifies nothing; try the next signature.
    }
  }
  return { ok: false, reason: sawTrusted ? 'bad-signature' : 'unknown-key' };
}
