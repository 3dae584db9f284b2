#!/usr/bin/env node
import { commands } from './registry.js';
import { helpText, isUserFacing, parseCommandArgs, type Command } from './command.js';

/**
 * `provex`: the CLI over the same service as the app. Exit codes: 0 ok; 1 user error (one line on
 * stderr); 2 internal error.
 */
function overview(): string {
  const width = Math.max(...commands.map((c) => c.name.length)) + 2;
  return [
    'provex: browse, compare and export what AI agents did.',
    '',
    'Usage: provex <command> [options]   (provex <command> --help for its options)',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}${c.summary.split('. ')[0]!.replace(/\.$/, '')}`),
    '',
  ].join('\n');
}

/** The longest command name that prefixes argv ("sessions ls" before "sessions"). */
function findCommand(argv: string[]): { cmd: Command; rest: string[] } | undefined {
  const sorted = [...commands].sort((a, b) => b.name.split(' ').length - a.name.split(' ').length);
  for (const cmd of sorted) {
    const words = cmd.name.split(' ');
    if (words.every((w, i) => argv[i] === w)) return { cmd, rest: argv.slice(words.length) };
  }
  return undefined;
}

export async function main(argv: string[]): Promise<number> {
  const out = (t: string) => void process.stdout.write(t);
  const err = (t: string) => void process.stderr.write(t);
  if (!argv.length || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    out(overview());
    return 0;
  }
  if (argv[0] === '--version') {
    out('provex 0.1.0\n');
    return 0;
  }
  const found = findCommand(argv);
  if (!found) {
    const group = commands.filter((c) => c.name.startsWith(`${argv[0]} `));
    if (group.length) {
      err(`provex ${argv[0]}: choose one of: ${group.map((c) => c.name).join(', ')}\n`);
    } else {
      err(`provex: unknown command '${argv[0]}' (see 'provex --help')\n`);
    }
    return 1;
  }
  try {
    const { values, positionals, help } = parseCommandArgs(found.cmd, found.rest);
    if (help) {
      out(helpText(found.cmd));
      return 0;
    }
    await found.cmd.run({
      values,
      positionals,
      stdout: out,
      stderr: err,
      isTTY: Boolean(process.stdin.isTTY),
    });
    return 0;
  } catch (e) {
    if (isUserFacing(e)) {
      err(`provex: ${(e as Error).message.split('\n')[0]}\n`);
      return 1;
    }
    err(`provex: internal error: ${(e as Error)?.stack ?? String(e)}\n`);
    return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`provex: internal error: ${String(e)}\n`);
    process.exitCode = 2;
  },
);
