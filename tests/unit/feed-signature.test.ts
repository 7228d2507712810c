/**
 * Feed index signatures: canonical JSON, signing with Node's crypto (as `npm run feed -- build` does) and
 * verifying with WebCrypto (as the extension does), and every way a signature must fail.
 */
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { test } from 'node:test';
import { checkFeedIndex, type FeedIndexBody } from '../../src/core/feed/feed-index.ts';
import { canonicalJson, keyIdOf, base64ToBytes, verifyFeedIndex } from '../../src/core/feed/feed-signature.ts';
import { signIndex, trustedKeyOf } from '../../scripts/feed.ts';

const subtle = globalThis.crypto.subtle;
const key = generateKeyPairSync('ed25519').privateKey;
const other = generateKeyPairSync('ed25519').privateKey;
const body: FeedIndexBody = {
  feedFormat: 1,
  datasetId: 'dramatis-core',
  version: 2,
  published: '2027-01-02T00:00:00Z',
  expires: '2027-01-16T00:00:00Z',
  pack: { url: 'packs/dramatis-core-2.json', size: 1234, sha256: 'a'.repeat(64) },
  patches: [{ from: 1, to: 2, url: 'patches/dramatis-core-1-2.json', size: 99, sha256: 'b'.repeat(64) }],
};

test('canonical JSON sorts keys at every level, has no spaces and refuses what JSON cannot say exactly', () => {
  assert.equal(canonicalJson({ b: 1, a: [{ y: 'é', x: null }], c: true }), '{"a":[{"x":null,"y":"é"}],"b":1,"c":true}');
  assert.equal(canonicalJson({ a: 1, b: { d: 2, c: 3 } }), canonicalJson({ b: { c: 3, d: 2 }, a: 1 }));
  assert.throws(() => canonicalJson({ a: 1.5 }), /integers/);
  assert.throws(() => canonicalJson({ a: 2 ** 60 }), /integers/);
});

test('a key id is the start of the SHA-256 of the raw key, the same in Node and WebCrypto', async () => {
  const trusted = trustedKeyOf(key);
  assert.equal(await keyIdOf(subtle, base64ToBytes(trusted.publicKey)), trusted.keyId);
  assert.match(trusted.keyId, /^[0-9a-f]{16}$/);
});

test('an index signed by a trusted key verifies, whatever the order of its keys', async () => {
  const signed = signIndex(body, [key]);
  assert.ok(checkFeedIndex(JSON.parse(JSON.stringify(signed))).ok);
  assert.deepEqual(await verifyFeedIndex(subtle, signed, [trustedKeyOf(key)]), { ok: true, keyId: trustedKeyOf(key).keyId });
  const { patches, pack, ...rest } = body;
  const reordered = { ...signed, index: JSON.parse(JSON.stringify({ patches, pack, ...rest })) as FeedIndexBody };
  assert.equal((await verifyFeedIndex(subtle, reordered, [trustedKeyOf(key)])).ok, true);
});

test('a changed index, a foreign key, a mislabelled trusted key and garbage all fail', async () => {
  const signed = signIndex(body, [key]);
  const changed = { ...signed, index: { ...body, version: 3 } };
  assert.deepEqual(await verifyFeedIndex(subtle, changed, [trustedKeyOf(key)]), { ok: false, reason: 'bad-signature' });
  assert.deepEqual(await verifyFeedIndex(subtle, signIndex(body, [other]), [trustedKeyOf(key)]), { ok: false, reason: 'unknown-key' });
  const mislabelled = { ...trustedKeyOf(other), keyId: trustedKeyOf(key).keyId };
  assert.deepEqual(await verifyFeedIndex(subtle, signed, [mislabelled]), { ok: false, reason: 'bad-signature' });
  const garbage = { ...signed, signatures: [{ ...signed.signatures[0]!, value: `${'A'.repeat(86)}==` }] };
  assert.deepEqual(await verifyFeedIndex(subtle, garbage, [trustedKeyOf(key)]), { ok: false, reason: 'bad-signature' });
});

test('during a key rotation, one good signature among unknown ones is enough', async () => {
  const both = signIndex(body, [other, key]);
  assert.equal((await verifyFeedIndex(subtle, both, [trustedKeyOf(key)])).ok, true);
});

test('the index shape: patches step one version; URLs are relative or http(s)', () => {
  const signed = signIndex(body, [key]);
  assert.ok(checkFeedIndex(signed).ok);
  const skip = { ...signed, index: { ...body, patches: [{ ...body.patches[0]!, from: 1, to: 3 }] } };
  assert.match((checkFeedIndex(skip) as { problem: string }).problem, /one version at a time/);
  const js = { ...signed, index: { ...body, pack: { ...body.pack, url: 'javascript:alert(1)' } } };
  assert.equal(checkFeedIndex(js).ok, false);
  assert.ok(checkFeedIndex({ ...signed, index: { ...body, pack: { ...body.pack, url: 'https://cdn.example/p.json' } } }).ok);
  assert.equal(checkFeedIndex({ ...signed, signatures: [] }).ok, false);
});
