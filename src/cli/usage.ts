import { TICK_INTERVALS, type TickInterval } from '../callers/decide/schedule.js';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { readClock } from '../host/clock.js';

/** A mistake in how the command was called: exit 2 with one line and where the options are. */
export class UsageError extends Error {}

export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

/** Where the config lives unless `--config` says otherwise. */
export const DEFAULT_CONFIG = '.github/support-kit';

/**
 * A `--config` the user named must exist: a typo would otherwise run on the defaults and report
 * figures from a config nobody wrote. The default folder may be absent (defaults are meant then).
 */
export function namedConfig(path: string, fallback: string): string {
  if (path !== fallback && !existsSync(resolve(process.cwd(), path)))
    throw new UsageError(`--config ${path}: no such file or folder (from ${process.cwd()})`);
  return path;
}

/** Commands that call GitHub need a token; say how to get one rather than the library's words. */
export function requireToken(): void {
  if (!process.env.GITHUB_TOKEN)
    throw new UsageError(
      'set GITHUB_TOKEN to a token that can read the repository (GITHUB_TOKEN=$(gh auth token) works)',
    );
}

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

export const stdio: Io = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * A group's options, parsed strictly: an unknown or malformed option is a usage error that
 * says so in one line (exit 2). Every group takes -h/--help.
 */
export function parseGroupArgs<O extends Options>(
  argv: string[],
  options: O,
  allowPositionals = false,
) {
  try {
    return parseArgs({
      args: argv,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals,
      strict: true,
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** The group's command: exactly one of `commands`, or a usage error naming what was given. */
export function commandOf<C extends string>(positionals: string[], commands: readonly C[]): C {
  const [command] = positionals;
  if (positionals.length === 1 && (commands as readonly string[]).includes(command ?? ''))
    return command as C;
  const expected =
    commands.length === 1 ? `"${commands[0] ?? ''}"` : `one of ${commands.join(', ')}`;
  throw new UsageError(
    `expected ${expected}${positionals.length ? `, not "${positionals.join(' ')}"` : ''}`,
  );
}

/** The command's one reading of the clock (see readClock); a bad SUPPORT_KIT_NOW is a usage error. */
export function cliClock(): Date {
  const now = readClock();
  if ('invalid' in now) throw new UsageError(now.invalid);
  return now;
}

/**
 * Runs one group (or development tool) of the command line: a usage mistake exits 2 with one
 * line saying what to type and where the options are (not the whole help, which buries it), any
 * other error exits 1 with its message.
 */
export async function runGroup(
  name: string,
  run: (argv: string[], io: Io) => Promise<number>,
  argv: string[],
  io: Io,
): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(
        `support-kit ${name}: ${error.message}\nRun \`support-kit ${name} --help\` for the options.`,
      );
      return EXIT.usage;
    }
    io.err(`support-kit ${name}: ${(error as Error).message}`);
    return EXIT.findings;
  }
}

/** `--tick 15|30|60`: minutes between two ticks of the schedule in covered hours. */
export function tickInterval(value: string | undefined): TickInterval {
  const minutes = Number(value ?? '30');
  const found = TICK_INTERVALS.find((t) => t === minutes);
  if (found === undefined)
    throw new UsageError(`--tick must be 15, 30 or 60 (minutes), not "${value ?? ''}"`);
  return found;
}

/**
 * The checkout a config folder belongs to: the nearest folder at or above it that holds `.git`
 * or (above the config itself) `.github`, else the current folder. Issue templates and the paths
 * in problems are read from there, so `--config /elsewhere/.github/support-kit` checks that
 * repository's templates, not the current folder's.
 */
export function checkoutRootOf(configPath: string): string {
  const cwd = process.cwd();
  const absolute = resolve(cwd, configPath);
  const start = /\.ya?ml$/.test(absolute) ? dirname(absolute) : absolute;
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git')) || (dir !== start && existsSync(join(dir, '.github'))))
      return dir;
    if (dirname(dir) === dir) return cwd;
  }
}
