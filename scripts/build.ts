/**
 * `npm run build`: bundles each extension context with esbuild and writes dist/chrome and dist/firefox, each a
 * complete unpacked extension with its own manifest, the locales, icons and the compiled dataset pack
 * (generated/pack.json, written by `npm run data`, which `npm run build` runs first).
 */
import { build, type BuildOptions } from 'esbuild';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCli, runCli } from './cli.ts';
import { manifestFor, type Target } from './manifest-for.ts';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const TARGETS: readonly Target[] = ['chrome', 'firefox'];
export const distDir = (target: Target): string => join(ROOT, 'dist', target);

const PACK = join(ROOT, 'generated', 'pack.json');

async function bundle(target: Target, minify: boolean, out = distDir(target), define: Record<string, string> = {}): Promise<void> {
  const common: BuildOptions = {
    bundle: true,
    minify,
    sourcemap: minify ? false : 'linked',
    target: ['chrome120', 'firefox128'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    legalComments: 'none',
    logLevel: 'warning',
    define: { 'process.env.NODE_ENV': '"production"', ...define },
  };
  await Promise.all([
    // The service worker and extension pages are modules; no splitting: a chunk's import() throws in a worker.
    build({ ...common, format: 'esm', entryPoints: { background: 'src/background/index.ts' }, outdir: out, absWorkingDir: ROOT }),
    build({ ...common, format: 'esm', entryPoints: { sidepanel: 'src/sidepanel/index.tsx' }, outdir: out, absWorkingDir: ROOT }),
    build({ ...common, format: 'esm', entryPoints: { reader: 'src/pages/reader.tsx' }, outdir: out, absWorkingDir: ROOT }),
    build({ ...common, format: 'esm', entryPoints: { welcome: 'src/pages/welcome.tsx' }, outdir: out, absWorkingDir: ROOT }),
    build({ ...common, format: 'esm', entryPoints: { options: 'src/sidepanel/options.tsx' }, outdir: out, absWorkingDir: ROOT }),
    // Content scripts are classic scripts.
    build({ ...common, format: 'iife', entryPoints: { content: 'src/content/index.ts' }, outdir: out, absWorkingDir: ROOT }),
  ]);
}

function copyStatic(target: Target, out = distDir(target)): void {
  cpSync(join(ROOT, 'assets', '_locales'), join(out, '_locales'), { recursive: true });
  cpSync(join(ROOT, 'assets', 'icons'), join(out, 'icons'), { recursive: true });
  cpSync(join(ROOT, 'src', 'sidepanel', 'sidepanel.html'), join(out, 'sidepanel.html'));
  cpSync(join(ROOT, 'src', 'sidepanel', 'sidepanel.css'), join(out, 'sidepanel.css'));
  cpSync(join(ROOT, 'src', 'pages', 'reader.html'), join(out, 'reader.html'));
  cpSync(join(ROOT, 'src', 'pages', 'reader.css'), join(out, 'reader.css'));
  cpSync(join(ROOT, 'src', 'pages', 'welcome.html'), join(out, 'welcome.html'));
  cpSync(join(ROOT, 'src', 'pages', 'welcome.css'), join(out, 'welcome.css'));
  cpSync(join(ROOT, 'src', 'sidepanel', 'options.html'), join(out, 'options.html'));
  cpSync(PACK, join(out, 'pack.json'));
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const source = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8'));
  writeFileSync(join(out, 'manifest.json'), JSON.stringify(manifestFor(source, target, pkg.version), null, 2));
}

/**
 * `outDir` and `define` are for test builds only (tests/support/test-build.ts writes dist-test/ with a test
 * key defined, see src/background/sync/build-flags.ts); `npm run build` and `npm run package` pass neither.
 */
export async function buildAll(
  options: { minify?: boolean; outDir?: (target: Target) => string; define?: Record<string, string> } = {},
): Promise<void> {
  if (!existsSync(PACK)) throw new Error(`${PACK} is missing: run npm run data first (npm run build does)`);
  for (const target of TARGETS) {
    const out = options.outDir?.(target) ?? distDir(target);
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    await bundle(target, options.minify ?? false, out, options.define);
    copyStatic(target, out);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await runCli('npm run build', async () => {
    const { values } = parseCli({ usage: 'npm run build [-- --minify]', options: { minify: { type: 'boolean' } } }, process.argv.slice(2));
    const started = performance.now();
    await buildAll({ minify: values.minify === true });
    console.log(`built ${TARGETS.map((t) => `dist/${t}`).join(' and ')} in ${Math.round(performance.now() - started)} ms`);
    return 0;
  });
}
