/**
 * What every command-line tool of the project shares: options parsed strictly, and a user's mistake (a missing
 * argument, a missing or unreadable file, a bad key, an unknown option) answered with ONE line that says what is
 * wrong and what to do, and a non-zero exit: never a stack trace. A tool's `main` throws `CliError` for what
 * the user can fix; anything else that escapes is still printed as one line (with `DEBUG=1` for the stack).
 */
import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';

/** A mistake the user can fix. `exitCode` 2 for usage, 1 for everything else. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode = 1) {
    super(message);
    this.name = 'CliError';
  }
}

export interface OptionSpec {
  type: 'string' | 'boolean';
  multiple?: boolean;
}

export interface CliSpec<O extends Record<string, OptionSpec>> {
  /** How the user runs the tool, e.g. `npm run feed -- build <out-dir> --key <private.pem>`. */
  usage: string;
  options: O;
  /** How many positional arguments the tool takes (default 0). */
  positionals?: { min?: number; max?: number; names?: readonly string[] };
}

type Values<O extends Record<string, OptionSpec>> = {
  [K in keyof O]?: O[K] extends { type: 'boolean' } ? boolean : O[K] extends { multiple: true } ? string[] : string;
};

/**
 * Parses `args` against `spec`. Unknown options, options without their value and missing or surplus
 * positionals throw a CliError (exit code 2) that repeats the usage line.
 */
export function parseCli<O extends Record<string, OptionSpec>>(spec: CliSpec<O>, args: readonly string[]): { values: Values<O>; positionals: string[] } {
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...args], options: spec.options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliError(`${describeParseError(error as NodeJS.ErrnoException, args)}. Usage: ${spec.usage}`, 2);
  }
  const { min = 0, max = 0, names = [] } = spec.positionals ?? {};
  if (parsed.positionals.length < min) {
    const missing = names[parsed.positionals.length] ?? 'an argument';
    throw new CliError(`missing ${missing}. Usage: ${spec.usage}`, 2);
  }
  if (parsed.positionals.length > max) {
    throw new CliError(`unexpected argument "${parsed.positionals[max]}". Usage: ${spec.usage}`, 2);
  }
  return { values: parsed.values as Values<O>, positionals: parsed.positionals };
}

function describeParseError(error: NodeJS.ErrnoException, args: readonly string[]): string {
  const option = /'(-{1,2}[^',\s]+)/.exec(error.message)?.[1];
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${option ?? args.find((a) => a.startsWith('-')) ?? ''}`.trim();
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return option ? `option ${option} needs a value` : 'an option is missing its value';
    default:
      return error.message.split('\n')[0]!;
  }
}

/** A whole number ≥ `min` from an option's text, or a CliError naming the option. */
export function intOption(text: string | undefined, name: string, fallback: number, min = 1): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < min) throw new CliError(`--${name} must be a whole number ≥ ${min}, not "${text}"`, 2);
  return n;
}

/**
 * Reads a file the user named, or throws a CliError that says which file, what is wrong with it and what to
 * do (`what` names it for the user: "the private key", "the feed folder").
 */
export function readUserFile(path: string, what: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new CliError(fileProblem(error as NodeJS.ErrnoException, path, what));
  }
}

/** Checks that `path` is a directory the tool can read, or throws a CliError. */
export function requireDirectory(path: string, what: string): void {
  try {
    if (!statSync(path).isDirectory()) throw new CliError(`${what} ${path} is a file, not a folder`);
    accessSync(path, constants.R_OK);
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(fileProblem(error as NodeJS.ErrnoException, path, what));
  }
}

function fileProblem(error: NodeJS.ErrnoException, path: string, what: string): string {
  switch (error.code) {
    case 'ENOENT':
      return `${what} ${path} does not exist: check the path`;
    case 'EACCES':
    case 'EPERM':
      return `${what} ${path} cannot be read (permission denied): check its permissions`;
    case 'EISDIR':
      return `${what} ${path} is a folder, not a file`;
    default:
      return `${what} ${path} cannot be read: ${error.message.split('\n')[0]}`;
  }
}

/** Reports one line for `error` on stderr, as `<tool>: <message>`. */
export function reportError(tool: string, error: unknown): number {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`${tool}: ${message.split('\n')[0]}`);
  if (process.env.DEBUG && error instanceof Error && !(error instanceof CliError)) console.error(error.stack);
  return error instanceof CliError ? error.exitCode : 1;
}

/**
 * Runs a tool's `main` and sets the exit code: its own on success, the error's on failure (one line). Errors
 * that escape later (an unhandled rejection in a server callback) are reported the same way.
 */
export async function runCli(tool: string, main: () => Promise<number> | number): Promise<void> {
  const fail = (error: unknown) => {
    process.exitCode = reportError(tool, error);
  };
  // A long-running tool (a server) would otherwise go on half-broken after an error in a callback.
  const failAndExit = (error: unknown) => {
    fail(error);
    process.exit();
  };
  process.on('unhandledRejection', failAndExit);
  process.on('uncaughtException', failAndExit);
  try {
    process.exitCode = await main();
  } catch (error) {
    fail(error);
  }
}
