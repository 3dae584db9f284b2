import { parseArgs, type ParseArgsConfig } from 'node:util';
import { WorkspaceError } from '../store/workspace.js';

/** An error the user can fix: printed as one line on stderr, exit code 1. */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

export type Options = NonNullable<ParseArgsConfig['options']>;
export type Values = Record<string, string | boolean | string[] | undefined>;

export interface CommandContext {
  values: Values;
  positionals: string[];
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTTY: boolean;
}

/** One CLI command; `provex <name...> --help` prints `usage` and the options' descriptions. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  options: Options;
  /** One line per option, shown by --help. */
  optionHelp: Record<string, string>;
  run(ctx: CommandContext): Promise<void>;
}

export const DB_OPTION: Options = { db: { type: 'string' } };
export const DB_HELP = {
  db: 'workspace file (default: $PROVEX_DB, else the app workspace in the user-data folder)',
};

export function parseCommandArgs(
  cmd: Command,
  argv: string[],
): { values: Values; positionals: string[]; help: boolean } {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { ...cmd.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    return { values: values as Values, positionals, help: Boolean(values.help) };
  } catch (e) {
    throw new UserError(`${(e as Error).message.split('\n')[0]} (see 'provex ${cmd.name} --help')`);
  }
}

export function helpText(cmd: Command): string {
  const lines = [`${cmd.summary}`, '', `Usage: provex ${cmd.usage}`];
  const names = Object.keys(cmd.optionHelp);
  if (names.length) {
    lines.push('', 'Options:');
    const width = Math.max(...names.map((n) => n.length)) + 4;
    for (const n of names) lines.push(`  --${n.padEnd(width)}${cmd.optionHelp[n]}`);
  }
  lines.push(`  --${'help'.padEnd(Math.max(8, ...names.map((n) => n.length + 4)))}show this help`);
  return lines.join('\n') + '\n';
}

export function isUserFacing(e: unknown): boolean {
  return e instanceof UserError || (e instanceof WorkspaceError && e.userFacing);
}

export function stringOpt(v: Values, name: string): string | undefined {
  const x = v[name];
  return typeof x === 'string' ? x : undefined;
}

export function oneOf<T extends string>(v: Values, name: string, allowed: readonly T[], fallback: T): T {
  const x = stringOpt(v, name);
  if (x === undefined) return fallback;
  if (!allowed.includes(x as T))
    throw new UserError(`--${name} must be one of ${allowed.join(', ')} (got '${x}')`);
  return x as T;
}
