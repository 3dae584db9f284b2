import { closeSync, existsSync, openSync, readSync, readdirSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { ImportKind } from '../../shared/model/imports.js';

/** What a path holds, or why it cannot be imported. */
export type Detected = { kind: ImportKind } | { error: string };

function head(path: string, n: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(n);
    const got = readSync(fd, buf, 0, n, 0);
    return buf.subarray(0, got);
  } finally {
    closeSync(fd);
  }
}

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

function looksLikeChainJson(text: string): boolean {
  // A chain file is an object with an "events" array and a name; a provenance JSON manifest has
  // "manifest_version" and "execution_trace" instead.
  return (
    /"events"\s*:/.test(text) && !/"execution_trace"\s*:/.test(text) && !/"manifest_version"\s*:/.test(text)
  );
}

/**
 * Detects a path's kind from its layout (folders), magic bytes (SQLite, DuckDB) and JSON shape.
 * Text files are markup only when the caller says so (`--kind markup`): a folder walk never
 * reads LLM output as chains.
 */
export function detectKind(path: string): Detected {
  if (!existsSync(path)) return { error: `${path}: no such file or folder` };
  const st = statSync(path);
  if (st.isDirectory()) {
    if (basename(path) === 'provenance' || existsSync(join(path, '.claude', 'provenance')))
      return { kind: 'claude' };
    if (existsSync(join(path, 'manifest.yaml')) || existsSync(join(path, 'actions.jsonl')))
      return { kind: 'claude' };
    if (existsSync(join(path, 'sessions')) && basename(path) !== 'sessions') return { kind: 'claude' };
    const names = readdirSync(path);
    if (names.some((n) => n.endsWith('.json'))) return { kind: 'chains' };
    return { error: `${path}: neither a .claude/provenance folder nor a folder of chain files` };
  }
  if (!st.isFile()) return { error: `${path}: not a regular file` };
  if (st.size === 0) return { error: `${path}: empty file` };
  const bytes = head(path, 4096);
  if (bytes.subarray(0, 16).equals(SQLITE_MAGIC)) return { kind: 'tasks' };
  if (bytes.subarray(8, 12).toString('latin1') === 'DUCK') return { kind: 'duckdb' };
  const ext = extname(path).toLowerCase();
  if (ext === '.json') {
    const text = bytes.toString('utf8');
    if (looksLikeChainJson(text)) return { kind: 'chains' };
    if (/"execution_trace"|"manifest_version"/.test(text)) return { kind: 'claude' };
    return { error: `${path}: a JSON file that is neither a CrucibleTrace chain nor a provenance manifest` };
  }
  if (ext === '.sql') {
    // A dump of a Go tracker database (the reference DDL starts with its lookup tables).
    if (/CREATE TABLE (IF NOT EXISTS )?statuses/i.test(bytes.toString('utf8'))) return { kind: 'tasks' };
    return { error: `${path}: a SQL script that is not a Go task-tracker database dump` };
  }
  if (ext === '.jsonl' || ext === '.yaml' || ext === '.yml' || ext === '.md') {
    return { error: `${path}: import the session folder or project that holds this file` };
  }
  if (ext === '.duckdb' || ext === '.db')
    return { error: `${path}: not a DuckDB or SQLite database (bad header)` };
  return { error: `${path}: unknown kind; name it with --kind (text with <event> blocks: --kind markup)` };
}
