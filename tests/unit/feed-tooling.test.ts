/**
 * The publisher's tooling: `npm run feed -- build` output (pack, patch, signed index, sizes and hashes), its
 * refusals, `-- resign` (a new expiry, nothing else), `-- serve` (CORS, no path escape), the committed schema and
 * trusted keys.
 */
import assert from 'node:assert/strict';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { buildFeed, INDEX_SCHEMA_FILE, resignFeed, trustedKeyOf } from '../../scripts/feed.ts';
import { startFeedServer } from '../../scripts/feed-serve.ts';
import { assemblePack, readSources, ROOT } from '../../scripts/data.ts';
import type { DatasetPack } from '../../src/core/dataset/dataset-schema.ts';
import { checkFeedIndex, feedIndexSchemaText } from '../../src/core/feed/feed-index.ts';
import { applyPatchToPack, checkPatchShape } from '../../src/core/feed/feed-patch.ts';
import { base64ToBytes, keyIdOf, verifyFeedIndex, type TrustedKey } from '../../src/core/feed/feed-signature.ts';
import { nextVersion, person } from '../support/sync-packs.ts';

const v1 = assemblePack(readSources(ROOT).sources).pack as DatasetPack;
const v2 = nextVersion(v1, (p) => p.entities.push(person(v1, 'zz-tool', 'Tobias Toolsmith')));
const key = generateKeyPairSync('ed25519').privateKey;
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

test('build publishes the pack, then the next version with a patch, in a signed index', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'feed-'));
  try {
    buildFeed(dir, v1, [key]);
    const signed = buildFeed(dir, v2, [key]);
    const parsed = checkFeedIndex(JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')));
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.index, signed);
    assert.equal(signed.index.version, 2);
    assert.ok((await verifyFeedIndex(globalThis.crypto.subtle, signed, [trustedKeyOf(key)])).ok);
    for (const f of [signed.index.pack, ...signed.index.patches]) {
      const bytes = readFileSync(join(dir, f.url));
      assert.equal(bytes.length, f.size, `${f.url} size`);
      assert.equal(sha(bytes), f.sha256, `${f.url} hash`);
    }
    assert.deepEqual(signed.index.patches.map((p) => [p.from, p.to]), [[1, 2]]);
    const patch = checkPatchShape(JSON.parse(readFileSync(join(dir, signed.index.patches[0]!.url), 'utf8')));
    assert.ok(patch.ok);
    assert.deepEqual(applyPatchToPack(v1, patch.patch).entities.map((e) => e.id), [...v2.entities].map((e) => e.id).sort());
    assert.throws(() => buildFeed(dir, v2, [key]), /not newer than the published 2/);
    assert.throws(() => buildFeed(dir, nextVersion(v2, () => undefined), []), /no signing key/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an index expires two weeks after it is signed; resign signs it again for longer, changing nothing else', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'feed-'));
  try {
    const now = Date.parse('2027-03-01T00:00:00Z');
    const built = buildFeed(dir, v1, [key], { now });
    assert.equal(built.index.expires, '2027-03-15T00:00:00Z');
    const again = resignFeed(dir, [key], { now: now + 10 * 86_400_000, validDays: 30 });
    assert.equal(again.index.expires, '2027-04-10T00:00:00Z');
    assert.deepEqual({ ...again.index, expires: built.index.expires }, built.index, 'only the expiry changed');
    assert.ok((await verifyFeedIndex(globalThis.crypto.subtle, again, [trustedKeyOf(key)])).ok, 'and it is signed');
    assert.throws(() => resignFeed(dir, [key], { validDays: 60 }), /--valid-days must be between 1 and 45/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('serve answers with CORS (as a static host, ETag and 304 too), and never outside its folder', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'feed-'));
  buildFeed(dir, v1, [key]);
  const server = await startFeedServer(dir);
  try {
    const first = await fetch(`${server.origin}/index.json`);
    assert.equal(first.status, 200);
    assert.equal(first.headers.get('access-control-allow-origin'), '*');
    const etag = first.headers.get('etag')!;
    await first.arrayBuffer();
    const again = await fetch(`${server.origin}/index.json`, { headers: { 'if-none-match': etag } });
    assert.equal(again.status, 304);
    const preflight = await fetch(`${server.origin}/index.json`, { method: 'OPTIONS' });
    assert.equal(preflight.status, 204);
    assert.equal((await fetch(`${server.origin}/../package.json`)).status, 404);
    assert.equal((await fetch(`${server.origin}/%2e%2e/%2e%2e/etc/passwd`)).status, 404);
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the committed JSON Schema of the index is up to date', () => {
  assert.equal(readFileSync(join(ROOT, INDEX_SCHEMA_FILE), 'utf8'), feedIndexSchemaText(), 'run `npm run feed -- schema`');
});

test('the trusted keys are well-formed public keys whose ids match them, and nothing private is committed', async () => {
  const { keys } = JSON.parse(readFileSync(join(ROOT, 'data/feed/trusted-keys.json'), 'utf8')) as { keys: TrustedKey[] };
  assert.ok(keys.length >= 1);
  for (const k of keys) {
    assert.equal(base64ToBytes(k.publicKey).length, 32);
    assert.equal(await keyIdOf(globalThis.crypto.subtle, base64ToBytes(k.publicKey)), k.keyId);
  }
  const walk = (dir: string): string[] =>
    readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)]));
  for (const file of ['data', 'src', 'scripts', 'tests', 'assets'].flatMap(walk)) {
    assert.ok(!readFileSync(join(ROOT, file), 'latin1').includes(['PRIVATE', 'KEY-----'].join(' ')), `${file} holds no private key`);
  }
});

test('a normal build defines no test key: the test branch is left to the undefined identifier', (t) => {
  const bundle = join(ROOT, 'dist', 'chrome', 'background.js');
  if (!existsSync(bundle)) return t.skip('dist/ is not built (npm test builds it first)');
  const code = readFileSync(bundle, 'utf8');
  assert.match(code, /typeof __DRAMATIS_TEST_KEYS__/);
  assert.ok(!code.includes('test run'), 'no test key note in the production bundle');
});

test('a normal build writes no timings to the page: the measures are left to the undefined identifier', (t) => {
  const bundle = join(ROOT, 'dist', 'chrome', 'content.js');
  if (!existsSync(bundle)) return t.skip('dist/ is not built (npm test builds it first)');
  assert.match(readFileSync(bundle, 'utf8'), /typeof __DRAMATIS_TIMINGS__/);
});
