import {
  zeroCounts,
  type RowCounts,
  type ImportIssue,
  type ImportOptions,
  type ImportProgress,
  type ImportReport,
  type SourceKind,
  type SourceOutcome,
} from '../../../shared/model/imports.js';
import { asSessionId, type SessionId } from '../../../shared/model/ids.js';
import type { SourceFragment } from '../../../shared/model/provenanceRecords.js';
import { BatchPlanner, writeNewFragments, type BatchItem } from '../../store/batchWriter.js';
import {
  ensureProject,
  removeUnclaimedSessions,
  writeFragment,
  type WriteResult,
} from '../../store/sessionWriter.js';
import type { Workspace } from '../../store/workspace.js';
import { discover } from './discover.js';
import {
  actionsFragment,
  jsonFragment,
  attributeAll,
  manifestFragment,
  summaryFragment,
  type FileFragment,
} from './fragments.js';
import type { ActionAttributor } from './actionRecords.js';
import { issueOf, loadRoot, type ActionsSource, type Parsed, type RootContext } from './rootContext.js';
import type { SourceText } from './sourceFile.js';

/** One file to write: its parsed content (or why not) and how to turn it into rows. */
interface Job {
  path: string;
  kind: SourceKind;
  parsed: Parsed<unknown>;
  build: () => FileFragment | string;
}

/**
 * Imports `.claude/provenance` data: each path is a project root, a `.claude/provenance` folder or
 * one session folder. Every file is one source with its own transaction: a file that fails is
 * reported (with file and line) and leaves its earlier rows as they were; the others import.
 * A file whose content hash matches its last import is reported `unchanged` and not touched.
 * Order per root: JSON manifests (they know the sessions best), manifests, action logs, summaries.
 */
export async function importClaudePaths(
  ws: Workspace,
  paths: readonly string[],
  options: ImportOptions = {},
): Promise<ImportReport> {
  return (await importClaudeTracked(ws, paths, options)).report;
}

/** An action log as the import read it, with the attribution state after its last line. */
export interface ImportedActions {
  attributor: ActionAttributor;
  hash: string;
  size: number;
  projectRoot: string;
}

export interface TrackedImportOptions extends ImportOptions {
  /** Action logs to write even when their hash is unchanged (their attribution context changed). */
  forceActions?: ReadonlySet<string>;
  /** Content of action logs given by the caller (or null: leave the log out); default: read the file. */
  actionsSource?: ActionsSource;
}

/**
 * `importClaudePaths` for the file tracker: also returns, per action log read, where its
 * attribution stands, so lines appended later continue from there without re-reading the file.
 */
export async function importClaudeTracked(
  ws: Workspace,
  paths: readonly string[],
  options: TrackedImportOptions = {},
): Promise<{ report: ImportReport; actions: Map<string, ImportedActions> }> {
  const report: ImportReport = { sources: [], totals: zeroCounts(), errors: [] };
  const contexts: RootContext[] = [];
  for (const p of paths) {
    const { root, errors } = discover(p);
    report.errors.push(...errors);
    if (root) contexts.push(loadRoot(root, options.project, options.actionsSource));
  }
  const jobsPerRoot = await Promise.all(contexts.map((ctx) => jobsFor(ws, ctx)));
  const progress: ImportProgress = {
    filesDone: 0,
    filesTotal: jobsPerRoot.reduce((n, j) => n + j.jobs.length, 0),
    sessionsDone: 0,
    eventsDone: 0,
    currentPath: '',
  };
  const stale: string[] = [];
  const missingParents = new Map<string, string>();
  const known = await knownSources(ws);
  const written = new DistinctRows();
  for (const { ctx, jobs } of jobsPerRoot) {
    const projectId = await ensureProject(ws, ctx.projectName, ctx.root.projectRoot);
    /** One file finished; `frag` is what it wrote, when it wrote anything. */
    const done = (outcome: SourceOutcome, path: string, frag?: SourceFragment): void => {
      report.sources.push(outcome);
      if (frag && (outcome.status === 'imported' || outcome.status === 'replaced')) written.add(frag);
      report.totals = written.counts();
      progress.currentPath = path;
      progress.filesDone++;
      progress.sessionsDone = report.totals.sessions;
      progress.eventsDone = report.totals.events;
      options.onProgress?.({ ...progress });
    };
    // New files go in batches (see batchWriter.ts); anything else is written alone, in order.
    let batch: { job: Job; outcome: SourceOutcome; item: BatchItem }[] = [];
    let planner = new BatchPlanner();
    const flush = async (): Promise<void> => {
      if (batch.length === 0) return;
      const pending = batch;
      batch = [];
      planner = new BatchPlanner();
      let results: (WriteResult | Error)[];
      try {
        results = await writeNewFragments(
          ws,
          pending.map((p) => p.item),
          projectId,
        );
      } catch {
        results = [];
        for (const p of pending)
          results.push(await writeFragment(ws, p.item.src, p.item.frag).catch(asError));
      }
      pending.forEach((p, i) => {
        record(p.outcome, results[i]!, stale, missingParents);
        done(p.outcome, p.job.path, p.item.frag);
      });
    };
    for (const job of jobs) {
      const force = job.kind === 'actions-jsonl' && (options.forceActions?.has(job.path) ?? false);
      const prepared = prepareJob(job);
      if (!('item' in prepared)) {
        await flush();
        done(prepared.outcome, job.path);
        continue;
      }
      const { outcome, src, fragment } = prepared.item;
      const key = sourceKey(job.kind, job.path);
      const prev = known.get(key);
      if (prev !== undefined && prev === src.hash && !force) {
        await flush();
        outcome.status = 'unchanged';
        done(outcome, job.path);
        continue;
      }
      known.set(key, src.hash);
      const item: BatchItem = {
        src: { kind: job.kind, path: job.path, hash: src.hash, size: src.size, projectId },
        frag: fragment,
      };
      if (prev === undefined) {
        if (planner.size >= BATCH_FILES || planner.rows >= BATCH_ROWS || !planner.tryAdd(fragment)) {
          await flush();
          planner.tryAdd(fragment);
        }
        batch.push({ job, outcome, item });
        continue;
      }
      await flush();
      const res = await writeFragment(ws, item.src, item.frag).catch(asError);
      record(outcome, res, stale, missingParents);
      done(outcome, job.path, item.frag);
    }
    await flush();
  }
  await removeUnclaimedSessions(ws, stale);
  const present = new Set(
    (await ws.all(`SELECT session_id FROM provenance_sessions`)).map((r) => String(r.session_id)),
  );
  for (const [child, parent] of missingParents) {
    if (present.has(parent)) continue;
    report.errors.push({
      path: child,
      message: `parent session ${parent} is in no imported source: parent_session_id left empty (the manifest keeps it)`,
    });
  }
  return { report, actions: importedActions(contexts) };
}

function importedActions(contexts: readonly RootContext[]): Map<string, ImportedActions> {
  const out = new Map<string, ImportedActions>();
  for (const ctx of contexts) {
    for (const f of ctx.folders) {
      const a = ctx.attributed.get(f.dir);
      if (!a || !f.actions || !('value' in f.actions)) continue;
      const { hash, size } = f.actions.src;
      out.set(f.actions.path, { attributor: a.attributor, hash, size, projectRoot: ctx.root.projectRoot });
    }
  }
  return out;
}

async function jobsFor(ws: Workspace, ctx: RootContext): Promise<{ ctx: RootContext; jobs: Job[] }> {
  await addWorkspaceEvents(ws, ctx);
  attributeAll(ctx);
  const jobs: Job[] = [];
  const wanted = wantedJsonSessions(ctx);
  for (const j of ctx.jsons) {
    if ('value' in j && wanted && !wanted.has(j.value.session.session_id)) continue;
    if (!('value' in j) && wanted) continue;
    jobs.push({
      path: j.path,
      kind: 'json-manifest',
      parsed: j,
      build: () => ('value' in j ? jsonFragment(ctx, j.value) : ''),
    });
  }
  for (const f of ctx.folders) {
    if (f.manifest) {
      const m = f.manifest;
      jobs.push({
        path: m.path,
        kind: 'manifest-yaml',
        parsed: m,
        build: () => ('value' in m ? manifestFragment(ctx, m.value) : ''),
      });
    }
  }
  for (const f of ctx.folders) {
    if (f.actions) {
      const a = f.actions;
      jobs.push({
        path: a.path,
        kind: 'actions-jsonl',
        parsed: a,
        build: () => ('value' in a ? actionsFragment(ctx, f, a.path, a.value) : ''),
      });
    }
  }
  for (const f of ctx.folders) {
    if (f.summary) {
      const s = f.summary;
      jobs.push({
        path: s.path,
        kind: 'summary-md',
        parsed: s,
        build: () => ('value' in s ? summaryFragment(f, s.value) : ''),
      });
    }
  }
  return { ctx, jobs };
}

/** For one asked-for session folder: only the JSON manifests of the sessions it shows. */
function wantedJsonSessions(ctx: RootContext): Set<SessionId> | null {
  if (!ctx.root.partial) return null;
  const ids = new Set<SessionId>();
  for (const f of ctx.folders) {
    if (f.manifest && 'value' in f.manifest) ids.add(f.manifest.value.session.session_id);
    if (f.actions && 'value' in f.actions) {
      for (const l of f.actions.value.lines) {
        const s = l.eventId ? ctx.eventSession.get(l.eventId) : undefined;
        if (s) ids.add(s);
      }
    }
  }
  return ids;
}

/**
 * Lines whose event is already in the workspace (a DuckDB import, the tracker, another file) join
 * that session. Events that only these action logs wrote do not count: re-reading a log (changed,
 * or with new manifests beside it) attributes its lines afresh, so a provisional session made
 * from its lines gives way to the session a manifest now names.
 */
async function addWorkspaceEvents(ws: Workspace, ctx: RootContext): Promise<void> {
  const ids: string[] = [];
  const logs: string[] = [];
  for (const f of ctx.folders) {
    if (!f.actions || !('value' in f.actions)) continue;
    logs.push(f.actions.path);
    for (const l of f.actions.value.lines)
      if (l.eventId && !ctx.eventSession.has(l.eventId)) ids.push(l.eventId);
  }
  if (ids.length === 0) return;
  const claims = `provex_row_sources r JOIN provex_sources s ON s.source_id = r.source_id
    WHERE r.table_name = 'provenance_events' AND r.row_key = e.event_id`;
  const rows = await ws.all(
    `SELECT e.event_id, e.session_id FROM provenance_events e
     WHERE e.event_id IN (SELECT unnest(from_json(?, '["VARCHAR"]')))
       AND NOT (EXISTS (SELECT 1 FROM ${claims})
                AND NOT EXISTS (SELECT 1 FROM ${claims}
                  AND NOT (s.kind = 'actions-jsonl' AND s.path IN (SELECT unnest(from_json(?, '["VARCHAR"]'))))))`,
    [JSON.stringify(ids), JSON.stringify(logs)],
  );
  for (const r of rows) ctx.eventSession.set(String(r.event_id), asSessionId(String(r.session_id)));
}

/** Files per batch and rows per batch: bounds the memory a batch holds before it is written. */
const BATCH_FILES = 2000;
const BATCH_ROWS = 200_000;

const sourceKey = (kind: SourceKind, path: string): string => `${kind}\u0000${path}`;

/** The content hash of every source imported so far (one read instead of one per file). */
async function knownSources(ws: Workspace): Promise<Map<string, string | null>> {
  const rows = await ws.all(`SELECT kind, path, content_hash FROM provex_sources`);
  return new Map(
    rows.map((r) => [
      sourceKey(String(r.kind) as SourceKind, String(r.path)),
      r.content_hash === null ? null : String(r.content_hash),
    ]),
  );
}

/** Parses and builds a job's rows; an outcome already final when it cannot be written. */
function prepareJob(
  job: Job,
):
  | { outcome: SourceOutcome }
  | { item: { outcome: SourceOutcome; src: SourceText; fragment: FileFragment['fragment'] } } {
  const outcome: SourceOutcome = {
    path: job.path,
    kind: job.kind,
    status: 'rejected',
    counts: zeroCounts(),
    rejected: [],
    warnings: [],
  };
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

/** Folds a write's result (or its error) into the job's outcome. */
function record(
  outcome: SourceOutcome,
  res: WriteResult | Error,
  stale: string[],
  missingParents: Map<string, string>,
): void {
  if (res instanceof Error) {
    outcome.reason = `${outcome.path}: cannot store: ${String(res.message ?? res).split('\n')[0]}`;
    return;
  }
  outcome.status = res.status;
  outcome.counts = res.counts;
  stale.push(...res.staleSessions);
  for (const m of res.missingParents) missingParents.set(m.session_id, m.parent_session_id);
}

/**
 * Rows written by an import, each counted once: a session or an event is described by several of
 * its files (the JSON manifest and manifest.yaml, the JSON trace and actions.jsonl).
 */
class DistinctRows {
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

  counts(): RowCounts {
    const c = zeroCounts();
    for (const [k, set] of Object.entries(this.sets)) c[k as keyof typeof this.sets] = set.size;
    return c;
  }
}

export type { ImportIssue };

const asError = (e: unknown): Error => (e instanceof Error ? e : new Error(String(e)));
