import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { ImportIssue } from '../../../shared/model/imports.js';

/** One `.claude/provenance` folder to import (or one session folder of it). */
export interface ProvenanceRoot {
  /** The `.claude/provenance` folder, or null for a lone session folder outside one. */
  provenanceDir: string | null;
  /** The project root (the folder holding `.claude/`), or the session folder's parent. */
  projectRoot: string;
  sessionDirs: string[];
  /** Every `<uuid>.json` beside `sessions/` (read for attribution even when one folder is asked for). */
  jsonManifests: string[];
  /** True when only some session folders were asked for: import only the JSON manifests they use. */
  partial: boolean;
}

const UUID_JSON = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.json$/i;
const SESSION_FILES = ['manifest.yaml', 'actions.jsonl', 'summary.md'];

/**
 * Accepts a project root, a `.claude/provenance` folder or one session folder. Session folders
 * are one level below `sessions/`; symlinks are followed once (a loop or a dangling link is an
 * error naming the path, and a folder reached twice is read once).
 */
export function discover(input: string): { root: ProvenanceRoot | null; errors: ImportIssue[] } {
  const path = resolve(input);
  const errors: ImportIssue[] = [];
  const kind = statKind(path, errors);
  if (kind === null) return { root: null, errors };
  if (kind !== 'dir') {
    errors.push({
      path,
      message: 'expected a folder (a project, its .claude/provenance or a session folder)',
    });
    return { root: null, errors };
  }
  const nested = join(path, '.claude', 'provenance');
  if (existsSync(nested)) return { root: scanProvenance(nested, path, errors), errors };
  if (existsSync(join(path, 'sessions')) || readNames(path, errors).some((n) => UUID_JSON.test(n))) {
    const isDotClaude = basename(path) === 'provenance' && basename(dirname(path)) === '.claude';
    return { root: scanProvenance(path, isDotClaude ? dirname(dirname(path)) : path, errors), errors };
  }
  if (SESSION_FILES.some((f) => existsSync(join(path, f)))) {
    const parent = dirname(path);
    const provenanceDir = basename(parent) === 'sessions' ? dirname(parent) : null;
    const isDotClaude =
      provenanceDir !== null &&
      basename(provenanceDir) === 'provenance' &&
      basename(dirname(provenanceDir)) === '.claude';
    return {
      root: {
        provenanceDir,
        projectRoot: isDotClaude ? dirname(dirname(provenanceDir!)) : parent,
        sessionDirs: [path],
        jsonManifests: provenanceDir ? jsonManifests(provenanceDir, errors) : [],
        partial: true,
      },
      errors,
    };
  }
  errors.push({
    path,
    message: 'no .claude/provenance folder, sessions/ folder or session files found here',
  });
  return { root: null, errors };
}

function scanProvenance(dir: string, projectRoot: string, errors: ImportIssue[]): ProvenanceRoot {
  const sessionsDir = join(dir, 'sessions');
  const sessionDirs: string[] = [];
  const seen = new Set<string>();
  if (existsSync(sessionsDir)) {
    for (const name of readNames(sessionsDir, errors).sort()) {
      const p = join(sessionsDir, name);
      if (statKind(p, errors) !== 'dir') continue;
      let real: string;
      try {
        real = realpathSync(p);
      } catch (e) {
        errors.push({ path: p, message: `cannot resolve: ${(e as NodeJS.ErrnoException).code ?? e}` });
        continue;
      }
      if (seen.has(real)) continue;
      seen.add(real);
      sessionDirs.push(p);
    }
  }
  return {
    provenanceDir: dir,
    projectRoot,
    sessionDirs,
    jsonManifests: jsonManifests(dir, errors),
    partial: false,
  };
}

function jsonManifests(dir: string, errors: ImportIssue[]): string[] {
  return readNames(dir, errors)
    .filter((n) => UUID_JSON.test(n))
    .sort()
    .map((n) => join(dir, n));
}

function readNames(dir: string, errors: ImportIssue[]): string[] {
  try {
    return readdirSync(dir);
  } catch (e) {
    errors.push({ path: dir, message: `cannot list: ${(e as NodeJS.ErrnoException).code ?? e}` });
    return [];
  }
}

/** 'dir' | 'file' | 'other', or null (reported) when the path cannot be followed. */
function statKind(p: string, errors: ImportIssue[]): 'dir' | 'file' | 'other' | null {
  try {
    const st = statSync(p);
    return st.isDirectory() ? 'dir' : st.isFile() ? 'file' : 'other';
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ELOOP'
        ? 'symbolic link loop'
        : code === 'ENOENT'
          ? 'does not exist (or is a dangling link)'
          : String(code ?? e);
    errors.push({ path: p, message: why });
    return null;
  }
}
