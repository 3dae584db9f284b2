import {
  zeroCounts,
  type ImportOptions,
  type ImportProgress,
  type ImportReport,
  type RowCounts,
  type SourceKind,
  type SourceOutcome,
} from '../../../shared/model/imports.js';
import type { SourceFragment } from '../../../shared/model/provenanceRecords.js';
import { BatchPlanner, writeNewFragments, type BatchItem } from '../../store/batchWriter.js';
import { writeFragment, type WriteResult } from '../../store/sessionWriter.js';
import type { Workspace } from '../../store/workspace.js';
import type { FileFragment } from './fragments.js';
import { issueOf, type Parsed } from './rootContext.js';
import type { SourceText } from './sourceFile.js';

/** One file to write: its parsed content (or why not) and how to turn it into rows. */
export interface Job {
  path: string;
  kind: SourceKind;
  parsed: Parsed<unknown>;
  build: () => FileFragment | string;
}

/** What one import accumulates across its roots. */
export interface ImportState {
  report: ImportReport;
  progress: ImportProgress;
  /** Sessions whose last claim an import dropped (removed at the end if no source names them). */
  stale: string[];
  missingParents: Map<string, string>;
  /** Content hash of every source imported so far, by `sourceKey`. */
  known: Map<string, string | null>;
  written: DistinctRows;
  /** The workspace held events before this import (else only the import's own can be found there). */
  hadEvents: boolean;
  options: ImportOptions & { forceActions?: ReadonlySet<string>; bigLogChunkLines?: number };
}

export function newImportState(
  known: Map<string, string | null>,
  hadEvents: boolean,
  filesTotal: number,
  options: ImportState['options'],
): ImportState {
  return {
    report: { sources: [], totals: zeroCounts(), errors: [] },
    progress: { filesDone: 0, filesTotal, sessionsDone: 0, eventsDone: 0, currentPath: '' },
    stale: [],
    missingParents: new Map(),
    known,
    written: new DistinctRows(),
    hadEvents,
    options,
  };
}

/**
 * Writes the jobs of one root, in order. Every file is one source with its own transaction;
 * new files go in batches (see store/batchWriter.ts), anything else is written alone. A file
 * whose hash matches its last import is `unchanged` and not touched.
 */
export class RootWriter {
  private batch: { job: Job; outcome: SourceOutcome; item: BatchItem }[] = [];
  private planner = new BatchPlanner();

  constructor(
    private readonly ws: Workspace,
    private readonly state: ImportState,
    private readonly projectId: number | null,
  ) {}

  async write(jobs: readonly Job[]): Promise<void> {
    const { known, options } = this.state;
    for (const job of jobs) {
      const force = job.kind === 'actions-jsonl' && (options.forceActions?.has(job.path) ?? false);
      const prepared = prepareJob(job);
      if (!('item' in prepared)) {
        await this.flush();
        this.done(prepared.outcome, job.path);
        continue;
      }
      const { outcome, src, fragment } = prepared.item;
      const key = sourceKey(job.kind, job.path);
      const prev = known.get(key);
      if (prev !== undefined && prev === src.hash && !force) {
        await this.flush();
        outcome.status = 'unchanged';
        this.done(outcome, job.path);
        continue;
      }
      known.set(key, src.hash);
      const item: BatchItem = {
        src: { kind: job.kind, path: job.path, hash: src.hash, size: src.size, projectId: this.projectId },
        frag: fragment,
      };
      if (prev === undefined) {
        const p = this.planner;
        if (p.size >= BATCH_FILES || p.rows >= BATCH_ROWS || !p.tryAdd(fragment)) {
          await this.flush();
          this.planner.tryAdd(fragment);
        }
        this.batch.push({ job, outcome, item });
        continue;
      }
      await this.flush();
      const res = await writeFragment(this.ws, item.src, item.frag).catch(asError);
      this.record(outcome, res);
      this.done(outcome, job.path, item.frag);
    }
    await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.batch.length === 0) return;
    const pending = this.batch;
    this.batch = [];
    this.planner = new BatchPlanner();
    let results: (WriteResult | Error)[];
    try {
      results = await writeNewFragments(
        this.ws,
        pending.map((p) => p.item),
        this.projectId,
      );
    } catch {
      // The batch rolled back: each file then fails or succeeds on its own.
      results = [];
      for (const p of pending)
        results.push(await writeFragment(this.ws, p.item.src, p.item.frag).catch(asError));
    }
    pending.forEach((p, i) => {
      this.record(p.outcome, results[i]!);
      this.done(p.outcome, p.job.path, p.item.frag);
    });
  }

  /** One file finished; `frag` is what it wrote, when it wrote anything. */
  done(outcome: SourceOutcome, path: string, frag?: SourceFragment): void {
    const { report, progress, written } = this.state;
    report.sources.push(outcome);
    if (frag && (outcome.status === 'imported' || outcome.status === 'replaced')) written.add(frag);
    progress.filesDone++;
    this.progressed(path);
  }

  /** Totals and progress follow the rows written so far (also mid-file, for a big log). */
  progressed(path: string): void {
    const { report, progress, written, options } = this.state;
    report.totals = written.counts();
    progress.currentPath = path;
    progress.sessionsDone = report.totals.sessions;
    progress.eventsDone = report.totals.events;
    options.onProgress?.({ ...progress });
  }

  /** Folds a write's result (or its error) into the job's outcome. */
  private record(outcome: SourceOutcome, res: WriteResult | Error): void {
    if (res instanceof Error) {
      outcome.reason = `${outcome.path}: cannot store: ${String(res.message ?? res).split('\n')[0]}`;
      return;
    }
    outcome.status = res.status;
    outcome.counts = res.counts;
    this.state.stale.push(...res.staleSessions);
    for (const m of res.missingParents) this.state.missingParents.set(m.session_id, m.parent_session_id);
  }
}

const asError = (e: unknown): Error => (e instanceof Error ? e : new Error(String(e)));

/** Files per batch and rows per batch: bounds the memory a batch holds before it is written. */
const BATCH_FILES = 2000;
const BATCH_ROWS = 200_000;

export const sourceKey = (kind: SourceKind, path: string): string => `${kind}\u0000${path}`;

/** The content hash of every source imported so far (one read instead of one per file). */
export async function knownSources(ws: Workspace): Promise<Map<string, string | null>> {
  const rows = await ws.all(`SELECT kind, path, content_hash FROM provex_sources`);
  return new Map(
    rows.map((r) => [
      sourceKey(String(r.kind) as SourceKind, String(r.path)),
      r.content_hash === null ? null : String(r.content_hash),
    ]),
  );
}

/** A file's outcome before anything is known of its rows. */
export function newOutcome(path: string, kind: SourceKind, status: SourceOutcome['status']): SourceOutcome {
  return { path, kind, status, counts: zeroCounts(), rejected: [], warnings: [] };
}

/** Parses and builds a job's rows; an outcome already final when it cannot be written. */
function prepareJob(
  job: Job,
):
  | { outcome: SourceOutcome }
  | { item: { outcome: SourceOutcome; src: SourceText; fragment: FileFragment['fragment'] } } {
  const outcome = newOutcome(job.path, job.kind, 'rejected');
  if (!('value' in job.parsed)) {
    outcome.reason = job.parsed.error.message;
    outcome.rejected.push(issueOf(job.parsed.error));
    return { outcome };
  }
  const src: SourceText = job.parsed.src;
  const built = job.build();
  if (typeof built === 'string') {
    outcome.reason = `${job.path}: ${built}`;
    return { outcome };
  }
  outcome.rejected = built.rejected;
  outcome.warnings = built.warnings;
  return { item: { outcome, src, fragment: built.fragment } };
}

/**
 * Rows written by an import, each counted once: a session or an event is described by several of
 * its files (the JSON manifest and manifest.yaml, the JSON trace and actions.jsonl).
 */
export class DistinctRows {
  private readonly sets = {
    sessions: new Set<string>(),
    events: new Set<string>(),
    tool_calls: new Set<string>(),
    decisions: new Set<string>(),
    transformations: new Set<string>(),
    entity_links: new Set<string>(),
  };

  add(f: SourceFragment): void {
    for (const r of f.sessions) this.sets.sessions.add(r.session_id);
    for (const r of f.events) this.sets.events.add(r.event_id);
    for (const r of f.toolCalls) this.sets.tool_calls.add(r.call_id);
    for (const r of f.decisions) this.sets.decisions.add(r.decision_id);
    for (const r of f.transformations) this.sets.transformations.add(r.transformation_id);
    for (const r of f.entityLinks) {
      this.sets.entity_links.add(
        `${r.session_id}\u0000${r.entity_table}\u0000${r.entity_id}\u0000${r.link_type}`,
      );
    }
  }

  /** An event this import wrote. */
  hasEvent(id: string): boolean {
    return this.sets.events.has(id);
  }

  counts(): RowCounts {
    const c = zeroCounts();
    for (const [k, set] of Object.entries(this.sets)) c[k as keyof typeof this.sets] = set.size;
    return c;
  }
}
