/**
 * Feed tooling for publishers (see data/feed/README.md):
 *   npm run feed -- build <out-dir> --key <private.pem> [--key <another.pem>]
 *       compiles data/ (as `npm run data` does), writes the full pack, a patch from the version already
 *       published in <out-dir> (when its pack is still there), and a signed index.json
 *   npm run feed -- resign <out-dir> --key <private.pem> [--valid-days N]
 *       signs the published index.json again with a new expiry (run it at least every few weeks, even with
 *       nothing new: readers stop believing an expired index)
 *   npm run feed -- serve <dir> [--port N]      serves a feed folder on 127.0.0.1, with CORS
 *   npm run feed -- keygen <name>               writes <name>.private.pem and prints the public key entry
 *   npm run feed -- schema                      writes data/feed/feed-index.schema.json
 * The private key never enters the repository: the publisher keeps it; only public keys are committed.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DatasetPack } from '../src/core/dataset-schema.ts';
import {
  FEED_FORMAT_VERSION, MAX_INDEX_VALIDITY_MS, checkFeedIndex, feedIndexSchemaText, type FeedIndexBody, type FeedPatchRef, type SignedFeedIndex,
} from '../src/core/feed-index.ts';
import { diffPacks } from '../src/core/feed-patch.ts';
import { signatureMessage, type TrustedKey } from '../src/core/feed-signature.ts';
import { buildPack, formatProblem, readSources, ROOT } from './data.ts';
import { startFeedServer } from './feed-serve.ts';

export const INDEX_SCHEMA_FILE = 'data/feed/feed-index.schema.json';
/** Patches kept in the index; older readers take the full pack. */
const MAX_PATCHES = 30;
/** How long a signed index is believed, by default (`--valid-days`; at most MAX_INDEX_VALIDITY_MS). */
export const DEFAULT_VALID_DAYS = 14;

export interface SignOptions {
  /** Days the index is valid from `now` (default DEFAULT_VALID_DAYS). */
  validDays?: number;
  /** The signing time (tests sign an index in the past). */
  now?: number;
}

/** The expiry of an index signed at `now` for `validDays`. */
function expiresAt({ validDays = DEFAULT_VALID_DAYS, now = Date.now() }: SignOptions): string {
  if (!(validDays > 0) || validDays * 86_400_000 > MAX_INDEX_VALIDITY_MS) {
    throw new Error(`--valid-days must be between 1 and ${MAX_INDEX_VALIDITY_MS / 86_400_000}`);
  }
  return new Date(now + validDays * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The public half of an Ed25519 key as the extension lists it. */
export function trustedKeyOf(key: KeyObject, note?: string): TrustedKey {
  const pub = key.type === 'private' ? createPublicKey(key) : key;
  const raw = Buffer.from(pub.export({ format: 'jwk' }).x!, 'base64url');
  return { keyId: createHash('sha256').update(raw).digest('hex').slice(0, 16), publicKey: raw.toString('base64'), ...(note ? { note } : {}) };
}

export function signIndex(body: FeedIndexBody, keys: readonly KeyObject[]): SignedFeedIndex {
  return {
    index: body,
    signatures: keys.map((k) => ({ keyId: trustedKeyOf(k).keyId, alg: 'Ed25519' as const, value: sign(null, signatureMessage(body), k).toString('base64') })),
  };
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const packPath = (id: string, v: number) => `packs/${id}-${v}.json`;
const patchPath = (id: string, from: number, to: number) => `patches/${id}-${from}-${to}.json`;

/**
 * Publishes `pack` into the feed folder `outDir`: the pack, a patch from the published version (if its pack is
 * there), and the signed index listing the new pack and the patches still present. Returns the index.
 */
export function buildFeed(outDir: string, pack: DatasetPack, keys: readonly KeyObject[], options: SignOptions = {}): SignedFeedIndex {
  if (keys.length === 0) throw new Error('no signing key: pass --key <private.pem>');
  const write = (rel: string, text: string): { url: string; size: number; sha256: string } => {
    const bytes = Buffer.from(text, 'utf8');
    mkdirSync(join(outDir, rel, '..'), { recursive: true });
    writeFileSync(join(outDir, rel), bytes);
    return { url: rel, size: bytes.length, sha256: sha256(bytes) };
  };
  let previous: SignedFeedIndex | undefined;
  const indexFile = join(outDir, 'index.json');
  if (existsSync(indexFile)) {
    const checked = checkFeedIndex(JSON.parse(readFileSync(indexFile, 'utf8')));
    if (!checked.ok) throw new Error(`${indexFile} is not a feed index: ${checked.problem}`);
    previous = checked.index;
    if (previous.index.datasetId !== pack.datasetId) throw new Error(`${outDir} publishes ${previous.index.datasetId}, not ${pack.datasetId}`);
    if (previous.index.version >= pack.version) {
      throw new Error(`version ${pack.version} is not newer than the published ${previous.index.version}: raise "version" in data/dataset.json`);
    }
  }
  const patches: FeedPatchRef[] = (previous?.index.patches ?? []).filter((p) => existsSync(join(outDir, p.url)));
  const prevPackFile = previous ? join(outDir, packPath(pack.datasetId, previous.index.version)) : undefined;
  if (previous && prevPackFile && existsSync(prevPackFile) && previous.index.version === pack.version - 1) {
    const old = JSON.parse(readFileSync(prevPackFile, 'utf8')) as DatasetPack;
    const file = write(patchPath(pack.datasetId, old.version, pack.version), JSON.stringify(diffPacks(old, pack)));
    patches.push({ from: old.version, to: pack.version, ...file });
  }
  const body: FeedIndexBody = {
    feedFormat: FEED_FORMAT_VERSION,
    datasetId: pack.datasetId,
    version: pack.version,
    published: pack.published,
    expires: expiresAt(options),
    pack: write(packPath(pack.datasetId, pack.version), JSON.stringify(pack)),
    patches: patches.slice(-MAX_PATCHES),
  };
  const signed = signIndex(body, keys);
  writeFileSync(indexFile, `${JSON.stringify(signed, null, 2)}\n`);
  return signed;
}

/** Signs the index already published in `outDir` again, with a new expiry; nothing else changes. */
export function resignFeed(outDir: string, keys: readonly KeyObject[], options: SignOptions = {}): SignedFeedIndex {
  if (keys.length === 0) throw new Error('no signing key: pass --key <private.pem>');
  const indexFile = join(outDir, 'index.json');
  const checked = checkFeedIndex(JSON.parse(readFileSync(indexFile, 'utf8')));
  if (!checked.ok) throw new Error(`${indexFile} is not a feed index: ${checked.problem}`);
  const signed = signIndex({ ...checked.index.index, expires: expiresAt(options) }, keys);
  writeFileSync(indexFile, `${JSON.stringify(signed, null, 2)}\n`);
  return signed;
}

function option(args: string[], name: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) if (args[i] === name && args[i + 1]) out.push(args[++i]!);
  return out;
}

async function main(args: string[]): Promise<number> {
  const [command, target] = args;
  if (command === 'schema') {
    writeFileSync(join(ROOT, INDEX_SCHEMA_FILE), feedIndexSchemaText());
    console.log(`wrote ${INDEX_SCHEMA_FILE}`);
    return 0;
  }
  if (command === 'keygen' && target) {
    const { privateKey } = generateKeyPairSync('ed25519');
    const file = resolve(`${target}.private.pem`);
    writeFileSync(file, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600 });
    console.log(`private key: ${file} (keep it secret; never commit it)`);
    console.log(`public key entry for data/feed/trusted-keys.json:\n${JSON.stringify(trustedKeyOf(privateKey, target), null, 2)}`);
    return 0;
  }
  const keyFiles = [...option(args, '--key'), ...(process.env.DRAMATIS_FEED_KEY ? [process.env.DRAMATIS_FEED_KEY] : [])];
  const keys = () => keyFiles.map((f) => createPrivateKey(readFileSync(f)));
  const validDays = option(args, '--valid-days')[0];
  const signOptions: SignOptions = validDays ? { validDays: Number(validDays) } : {};
  if (command === 'resign' && target) {
    const signed = resignFeed(resolve(target), keys(), signOptions);
    console.log(`${signed.index.datasetId} v${signed.index.version}: index signed again, valid until ${signed.index.expires}`);
    return 0;
  }
  if (command === 'build' && target) {
    const { sources, problems } = readSources(ROOT);
    const result = problems.length > 0 ? { ok: false as const, problems } : buildPack(sources);
    if (!result.ok) {
      for (const p of result.problems) console.error(formatProblem(p));
      console.error(`npm run feed: ${result.problems.length} problem(s) in data/; nothing published.`);
      return 1;
    }
    const signed = buildFeed(resolve(target), result.pack, keys(), signOptions);
    const i = signed.index;
    console.log(`${i.datasetId} v${i.version}: ${i.pack.url} (${i.pack.size} bytes), ${i.patches.length} patch(es), signed by ${signed.signatures.map((s) => s.keyId).join(', ')}, valid until ${i.expires} → ${join(target, 'index.json')}`);
    return 0;
  }
  if (command === 'serve' && target) {
    const port = Number(option(args, '--port')[0] ?? 8787);
    const server = await startFeedServer(resolve(target), { port });
    console.log(`serving ${resolve(target)} at ${server.origin}/index.json (CORS on); Ctrl-C to stop`);
    return new Promise<number>(() => undefined);
  }
  console.error('usage: npm run feed -- build <out-dir> --key <private.pem> [--valid-days N] | resign <out-dir> --key <private.pem> [--valid-days N] | serve <dir> [--port N] | keygen <name> | schema');
  return 2;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exitCode = await main(process.argv.slice(2));
