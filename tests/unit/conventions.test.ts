/**
 * The layout's rules, checked so they don't decay (the house rules are in the developers' guide):
 *
 * - each extension context (background, content, sidepanel, pages) imports only from itself, src/core and
 *   src/shared; src/shared only from itself and src/core (a folder is everything under it: src/core/matching/ is
 *   src/core, src/content/card/ is the content context);
 * - src/core uses no browser API: not webextension-polyfill, not src/shared/browser.ts (nor anything else of
 *   src/ outside core), not the `browser` or `chrome` globals;
 * - every storage key is declared in src/shared/storage-keys.ts: no key literal elsewhere, and every
 *   `storage.local`/`storage.session` call names its keys by a constant imported from there;
 * - only src/background/store/entity-buckets.ts (and db.ts, the schema) names the entity bucket store;
 * - no source file passes MAX_LINES; split it by concept.
 *
 * Each rule is a pure function of the files' texts, run on src/ and, below, on small made-up files that break it,
 * so a rule that could never fail would show.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import { ROOT } from '../../scripts/build.ts';

/** Past this many lines, a file holds more than one concept. */
const MAX_LINES = 400;

/**
 * Files allowed past MAX_LINES for now, each with its length when listed and why it is not split yet. Shrink
 * this list; never grow it. (Empty: no file of src/ passes MAX_LINES. The longest are
 * core/dataset/dataset-validate.ts, 380 lines, content/scan/text-reader.ts, 363, and core/matching/romanise.ts, 358.)
 */
const LONG_FILES_ALLOWED: ReadonlyMap<string, string> = new Map([]);

const CONTEXTS = ['background', 'content', 'sidepanel', 'pages'] as const;
const STORAGE_KEYS_FILE = 'src/shared/storage-keys.ts';

/** Source files by path relative to the repository, e.g. `src/core/matching/normalize.ts`. */
type Sources = ReadonlyMap<string, string>;

function readSources(): Sources {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ts|tsx)$/.test(name)) files.set(relative(ROOT, path).split('\\').join('/'), readFileSync(path, 'utf8'));
    }
  };
  walk(join(ROOT, 'src'));
  return files;
}

/** The text without comments (block, and line comments not inside a URL), so prose can name anything. */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:\\])\/\/.*$/gm, '$1');
}

/** The code without its string literals' contents (a module path or a message can name anything). */
function withoutStrings(text: string): string {
  return text.replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g, "''");
}

/** The constants named as computed keys at the top level of an object literal's text (`{ [A]: {…[b]: 1} }`: A). */
function topLevelKeys(objectText: string): string[] {
  const names: string[] = [];
  let depth = 0;
  for (let i = 0; i < objectText.length; i++) {
    const c = objectText[i]!;
    if (depth === 1 && c === '[') {
      const m = /^\[\s*([A-Za-z0-9_$]+)\s*\]\s*:/.exec(objectText.slice(i));
      if (m) names.push(m[1]!);
    }
    if ('{[('.includes(c)) depth++;
    else if ('}])'.includes(c)) depth--;
  }
  return names;
}

/** Every module a file imports or re-exports (static and dynamic), as written. */
function importsOf(text: string): string[] {
  const body = code(text);
  return [
    ...[...body.matchAll(/\b(?:import|export)\s[^'";]*?\bfrom\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!),
    ...[...body.matchAll(/\bimport\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!),
    ...[...body.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]!),
  ];
}

/** The top folder of src/ a path is in ('core', 'content', …), or undefined outside src/. */
function areaOf(path: string): string | undefined {
  return /^src\/([^/]+)\//.exec(path)?.[1];
}

/** Where a relative import of `file` points, relative to the repository; packages stay as written. */
function target(file: string, spec: string): string {
  return spec.startsWith('.') ? relative(ROOT, resolve(ROOT, dirname(file), spec)).split('\\').join('/') : spec;
}

/** Imports that cross from one context into another, or from shared into a context. */
export function contextViolations(sources: Sources): string[] {
  const problems: string[] = [];
  for (const [file, text] of sources) {
    const from = areaOf(file);
    if (from === undefined || from === 'core') continue;
    const allowed = from === 'shared' ? ['shared', 'core'] : [from, 'shared', 'core'];
    for (const spec of importsOf(text)) {
      const to = areaOf(target(file, spec));
      if (to !== undefined && !allowed.includes(to)) problems.push(`${file} imports ${spec} (${from} may import only ${allowed.join(', ')})`);
    }
  }
  return problems;
}

/** Browser APIs in src/core: the polyfill, anything of src/ outside core (shared/browser.ts), the globals. */
export function coreBrowserViolations(sources: Sources): string[] {
  const problems: string[] = [];
  for (const [file, text] of sources) {
    if (areaOf(file) !== 'core') continue;
    for (const spec of importsOf(text)) {
      const to = target(file, spec);
      if (spec === 'webextension-polyfill' || (areaOf(to) !== undefined && areaOf(to) !== 'core')) problems.push(`${file} imports ${spec}`);
    }
    for (const m of withoutStrings(code(text)).matchAll(/(?<![\w$.])(?:globalThis\.)?(browser|chrome)\s*(?:\.|\?\.|\[)/g)) {
      problems.push(`${file} uses the ${m[1]} global`);
    }
  }
  return problems;
}

/** The key strings storage-keys.ts declares, by constant name. */
function declaredKeys(sources: Sources): Map<string, string> {
  const text = sources.get(STORAGE_KEYS_FILE) ?? '';
  return new Map([...text.matchAll(/export const ([A-Z0-9_]+_KEY) = '([^']+)'/g)].map((m) => [m[1]!, m[2]!]));
}

/**
 * Storage keys not from storage-keys.ts: a `*_KEY` string constant declared elsewhere, a storage call whose key
 * is not a constant imported from there, or a declared key's string in a storage call or a `changes` lookup.
 */
export function storageKeyViolations(sources: Sources): string[] {
  const problems: string[] = [];
  const keys = declaredKeys(sources);
  const keyLiterals = [...keys.values()].map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  for (const [file, text] of sources) {
    if (file === STORAGE_KEYS_FILE) continue;
    const body = code(text);
    for (const m of body.matchAll(/\b([A-Z0-9_]+_KEY)\s*=\s*['"`]/g)) problems.push(`${file} declares ${m[1]}: declare it in ${STORAGE_KEYS_FILE}`);
    const imported = new Set(
      [...body.matchAll(/import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*['"]([^'"]+)['"]/g)]
        .filter((m) => target(file, m[2]!) === STORAGE_KEYS_FILE)
        .flatMap((m) => m[1]!.split(',').map((s) => s.trim()).filter((s) => s !== '')),
    );
    for (const m of body.matchAll(/storage\.(?:local|session)\.(get|set|remove)\(\s*([^;]*)/g)) {
      const arg = m[2]!.trim();
      const named = m[1] === 'set' ? topLevelKeys(arg) : [...arg.matchAll(/^\[?\s*([A-Za-z0-9_$]+)/g)].map((n) => n[1]!);
      if (named.length === 0) problems.push(`${file}: storage.${m[1]}(${arg.slice(0, 40)}…) names no key constant`);
      for (const name of named) if (!imported.has(name) || !keys.has(name)) problems.push(`${file}: storage.${m[1]} with ${name}, not a key imported from ${STORAGE_KEYS_FILE}`);
    }
    if (keyLiterals.length > 0) {
      const literal = new RegExp(`storage\\.(?:local|session)\\.\\w+\\([^)]*['"\`](?:${keyLiterals.join('|')})['"\`]|['"\`](?:${keyLiterals.join('|')})['"\`]\\s+in\\s+changes|changes(?:\\?)?\\.?\\[\\s*['"\`](?:${keyLiterals.join('|')})['"\`]`, 'g');
      for (const m of body.matchAll(literal)) problems.push(`${file}: a storage key as a literal: ${m[0].slice(0, 60)}`);
    }
  }
  return problems;
}

/** Files past MAX_LINES that the allow-list doesn't name. */
export function longFileViolations(sources: Sources, allowed: ReadonlyMap<string, string> = LONG_FILES_ALLOWED): string[] {
  const problems: string[] = [];
  for (const [file, text] of sources) {
    const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
    if (lines > MAX_LINES && !allowed.has(file)) problems.push(`${file}: ${lines} lines (at most ${MAX_LINES}; split it by concept)`);
  }
  return problems;
}

const sources = readSources();

/** The files that may name IndexedDB's bucket store: the one that reads and writes it, and the schema. */
const BUCKET_FILES = new Set(['src/background/store/entity-buckets.ts', 'src/background/store/db.ts']);

/** Entities are read and written only through entity-buckets.ts (db.ts says why): no other file names the store. */
export function bucketStoreViolations(sources: Sources): string[] {
  const problems: string[] = [];
  for (const [file, text] of sources) {
    if (BUCKET_FILES.has(file)) continue;
    if (/['"`]entityBuckets['"`]/.test(code(text))) problems.push(`${file} names the entityBuckets store: go through src/background/store/entity-buckets.ts`);
  }
  return problems;
}

test('each context imports only from itself, src/core and src/shared; src/shared only from src/core', () => {
  assert.deepEqual(contextViolations(sources), []);
});

test('src/core uses no browser API', () => {
  assert.ok([...sources.keys()].some((f) => f.startsWith('src/core/')), 'src/core was read');
  assert.deepEqual(coreBrowserViolations(sources), []);
});

test('every storage key is declared in src/shared/storage-keys.ts and used through its constant', () => {
  assert.ok(declaredKeys(sources).size >= 10, 'storage-keys.ts declares the keys');
  assert.deepEqual(storageKeyViolations(sources), []);
});

test('only entity-buckets.ts (and the schema in db.ts) names the entity bucket store', () => {
  assert.deepEqual(bucketStoreViolations(sources), []);
});

test(`no source file passes ${MAX_LINES} lines, but those allowed for now`, () => {
  assert.deepEqual(longFileViolations(sources), []);
  for (const file of LONG_FILES_ALLOWED.keys()) assert.ok(sources.has(file), `${file} is allowed but gone: drop it from the list`);
});

test('each rule catches what it is for (made-up files that break them)', () => {
  const keysFile = "export const SETTINGS_KEY = 'settings';\nexport const PANEL_FOCUS_KEY = 'panelFocus';\n";
  const broken: Sources = new Map([
    [STORAGE_KEYS_FILE, keysFile],
    ['src/background/a.ts', "import { caretAt } from '../content/card/caret.ts';\n"],
    ['src/sidepanel/b.tsx', "export { x } from '../pages/reader-params.ts';\nconst m = await import('../background/store/db.ts');\n"],
    ['src/shared/c.ts', "import type { X } from '../sidepanel/App.tsx';\n"],
    ['src/core/d.ts', "import browser from 'webextension-polyfill';\n"],
    ['src/core/e.ts', "import { browser } from '../shared/browser.ts';\n"],
    ['src/core/f.ts', 'export const id = () => chrome.runtime.id;\nconst g = globalThis.browser?.storage;\n'],
    ['src/content/g.ts', "const k = await browser.storage.local.get('settings');\n"],
    ['src/background/h.ts', "export const OTHER_KEY = 'other';\nawait browser.storage.session.set({ [OTHER_KEY]: 1 });\n"],
    ['src/sidepanel/i.ts', "browser.storage.onChanged.addListener((changes) => 'panelFocus' in changes);\n"],
    ['src/pages/j.ts', `${'const x = 1;\n'.repeat(MAX_LINES + 1)}`],
    // Sub-folders belong to their area: a context's sub-folder is that context, core's are core.
    ['src/content/scan/m.ts', "import { openDatabase } from '../../background/store/db.ts';\n"],
    ['src/core/feed/n.ts', "import { sendToBackground } from '../../shared/api/send.ts';\n"],
    ['src/background/store/q.ts', "const rows = await db.getAll('entityBuckets');\n"],
  ]);
  assert.deepEqual(bucketStoreViolations(broken), ['src/background/store/q.ts names the entityBuckets store: go through src/background/store/entity-buckets.ts']);
  assert.deepEqual(contextViolations(broken).map((p) => p.split(' ')[0]), ['src/background/a.ts', 'src/sidepanel/b.tsx', 'src/sidepanel/b.tsx', 'src/shared/c.ts', 'src/content/scan/m.ts']);
  assert.deepEqual(coreBrowserViolations(broken).map((p) => p.split(' ')[0]), ['src/core/d.ts', 'src/core/e.ts', 'src/core/f.ts', 'src/core/f.ts', 'src/core/feed/n.ts']);
  const storage = storageKeyViolations(broken);
  assert.ok(storage.some((p) => p.startsWith('src/content/g.ts: storage.get')), storage.join('\n'));
  assert.ok(storage.some((p) => p.startsWith('src/content/g.ts: a storage key as a literal')), storage.join('\n'));
  assert.ok(storage.some((p) => p.startsWith('src/background/h.ts declares OTHER_KEY')), storage.join('\n'));
  assert.ok(storage.some((p) => p.startsWith('src/background/h.ts: storage.set with OTHER_KEY')), storage.join('\n'));
  assert.ok(storage.some((p) => p.startsWith('src/sidepanel/i.ts: a storage key as a literal')), storage.join('\n'));
  assert.deepEqual(longFileViolations(broken), [`src/pages/j.ts: ${MAX_LINES + 1} lines (at most ${MAX_LINES}; split it by concept)`]);
  assert.deepEqual(longFileViolations(broken, new Map([['src/pages/j.ts', 'allowed for now']])), []);
  // And what the rules allow: a context's own files, core and shared; comments; keys through their constants.
  const fine: Sources = new Map([
    [STORAGE_KEYS_FILE, keysFile],
    ['src/content/k.ts', "import { x } from './caret.ts';\nimport { y } from '../core/matching/normalize.ts';\nimport { SETTINGS_KEY } from '../shared/storage-keys.ts';\n// see ../background/store/db.ts and browser.storage.local.get('settings')\nawait browser.storage.local.get(SETTINGS_KEY);\n"],
    ['src/core/l.ts', "/** Unlike the browser. API, chrome.runtime is never used here. */\nexport const url = 'https://example.com/x'; // a URL\n"],
    ['src/content/paint/o.ts', "import { liveRange } from '../scan/page-mentions.ts';\nimport type { Matcher } from '../../core/matching/name-matcher.ts';\nimport type { ContentApi } from '../../shared/api/messages.ts';\n"],
    ['src/core/feed/p.ts', "import { foldKey } from '../matching/normalize.ts';\n"],
  ]);
  assert.deepEqual([...contextViolations(fine), ...coreBrowserViolations(fine), ...storageKeyViolations(fine), ...longFileViolations(fine), ...bucketStoreViolations(fine)], []);
});
