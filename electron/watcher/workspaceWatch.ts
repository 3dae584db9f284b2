import { createHash } from 'node:crypto';
import { basename, resolve } from 'node:path';
import type { WatchAppended, WatchImported, WatchList, WatchRoot } from '../../shared/model/watch.js';
import type { Workspace } from '../store/workspace.js';
import { sessionFolders } from './provenanceFiles.js';
import { ProvenanceWatcher, provenanceDirOf, type WatcherOptions } from './provenanceWatcher.js';
import { WorkspaceSink, type WatchChange } from './workspaceSink.js';

/** A root id nobody allowed: user-facing, 404 over HTTP. */
export class WatchError extends Error {
  readonly userFacing = true;
  constructor(
    message: string,
    readonly status = 404,
  ) {
    super(message);
    this.name = 'WatchError';
  }
}

export interface WorkspaceWatchOptions {
  /** Folders that may be watched (chosen by id through the contract). */
  allowRoots?: readonly string[];
  watcher?: WatcherOptions;
  onAppended?: (e: WatchAppended) => void;
  onImported?: (e: WatchImported) => void;
  /** Rows changed (after each commit). */
  onStoreChanged?: (tables: string[]) => void;
}

interface RootEntry {
  id: string;
  path: string;
  provenanceDir: string;
  watched: boolean;
  lines: number;
  lastChange: string | null;
  lastError: string | null;
}

/** The id a folder is known by in the contract: stable across restarts, no path in it. */
export function watchRootId(path: string): string {
  return createHash('sha1').update(resolve(path)).digest('hex').slice(0, 12);
}

/**
 * The file tracker of one workspace: which folders may be watched, which are, and their state.
 * Folders enter only from the main process side (`allowRoots`, `watchPath`); the contract picks
 * among them by id. A watched root is imported whole, then followed by a ProvenanceWatcher whose
 * changes a WorkspaceSink writes; each write is reported (appended lines, imports, tables).
 */
export class WorkspaceWatch {
  private readonly roots = new Map<string, RootEntry>();
  private readonly sink: WorkspaceSink;
  private readonly watcher: ProvenanceWatcher;

  constructor(
    ws: Workspace,
    private readonly options: WorkspaceWatchOptions = {},
  ) {
    for (const r of options.allowRoots ?? []) this.entry(r);
    this.sink = new WorkspaceSink(ws, {
      onChange: (c) => this.changed(c),
      onError: (e, path) => this.failed(path, e.message),
    });
    this.watcher = new ProvenanceWatcher(this.sink, options.watcher);
    this.watcher.on('error', (e: unknown) => this.failed('', String((e as Error)?.message ?? e)));
    this.watcher.on('warning', (message: string) => {
      for (const r of this.roots.values()) if (r.watched) r.lastError = message;
    });
  }

  list(): WatchList {
    return {
      paused: this.watcher.isPaused,
      roots: [...this.roots.values()].map((r) => this.describe(r)),
    };
  }

  /**
   * Watches a folder the caller decided may be watched (a project root or its
   * `.claude/provenance`): imports what is there, then keeps it in the workspace.
   */
  async watchPath(path: string): Promise<WatchRoot> {
    const r = this.entry(path);
    if (!r.watched) {
      r.watched = true;
      try {
        await this.sink.importRoot(r.provenanceDir);
        await this.watcher.add(r.path);
      } catch (e) {
        r.watched = false;
        throw e;
      }
    }
    return this.describe(r);
  }

  async add(rootId: string): Promise<WatchList> {
    await this.watchPath(this.byId(rootId).path);
    return this.list();
  }

  async remove(rootId: string): Promise<WatchList> {
    const r = this.byId(rootId);
    if (r.watched) {
      this.watcher.remove(r.path);
      await this.sink.forget(r.provenanceDir);
      r.watched = false;
    }
    return this.list();
  }

  pause(paused: boolean): WatchList {
    this.watcher.setPaused(paused);
    return this.list();
  }

  /** Waits until what was noticed so far is written (tests, shutdown). */
  idle(): Promise<void> {
    return this.watcher.idle();
  }

  /** Stops watching and waits for the writes in flight. */
  async close(): Promise<void> {
    this.watcher.close();
    await this.watcher.idle();
  }

  private entry(path: string): RootEntry {
    const full = resolve(path);
    const id = watchRootId(full);
    let r = this.roots.get(id);
    if (!r) {
      r = {
        id,
        path: full,
        provenanceDir: provenanceDirOf(full),
        watched: false,
        lines: 0,
        lastChange: null,
        lastError: null,
      };
      this.roots.set(id, r);
    }
    return r;
  }

  private byId(rootId: string): RootEntry {
    const r = this.roots.get(rootId);
    if (!r) throw new WatchError(`no folder with id ${rootId} may be watched`);
    return r;
  }

  private describe(r: RootEntry): WatchRoot {
    return {
      root_id: r.id,
      label: basename(r.path),
      location: r.path,
      watched: r.watched,
      state: r.watched ? (this.watcher.mode(r.path) ?? 'off') : 'off',
      folders: sessionFolders(r.provenanceDir).length,
      lines: r.lines,
      last_change: r.lastChange,
      last_error: r.lastError,
    };
  }

  private rootOf(path: string): RootEntry | undefined {
    return [...this.roots.values()].find((r) => r.watched && path.startsWith(r.provenanceDir));
  }

  private changed(c: WatchChange): void {
    const r = this.rootOf(c.provenanceDir);
    if (!r) return;
    r.lastChange = new Date().toISOString();
    if (c.kind === 'appended') {
      r.lines += c.lines;
      this.options.onAppended?.({
        root_id: r.id,
        folder: basename(c.folder),
        session_ids: c.sessionIds,
        lines: c.lines,
      });
    } else {
      const written = c.report.sources.filter((s) => s.status === 'imported' || s.status === 'replaced');
      this.options.onImported?.({
        root_id: r.id,
        folder: c.folder === null ? null : basename(c.folder),
        sources: written.length,
        sessions: c.report.totals.sessions,
        events: c.report.totals.events,
      });
    }
    this.options.onStoreChanged?.(c.tables);
  }

  private failed(path: string, message: string): void {
    const r = path ? this.rootOf(path) : undefined;
    for (const x of r ? [r] : [...this.roots.values()].filter((y) => y.watched))
      x.lastError = path ? `${path}: ${message}` : message;
  }
}
