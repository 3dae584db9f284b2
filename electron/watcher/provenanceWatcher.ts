import { EventEmitter } from 'node:events';
import { existsSync, readdirSync, statSync, watch, type FSWatcher } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { FileTail, type TailChunk } from './fileTail.js';

/** What the watcher reports; the sink decides how each change reaches the workspace. */
export interface WatchSink {
  /** Complete lines appended to a session folder's actions.jsonl (after a reset, the whole file again). */
  lines(folder: string, file: string, chunk: TailChunk): Promise<void>;
  /** A session folder appeared, or one of its non-log files (manifest.yaml, summary.md) changed. */
  folderChanged(provenanceDir: string, folder: string): Promise<void>;
  /** A per-session `<uuid>.json` at the provenance root appeared or changed. */
  rootFileChanged(provenanceDir: string, file: string): Promise<void>;
}

export type WatchMode = 'events' | 'polling' | 'missing';

export interface WatcherOptions {
  /** Poll interval when fs.watch is unavailable or failed (ENOSPC/EMFILE), and the safety re-scan otherwise. */
  pollMs?: number;
  /** Delay from a change to its read, so a burst of writes is read at once (a JSON manifest: quiet time). */
  settleMs?: number;
  /** Force polling (tests, network file systems). */
  polling?: boolean;
}

interface RootState {
  root: string;
  provenanceDir: string;
  watcher: FSWatcher | null;
  /** Folder -> signature of its non-log files (name:size:mtime), to notice changes on a scan. */
  folders: Map<string, string>;
  rootFiles: Map<string, string>;
  tails: Map<string, FileTail>;
}

/**
 * The file tracker: keeps registered project folders in the workspace. Each root's
 * `.claude/provenance/sessions/*` is watched (fs.watch, recursive) with a periodic re-scan as a
 * safety net; where the OS runs out of watchers it polls. Work for one file is queued so reads
 * of one path never overlap. A root that is deleted is re-armed when it comes back.
 */
export class ProvenanceWatcher extends EventEmitter {
  private readonly roots = new Map<string, RootState>();
  private readonly queues = new Map<string, Promise<void>>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private scanTimer: NodeJS.Timeout | null = null;
  private paused = false;
  private readonly pollMs: number;
  private readonly settleMs: number;
  private polling: boolean;

  constructor(
    private readonly sink: WatchSink,
    options: WatcherOptions = {},
  ) {
    super();
    this.pollMs = options.pollMs ?? 250;
    this.settleMs = options.settleMs ?? 30;
    this.polling = options.polling ?? false;
  }

  /** Registers a project root (or its .claude/provenance folder) and imports what is there now. */
  async add(root: string): Promise<void> {
    if (this.roots.has(root)) return;
    const provenanceDir = provenanceDirOf(root);
    const state: RootState = {
      root,
      provenanceDir,
      watcher: null,
      folders: new Map(),
      rootFiles: new Map(),
      tails: new Map(),
    };
    this.roots.set(root, state);
    this.arm(state);
    await this.scan(state);
    this.ensureTimer();
  }

  remove(root: string): void {
    const s = this.roots.get(root);
    if (!s) return;
    s.watcher?.close();
    this.roots.delete(root);
  }

  list(): string[] {
    return [...this.roots.keys()];
  }

  /** How a root is followed now: OS events, polling, or waiting for its provenance folder to exist. */
  mode(root: string): WatchMode | null {
    const s = this.roots.get(root);
    if (!s) return null;
    if (!existsSync(s.provenanceDir)) return 'missing';
    return this.polling || !s.watcher ? 'polling' : 'events';
  }

  /** While paused, changes are noticed but not read; resuming catches up from the byte offsets. */
  setPaused(paused: boolean): void {
    this.paused = paused;
    if (!paused) for (const s of this.roots.values()) void this.scan(s);
  }

  get isPaused(): boolean {
    return this.paused;
  }

  /** Waits until every queued read has reached the sink (tests, shutdown). */
  async idle(): Promise<void> {
    for (;;) {
      const pending = [...this.queues.values()];
      if (!pending.length && !this.timers.size) return;
      await Promise.all(pending);
      await new Promise((r) => setTimeout(r, this.settleMs + 5));
    }
  }

  close(): void {
    for (const s of this.roots.values()) s.watcher?.close();
    this.roots.clear();
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    if (this.scanTimer) clearInterval(this.scanTimer);
    this.scanTimer = null;
  }

  private ensureTimer(): void {
    if (this.scanTimer) return;
    // With fs.watch the scan is a slow safety net; when polling it is the mechanism.
    this.scanTimer = setInterval(
      () => {
        for (const s of this.roots.values()) {
          void this.scan(s).then(() => {
            if (!s.watcher && !this.polling) this.arm(s);
          });
        }
      },
      this.polling ? this.pollMs : Math.max(this.pollMs, 2000),
    );
    this.scanTimer.unref();
  }

  private arm(s: RootState): void {
    if (this.polling || s.watcher || !existsSync(s.provenanceDir)) return;
    try {
      s.watcher = watch(s.provenanceDir, { recursive: true }, (_event, name) => {
        if (name) this.onPath(s, join(s.provenanceDir, name.toString()));
      });
      s.watcher.on('error', (e: NodeJS.ErrnoException) => {
        s.watcher?.close();
        s.watcher = null;
        if (e.code === 'ENOSPC' || e.code === 'EMFILE') this.fallBackToPolling(e.code);
        // Deleted root: the scan timer re-arms once it exists again.
      });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOSPC' || code === 'EMFILE') this.fallBackToPolling(code);
    }
  }

  private fallBackToPolling(code: string): void {
    if (this.polling) return;
    this.polling = true;
    this.emit('warning', `file watching unavailable (${code}); polling every ${this.pollMs} ms instead`);
    for (const s of this.roots.values()) {
      s.watcher?.close();
      s.watcher = null;
    }
    if (this.scanTimer) clearInterval(this.scanTimer);
    this.scanTimer = null;
    this.ensureTimer();
  }

  /** A changed path inside a provenance folder: debounce per session folder, then read it. */
  private onPath(s: RootState, path: string): void {
    const rel = relative(s.provenanceDir, path).split(sep);
    if (rel[0] === 'sessions' && rel[1]) this.schedule(s, join(s.provenanceDir, 'sessions', rel[1]));
    else if (rel.length === 1 && rel[0]?.endsWith('.json')) this.schedule(s, path);
  }

  /**
   * Queues the read of one path `settleMs` after its first change. A session folder is read then
   * even while its log is still being appended to (a live tracker never pauses: waiting for quiet
   * would hold lines back indefinitely; the tail takes complete lines only). A root JSON
   * manifest is written whole at a session's end, so its reads wait until it is quiet.
   */
  private schedule(s: RootState, path: string): void {
    const t = this.timers.get(path);
    const isJson = path.endsWith('.json');
    if (t && !isJson) return;
    if (t) clearTimeout(t);
    this.timers.set(
      path,
      setTimeout(() => {
        this.timers.delete(path);
        this.enqueue(path, () => (isJson ? this.readRootFile(s, path) : this.readFolder(s, path)));
      }, this.settleMs),
    );
  }

  private async readRootFile(s: RootState, file: string): Promise<void> {
    if (this.paused) return;
    let sig: string;
    try {
      const st = statSync(file);
      sig = `${st.size}:${st.mtimeMs}`;
    } catch {
      return;
    }
    if (s.rootFiles.get(file) === sig) return;
    s.rootFiles.set(file, sig);
    await this.sink.rootFileChanged(s.provenanceDir, file);
  }

  private enqueue(key: string, job: () => Promise<void>): void {
    const prev = this.queues.get(key) ?? Promise.resolve();
    const next = prev
      .then(job)
      .catch((e: unknown) => {
        this.emit('error', e);
      })
      .finally(() => {
        if (this.queues.get(key) === next) this.queues.delete(key);
      });
    this.queues.set(key, next);
  }

  /** Lists session folders and queues those that are new or changed. */
  private async scan(s: RootState): Promise<void> {
    const sessions = join(s.provenanceDir, 'sessions');
    let names: string[];
    try {
      names = readdirSync(sessions, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name);
    } catch {
      // Gone (deleted) or not there yet: forget offsets so a recreated folder is read from the start,
      // and drop the watcher of the deleted directory (inotify watches die with it) so it is re-armed.
      s.watcher?.close();
      s.watcher = null;
      s.folders.clear();
      s.rootFiles.clear();
      s.tails.clear();
      return;
    }
    for (const name of names.sort()) {
      const folder = join(sessions, name);
      this.enqueue(folder, () => this.readFolder(s, folder));
    }
    let rootFiles: string[] = [];
    try {
      rootFiles = readdirSync(s.provenanceDir).filter(
        (n) => n.endsWith('.json') && n !== 'metadata-schema.json',
      );
    } catch {
      return;
    }
    for (const name of rootFiles) {
      const file = join(s.provenanceDir, name);
      this.enqueue(file, () => this.readRootFile(s, file));
    }
  }

  private async readFolder(s: RootState, folder: string): Promise<void> {
    if (this.paused) return;
    const sig = folderSignature(folder);
    if (sig === null) {
      s.folders.delete(folder);
      s.tails.delete(join(folder, 'actions.jsonl'));
      return;
    }
    if (s.folders.get(folder) !== sig) {
      s.folders.set(folder, sig);
      await this.sink.folderChanged(s.provenanceDir, folder);
    }
    const file = join(folder, 'actions.jsonl');
    let tail = s.tails.get(file);
    if (!tail) s.tails.set(file, (tail = new FileTail(file)));
    const chunk = tail.read();
    if (chunk && (chunk.lines.length || chunk.reset)) {
      await this.sink.lines(folder, file, chunk);
      this.emit('appended', { folder, file, lines: chunk.lines.length, reset: chunk.reset });
    }
  }
}

/** The `.claude/provenance` folder of a project root (a provenance folder given directly is itself). */
export function provenanceDirOf(root: string): string {
  return basename(root) === 'provenance' ? root : join(root, '.claude', 'provenance');
}

/** The non-log files of a folder with sizes and mtimes; null when the folder is gone. */
export function folderSignature(folder: string): string | null {
  try {
    return readdirSync(folder)
      .filter((n) => n !== 'actions.jsonl')
      .sort()
      .map((n) => {
        const st = statSync(join(folder, n));
        return `${n}:${st.size}:${st.mtimeMs}`;
      })
      .join('|');
  } catch {
    return null;
  }
}
