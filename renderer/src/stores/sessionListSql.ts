import type { SessionListState } from './urlState.js';

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;
const like = (s: string) => quote(`%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);

/**
 * The sessions list as read-only SQL, for exporting what the view shows (CSV, JSON, Parquet through
 * `export/table`): the same columns and filters. Values are quoted as SQL literals; the SQL console's
 * guard still checks the text on the way in.
 */
export function sessionListSql(list: SessionListState): string {
  const where: string[] = [];
  if (list.project) where.push(`p.name = ${quote(list.project)}`);
  if (list.agent) where.push(`s.agent_type = ${quote(list.agent)}`);
  if (list.success !== null) where.push(`s.success = ${list.success ? 'TRUE' : 'FALSE'}`);
  if (list.since) where.push(`s.start_time >= CAST(${quote(list.since)} AS TIMESTAMP)`);
  if (list.until) where.push(`s.start_time <= CAST(${quote(list.until)} AS TIMESTAMP)`);
  if (list.search.trim()) {
    const l = like(list.search.trim());
    where.push(
      `(s.query ILIKE ${l} ESCAPE '\\' OR s.agent_type ILIKE ${l} ESCAPE '\\' OR s.error_message ILIKE ${l} ESCAPE '\\')`,
    );
  }
  const order =
    list.sort === 'project' ? 'p.name' : list.sort.endsWith('_count') ? list.sort : `s.${list.sort}`;
  return [
    `SELECT s.session_id, p.name AS project, s.agent_type, s.query, s.start_time, s.end_time, s.duration_ms, s.success,`,
    `  s.parent_session_id, s.depth,`,
    `  (SELECT COUNT(*) FROM provenance_events e WHERE e.session_id = s.session_id) AS event_count,`,
    `  (SELECT COUNT(*) FROM provenance_events e WHERE e.session_id = s.session_id AND e.event_type = 'tool_call') AS tool_call_count`,
    `FROM provenance_sessions s`,
    `LEFT JOIN provex_session_info i ON i.session_id = s.session_id`,
    `LEFT JOIN provex_projects p ON p.project_id = i.project_id`,
    ...(where.length ? [`WHERE ${where.join(' AND ')}`] : []),
    `ORDER BY ${order} ${list.descending ? 'DESC' : 'ASC'} NULLS LAST, s.session_id`,
  ].join('\n');
}
