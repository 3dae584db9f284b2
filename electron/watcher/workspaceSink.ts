import { join, basename, dirname } from 'node:path';
import type { EventId, SessionId } from '../../shared/model/ids.js';
import type { ImportReport } from '../../shared/model/imports.js';
import type { ActionAttributor } from '../importers/claude/actionRecords.js';
import { importClaudeTracked } from '../importers/claude/importClaude.js';
import type { SourceText } from '../importers/claude/sourceFile.js';
import { Mutex } from '../store/mutex.js';
import type { Workspace } from '../store/workspace.js';
import { appendActionLines } from './appendActions.js';
import type { TailChunk } from './fileTail.js';
import {
  chunkSource,
  fileStamp,
  readPrefix,
  rootJsons,
  sessionFolders,
  startMinute,
} from './provenanceFiles.js';
import { folderSignature, type WatchSink } from './provenanceWatcher.js';

/** One write the sink made: lines appended to an action log, or files (re)imported. */
export type WatchChange =
  | {
      kind: 'appended';
      provenanceDir: string;
      folder: string;
      sessionIds: SessionId[];
      eventIds: EventId[];
      lines: number;
      tables: string[];
    }
  | {
      kind: 'imported';
      provenanceDir: string;
      /** The session folder, or null for several folders or a whole root. */
      folder: string | null;
      report: ImportReport;
      tables: string[];
    };

export interface WorkspaceSinkOptions {
  onChange?: (change: WatchChange) => void;
  /** A write that failed; the file is read whole again at its next change. */
  onError?: (error: Error, path: string) => void;
}

/**
 * Where one action log stands. `imported`: an import read it from disk and the tail has not
 * read it yet (its first read confirms the same bytes, or the log is imported again from what
 * the tail read). `tailing`: the workspace holds exactly the lines before `offset`, which hash
 * to `hash`; the next chunk must start at `nextLine`.
 */
type LogState =
  | { phase: 'imported'; attributor: ActionAttributor; hash: string; size: number }
  | {
      phase: 'tailing';
      attributor: ActionAttributor;
      hash: string;
      offset: number;
      nextLine: number;
      projectId?: number | null;
    };

const PROVENANCE_TABLES = [
  'provenance_sessions',
  'provenance_events',
  'provenance_tool_calls',
  'provenance_decisions',
  'provenance_transformations',
  'provenance_entity_links',
];

/**
 * Keeps the workspace in step with watched provenance folders (a WatchSink). A new or changed
 * session folder or root JSON manifest is imported (files whose hash is unchanged are skipped);
 * lines appended to an action log take the append path (only the new lines are parsed and
 * written, see appendActions.ts); a new, truncated or replaced log is imported whole from what
 * the tail read. An action log reaches the workspace only as bytes the tail has hashed, so the
 * source bookkeeping always describes exactly the rows written. All work is serialised.
 *
 * Lines of a session whose manifest is not written yet (the reference tracker writes it at the
 * end) go to a provisional session made from their `agent_start` line. When the JSON manifest or
 * manifest.yaml arrives, the log is attributed again with the new context: its lines move to the
 * real session, and the provisional one, claimed by no source any more, is deleted.
 */
export class WorkspaceSink implements WatchSink {
  private readonly lock = new Mutex();
  private readonly logs = new Map<string, LogState>();
  /** Folder / root JSON path -> its signature when last imported (skips redundant imports). */
  private readonly stamps = new Map<string, string>();

  constructor(
    private readonly ws: Workspace,
    private readonly options: WorkspaceSinkOptions = {},
  ) {}

  /** Imports a whole `.claude/provenance` folder (before watching it). */
  importRoot(provenanceDir: string): Promise<ImportReport> {
    return this.lock.run(() => this.importRootNow(provenanceDir));
  }

  /** Forgets every file under a folder (a root no longer watched); its rows stay. */
  forget(provenanceDir: string): Promise<void> {
    return this.lock.run(async () => {
      for (const k of [...this.logs.keys()]) if (k.startsWith(provenanceDir)) this.logs.delete(k);
      for (const k of [...this.stamps.keys()]) if (k.startsWith(provenanceDir)) this.stamps.delete(k);
    });
  }

  lines(folder: string, file: string, chunk: TailChunk): Promise<void> {
    return this.lock.run(() => this.guard(file, () => this.onLines(folder, file, chunk)));
  }

  folderChanged(provenanceDir: string, folder: string): Promise<void> {
    return this.lock.run(() =>
      this.guard(folder, async () => {
        const stamp = folderSignature(folder);
        if (stamp === null || this.stamps.get(folder) === stamp) return;
        await this.importFolders(provenanceDir, [folder]);
      }),
    );
  }

  rootFileChanged(provenanceDir: string, file: string): Promise<void> {
    return this.lock.run(() =>
      this.guard(file, async () => {
        const stamp = fileStamp(file);
        if (stamp === null || this.stamps.get(file) === stamp) return;
        const minute = startMinute(file);
        // Being written (or broken for good, which the importer treats as missing): wait for its next change.
        if (minute === undefined) return;
        const folders = sessionFolders(provenanceDir).filter((f) => minute && basename(f).startsWith(minute));
        const report = folders.length ? await this.importFolders(provenanceDir, folders) : null;
        // Its session folder is elsewhere (or the JSON is the only trace): import the whole root.
        if (!report?.sources.some((s) => s.path === file)) await this.importRootNow(provenanceDir);
        this.stamps.set(file, stamp);
      }),
    );
  }

  private async onLines(folder: string, file: string, chunk: TailChunk): Promise<void> {
    const provenanceDir = dirname(dirname(folder));
    const st = this.logs.get(file);
    if (st?.phase === 'tailing' && !chunk.reset && chunk.firstLine === st.nextLine) {
      await this.append(provenanceDir, folder, file, st, chunk);
      return;
    }
    const end = { offset: chunk.offset, nextLine: chunk.firstLine + chunk.lines.length, hash: chunk.sha256 };
    if (st?.phase === 'imported' && !chunk.reset && chunk.firstLine === 1) {
      if (st.size === chunk.offset && st.hash === chunk.sha256) {
        // The import read exactly what the tail read: nothing to write.
        this.logs.set(file, { phase: 'tailing', attributor: st.attributor, ...end });
        return;
      }
    }
    // A new, grown, truncated or replaced log, or a tail that restarted: import it whole, from
    // the bytes the tail read (a chunk from line 1 holds them all; else read that prefix again).
    const src =
      chunk.firstLine === 1 ? chunkSource(file, chunk) : readPrefix(file, chunk.offset, chunk.sha256);
    if (src === null) {
      this.logs.delete(file); // changed underneath: the tail's next read resets
      return;
    }
    await this.importFolders(provenanceDir, [folder], new Map([[file, src]]));
  }

  private async append(
    provenanceDir: string,
    folder: string,
    file: string,
    st: Extract<LogState, { phase: 'tailing' }>,
    chunk: TailChunk,
  ): Promise<void> {
    st.projectId ??= await this.projectOf(file);
    const res = await appendActionLines(this.ws, st.attributor, {
      path: file,
      folderName: basename(folder),
      projectId: st.projectId,
      lines: chunk.lines,
      firstLine: chunk.firstLine,
      sha256: chunk.sha256,
      size: chunk.offset,
    });
    if (res.kind === 'reimport') {
      this.logs.delete(file);
      const src = readPrefix(file, chunk.offset, chunk.sha256);
      if (src) await this.importFolders(provenanceDir, [folder], new Map([[file, src]]));
      return;
    }
    Object.assign(st, {
      offset: chunk.offset,
      nextLine: st.nextLine + chunk.lines.length,
      hash: chunk.sha256,
    });
    if (res.tables.length === 0) return;
    this.options.onChange?.({
      kind: 'appended',
      provenanceDir,
      folder,
      sessionIds: res.sessionIds,
      eventIds: res.eventIds,
      lines: res.lines,
      tables: res.tables,
    });
  }

  private async importRootNow(provenanceDir: string): Promise<ImportReport> {
    for (const j of rootJsons(provenanceDir)) {
      const stamp = fileStamp(j);
      if (stamp !== null) this.stamps.set(j, stamp);
    }
    return this.importFolders(provenanceDir, sessionFolders(provenanceDir), new Map(), [provenanceDir]);
  }

  /**
   * Imports session folders (or `paths` instead: a whole root) with the JSON manifests their
   * sessions need. Action logs: `given` content if any; a log the tail follows is read up to
   * where the tail stands (and written again when it holds provisional sessions, whose lines the
   * new context may attribute); other logs are read from disk, to be confirmed by the tail.
   */
  private async importFolders(
    provenanceDir: string,
    folders: readonly string[],
    given: ReadonlyMap<string, SourceText> = new Map(),
    paths: readonly string[] = folders,
  ): Promise<ImportReport> {
    const stamps = new Map(folders.map((f) => [f, folderSignature(f)]));
    const logs = folders.map((f) => join(f, 'actions.jsonl'));
    const force = await this.provisionalLogs(logs);
    const sources = new Map<string, SourceText | null>(given);
    for (const log of logs) {
      const st = this.logs.get(log);
      if (sources.has(log) || st?.phase !== 'tailing') continue;
      sources.set(log, readPrefix(log, st.offset, st.hash));
    }
    for (const log of given.keys()) force.add(log);
    const { report, actions } = await importClaudeTracked(this.ws, paths, {
      forceActions: force,
      actionsSource: (p) => sources.get(p),
    });
    const rejected = new Set(report.sources.filter((s) => s.status === 'rejected').map((s) => s.path));
    for (const log of logs) {
      const a = actions.get(log);
      const src = sources.get(log);
      if (src === null) continue; // left out: its state stands (the tail resets it if it changed)
      if (!a || rejected.has(log)) this.logs.delete(log);
      else if (src === undefined) this.logs.set(log, { phase: 'imported', ...a });
      else
        this.logs.set(log, {
          phase: 'tailing',
          attributor: a.attributor,
          hash: src.hash,
          offset: src.size,
          nextLine: a.attributor.lastLine + 1,
        });
    }
    for (const [folder, stamp] of stamps) if (stamp !== null) this.stamps.set(folder, stamp);
    this.announce(provenanceDir, folders.length === 1 ? folders[0]! : null, report);
    return report;
  }

  private announce(provenanceDir: string, folder: string | null, report: ImportReport): void {
    if (!report.sources.some((s) => s.status === 'imported' || s.status === 'replaced')) return;
    this.options.onChange?.({ kind: 'imported', provenanceDir, folder, report, tables: PROVENANCE_TABLES });
  }

  /** Action logs whose lines made provisional sessions (the only sessions an action log claims). */
  private async provisionalLogs(logs: readonly string[]): Promise<Set<string>> {
    if (logs.length === 0) return new Set();
    const rows = await this.ws.all(
      `SELECT DISTINCT s.path FROM provex_sources s JOIN provex_row_sources r ON r.source_id = s.source_id
       WHERE s.kind = 'actions-jsonl' AND r.table_name = 'provenance_sessions'
         AND s.path IN (SELECT unnest(from_json(?, '["VARCHAR"]')))`,
      [JSON.stringify(logs)],
    );
    return new Set(rows.map((r) => String(r.path)));
  }

  private async projectOf(file: string): Promise<number | null> {
    const [row] = await this.ws.all(
      `SELECT project_id FROM provex_sources WHERE kind = 'actions-jsonl' AND path = ?`,
      [file],
    );
    return row?.project_id == null ? null : Number(row.project_id);
  }

  /** Runs one piece of work; a failure is reported and the file read whole next time, never thrown at the watcher. */
  private async guard(path: string, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (e) {
      this.logs.delete(path);
      this.stamps.delete(path);
      this.options.onError?.(e instanceof Error ? e : new Error(String(e)), path);
    }
  }
}
