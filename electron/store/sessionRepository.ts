import { asProjectId, asSessionId } from '../../shared/model/ids.js';
import type {
  Project,
  SessionDetail,
  SessionFilter,
  SessionPage,
  SessionSummary,
  SessionTrace,
} from '../../shared/model/sessions.js';
import { sessionSortKeys } from '../../shared/model/sessions.js';
import {
  toDecision,
  toEntityLink,
  toSessionDetail,
  toSessionEvent,
  toToolCall,
  toTransformation,
} from './provenanceRows.js';
import { DERIVED_TABLE, eventSearchCondition } from './sessionDerived.js';
import { type Row, boolOrNull, int, intOrNull, isoUtc, isoUtcOrNull, str, strOrNull } from './values.js';
import type { Param, Workspace } from './workspace.js';

/**
 * Reads sessions as DTOs. Counts come from the events (every source has them) through
 * `provex_session_derived` (store/sessionDerived.ts), kept by every write path, so no read groups
 * the events table; tool calls are events of type `tool_call`, so a reference-written database (no
 * tool-call rows) counts too.
 */
const SUMMARY_SELECT = `
  SELECT s.session_id, p.name AS project, p.project_id, s.agent_type, s.query, s.start_time, s.end_time,
         s.duration_ms, s.success, s.parent_session_id, COALESCE(s.depth, 0) AS depth,
         COALESCE(d.event_count, 0) AS event_count, COALESCE(d.tool_call_count, 0) AS tool_call_count,
         COALESCE(d.cache_hits, 0) AS cache_hits`;

/** Sessions with their project and derived counts: the FROM of every session query (aliases s, i, p, d). */
export const SESSION_FROM = `
  FROM provenance_sessions s
  LEFT JOIN provex_session_info i ON i.session_id = s.session_id
  LEFT JOIN provex_projects p ON p.project_id = i.project_id
  LEFT JOIN ${DERIVED_TABLE} d ON d.session_id = s.session_id`;

export function toSummary(r: Row): SessionSummary {
  return {
    session_id: asSessionId(str(r.session_id)),
    project: strOrNull(r.project),
    project_id: r.project_id === null || r.project_id === undefined ? null : asProjectId(int(r.project_id)),
    agent_type: str(r.agent_type),
    query: str(r.query),
    start_time: isoUtc(r.start_time),
    end_time: isoUtcOrNull(r.end_time),
    duration_ms: intOrNull(r.duration_ms),
    success: boolOrNull(r.success),
    parent_session_id: r.parent_session_id ? asSessionId(str(r.parent_session_id)) : null,
    depth: int(r.depth ?? 0),
    event_count: int(r.event_count ?? 0),
    tool_call_count: int(r.tool_call_count ?? 0),
    cache_hits: int(r.cache_hits ?? 0),
  };
}

/**
 * WHERE clause (over SESSION_FROM) and parameters for a filter; every value is bound, never spliced.
 * Search: the whole text, as a phrase, in the session's query, agent type or error message; or each
 * of its words (runs of letters or digits) somewhere in its events' names and details (see
 * `eventSearchCondition`: found through the derived search runs, never by scanning the events).
 */
export function sessionWhere(f: SessionFilter): { sql: string; params: Param[] } {
  const parts: string[] = [];
  const params: Param[] = [];
  if (f.project !== undefined) {
    parts.push('(p.name = ? OR p.root_path = ?)');
    params.push(f.project, f.project);
  }
  if (f.agent !== undefined) {
    parts.push('s.agent_type = ?');
    params.push(f.agent);
  }
  if (f.success !== undefined) {
    parts.push('s.success IS NOT DISTINCT FROM ?');
    params.push(f.success);
  }
  if (f.since !== undefined) {
    parts.push('s.start_time >= CAST(? AS TIMESTAMPTZ)');
    params.push(f.since);
  }
  if (f.until !== undefined) {
    parts.push('s.start_time <= CAST(? AS TIMESTAMPTZ)');
    params.push(f.until);
  }
  if (f.parent !== undefined) {
    if (f.parent === null) parts.push('s.parent_session_id IS NULL');
    else {
      parts.push('s.parent_session_id = ?');
      params.push(f.parent);
    }
  }
  if (f.search !== undefined && f.search.trim() !== '') {
    const like = `%${f.search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const inEvents = eventSearchCondition('s.session_id', f.search);
    parts.push(`(s.query ILIKE ? ESCAPE '\\' OR s.agent_type ILIKE ? ESCAPE '\\' OR s.error_message ILIKE ? ESCAPE '\\'
      ${inEvents ? `OR ${inEvents.sql}` : ''})`);
    params.push(like, like, like, ...(inEvents?.params ?? []));
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

export async function listSessions(ws: Workspace, f: SessionFilter = {}): Promise<SessionPage> {
  const { sql: where, params } = sessionWhere(f);
  const sort = f.sort && sessionSortKeys.includes(f.sort) ? f.sort : 'start_time';
  const dir = (f.descending ?? sort === 'start_time') ? 'DESC' : 'ASC';
  const sortExpr =
    sort === 'project' ? 'p.name' : sort.endsWith('_count') ? `COALESCE(d.${sort}, 0)` : `s.${sort}`;
  const limit = Math.max(0, Math.min(f.limit ?? 1000, 100_000));
  const offset = Math.max(0, f.offset ?? 0);
  // One pass: the counts are columns of the derived table, so sorting by them costs no more
  // than sorting by a session column.
  const rows = await ws.all(
    `${SUMMARY_SELECT}, COUNT(*) OVER () AS total_count ${SESSION_FROM} ${where}
     ORDER BY ${sortExpr} ${dir} NULLS LAST, s.session_id LIMIT ${limit} OFFSET ${offset}`,
    params,
  );
  let total = rows.length ? int(rows[0]!.total_count) : 0;
  if (!rows.length && offset > 0) {
    const [c] = await ws.all(`SELECT COUNT(*) AS n ${SESSION_FROM} ${where}`, params);
    total = int(c?.n ?? 0);
  }
  return { total, offset, rows: rows.map(toSummary) };
}

export async function getSessionDetail(ws: Workspace, id: string): Promise<SessionDetail | null> {
  const [r] = await ws.all(
    `${SUMMARY_SELECT}, s.agent_version, s.kwargs, s.user_context, s.result_summary, s.error_message, s.python_version,
       s.dependencies, s.db_path, s.created_at, p.root_path AS project_root, i.folder, i.summary_md, i.manifest
     ${SESSION_FROM} WHERE s.session_id = ?`,
    [id],
  );
  if (!r) return null;
  const summary = toSummary(r);
  return toSessionDetail(r, {
    project: summary.project,
    project_id: summary.project_id,
    project_root: strOrNull(r.project_root),
    folder: strOrNull(r.folder),
    summary_md: strOrNull(r.summary_md),
    manifest: r.manifest,
    event_count: summary.event_count,
    tool_call_count: summary.tool_call_count,
    cache_hits: summary.cache_hits,
  });
}

/** Everything recorded for one session (the reference `get_session_trace`), or null. */
export async function getSessionTrace(ws: Workspace, id: string): Promise<SessionTrace | null> {
  const session = await getSessionDetail(ws, id);
  if (!session) return null;
  // One connection runs one query at a time: read the five tables in turn.
  const events = await ws.all(
    `SELECT * FROM provenance_events WHERE session_id = ? ORDER BY sequence_number, timestamp`,
    [id],
  );
  const toolCalls = await ws.all(
    `SELECT * FROM provenance_tool_calls WHERE session_id = ? ORDER BY call_time`,
    [id],
  );
  const decisions = await ws.all(
    `SELECT * FROM provenance_decisions WHERE session_id = ? ORDER BY timestamp`,
    [id],
  );
  const transformations = await ws.all(
    `SELECT * FROM provenance_transformations WHERE session_id = ? ORDER BY timestamp`,
    [id],
  );
  const links = await ws.all(`SELECT * FROM provenance_entity_links WHERE session_id = ? ORDER BY link_id`, [
    id,
  ]);
  return {
    session,
    events: events.map(toSessionEvent),
    tool_calls: toolCalls.map(toToolCall),
    decisions: decisions.map(toDecision),
    transformations: transformations.map(toTransformation),
    entity_links: links.map(toEntityLink),
  };
}

export async function listProjects(ws: Workspace): Promise<Project[]> {
  const rows = await ws.all(`
    SELECT p.project_id, p.name, p.root_path, COUNT(i.session_id) AS session_count
    FROM provex_projects p LEFT JOIN provex_session_info i ON i.project_id = p.project_id
    GROUP BY ALL ORDER BY p.name`);
  return rows.map((r) => ({
    project_id: asProjectId(int(r.project_id)),
    name: str(r.name),
    root_path: strOrNull(r.root_path),
    session_count: int(r.session_count),
  }));
}
