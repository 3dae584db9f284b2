import { userInfo } from 'node:os';
import { basename, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Workspace } from '../store/workspace.js';
import { MICROGROW_TOOL_MAP, type ToolMap } from './toolMap.js';
import type { DetailLevel } from './trim.js';

export interface TrackerDiagnostic {
  kind:
    | 'db-locked'
    | 'db-write-failed'
    | 'db-unflushed'
    | 'file-write-failed'
    | 'no-session'
    | 'session-ended'
    | 'session-open-at-close';
  message: string;
  sessionId?: string;
  attempt?: number;
  pendingRows?: number;
  error?: unknown;
}

export interface TrackerOptions {
  /** The DuckDB file to write (created and migrated when needed). Either this or `workspace`. */
  dbPath?: string;
  /** An already-open workspace (the app, the CLI): rows go through its write lock. */
  workspace?: Workspace;
  /**
   * Hold the DB file only while writing (open, one transaction, close), so several processes can
   * write one file. Default false: the file stays open until `close()`.
   */
  shareDb?: boolean;
  /** The provenance folder; default `<projectRoot>/.claude/provenance`. */
  root?: string;
  /** The project the agents work in; default the working directory. */
  projectRoot?: string;
  /** Default: the project root's folder name. */
  projectName?: string;
  /** `event_name` -> `tool` rules; default the MicroGrowAgents rules 1–22 (§5.3). */
  toolMap?: ToolMap;
  detailLevel?: DetailLevel;
  /** Queue size per session that triggers a DB flush (default 50). */
  batchSize?: number;
  /** Quiet time after which queued rows are flushed (default 250 ms). */
  idleFlushMs?: number;
  /** Write attempts per flush before it returns, rows kept queued (default 12, with backoff). */
  maxFlushAttempts?: number;
  /** Summary footer and `metadata.created_by` (default the MicroGrowAgents system name). */
  systemName?: string;
  model?: string;
  user?: string;
  onDiagnostic?: (d: TrackerDiagnostic) => void;
}

export interface ResolvedOptions {
  projectRoot: string;
  projectName: string;
  root: string;
  sessionsDir: string;
  /** `sessions/` as written in manifests and summaries: relative to the project root, `/`-separated. */
  sessionsDirForText: string;
  toolMap: ToolMap;
  detailLevel: DetailLevel;
  batchSize: number;
  idleFlushMs: number;
  maxFlushAttempts: number;
  systemName: string;
  model: string;
  user: string;
}

export function resolveOptions(o: TrackerOptions): ResolvedOptions {
  const projectRoot = resolve(o.projectRoot ?? process.cwd());
  const root = resolve(projectRoot, o.root ?? join('.claude', 'provenance'));
  const sessionsDir = join(root, 'sessions');
  return {
    projectRoot,
    projectName: o.projectName ?? basename(projectRoot),
    root,
    sessionsDir,
    sessionsDirForText: pathForText(projectRoot, sessionsDir),
    toolMap: o.toolMap ?? MICROGROW_TOOL_MAP,
    detailLevel: o.detailLevel ?? 'standard',
    batchSize: o.batchSize ?? 50,
    idleFlushMs: o.idleFlushMs ?? 250,
    maxFlushAttempts: o.maxFlushAttempts ?? 12,
    systemName: o.systemName ?? 'MicroGrowAgents Provenance System v1.0',
    model: o.model ?? 'claude-sonnet-4-5',
    user: o.user ?? safeUserName(),
  };
}

/** Relative to the project root with `/` when inside it, else absolute (§12.11). */
export function pathForText(projectRoot: string, path: string): string {
  if (path === ':memory:') return path;
  const rel = relative(projectRoot, resolve(path));
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return resolve(path);
  return rel.split(sep).join('/');
}

function safeUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'unknown';
  }
}
