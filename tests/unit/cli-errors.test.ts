/**
 * Every command-line tool answers a user's mistake (a missing argument, a missing or unreadable file, a bad key,
 * an unknown option) with one line that says what is wrong and what to do, and a non-zero exit: no stack trace.
 * The tools run as real processes, as a user runs them (`node --import tsx scripts/…`), none of them far enough
 * to build or launch a browser.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { benchOptions } from '../../scripts/bench/index.ts';
import { main as matcherNodeMain } from '../../scripts/bench/matcher-node.ts';
import { main as timelineMain } from '../../scripts/bench/timeline.ts';
import { main as evalMain } from '../../scripts/eval/index.ts';
import { CliError, intOption, parseCli, readUserFile, reportError, requireDirectory } from '../../scripts/cli.ts';
import { main as dataMain, readSources, ROOT } from '../../scripts/data.ts';
import { startFeedServer } from '../../scripts/feed-serve.ts';
import { main as feedMain } from '../../scripts/feed.ts';
import { main as startMain } from '../../scripts/start.ts';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(script: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', join(ROOT, script), ...args], { cwd: ROOT, env: { ...process.env, ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** The run failed with exactly one line on stderr, no stack frame, matching `pattern`. */
function assertOneLine(r: Run, pattern: RegExp, tool: string): void {
  assert.notEqual(r.code, 0, `${tool} exits non-zero (stderr: ${r.stderr})`);
  const lines = r.stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1, `${tool} prints one line, not:\n${r.stderr}`);
  assert.doesNotMatch(r.stderr, /^\s+at /m, 'no stack trace');
  assert.match(lines[0]!, pattern);
}

let scratch: string;
let badKey: string;
let rsaKey: string;
before(() => {
  scratch = mkdtempSync(join(tmpdir(), 'dramatis-cli-'));
  badKey = join(scratch, 'not-a-key.pem');
  writeFileSync(badKey, 'this is not a key\n');
  rsaKey = join(scratch, 'rsa.private.pem');
  writeFileSync(rsaKey, generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ format: 'pem', type: 'pkcs8' }));
  writeFileSync(join(scratch, 'ed.private.pem'), generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }));
});
after(() => rmSync(scratch, { recursive: true, force: true }));

/** The one line a tool prints for what `fn` throws (the same path as runCli, in this process). */
async function lineOf(tool: string, fn: () => unknown): Promise<{ code: number; line: string }> {
  const printed: string[] = [];
  const original = console.error;
  console.error = (...parts: unknown[]) => void printed.push(parts.join(' '));
  try {
    await fn();
    return { code: 0, line: '' };
  } catch (error) {
    const code = reportError(tool, error);
    return { code, line: printed.join('\n') };
  } finally {
    console.error = original;
  }
}

/** Each case: a tool, the call its command line makes, what its one line must say. */
const IN_PROCESS: Array<{ tool: string; args: string[]; call: (args: string[]) => unknown; says: RegExp }> = [];
const feedCase = (args: string[], says: RegExp) => IN_PROCESS.push({ tool: 'npm run feed', args, call: (a) => feedMain(a), says });
feedCase([], /^npm run feed: missing a command\. Usage: npm run feed -- build/);
feedCase(['publish'], /unknown command "publish"\. Usage:/);
feedCase(['build'], /missing the output folder <out-dir>\. Usage: npm run feed -- build/);
feedCase(['build', '<tmp>/out', '--key'], /option --key needs a value/);
feedCase(['build', '<tmp>/out', '--key', '<tmp>/missing.pem'], /the private key .*missing\.pem does not exist: check the path/);
feedCase(['build', '<tmp>/out', '--key', '<tmp>'], /the private key .* is a folder, not a file/);
feedCase(['build', '<tmp>/out', '--key', '<tmp>/not-a-key.pem'], /is not a PEM private key: pass the \.private\.pem file/);
feedCase(['build', '<tmp>/out', '--key', '<tmp>/rsa.private.pem'], /is rsa, not an Ed25519 key/);
feedCase(['build', '<tmp>/out', '--keys', 'k.pem'], /unknown option --keys\. Usage:/);
feedCase(['build', '<tmp>/out', '--key', '<tmp>/ed.private.pem'], /missing --url <feed-url>: the address where .*index\.json will be served, written into the feed file dramatis-feed\.json/);
feedCase(['build', '<tmp>/out', '--key', '<tmp>/ed.private.pem', '--url', 'ftp://feeds.example.org/index.json'], /--url ftp:.*ftp: is not http or https; pass the http\(s\) address of the feed's index\.json/);
feedCase(['build', '<tmp>/out', '--key', '<tmp>/ed.private.pem', '--url', 'https://feeds.example.org/feed.json'], /does not end in \/index\.json: pass the address of the index itself/);
feedCase(['build', '<tmp>/out', '--key', '<tmp>/ed.private.pem', '--url', 'https://feeds.example.org/', '--publisher', ' '], /--publisher must be a name of 1 to 100 characters/);
feedCase(['serve'], /missing the feed folder <dir>/);
feedCase(['serve', '<tmp>/nowhere'], /the feed folder .*nowhere does not exist/);
feedCase(['serve', '<tmp>/not-a-key.pem'], /is a file, not a folder/);
feedCase(['serve', '<tmp>', '--port', 'http'], /--port must be a whole number/);
feedCase(['keygen'], /missing the key's <name>/);
feedCase(['keygen', 'k', '--out', '<repo>/keys'], /refusing to write a private key inside the repository .* pass --out <dir> outside it/);
feedCase(['keygen', '../escape', '--out', '<tmp>'], /may hold only letters/);
feedCase(['schema', 'now'], /unexpected argument "now"/);
IN_PROCESS.push({ tool: 'npm run data', args: ['--fix'], call: (a) => dataMain(a), says: /^npm run data: unknown option --fix\. Usage: npm run data$/ });
IN_PROCESS.push({ tool: 'npm start', args: ['--firefx'], call: (a) => startMain(a), says: /^npm start: unknown option --firefx\. Usage: npm start/ });
const benchCase = (args: string[], says: RegExp) => IN_PROCESS.push({ tool: 'npm run bench', args, call: (a) => benchOptions(a), says });
benchCase(['--runs', 'five'], /^npm run bench: --runs must be a whole number ≥ 1, not "five"$/);
benchCase(['--pages', 'yahoo-1,nope'], /unknown page "nope" for --pages: choose from yahoo-1/);
benchCase(['--dict', '1000,lots'], /--dict must be a whole number/);
benchCase(['--fast'], /unknown option --fast\. Usage: npm run bench/);
IN_PROCESS.push({ tool: 'timeline', args: ['--loads', '0'], call: (a) => timelineMain(a), says: /--loads must be a whole number ≥ 1/ });
IN_PROCESS.push({ tool: 'timeline', args: ['--page', 'cnn'], call: (a) => timelineMain(a), says: /unknown page "cnn" for --page/ });
IN_PROCESS.push({ tool: 'matcher-node', args: ['--runs', '0'], call: (a) => matcherNodeMain(a), says: /--runs must be a whole number ≥ 1/ });
IN_PROCESS.push({ tool: 'npm run eval', args: ['--fast'], call: (a) => evalMain(a), says: /^npm run eval: unknown option --fast\. Usage: npm run eval/ });
IN_PROCESS.push({ tool: 'npm run eval', args: ['--docs'], call: (a) => evalMain(a), says: /option --docs needs a value/ });
IN_PROCESS.push({ tool: 'npm run eval', args: ['--docs', ','], call: (a) => evalMain(a), says: /--docs needs a comma-separated list of document ids/ });

const expand = (args: string[]) => args.map((a) => a.replace('<tmp>', scratch).replace('<repo>', ROOT));

describe('command-line tools answer a mistake in one line', () => {
  for (const c of IN_PROCESS) {
    it(`${c.tool} ${c.args.join(' ')}`, async () => {
      const { code, line } = await lineOf(c.tool, () => c.call(expand(c.args)));
      assert.notEqual(code, 0, 'a non-zero exit');
      assert.equal(line.split('\n').length, 1, `one line, not:\n${line}`);
      assert.match(line, c.says);
    });
  }
});

/** Run as real processes: each tool's wiring prints the one line and exits non-zero, with no stack trace. */
const SPAWNED: Array<{ tool: string; script: string; args: () => string[]; says: RegExp; env?: () => Record<string, string> }> = [
  { tool: 'feed', script: 'scripts/feed.ts', args: () => ['build', join(scratch, 'out')], says: /^npm run feed: no signing key: pass --key <private\.pem>.*keygen/, env: () => ({ DRAMATIS_FEED_KEY: '' }) },
  { tool: 'data', script: 'scripts/data.ts', args: () => ['--fix'], says: /^npm run data: unknown option --fix/ },
  { tool: 'build', script: 'scripts/build.ts', args: () => ['--minfy'], says: /^npm run build: unknown option --minfy/ },
  { tool: 'start', script: 'scripts/start.ts', args: () => ['--headless'], says: /^npm start: chromium is not installed at .*: run scripts\/install-browsers\.sh, or set CHROMIUM_PATH/, env: () => ({ CHROMIUM_PATH: join(scratch, 'no-chromium') }) },
  { tool: 'start', script: 'scripts/start.ts', args: () => ['--firefox', '--headless'], says: /^npm start: firefox is not installed at .*set FIREFOX_PATH/, env: () => ({ FIREFOX_PATH: join(scratch, 'no-firefox') }) },
  { tool: 'bench', script: 'scripts/bench/index.ts', args: () => ['--runs', '1'], says: /^npm run bench: chromium is not installed/, env: () => ({ CHROMIUM_PATH: join(scratch, 'no-chromium') }) },
  { tool: 'timeline', script: 'scripts/bench/timeline.ts', args: () => ['--loads', 'x'], says: /^timeline: --loads must be/ },
  { tool: 'matcher-node', script: 'scripts/bench/matcher-node.ts', args: () => ['--runs'], says: /^matcher-node: option --runs needs a value/ },
  { tool: 'eval', script: 'scripts/eval/index.ts', args: () => ['--bogus'], says: /^npm run eval: unknown option --bogus\. Usage: npm run eval/ },
];

describe('each tool, run as a user runs it', { concurrency: 4 }, () => {
  for (const c of SPAWNED) {
    it(`${c.tool} ${c.args().map((a) => a.replace(scratch, '<tmp>')).join(' ')}`, async () => {
      assertOneLine(await run(c.script, c.args(), c.env?.() ?? {}), c.says, c.tool);
    });
  }
});

describe('feed keygen keeps private keys out of the repository', () => {
  it('writes to the user config folder by default, readable only by the user, and never twice', async () => {
    const config = join(scratch, 'config');
    const first = await run('scripts/feed.ts', ['keygen', 'publisher-1'], { XDG_CONFIG_HOME: config });
    assert.equal(first.code, 0, first.stderr);
    const file = join(config, 'dramatis', 'keys', 'publisher-1.private.pem');
    assert.match(first.stdout, new RegExp(`private key: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    assert.match(readFileSync(file, 'utf8'), /BEGIN PRIVATE KEY/);
    assert.equal(statSync(file).mode & 0o777, 0o600);
    const again = await run('scripts/feed.ts', ['keygen', 'publisher-1'], { XDG_CONFIG_HOME: config });
    assertOneLine(again, /already exists: choose another name/, 'keygen');
  });

  it('leaves nothing behind when it refuses the repository', async () => {
    await run('scripts/feed.ts', ['keygen', 'leak', '--out', join(ROOT, 'generated')]);
    assert.equal(existsSync(join(ROOT, 'generated', 'leak.private.pem')), false);
  });

  it('is backed by .gitignore for any key file', () => {
    assert.match(readFileSync(join(ROOT, '.gitignore'), 'utf8'), /^\*\.pem$/m);
  });
});

describe('the shared option and file checks', () => {
  const spec = { usage: 'tool <x> [--n N]', options: { n: { type: 'string' }, quiet: { type: 'boolean' } }, positionals: { min: 1, max: 1, names: ['<x>'] } } as const;

  it('parses known options and positionals', () => {
    const { values, positionals } = parseCli(spec, ['a', '--n', '3', '--quiet']);
    assert.deepEqual(positionals, ['a']);
    assert.equal(values.n, '3');
    assert.equal(values.quiet, true);
  });

  it('refuses unknown options, missing values and stray arguments with the usage line', () => {
    assert.throws(() => parseCli(spec, ['a', '--m']), (e: unknown) => e instanceof CliError && e.exitCode === 2 && /unknown option --m\. Usage: tool <x>/.test(e.message));
    assert.throws(() => parseCli(spec, ['a', '--n']), /option --n needs a value/);
    assert.throws(() => parseCli(spec, []), /missing <x>/);
    assert.throws(() => parseCli(spec, ['a', 'b']), /unexpected argument "b"/);
  });

  it('checks numbers, files and folders', () => {
    assert.equal(intOption(undefined, 'n', 7), 7);
    assert.equal(intOption('12', 'n', 7), 12);
    assert.throws(() => intOption('1.5', 'n', 7), /--n must be a whole number ≥ 1, not "1\.5"/);
    assert.throws(() => readUserFile(join(scratch, 'absent.json'), 'the pack'), /the pack .*absent\.json does not exist/);
    assert.throws(() => requireDirectory(badKey, 'the feed folder'), /is a file, not a folder/);
  });
});

describe('feed serve on a port already taken', () => {
  it('says so and what to do, instead of crashing', async () => {
    const taken = await startFeedServer(scratch, { port: 0 });
    try {
      const port = Number(new URL(taken.origin).port);
      const { code, line } = await lineOf('npm run feed', () => feedMain(['serve', scratch, '--port', String(port)]));
      assert.equal(code, 1);
      assert.match(line, new RegExp(`^npm run feed: port ${port} on 127\\.0\\.0\\.1 is in use: pass --port <another>$`));
    } finally {
      await taken.close();
    }
  });
});

describe('npm run data reports a broken data folder as problems, not a crash', () => {
  it('names each missing folder and file', () => {
    const root = join(scratch, 'empty-repo');
    mkdirSync(join(root, 'data'), { recursive: true });
    const { problems } = readSources(root);
    const files = problems.map((p) => p.file);
    assert.ok(files.includes('data/entities/'), JSON.stringify(problems));
    assert.ok(files.includes('data/articles/'));
    assert.ok(files.includes('data/dataset.json'));
    assert.ok(problems.every((p) => !p.message.includes('\n')));
  });
});
