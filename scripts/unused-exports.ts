/**
 * `npx tsx scripts/unused-exports.ts`: lists the exports of src/ that no other file of src/ names: those nothing
 * names at all but their declaration (dead), those only tests or scripts name (dead code kept alive by its
 * tests), and how many more are used only inside their own file (their `export` could go).
 * A word search, not a type checker: a name that also means something else elsewhere counts as used, so the
 * lists err on the side of keeping; read each before deleting it. Class members are not covered.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(import.meta.dirname, '..');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' || name === 'fixtures' ? [] : filesUnder(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

const EXPORT = /^export\s+(?:declare\s+)?(?:async\s+)?(?:const|let|function\*?|class|type|interface|enum|abstract\s+class)\s+([A-Za-z_$][\w$]*)/gm;
const EXPORT_LIST = /^export\s+(?:type\s+)?\{([^}]*)\}(?!\s*from)/gm;

const src = filesUnder(join(ROOT, 'src'));
const others = [...filesUnder(join(ROOT, 'tests')), ...filesUnder(join(ROOT, 'scripts'))];
const text = new Map([...src, ...others].map((f) => [f, readFileSync(f, 'utf8')]));

const word = (name: string) => new RegExp(`(?<![\\w$])${name.replace(/\$/g, '\\$')}(?![\\w$])`, 'g');
const named = (name: string, file: string) => word(name).test(text.get(file)!);

const unused: string[] = [];
const testsOnly: string[] = [];
let ownFileOnly = 0;
for (const file of src) {
  const body = text.get(file)!;
  const names = [...body.matchAll(EXPORT)].map((m) => m[1]!);
  for (const m of body.matchAll(EXPORT_LIST)) {
    for (const part of m[1]!.split(',')) {
      const name = part.trim().split(/\s+as\s+/).pop()?.replace(/^type\s+/, '');
      if (name) names.push(name);
    }
  }
  for (const name of [...new Set(names)]) {
    if (src.some((f) => f !== file && named(name, f))) continue;
    const label = `${relative(ROOT, file)}: ${name}`;
    if (others.some((f) => named(name, f))) testsOnly.push(label);
    else if ((body.match(word(name)) ?? []).length > 1) ownFileOnly += 1;
    else unused.push(label);
  }
}

console.log(`Exports named nowhere but their declaration (${unused.length}):\n${unused.map((l) => `  ${l}`).join('\n')}`);
console.log(`Exports only tests or scripts name (${testsOnly.length}):\n${testsOnly.map((l) => `  ${l}`).join('\n')}`);
console.log(`Exports used only inside their own file: ${ownFileOnly}`);
