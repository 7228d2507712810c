/**
 * Feed tooling for publishers (see data/feed/README.md):
 *   npm run feed -- build <out-dir> --key <private.pem> [--key <another.pem>] [--url <feed-url>] [--publisher <name>]
 *       compiles data/ (as `npm run data` does), writes the full pack, a patch from the version already
 *       published in <out-dir> (when its pack is still there), a signed index.json (valid for --valid-days, 14
 *       by default), and beside it the feed file dramatis-feed.json (the feed's URL and its public keys: what a
 *       reader subscribes with); --url is needed the first time, later builds into the same folder reuse the
 *       feed file's
 *   npm run feed -- resign <out-dir> --key <private.pem> [--valid-days N]
 *       signs the published index.json again with a new expiry (run it at least every few weeks, even with
 *       nothing new: readers stop believing an expired index)
 *   npm run feed -- serve <dir> [--port N]      serves a feed folder on 127.0.0.1, with CORS
 *   npm run feed -- keygen <name> [--out <dir>]  writes <dir>/<name>.private.pem (default ~/.config/dramatis/keys,
 *                                               never inside the repository) and prints the public key entry
 *   npm run feed -- schema                      writes data/feed/feed-index.schema.json
 * The private key never enters the repository: the publisher keeps it; only public keys are committed.
 * A mistake (a missing argument or file, a bad key, an unknown option) is answered in one line (scripts/cli.ts).
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DatasetPack } from '../src/core/dataset/dataset-schema.ts';
import { FEED_DESCRIPTOR_FILE, checkFeedUrl, feedDescriptorText, type FeedDescriptor } from '../src/core/feed/feed-descriptor.ts';
import {
  FEED_FORMAT_VERSION, MAX_INDEX_VALIDITY_MS, checkFeedIndex, feedIndexSchemaText, type FeedIndexBody, type FeedPatchRef, type SignedFeedIndex,
} from '../src/core/feed/feed-index.ts';
import { diffPacks } from '../src/core/feed/feed-patch.ts';
import { signatureMessage, type TrustedKey } from '../src/core/feed/feed-signature.ts';
import { CliError, intOption, parseCli, readUserFile, requireDirectory, runCli, type CliSpec, type OptionSpec } from './cli.ts';
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
    throw new CliError(`--valid-days must be between 1 and ${MAX_INDEX_VALIDITY_MS / 86_400_000}`, 2);
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
  if (keys.length === 0) throw new CliError('no signing key: pass --key <private.pem>', 2);
  const write = (rel: string, text: string): { url: string; size: number; sha256: string } => {
    const bytes = Buffer.from(text, 'utf8');
    mkdirSync(join(outDir, rel, '..'), { recursive: true });
    writeFileSync(join(outDir, rel), bytes);
    return { url: rel, size: bytes.length, sha256: sha256(bytes) };
  };
  let previous: SignedFeedIndex | undefined;
  const indexFile = join(outDir, 'index.json');
  if (existsSync(indexFile)) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(indexFile, 'utf8'));
    } catch (error) {
      throw new CliError(`${indexFile} is not valid JSON (${(error as Error).message.split('\n')[0]}): publish into an empty folder, or restore the file`);
    }
    const checked = checkFeedIndex(json);
    if (!checked.ok) throw new CliError(`${indexFile} is not a feed index: ${checked.problem}`);
    previous = checked.index;
    if (previous.index.datasetId !== pack.datasetId) throw new CliError(`${outDir} publishes ${previous.index.datasetId}, not ${pack.datasetId}: use another folder`);
    if (previous.index.version >= pack.version) {
      throw new CliError(`version ${pack.version} is not newer than the published ${previous.index.version}: raise "version" in data/dataset.json`);
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
  if (keys.length === 0) throw new CliError('no signing key: pass --key <private.pem>', 2);
  const indexFile = join(outDir, 'index.json');
  let json: unknown;
  try {
    json = JSON.parse(readUserFile(indexFile, 'the published index').toString('utf8'));
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`${indexFile} is not valid JSON (${(error as Error).message.split('\n')[0]}): run \`npm run feed -- build\` into that folder first`);
  }
  const checked = checkFeedIndex(json);
  if (!checked.ok) throw new CliError(`${indexFile} is not a feed index (${checked.problem}): run \`npm run feed -- build\` into that folder first`);
  const signed = signIndex({ ...checked.index.index, expires: expiresAt(options) }, keys);
  writeFileSync(indexFile, `${JSON.stringify(signed, null, 2)}\n`);
  return signed;
}

/** The feed file already in `outDir`, if it is one (a broken one is replaced, not trusted). */
function existingDescriptor(outDir: string): Partial<FeedDescriptor> {
  try {
    const json = JSON.parse(readFileSync(join(outDir, FEED_DESCRIPTOR_FILE), 'utf8')) as Partial<FeedDescriptor>;
    return typeof json === 'object' && json !== null ? json : {};
  } catch {
    return {};
  }
}

/**
 * The address readers will fetch `<outDir>/index.json` from: --url (a folder address gets index.json added), or
 * the one the folder's feed file already holds. A CliError says what to pass when there is neither.
 */
export function feedUrlFor(outDir: string, option: string | undefined): string {
  const given = option ?? existingDescriptor(outDir).feedUrl;
  if (given === undefined) {
    throw new CliError(`missing --url <feed-url>: the address where ${join(outDir, 'index.json')} will be served, written into the feed file ${FEED_DESCRIPTOR_FILE} that readers subscribe with`, 2);
  }
  const checked = checkFeedUrl(given.endsWith('/') ? `${given}index.json` : given);
  if (!checked.ok) throw new CliError(`--url ${given}: ${checked.detail}; pass the http(s) address of the feed's index.json`, 2);
  if (!new URL(checked.value).pathname.endsWith('/index.json')) {
    throw new CliError(`--url ${given} does not end in /index.json: pass the address of the index itself (or of its folder, ending in /)`, 2);
  }
  return checked.value;
}

/** A key's name for readers: its file's name without .private.pem (as `keygen` named it). */
const keyNote = (file: string) => basename(file).replace(/(\.private)?\.pem$/, '');

/**
 * Writes the feed file beside the index: the feed's URL and the public keys that sign it (never a private key),
 * and the publisher's name when given (or kept from the previous feed file). Returns its path.
 */
export function writeFeedDescriptor(
  outDir: string, feedUrl: string, datasetId: string, keys: ReadonlyArray<{ key: KeyObject; file?: string }>, publisher?: string,
): string {
  const name = publisher ?? existingDescriptor(outDir).publisher;
  const file = join(outDir, FEED_DESCRIPTOR_FILE);
  writeFileSync(file, feedDescriptorText({
    feedUrl,
    datasetId,
    ...(name ? { publisher: name } : {}),
    keys: keys.map(({ key, file: keyFile }) => trustedKeyOf(key, keyFile ? keyNote(keyFile) : undefined)),
  }));
  return file;
}

const USAGE = 'npm run feed -- build <out-dir> --key <private.pem> [--url <feed-url>] [--valid-days N] | resign <out-dir> --key <private.pem> [--valid-days N] | serve <dir> [--port N] | keygen <name> [--out <dir>] | schema';

/** Where `keygen` writes private keys unless told otherwise: outside any repository, readable only by the user. */
export function defaultKeyDir(): string {
  return join(process.env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'dramatis', 'keys');
}

/** An Ed25519 private key from a PEM file the user named, or a CliError that says what is wrong with it. */
export function loadPrivateKey(file: string): KeyObject {
  const pem = readUserFile(file, 'the private key');
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch {
    throw new CliError(`the private key ${file} is not a PEM private key: pass the .private.pem file that \`npm run feed -- keygen <name>\` wrote`);
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new CliError(`the private key ${file} is ${key.asymmetricKeyType ?? 'of an unknown kind'}, not an Ed25519 key: feeds are signed with Ed25519 (\`npm run feed -- keygen <name>\` makes one)`);
  }
  return key;
}

/** Writes a new private key as `<dir>/<name>.private.pem` (never inside the repository); returns its path. */
export function writeNewKey(name: string, dir: string, privateKey: KeyObject): string {
  if (!/^[\w.-]+$/.test(name)) throw new CliError(`the key name "${name}" may hold only letters, digits, ".", "_" and "-"`, 2);
  const outDir = resolve(dir);
  const rel = relative(ROOT, outDir);
  if (rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))) {
    throw new CliError(`refusing to write a private key inside the repository (${outDir}), where one \`git add\` would commit it: pass --out <dir> outside it`, 2);
  }
  const file = join(outDir, `${name}.private.pem`);
  if (existsSync(file)) throw new CliError(`${file} already exists: choose another name, or move the old key away first`);
  try {
    mkdirSync(outDir, { recursive: true, mode: 0o700 });
    writeFileSync(file, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    throw new CliError(`cannot write ${file}: ${(error as Error).message.split('\n')[0]}`);
  }
  return file;
}

const SPECS = {
  build: {
    usage: 'npm run feed -- build <out-dir> --key <private.pem> [--key <another.pem>] [--url <feed-url>] [--publisher <name>]',
    options: { key: { type: 'string', multiple: true }, url: { type: 'string' }, publisher: { type: 'string' }, 'valid-days': { type: 'string' } },
    positionals: { min: 1, max: 1, names: ['the output folder <out-dir>'] },
  },
  resign: {
    usage: 'npm run feed -- resign <out-dir> --key <private.pem> [--valid-days N]',
    options: { key: { type: 'string', multiple: true }, 'valid-days': { type: 'string' } },
    positionals: { min: 1, max: 1, names: ['the feed folder <out-dir>'] },
  },
  serve: { usage: 'npm run feed -- serve <dir> [--port N]', options: { port: { type: 'string' } }, positionals: { min: 1, max: 1, names: ['the feed folder <dir>'] } },
  keygen: { usage: 'npm run feed -- keygen <name> [--out <dir>]', options: { out: { type: 'string' } }, positionals: { min: 1, max: 1, names: ['the key\'s <name>'] } },
  schema: { usage: 'npm run feed -- schema', options: {} },
} as const satisfies Record<string, CliSpec<Record<string, OptionSpec>>>;

/** The key files named with --key, and DRAMATIS_FEED_KEY. */
function keyFilesOf(named: readonly string[] | undefined): string[] {
  return [...(named ?? []), ...(process.env.DRAMATIS_FEED_KEY ? [process.env.DRAMATIS_FEED_KEY] : [])];
}

/** The signing keys, or one line that says how to get one. */
function signingKeys(named: readonly string[] | undefined): KeyObject[] {
  const files = keyFilesOf(named);
  if (files.length === 0) {
    throw new CliError(`no signing key: pass --key <private.pem> (or set DRAMATIS_FEED_KEY); make one with \`npm run feed -- keygen <name>\``, 2);
  }
  return files.map(loadPrivateKey);
}

const signOptions = (validDays: string | undefined): SignOptions =>
  validDays === undefined ? {} : { validDays: intOption(validDays, 'valid-days', DEFAULT_VALID_DAYS) };

export async function main(args: readonly string[]): Promise<number> {
  const [command, ...rest] = args;
  if (command === undefined) throw new CliError(`missing a command. Usage: ${USAGE}`, 2);
  if (command === 'schema') {
    parseCli(SPECS.schema, rest);
    writeFileSync(join(ROOT, INDEX_SCHEMA_FILE), feedIndexSchemaText());
    console.log(`wrote ${INDEX_SCHEMA_FILE}`);
    return 0;
  }
  if (command === 'keygen') {
    const { values, positionals } = parseCli(SPECS.keygen, rest);
    const name = positionals[0]!;
    const { privateKey } = generateKeyPairSync('ed25519');
    const file = writeNewKey(name, values.out ?? defaultKeyDir(), privateKey);
    console.log(`private key: ${file} (keep it secret; never commit it)`);
    console.log(`public key entry for data/feed/trusted-keys.json:\n${JSON.stringify(trustedKeyOf(privateKey, name), null, 2)}`);
    return 0;
  }
  if (command === 'resign') {
    const { values, positionals } = parseCli(SPECS.resign, rest);
    const signed = resignFeed(resolve(positionals[0]!), signingKeys(values.key), signOptions(values['valid-days']));
    console.log(`${signed.index.datasetId} v${signed.index.version}: index signed again, valid until ${signed.index.expires}`);
    return 0;
  }
  if (command === 'build') {
    const { values, positionals } = parseCli(SPECS.build, rest);
    const keyFiles = keyFilesOf(values.key);
    const keys = signingKeys(values.key);
    const options = signOptions(values['valid-days']);
    const target = positionals[0]!;
    const feedUrl = feedUrlFor(resolve(target), values.url);
    if (values.publisher !== undefined && (values.publisher.trim() === '' || values.publisher.length > 100)) {
      throw new CliError('--publisher must be a name of 1 to 100 characters', 2);
    }
    const { sources, problems } = readSources(ROOT);
    const result = problems.length > 0 ? { ok: false as const, problems } : buildPack(sources);
    if (!result.ok) {
      for (const p of result.problems) console.error(formatProblem(p));
      console.error(`npm run feed: ${result.problems.length} problem(s) in data/; nothing published.`);
      return 1;
    }
    const signed = buildFeed(resolve(target), result.pack, keys, options);
    const i = signed.index;
    const descriptor = writeFeedDescriptor(resolve(target), feedUrl, i.datasetId, keys.map((key, n) => ({ key, file: keyFiles[n]! })), values.publisher?.trim());
    console.log(`${i.datasetId} v${i.version}: ${i.pack.url} (${i.pack.size} bytes), ${i.patches.length} patch(es), signed by ${signed.signatures.map((s) => s.keyId).join(', ')}, valid until ${i.expires} → ${join(target, 'index.json')}`);
    console.log(`feed file for readers (${feedUrl}): ${relative(process.cwd(), descriptor) || descriptor}`);
    return 0;
  }
  if (command === 'serve') {
    const { values, positionals } = parseCli(SPECS.serve, rest);
    const dir = resolve(positionals[0]!);
    requireDirectory(dir, 'the feed folder');
    const port = intOption(values.port, 'port', 8787, 0);
    if (port > 65535) throw new CliError(`--port must be at most 65535, not ${port}`, 2);
    const server = await startFeedServer(dir, { port });
    console.log(`serving ${dir} at ${server.origin}/index.json (CORS on); Ctrl-C to stop`);
    return new Promise<number>(() => undefined);
  }
  throw new CliError(`unknown command "${command}". Usage: ${USAGE}`, 2);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await runCli('npm run feed', () => main(process.argv.slice(2)));
