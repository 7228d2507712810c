/**
 * Subscribing to a feed: the URL and public key a reader types, or the feed file `npm run feed -- build` writes
 * beside the index, parsed and checked before anything is fetched.
 */
import assert from 'node:assert/strict';
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { feedUrlFor, trustedKeyOf, writeFeedDescriptor } from '../../scripts/feed.ts';
import {
  FEED_DESCRIPTOR_FILE, checkFeedUrl, feedDescriptorText, parseFeedDescriptor, parsePublicKey,
} from '../../src/core/feed/feed-descriptor.ts';

const subtle = globalThis.crypto.subtle;
const key = generateKeyPairSync('ed25519').privateKey;
const entry = trustedKeyOf(key, 'publisher-2027');

test('a feed URL is an absolute http(s) address without credentials', () => {
  assert.deepEqual(checkFeedUrl(' https://feeds.example.org/dramatis/index.json#x '), { ok: true, value: 'https://feeds.example.org/dramatis/index.json' });
  assert.ok(checkFeedUrl('http://127.0.0.1:8787/index.json').ok);
  for (const bad of ['', 'feeds.example.org/index.json', 'ftp://feeds.example.org/index.json', 'javascript:alert(1)', 'https://user:pw@feeds.example.org/index.json']) {
    const r = checkFeedUrl(bad);
    assert.ok(!r.ok && r.problem === 'badFeedUrl', bad);
  }
});

test('a public key is taken as raw base64, as PEM, or as the entry keygen prints; its id is computed', async () => {
  const pem = createPublicKey(key).export({ format: 'pem', type: 'spki' }).toString();
  for (const text of [entry.publicKey, `  ${entry.publicKey}\n`, pem, JSON.stringify(entry, null, 2)]) {
    const parsed = await parsePublicKey(subtle, text);
    assert.ok(parsed.ok, text);
    assert.equal(parsed.value.keyId, entry.keyId);
    assert.equal(parsed.value.publicKey, entry.publicKey);
  }
  const fromEntry = await parsePublicKey(subtle, JSON.stringify(entry));
  assert.ok(fromEntry.ok && fromEntry.value.note === 'publisher-2027');
});

test('anything else is refused as a key, in words', async () => {
  const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ format: 'pem', type: 'spki' }).toString();
  for (const text of ['', 'hello', entry.publicKey.slice(0, 40), `${entry.publicKey}AAAA`, rsa, '{"publicKey": 3}', '{nope']) {
    const parsed = await parsePublicKey(subtle, text);
    assert.ok(!parsed.ok && parsed.problem === 'badKey' && parsed.detail.length > 0, text);
  }
});

test('a feed file holds the URL and keys; a key id that is not its key’s hash, or a stray field, refuses it', async () => {
  const text = feedDescriptorText({ feedUrl: 'https://feeds.example.org/index.json', datasetId: 'dramatis-core', publisher: 'A Publisher', keys: [entry] });
  const parsed = await parseFeedDescriptor(subtle, text);
  assert.ok(parsed.ok);
  assert.deepEqual(parsed.value.keys, [entry]);
  assert.equal(parsed.value.publisher, 'A Publisher');

  const other = trustedKeyOf(generateKeyPairSync('ed25519').privateKey);
  const cases: Record<string, unknown> = {
    'a key id of another key': { dramatisFeed: 1, feedUrl: 'https://f.example/index.json', keys: [{ ...entry, keyId: other.keyId }] },
    'no keys': { dramatisFeed: 1, feedUrl: 'https://f.example/index.json', keys: [] },
    'a javascript: URL': { dramatisFeed: 1, feedUrl: 'javascript:alert(1)', keys: [entry] },
    'a private key field': { dramatisFeed: 1, feedUrl: 'https://f.example/index.json', keys: [entry], privateKey: 'x' },
    'another format': { dramatisFeed: 2, feedUrl: 'https://f.example/index.json', keys: [entry] },
  };
  for (const [what, json] of Object.entries(cases)) {
    const r = await parseFeedDescriptor(subtle, JSON.stringify(json));
    assert.ok(!r.ok, what);
    assert.ok(r.problem === 'badFeedFile' || r.problem === 'badFeedUrl', what);
  }
  const notJson = await parseFeedDescriptor(subtle, 'index.json');
  assert.ok(!notJson.ok && notJson.problem === 'badFeedFile');
});

test('feed build writes the feed file beside the index, and later builds keep its URL and publisher', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'feed-file-'));
  try {
    assert.throws(() => feedUrlFor(dir, undefined), /missing --url/);
    assert.equal(feedUrlFor(dir, 'https://feeds.example.org/dramatis/'), 'https://feeds.example.org/dramatis/index.json');
    const keyFile = join(dir, 'publisher-2027.private.pem');
    writeFileSync(keyFile, key.export({ format: 'pem', type: 'pkcs8' }));
    const written = writeFeedDescriptor(dir, 'https://feeds.example.org/dramatis/index.json', 'dramatis-core', [{ key, file: keyFile }], 'A Publisher');
    assert.equal(written, join(dir, FEED_DESCRIPTOR_FILE));
    const text = readFileSync(written, 'utf8');
    assert.doesNotMatch(text, /PRIVATE/);
    const parsed = await parseFeedDescriptor(subtle, text);
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.value.keys, [entry]);
    // The next build into the same folder needs no --url, and keeps the publisher's name.
    assert.equal(feedUrlFor(dir, undefined), 'https://feeds.example.org/dramatis/index.json');
    writeFeedDescriptor(dir, feedUrlFor(dir, undefined), 'dramatis-core', [{ key }]);
    const again = await parseFeedDescriptor(subtle, readFileSync(written, 'utf8'));
    assert.ok(again.ok && again.value.publisher === 'A Publisher');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
