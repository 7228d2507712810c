/** The command line of `npm run eval`: every option known, anything else refused in one line. */

export interface EvalOptions {
  /** Only these documents (ids of the set's manifest); all when undefined. */
  docs?: string[];
  /** Use the build already in dist/ (when it is known to be current). */
  build: boolean;
  help: boolean;
}

export const USAGE = 'npm run eval [-- --docs ar-01,en-03] [--no-build] [--help]';

export class OptionError extends Error {}

export function parseEvalOptions(argv: readonly string[]): EvalOptions {
  const options: EvalOptions = { build: true, help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--help' || a === '-h') options.help = true;
    else if (a === '--no-build') options.build = false;
    else if (a === '--docs' || a.startsWith('--docs=')) {
      const value = a === '--docs' ? argv[++i] : a.slice('--docs='.length);
      const docs = (value ?? '').split(',').map((d) => d.trim()).filter((d) => d !== '');
      if (docs.length === 0 || value?.startsWith('--')) throw new OptionError('--docs needs a comma-separated list of document ids, e.g. --docs ar-01,en-03');
      options.docs = docs;
    } else throw new OptionError(`unknown option ${JSON.stringify(a)}; usage: ${USAGE}`);
  }
  return options;
}
