import { resolve } from 'node:path';
import { Mutex } from '../store/mutex.js';
import { Workspace, type Transaction } from '../store/workspace.js';

/** Where the tracker's rows go: one transaction per call. */
export interface DbTarget {
  readonly path: string;
  /** `shared` holds the file only while writing; `exclusive` keeps it open; `workspace` is the caller's. */
  readonly mode: 'shared' | 'exclusive' | 'workspace';
  write(fn: (tx: Transaction) => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

/** An already-open workspace (the app, the CLI): writes share its write lock; never closed here. */
export class WorkspaceTarget implements DbTarget {
  readonly mode = 'workspace';
  constructor(private readonly ws: Workspace) {}
  get path(): string {
    return this.ws.path;
  }
  write(fn: (tx: Transaction) => Promise<void>): Promise<void> {
    return this.ws.transaction(fn);
  }
  async close(): Promise<void> {}
}

// Two trackers of one process writing one file must take turns: DuckDB's file lock is per process.
const fileLocks = new Map<string, Mutex>();
function fileLock(path: string): Mutex {
  let m = fileLocks.get(path);
  if (!m) fileLocks.set(path, (m = new Mutex()));
  return m;
}

/**
 * A DuckDB file the tracker opens itself. Shared: open, write one transaction, close, so other
 * processes can write between flushes (DuckDB allows one writing process per file). Exclusive:
 * opened at the first write and kept open (reopened after a failure).
 */
export class FileTarget implements DbTarget {
  readonly path: string;
  private ws: Workspace | null = null;

  constructor(
    path: string,
    readonly mode: 'shared' | 'exclusive',
  ) {
    this.path = resolve(path);
  }

  write(fn: (tx: Transaction) => Promise<void>): Promise<void> {
    return fileLock(this.path).run(async () => {
      const ws = this.ws ?? (await Workspace.open(this.path));
      let ok = false;
      try {
        await ws.transaction(fn);
        ok = true;
      } finally {
        if (this.mode === 'shared' || !ok) {
          this.ws = null;
          closeQuietly(ws);
        } else {
          this.ws = ws;
        }
      }
    });
  }

  async close(): Promise<void> {
    await fileLock(this.path).run(async () => {
      if (this.ws) closeQuietly(this.ws);
      this.ws = null;
    });
  }
}

function closeQuietly(ws: Workspace): void {
  try {
    ws.close();
  } catch {
    // The transaction's outcome is already known; a failing close must not turn a commit into a retry.
  }
}

/** DuckDB's "file is locked by another process" (and our wording of it). */
export function isLockConflict(e: unknown): boolean {
  return /lock|another process|being used by/i.test(String((e as Error)?.message ?? e));
}
