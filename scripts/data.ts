/**
 * `npm run data`: compiles the dataset sources in data/ (the header data/dataset.json, one file per entity in
 * data/entities/, each article as a .json of metadata plus a .txt of text in data/articles/,
 * data/exclusions.json, and data/word-lists.json, the named word lists an alias's page context may use as
 * "@name") into generated/pack.json, the pack the extension bundles (with every "@name" written out). The pack is checked with the
 * same `validatePack` the extension runs on feed updates; the JSON Schema for feed publishers,
 * data/schema/dataset.schema.json, is written from the TypeBox source.
 *
 * On any problem it prints one line per problem, `<file>: <record>: <path>: <message>`, naming the source file to
 * edit (not the compiled pack), and exits 1 without writing anything.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DatasetPack, FORMAT_VERSION } from '../src/core/dataset/dataset-schema.ts';
import { validatePack } from '../src/core/dataset/dataset-validate.ts';
import { parseCli, runCli } from './cli.ts';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const PACK_FILE = 'generated/pack.json';
export const SCHEMA_FILE = 'data/schema/dataset.schema.json';

/** A parsed source file; `file` is relative to the repository root, with forward slashes. */
export interface Source<T = unknown> {
  file: string;
  value: T;
}

export interface DataSources {
  dataset: Source;
  exclusions: Source;
  /** `{ "<name>": { "note": …, "words": [...] } }`; absent when there is no such file. */
  wordLists?: Source;
  /** Sorted by file name, which is the pack's order. */
  entities: Source[];
  articles: Array<{ meta: Source; text: Source<string> }>;
}

export interface Problem {
  file: string;
  record?: string;
  /** Where in the file; "" for the file as a whole. */
  path: string;
  message: string;
}

export type BuildResult = { ok: true; pack: DatasetPack } | { ok: false; problems: Problem[] };

/** Fields of the pack that the build fills in: a source may not set them. */
const COMPILED_FIELDS = ['formatVersion', 'articles', 'entities', 'exclusions'] as const;

/** Assembles the pack from parsed sources (pure), with the problems only the sources can show. */
export function assemblePack(sources: DataSources): { pack: unknown; problems: Problem[] } {
  const problems: Problem[] = [];
  const header = isObject(sources.dataset.value) ? sources.dataset.value : {};
  if (!isObject(sources.dataset.value)) {
    problems.push({ file: sources.dataset.file, path: '', message: 'Expected an object with datasetId, version and published.' });
  }
  for (const field of COMPILED_FIELDS) {
    if (field in header) problems.push({ file: sources.dataset.file, path: field, message: `"${field}" is filled in by the build; remove it.` });
  }
  const lists = wordListsOf(sources.wordLists, problems);
  const entities = sources.entities.map(({ file, value }) => {
    const expected = `${file.slice(file.lastIndexOf('/') + 1, -'.json'.length)}`;
    if (isObject(value) && typeof value.id === 'string' && value.id !== expected) {
      problems.push({ file, record: value.id, path: 'id', message: `The file of the entity "${value.id}" must be named ${value.id}.json.` });
    }
    return expandWordLists(value, lists, (path, message) =>
      problems.push({ file, ...(isObject(value) && typeof value.id === 'string' ? { record: value.id } : {}), path, message }));
  });
  const articles = sources.articles.map(({ meta, text }) => {
    if (!isObject(meta.value)) return meta.value;
    if ('text' in meta.value) {
      problems.push({ file: meta.file, path: 'text', message: `The text comes from ${text.file}; remove this field.` });
    }
    return { ...meta.value, text: text.value };
  });
  const pack = { ...header, formatVersion: FORMAT_VERSION, articles, entities, exclusions: sources.exclusions.value };
  return { pack, problems };
}

const WORD_LIST_FIELDS = ['licensedByWords', 'notFollowedBy', 'notPrecededBy'] as const;

/** The named word lists of data/word-lists.json: name → words. */
function wordListsOf(source: Source | undefined, problems: Problem[]): Map<string, string[]> {
  const lists = new Map<string, string[]>();
  if (!source || source.value === undefined) return lists;
  if (!isObject(source.value)) {
    problems.push({ file: source.file, path: '', message: 'Expected an object of named lists: { "name": { "note": "…", "words": ["…"] } }.' });
    return lists;
  }
  for (const [name, list] of Object.entries(source.value)) {
    const words = isObject(list) ? list.words : undefined;
    if (!/^[a-z0-9][a-z0-9-]*$/.test(name) || !isObject(list) || typeof list.note !== 'string' || !Array.isArray(words) ||
      words.length === 0 || !words.every((w) => typeof w === 'string' && w !== '' && !w.startsWith('@'))) {
      problems.push({ file: source.file, path: name, message: 'A word list is named in lowercase-and-hyphens and has a "note" and a non-empty list of "words" (texts, none starting with @).' });
      continue;
    }
    lists.set(name, words as string[]);
  }
  return lists;
}

/**
 * An entity source with each "@name" in its aliases' context word lists replaced by the words of that list (the
 * pack holds the words themselves, so readers of a pack need no lists).
 */
function expandWordLists(value: unknown, lists: ReadonlyMap<string, string[]>, report: (path: string, message: string) => void): unknown {
  if (!isObject(value) || !Array.isArray(value.aliases)) return value;
  const aliases = value.aliases.map((alias: unknown, a: number) => {
    if (!isObject(alias) || !isObject(alias.context)) return alias;
    const context: Record<string, unknown> = { ...alias.context };
    for (const field of WORD_LIST_FIELDS) {
      const words = context[field];
      if (!Array.isArray(words)) continue;
      context[field] = words.flatMap((w: unknown, i: number) => {
        if (typeof w !== 'string' || !w.startsWith('@')) return [w];
        const list = lists.get(w.slice(1));
        if (!list) report(`aliases[${a}].context.${field}[${i}]`, `There is no word list "${w.slice(1)}" in data/word-lists.json (known: ${[...lists.keys()].join(', ') || 'none'}).`);
        return list ?? [];
      });
    }
    return { ...alias, context };
  });
  return { ...value, aliases };
}

/**
 * What the bundled dataset owes its readers beyond the format (a feed's pack may omit it): every description is
 * background knowledge, so it names its source and the day it was checked (`descriptionSource`).
 */
export function editorialProblems(pack: DatasetPack, sources: DataSources): Problem[] {
  return pack.entities.flatMap((entity, i) =>
    entity.descriptionSource
      ? []
      : [{
          ...locate(`entities[${i}].descriptionSource`, sources),
          record: entity.id,
          message: 'The description needs its source: add "descriptionSource": { "name": {"ar", "en"}, "url": "https://…", "checked": "YYYY-MM-DD" } (see data/README.md).',
        }],
  );
}

/** Assembles and validates; every problem is located in the source file it comes from. */
export function buildPack(sources: DataSources): BuildResult {
  const { pack, problems } = assemblePack(sources);
  if (problems.length > 0) return { ok: false, problems };
  const result = validatePack(pack);
  if (result.ok) {
    const editorial = editorialProblems(result.pack, sources);
    return editorial.length === 0 ? result : { ok: false, problems: editorial };
  }
  return { ok: false, problems: result.errors.map((e) => ({ ...locate(e.path, sources), ...(e.record ? { record: e.record } : {}), message: e.message })) };
}

/** Maps a path in the pack (`entities[3].aliases[0].text`) to its source file and the path inside it. */
export function locate(packPath: string, sources: DataSources): { file: string; path: string } {
  const m = /^(entities|articles|exclusions)(?:\[(\d+)\])?\.?(.*)$/.exec(packPath);
  if (!m) return { file: sources.dataset.file, path: packPath };
  const [, list, index, rest = ''] = m;
  if (list === 'exclusions') return { file: sources.exclusions.file, path: packPath.slice('exclusions'.length) };
  const i = Number(index);
  if (list === 'entities') {
    const source = sources.entities[i];
    return source ? { file: source.file, path: rest } : { file: 'data/entities/', path: '' };
  }
  const article = sources.articles[i];
  if (!article) return { file: 'data/articles/', path: '' };
  return rest === 'text' ? { file: article.text.file, path: '' } : { file: article.meta.file, path: rest };
}

/** The JSON Schema file's content: the TypeBox schema is plain JSON Schema (its symbol keys do not serialise). */
export function schemaFileText(): string {
  const schema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Dramatis dataset pack',
    description: `Format version ${FORMAT_VERSION}. Generated from src/core/dataset/dataset-schema.ts by \`npm run data\`; do not edit. See data/README.md.`,
    ...DatasetPack,
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}

/** One line per problem, as printed. */
export function formatProblem(p: Problem): string {
  return [p.file, p.record, p.path, p.message].filter((part) => part !== undefined && part !== '').join(': ');
}

/** Reads data/ under `root`; unreadable or unparsable files become problems (and are left out). */
export function readSources(root: string): { sources: DataSources; problems: Problem[] } {
  const problems: Problem[] = [];
  const read = (file: string): string | undefined => {
    try {
      return readFileSync(join(root, file), 'utf8');
    } catch (error) {
      problems.push({ file, path: '', message: `Cannot read the file: ${(error as Error).message}` });
      return undefined;
    }
  };
  const json = (file: string): Source => {
    const text = read(file);
    try {
      return { file, value: text === undefined ? undefined : (JSON.parse(text) as unknown) };
    } catch (error) {
      problems.push({ file, path: '', message: `Not valid JSON: ${(error as Error).message}` });
      return { file, value: undefined };
    }
  };
  const list = (dir: string): string[] => {
    try {
      return readdirSync(join(root, dir)).sort();
    } catch (error) {
      problems.push({ file: `${dir}/`, path: '', message: `Cannot read the folder: ${(error as Error).message}` });
      return [];
    }
  };

  const entities = list('data/entities')
    .filter((name) => name.endsWith('.json'))
    .map((name) => json(`data/entities/${name}`));
  const names = list('data/articles');
  const articles = names
    .filter((name) => name.endsWith('.json'))
    .map((name) => {
      const textFile = `data/articles/${name.slice(0, -'.json'.length)}.txt`;
      if (!names.includes(textFile.slice('data/articles/'.length))) {
        problems.push({ file: `data/articles/${name}`, path: '', message: `The article's text file ${textFile} is missing.` });
      }
      return { meta: json(`data/articles/${name}`), text: { file: textFile, value: read(textFile) ?? '' } };
    });
  for (const name of names.filter((n) => n.endsWith('.txt') && !names.includes(`${n.slice(0, -4)}.json`))) {
    problems.push({ file: `data/articles/${name}`, path: '', message: 'This text has no metadata file (.json) beside it.' });
  }
  const wordLists = existsSync(join(root, 'data/word-lists.json')) ? json('data/word-lists.json') : undefined;
  const sources = { dataset: json('data/dataset.json'), exclusions: json('data/exclusions.json'), entities, articles, ...(wordLists ? { wordLists } : {}) };
  return { sources, problems: dedupe(problems) };
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => !seen.has(formatProblem(p)) && Boolean(seen.add(formatProblem(p))));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function main(args: readonly string[], root = ROOT): number {
  parseCli({ usage: 'npm run data', options: {} }, args);
  const { sources, problems } = readSources(root);
  const result: BuildResult = problems.length > 0 ? { ok: false, problems } : buildPack(sources);
  if (!result.ok) {
    for (const p of result.problems) console.error(formatProblem(p));
    console.error(`npm run data: ${result.problems.length} problem(s); nothing written.`);
    return 1;
  }
  const { pack } = result;
  mkdirSync(join(root, dirname(PACK_FILE)), { recursive: true });
  writeFileSync(join(root, PACK_FILE), `${JSON.stringify(pack)}\n`);
  mkdirSync(join(root, dirname(SCHEMA_FILE)), { recursive: true });
  writeFileSync(join(root, SCHEMA_FILE), schemaFileText());
  const aliases = pack.entities.reduce((n, e) => n + e.aliases.length, 0);
  console.log(
    `${pack.datasetId} v${pack.version}: ${pack.entities.length} entities, ${aliases} aliases, ` +
      `${pack.articles.length} article(s), ${pack.exclusions.length} exclusions → ${PACK_FILE}`,
  );
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await runCli('npm run data', () => main(process.argv.slice(2)));
