import type { GroupStats, SessionFilter, SessionStats, SessionSummary } from '../../shared/model/sessions.js';
import { SESSION_FROM, sessionWhere, toSummary } from './sessionRepository.js';
import { int, str } from './values.js';
import type { Workspace } from './workspace.js';

const FROM = SESSION_FROM;

/** Per-project and per-agent counts, success rate and median duration of the matching sessions. */
export async function sessionStats(ws: Workspace, f: SessionFilter = {}): Promise<SessionStats> {
  const { sql: where, params } = sessionWhere(f);
  const group = async (keyExpr: string): Promise<GroupStats[]> => {
    const rows = await ws.all(
      `SELECT COALESCE(${keyExpr}, '(none)') AS key, COUNT(*) AS sessions,
              COUNT(*) FILTER (WHERE s.success) AS succeeded, COUNT(*) FILTER (WHERE NOT s.success) AS failed,
              MEDIAN(s.duration_ms) AS median_duration_ms
       ${FROM} ${where} GROUP BY 1 ORDER BY sessions DESC, key`,
      params,
    );
    return rows.map((r) => {
      const succeeded = int(r.succeeded);
      const failed = int(r.failed);
      return {
        key: str(r.key),
        sessions: int(r.sessions),
        succeeded,
        failed,
        success_rate: succeeded + failed ? succeeded / (succeeded + failed) : null,
        median_duration_ms: r.median_duration_ms === null ? null : Number(r.median_duration_ms),
      };
    });
  };
  const by_project = await group('p.name');
  const by_agent = await group('s.agent_type');
  return { total: by_project.reduce((a, g) => a + g.sessions, 0), by_project, by_agent };
}

/** Sessions linked to one domain entity, newest link first (the reference `find_entity_provenance`). */
export async function sessionsForEntity(ws: Workspace, table: string, id: string): Promise<SessionSummary[]> {
  const rows = await ws.all(
    `SELECT s.session_id, p.name AS project, p.project_id, s.agent_type, s.query, s.start_time, s.end_time,
            s.duration_ms, s.success, s.parent_session_id, COALESCE(s.depth, 0) AS depth,
            COALESCE(d.event_count, 0) AS event_count, COALESCE(d.tool_call_count, 0) AS tool_call_count,
            COALESCE(d.cache_hits, 0) AS cache_hits, MAX(l.timestamp) AS last_link
     ${FROM} JOIN provenance_entity_links l ON l.session_id = s.session_id
     WHERE l.entity_table = ? AND l.entity_id = ?
     GROUP BY ALL ORDER BY last_link DESC`,
    [table, id],
  );
  return rows.map(toSummary);
}
