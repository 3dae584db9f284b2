import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportIssue, ImportOptions, ImportReport } from '../../../shared/model/imports.js';
import { asSessionId, type SessionId } from '../../../shared/model/ids.js';
import { ensureProject, removeUnclaimedSessions } from '../../store/sessionWriter.js';
import { stageStrings } from '../../store/stageStrings.js';
import type { Workspace } from '../../store/workspace.js';
import type { ActionAttributor } from './actionRecords.js';
import { BIG_LOG_BYTES, importBigLog } from './bigLog.js';
import { discover, type ProvenanceRoot } from './discover.js';
import {
  actionsFragment,
  attributeFolders,
  jsonFragment,
  manifestFragment,
  summaryFragment,
} from './fragments.js';
import {
  loadActionsOf,
  loadRoot,
  prefetchActionsOf,
  releaseActions,
  type ActionsSource,
  type RootContext,
  type SessionFolder,
} from './rootContext.js';
import { knownSources, newImportState, RootWriter, type ImportState, type Job } from './rootWriter.js';

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
  /** Most folders per group of action logs (default GROUP_FOLDERS; tests make groups small). */
  groupFolders?: number;
  /** Action logs at least this big are written in chunks (default BIG_LOG_BYTES; tests make it small). */
  bigLogBytes?: number;
  /** Lines per chunk of a big log (default CHUNK_LINES in bigLog.ts). */
  bigLogChunkLines?: number;
}

/**
 * `importClaudePaths` for the file tracker: also returns, per action log read, where its
 * attribution stands, so lines appended later continue from there without re-reading the file.
 *
 * Memory holds one root's manifests and summaries and one group of its action logs at a time:
 * roots are imported one after another, and a root's logs in groups of folders (`logGroups`),
 * each read, attributed, written and let go before the next.
 */
export async function importClaudeTracked(
  ws: Workspace,
  paths: readonly string[],
  options: TrackedImportOptions = {},
): Promise<{ report: ImportReport; actions: Map<string, ImportedActions> }> {
  const errors: ImportReport['errors'] = [];
  const roots: ProvenanceRoot[] = [];
  for (const p of paths) {
    const d = discover(p);
    errors.push(...d.errors);
    if (d.root) roots.push(d.root);
  }
  const estimates = roots.map(fileCountOf);
  const [any] = await ws.all(`SELECT EXISTS (SELECT 1 FROM provenance_events) AS any`);
  const state = newImportState(
    await knownSources(ws),
    Boolean(any?.any),
    estimates.reduce((a, b) => a + b, 0),
    options,
  );
  state.report.errors.push(...errors);
  const actions = new Map<string, ImportedActions>();
  for (const [i, root] of roots.entries()) {
    const ctx = loadRoot(root, options.project, options.actionsSource);
    const allLogs = ctx.folders.flatMap((f) => (f.actionsPath ? [f.actionsPath] : []));
    if (root.partial || hasLostParent(ctx)) {
      // A single asked-for folder: its lines choose which JSON manifests belong to it. And
      // sessions rebuilt from lines must be known before the manifests are written: a parent
      // known only from a log is inserted ahead of its child (parent_session_id cannot be set
      // later, see store/stagingTables.ts). Then every log is read up front, as one group.
      loadActionsOf(ctx, ctx.folders);
      await addWorkspaceEvents(ws, ctx, state, ctx.folders, allLogs);
      attributeFolders(ctx, ctx.folders);
    }
    const head = headJobs(ctx);
    const tail = summaryJobs(ctx);
    state.progress.filesTotal += head.length + tail.length - estimates[i]!;
    const projectId = await ensureProject(ws, ctx.projectName, root.projectRoot);
    const writer = new RootWriter(ws, state, projectId);
    await writer.write(head);
    const bigBytes = options.bigLogBytes ?? BIG_LOG_BYTES;
    const groups = logGroups(ctx.folders, options.groupFolders ?? GROUP_FOLDERS, bigBytes);
    const bigOf = (group: SessionFolder[] | undefined): SessionFolder | null => {
      const f = group?.length === 1 && !ctx.attributed.has(group[0]!.dir) ? group[0]! : null;
      return f && sizeOf(f.actionsPath!) >= bigBytes ? f : null;
    };
    /** The next group's logs, read while this group is written. */
    let prefetch: Promise<void> = Promise.resolve();
    for (const [g, group] of groups.entries()) {
      await prefetch;
      prefetch = Promise.resolve();
      const big = bigOf(group);
      if (big) {
        const res = await importBigLog(ws, ctx, big, state, writer, projectId);
        if (res.kind === 'done')
          actions.set(big.actionsPath!, {
            attributor: res.attributor,
            hash: res.hash,
            size: res.size,
            projectRoot: root.projectRoot,
          });
        if (res.kind !== 'whole') continue;
      }
      const fresh = group.filter((f) => !ctx.attributed.has(f.dir));
      loadActionsOf(ctx, fresh);
      await addWorkspaceEvents(ws, ctx, state, fresh, allLogs);
      attributeFolders(ctx, fresh);
      const jobs = actionJobs(ctx, group);
      state.progress.filesTotal += jobs.length;
      const next = groups[g + 1];
      if (next && !bigOf(next))
        prefetch = prefetchActionsOf(
          ctx,
          next.filter((f) => !ctx.attributed.has(f.dir)),
        );
      await writer.write(jobs);
      for (const [path, a] of importedActions(ctx, group)) actions.set(path, a);
      releaseActions(ctx, group);
    }
    await writer.write(tail);
  }
  const { report } = state;
  await removeUnclaimedSessions(ws, state.stale);
  const present = new Set(
    (await ws.all(`SELECT session_id FROM provenance_sessions`)).map((r) => String(r.session_id)),
  );
  for (const [child, parent] of state.missingParents) {
    if (present.has(parent)) continue;
    report.errors.push({
      path: child,
      message: `parent session ${parent} is in no imported source: parent_session_id left empty (the manifest keeps it)`,
    });
  }
  return { report, actions };
}

/** Folders per group of action logs, and bytes of logs per group (bounds what is held parsed). */
const GROUP_FOLDERS = 250;
const GROUP_BYTES = 48 * 1024 * 1024;

/** The folders with an action log, in order, cut into groups of bounded size; a big log is alone. */
function logGroups(folders: readonly SessionFolder[], most: number, bigBytes: number): SessionFolder[][] {
  const groups: SessionFolder[][] = [];
  let group: SessionFolder[] = [];
  let bytes = 0;
  for (const f of folders) {
    if (!f.actionsPath) continue;
    const size = sizeOf(f.actionsPath);
    const alone = size >= bigBytes;
    if (group.length && (alone || group.length >= most || bytes + size > GROUP_BYTES)) {
      groups.push(group);
      group = [];
      bytes = 0;
    }
    group.push(f);
    bytes += size;
    if (alone) {
      groups.push(group);
      group = [];
      bytes = 0;
    }
  }
  if (group.length) groups.push(group);
  return groups;
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

function importedActions(ctx: RootContext, folders: readonly SessionFolder[]): Map<string, ImportedActions> {
  const out = new Map<string, ImportedActions>();
  for (const f of folders) {
    const a = ctx.attributed.get(f.dir);
    if (!a || !f.actions || !('value' in f.actions)) continue;
    const { hash, size } = f.actions.src;
    out.set(f.actions.path, { attributor: a.attributor, hash, size, projectRoot: ctx.root.projectRoot });
  }
  return out;
}

/** The files a root will give, before reading them (for the progress bar's total). */
function fileCountOf(root: ProvenanceRoot): number {
  let n = root.jsonManifests.length;
  for (const d of root.sessionDirs)
    for (const f of ['manifest.yaml', 'actions.jsonl', 'summary.md']) if (existsSync(join(d, f))) n++;
  return n;
}

/** A session of the root's manifests whose parent no manifest describes (lost, or in a log only). */
function hasLostParent(ctx: RootContext): boolean {
  for (const s of ctx.sessions.values()) {
    const p = s.parent_session_id;
    if (p !== null && p !== s.session_id && !ctx.sessions.has(p)) return true;
  }
  return false;
}

/** JSON manifests (they know the sessions best), then manifest.yaml files. */
function headJobs(ctx: RootContext): Job[] {
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
  return jobs;
}

function actionJobs(ctx: RootContext, folders: readonly SessionFolder[]): Job[] {
  const jobs: Job[] = [];
  for (const f of folders) {
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
  return jobs;
}

function summaryJobs(ctx: RootContext): Job[] {
  const jobs: Job[] = [];
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
  return jobs;
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
async function addWorkspaceEvents(
  ws: Workspace,
  ctx: RootContext,
  state: ImportState,
  folders: readonly SessionFolder[],
  /** Every action log of the root (events only they wrote do not count, whichever group wrote them). */
  logs: readonly string[],
): Promise<void> {
  const ids: string[] = [];
  for (const f of folders) {
    if (!f.actions || !('value' in f.actions)) continue;
    for (const l of f.actions.value.lines)
      if (l.eventId && !ctx.eventSession.has(l.eventId)) ids.push(l.eventId);
  }
  // Into a workspace without events, only what this import wrote can be found: no need to scan
  // the events table (a scan per group of folders, growing with the import) for the rest.
  const probe = state.hadEvents ? ids : ids.filter((id) => state.written.hasEvent(id));
  if (probe.length === 0) return;
  const claims = `provex_row_sources r JOIN provex_sources s ON s.source_id = r.source_id
    WHERE r.table_name = 'provenance_events' AND r.row_key = e.event_id`;
  // The ids go in through the Appender: a million-element JSON parameter took seconds to parse.
  const rows = await ws.withReader(async (conn) => {
    await stageStrings(conn, 'provex_probe_events', probe);
    await stageStrings(conn, 'provex_probe_logs', logs);
    const res = await conn.runAndReadAll(
      `SELECT e.event_id, e.session_id FROM provenance_events e
       WHERE e.event_id IN (SELECT v FROM temp.provex_probe_events)
         AND NOT (EXISTS (SELECT 1 FROM ${claims})
                  AND NOT EXISTS (SELECT 1 FROM ${claims}
                    AND NOT (s.kind = 'actions-jsonl' AND s.path IN (SELECT v FROM temp.provex_probe_logs))))`,
    );
    await conn.run(`DROP TABLE temp.provex_probe_events`);
    return res.getRowsJson();
  });
  for (const [eventId, sessionId] of rows)
    ctx.eventSession.set(String(eventId), asSessionId(String(sessionId)));
}

export type { ImportIssue };
