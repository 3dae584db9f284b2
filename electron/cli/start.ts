/**
 * `npm start` / `provex start`: the desktop app where Electron's binary is installed, otherwise a
 * clear message and a hand-back so the caller starts the browser mode. The binary is located the
 * way `require('electron')` does, without requiring it: in Electron 45 that require tries to
 * download the binary when it is missing.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type ElectronLookup = { found: true; binary: string } | { found: false; why: string };

export interface StartOptions {
  /** The `electron` package folder (default: resolved from node_modules). */
  electronDir?: string;
  /** The compiled main-process entry (default dist/electron/main/index.js). */
  mainPath?: string;
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
}

export type StartResult =
  { mode: 'electron'; child: ChildProcess; exited: Promise<number> } | { mode: 'browser'; reason: string };

const DEFAULT_MAIN = join(import.meta.dirname, '..', 'main', 'index.js');

function electronPackageDir(): string | null {
  try {
    return dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/** Where Electron's binary is, or why there is none (same rules as the package's index.js). */
export function findElectron(electronDir = electronPackageDir(), env = process.env): ElectronLookup {
  if (electronDir === null) return { found: false, why: 'the electron package is not installed' };
  const pathFile = join(electronDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const binary = env.ELECTRON_OVERRIDE_DIST_PATH
    ? join(env.ELECTRON_OVERRIDE_DIST_PATH, executable || 'electron')
    : executable
      ? join(electronDir, 'dist', executable)
      : null;
  if (binary === null || !existsSync(binary)) {
    return {
      found: false,
      why: "Electron's binary is not installed on this machine (ELECTRON_SKIP_BINARY_DOWNLOAD)",
    };
  }
  return { found: true, binary };
}

/** Spawns the desktop app with `argv` (e.g. `--db PATH`), or says why not and returns 'browser'. */
export function startApp(argv: readonly string[], options: StartOptions = {}): StartResult {
  const env = options.env ?? process.env;
  const log = options.log ?? ((line: string) => console.error(line));
  const lookup = findElectron(options.electronDir ?? electronPackageDir(), env);
  if (!lookup.found) {
    const reason = `${lookup.why} — starting the browser mode`;
    log(reason);
    return { mode: 'browser', reason };
  }
  // Set in the environment, this would make Electron behave as plain Node.
  const { ELECTRON_RUN_AS_NODE: _asNode, ...childEnv } = env;
  const child = spawn(lookup.binary, [options.mainPath ?? DEFAULT_MAIN, ...argv], {
    stdio: 'inherit',
    env: childEnv,
  });
  const exited = new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
  return { mode: 'electron', child, exited };
}
