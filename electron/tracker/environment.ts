import { existsSync, readFileSync, statSync } from 'node:fs';
import { arch, hostname, release, type } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RuntimeEnvironment } from './records.js';

/** Packages whose versions the `environment.dependencies` block names (the reference lists its own). */
const DEPENDENCIES = ['@duckdb/node-api', 'yaml'];

let cached: RuntimeEnvironment | null = null;

/**
 * The runtime, in the reference's `environment` keys: `python_version` holds the full Node.js
 * version text (the role of `sys.version`), `platform` is `<OS>-<release>-<arch>`.
 */
export function runtimeEnvironment(): RuntimeEnvironment {
  if (cached) return cached;
  const dependencies: Record<string, string> = {};
  for (const name of DEPENDENCIES) {
    const version = packageVersion(name);
    if (version) dependencies[name] = version;
  }
  cached = {
    python_version: `${process.versions.node} (Node.js; V8 ${process.versions.v8}) [${process.platform}-${process.arch}]`,
    platform: `${type()}-${release()}-${arch()}`,
    hostname: hostname(),
    dependencies,
  };
  return cached;
}

/** The short runtime version for `user_context.python_version` (like `"3.11.7"`). */
export function runtimeVersion(): string {
  return process.versions.node;
}

function packageVersion(name: string): string | null {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const file = join(dir, 'node_modules', name, 'package.json');
    if (existsSync(file)) {
      try {
        return (
          String((JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown }).version ?? '') || null
        );
      } catch {
        return null;
      }
    }
    const up = dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
}

export interface GitState {
  branch: string | null;
  commit: string | null;
}

/**
 * Branch and commit of the repository holding `root`, read from `.git` directly (no `git`
 * process per session). Worktrees (`.git` file), packed refs and detached HEADs are handled;
 * anything unreadable gives nulls.
 */
export function readGitState(root: string): GitState {
  try {
    const gitDir = findGitDir(resolve(root));
    if (!gitDir) return { branch: null, commit: null };
    const head = readFileSync(join(gitDir, 'HEAD'), 'utf8').trim();
    if (!head.startsWith('ref:')) return { branch: null, commit: head || null };
    const ref = head.slice(4).trim();
    const branch = ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : ref;
    return { branch, commit: resolveRef(gitDir, ref) };
  } catch {
    return { branch: null, commit: null };
  }
}

function findGitDir(start: string): string | null {
  let dir = start;
  for (;;) {
    const dotGit = join(dir, '.git');
    if (existsSync(dotGit)) {
      if (statSync(dotGit).isDirectory()) return dotGit;
      const m = /^gitdir:\s*(.+)$/m.exec(readFileSync(dotGit, 'utf8'));
      return m?.[1] ? resolve(dir, m[1].trim()) : null;
    }
    const up = dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
}

function resolveRef(gitDir: string, ref: string): string | null {
  const commonFile = join(gitDir, 'commondir');
  const common = existsSync(commonFile) ? resolve(gitDir, readFileSync(commonFile, 'utf8').trim()) : gitDir;
  for (const base of [gitDir, common]) {
    const loose = join(base, ref);
    if (existsSync(loose)) return readFileSync(loose, 'utf8').trim() || null;
  }
  const packed = join(common, 'packed-refs');
  if (!existsSync(packed)) return null;
  for (const line of readFileSync(packed, 'utf8').split('\n')) {
    const [sha, name] = line.split(' ');
    if (name === ref && sha) return sha;
  }
  return null;
}
