import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import {
  zeroCounts,
  type ImportIssue,
  type ImportOptions,
  type ImportReport,
  type SourceOutcome,
} from '../../../shared/model/imports.js';
import { asEventId, asSessionId, type SessionId } from '../../../shared/model/ids.js';
import {
  emptyFragment,
  type EventRecord,
  type SourceFragment,
} from '../../../shared/model/provenanceRecords.js';
import {
  ensureProject,
  previousImport,
  removeUnclaimedSessions,
  writeFragment,
} from '../../store/sessionWriter.js';
import type { Workspace } from '../../store/workspace.js';
import { lastEventAtOrBefore } from '../claude/jsonManifest.js';
import { naiveTimestamp } from '../claude/timestamps.js';
import {
  jsonCol,
  readProvenanceDb,
  rowIssue,
  type DbRow,
  type ProvenanceDbRows,
} from './readProvenanceDb.js';

/**
 * Imports the `provenance_*` tables of a MicroGrowAgents / PFAS DuckDB file as one source (one
 * transaction). Rows merge with the same sessions and events imported from files (keyed by
 * session_id / event_id), never duplicated. Rows of the last four tables with a NULL event_id
 * (relaxed DDL) get the event the spec links them to (§7, §12.6), or '' when none matches.
 * Rows missing a required value are skipped and reported by table and row number.
 */
export async function importDuckDbFile(
  ws: Workspace,
  file: string,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const path = resolve(file);
  const outcome: SourceOutcome = {
    path,
    kind: 'duckdb',
    status: 'rejected',
    counts: zeroCounts(),
    rejected: [],
    warnings: [],
  };
  const report: ImportReport = { sources: [outcome], totals: zeroCounts(), errors: [] };
  const done = (): ImportReport => {
    options.onProgress?.({
      filesDone: 1,
      filesTotal: 1,
      sessionsDone: outcome.counts.sessions,
      eventsDone: outcome.counts.events,
      currentPath: path,
    });
    report.totals = outcome.counts;
    return report;
  };
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new Error('not a file');
    size = st.size;
  } catch (e) {
    outcome.reason = `${path}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`;
    return done();
  }
  const hash = await hashFile(path);
  const prev = await previousImport(ws, 'duckdb', path);
  if (prev && prev.hash === hash) {
    outcome.status = 'unchanged';
    return done();
  }
  let rows: ProvenanceDbRows;
  try {
    rows = await readProvenanceDb(path);
  } catch (e) {
    outcome.reason = (e as Error).message;
    return done();
  }
  const fragment = toFragment(path, rows, outcome.rejected);
  const name = options.project ?? basename(path, extname(path));
  const projectId = await ensureProject(ws, name, null);
  const known = new Set(
    (await ws.all(`SELECT session_id FROM provex_session_info`)).map((r) => String(r.session_id)),
  );
  // A database never moves a session imported from files to its own project.
  fragment.sessionInfo = fragment.sessionInfo.filter((i) => !known.has(i.session_id));
  try {
    const res = await writeFragment(ws, { kind: 'duckdb', path, hash, size, projectId }, fragment);
    outcome.status = res.status;
    outcome.counts = res.counts;
    await removeUnclaimedSessions(ws, res.staleSessions);
    for (const m of res.missingParents)
      outcome.warnings.push({
        path,
        table: 'provenance_sessions',
        message: `${m.session_id}: parent ${m.parent_session_id} not found`,
      });
  } catch (e) {
    outcome.reason = `${path}: cannot store: ${String((e as Error).message ?? e).split('\n')[0]}`;
  }
  return done();
}

function toFragment(path: string, db: ProvenanceDbRows, rejected: ImportIssue[]): SourceFragment {
  const f = emptyFragment(true);
  const bad = (table: string, i: number, msg: string): void =>
    void rejected.push(rowIssue(path, table, i, msg));
  const s = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
  const n = (v: unknown): number | null =>
    v === null || v === undefined || Number.isNaN(Number(v)) ? null : Number(v);
  const b = (v: unknown): boolean | null => (v === null || v === undefined ? null : Boolean(v));
  const ts = (v: unknown): string | null => naiveTimestamp(s(v));

  db.sessions.forEach((r, i) => {
    const start = ts(r.start_time);
    if (!s(r.session_id) || !start) return bad('sessions', i, 'session_id or start_time is missing');
    f.sessions.push({
      session_id: asSessionId(s(r.session_id)!),
      agent_type: s(r.agent_type) ?? 'unknown',
      agent_version: s(r.agent_version),
      query: s(r.query) ?? '',
      kwargs: jsonCol(r.kwargs),
      user_context: jsonCol(r.user_context),
      start_time: start,
      end_time: ts(r.end_time),
      duration_ms: n(r.duration_ms),
      success: b(r.success),
      result_summary: jsonCol(r.result_summary),
      error_message: s(r.error_message),
      python_version: s(r.python_version),
      dependencies: jsonCol(r.dependencies),
      db_path: s(r.db_path),
      parent_session_id: s(r.parent_session_id) === null ? null : asSessionId(s(r.parent_session_id)!),
      depth: n(r.depth),
      created_at: ts(r.created_at),
    });
    f.sessionInfo.push({
      session_id: asSessionId(s(r.session_id)!),
      folder: null,
      flavour: 'database',
      summary_md: null,
    });
  });
  const sessionIds = new Set<string>(f.sessions.map((x) => x.session_id));
  const inSession = (table: string, i: number, r: DbRow): SessionId | null => {
    const id = s(r.session_id);
    if (!id) return (bad(table, i, 'session_id is missing'), null);
    if (!sessionIds.has(id))
      rejected.push(
        rowIssue(path, table, i, `session ${id} is not in provenance_sessions of this file: row skipped`),
      );
    return asSessionId(id);
  };

  const bySession = new Map<string, EventRecord[]>();
  db.events.forEach((r, i) => {
    const sid = inSession('events', i, r);
    const t = ts(r.timestamp);
    if (!sid) return;
    if (!s(r.event_id) || !t) return bad('events', i, 'event_id or timestamp is missing');
    const e: EventRecord = {
      event_id: asEventId(s(r.event_id)!),
      session_id: sid,
      event_type: s(r.event_type) ?? 'unknown',
      event_name: s(r.event_name) ?? '',
      timestamp: t,
      sequence_number: n(r.sequence_number) ?? i + 1,
      details: jsonCol(r.details) ?? {},
      duration_ms: n(r.duration_ms),
      related_event_id: s(r.related_event_id) === null ? null : asEventId(s(r.related_event_id)!),
    };
    f.events.push(e);
    bySession.set(sid, [...(bySession.get(sid) ?? []), e]);
  });
  const used = new Set<string>();
  const match = (sid: string, pred: (e: EventRecord) => boolean): string => {
    const e = (bySession.get(sid) ?? []).find((x) => !used.has(x.event_id) && pred(x));
    if (e) used.add(e.event_id);
    return e?.event_id ?? '';
  };
  const det = (e: EventRecord, k: string): unknown =>
    typeof e.details === 'object' && e.details !== null && !Array.isArray(e.details)
      ? e.details[k]
      : undefined;

  db.tool_calls.forEach((r, i) => {
    const sid = inSession('tool_calls', i, r);
    const t = ts(r.call_time);
    if (!sid) return;
    if (!s(r.call_id) || !t) return bad('tool_calls', i, 'call_id or call_time is missing');
    f.toolCalls.push({
      call_id: s(r.call_id)!,
      session_id: sid,
      event_id: s(r.event_id) ?? match(sid, (e) => det(e, 'call_id') === s(r.call_id)),
      tool_type: s(r.tool_type) ?? '',
      tool_name: s(r.tool_name) ?? '',
      input_params: jsonCol(r.input_params) ?? {},
      output_data: jsonCol(r.output_data),
      output_size_bytes: n(r.output_size_bytes),
      call_time: t,
      duration_ms: n(r.duration_ms),
      cache_hit: b(r.cache_hit),
      cache_key: s(r.cache_key),
      cache_source: s(r.cache_source),
      rate_limit_delay_ms: n(r.rate_limit_delay_ms),
      retry_count: n(r.retry_count),
      success: r.success !== false,
      error_type: s(r.error_type),
      error_message: s(r.error_message),
    });
  });
  db.decisions.forEach((r, i) => {
    const sid = inSession('decisions', i, r);
    const t = ts(r.timestamp);
    if (!sid) return;
    if (!s(r.decision_id) || !t) return bad('decisions', i, 'decision_id or timestamp is missing');
    const point = s(r.decision_point) ?? '';
    f.decisions.push({
      decision_id: s(r.decision_id)!,
      session_id: sid,
      event_id: s(r.event_id) ?? match(sid, (e) => e.event_type === 'decision' && e.event_name === point),
      decision_type: s(r.decision_type) ?? '',
      decision_point: point,
      input_values: jsonCol(r.input_values) ?? {},
      condition_evaluated: s(r.condition_evaluated),
      branch_taken: s(r.branch_taken),
      branches_available: jsonCol(r.branches_available),
      reason: s(r.reason),
      timestamp: t,
    });
  });
  db.transformations.forEach((r, i) => {
    const sid = inSession('transformations', i, r);
    const t = ts(r.timestamp);
    if (!sid) return;
    if (!s(r.transformation_id) || !t)
      return bad('transformations', i, 'transformation_id or timestamp is missing');
    const name = s(r.transformation_name) ?? '';
    f.transformations.push({
      transformation_id: s(r.transformation_id)!,
      session_id: sid,
      event_id:
        s(r.event_id) ?? match(sid, (e) => e.event_type === 'transformation' && e.event_name === name),
      transformation_type: s(r.transformation_type) ?? '',
      transformation_name: name,
      input_schema: jsonCol(r.input_schema),
      input_sample: jsonCol(r.input_sample),
      input_size: n(r.input_size),
      output_schema: jsonCol(r.output_schema),
      output_sample: jsonCol(r.output_sample),
      output_size: n(r.output_size),
      method: s(r.method),
      parameters: jsonCol(r.parameters),
      timestamp: t,
      duration_ms: n(r.duration_ms),
    });
  });
  db.entity_links.forEach((r, i) => {
    const sid = inSession('entity_links', i, r);
    const t = ts(r.timestamp);
    if (!sid) return;
    if (!s(r.entity_table) || !s(r.entity_id) || !t)
      return bad('entity_links', i, 'entity_table, entity_id or timestamp is missing');
    const ev = s(r.event_id) ?? lastEventAtOrBefore(bySession.get(sid) ?? [], t);
    f.entityLinks.push({
      session_id: sid,
      event_id: ev === null ? null : asEventId(ev),
      entity_table: s(r.entity_table)!,
      entity_id: s(r.entity_id)!,
      link_type: s(r.link_type) ?? '',
      timestamp: t,
    });
  });
  // Sessions referenced by rows but absent from provenance_sessions: nothing to hang them on.
  for (const list of [f.events, f.toolCalls, f.decisions, f.transformations, f.entityLinks] as {
    session_id: string;
  }[][]) {
    const kept = list.filter((x) => sessionIds.has(x.session_id));
    if (kept.length !== list.length) list.splice(0, list.length, ...kept);
  }
  return f;
}

function hashFile(path: string): Promise<string> {
  return new Promise((res, rej) => {
    const h = createHash('sha256');
    createReadStream(path)
      .on('data', (c) => h.update(c))
      .on('end', () => res(h.digest('hex')))
      .on('error', rej);
  });
}
