/**
 * The reference `ProvenanceQueries` (formats/claude-provenance.md §9) and the two justfile
 * queries, as saved queries of the SQL console: the statements verbatim, `?` placeholders named in
 * order. `bindParams` fills the placeholders with SQL literals so the console can run them.
 */
import type { SavedQuery } from '../model/savedQueries.js';

const STATS = `SELECT agent_type, COUNT(*) as executions, AVG(duration_ms) as avg_duration_ms, MAX(duration_ms) as max_duration_ms, MIN(duration_ms) as min_duration_ms, SUM(CASE WHEN success THEN 1 ELSE 0 END) as successful, SUM(CASE WHEN NOT success THEN 1 ELSE 0 END) as failed`;
const DECISIONS = `SELECT ps.agent_type, pd.decision_type, pd.branch_taken, COUNT(*) as count FROM provenance_decisions pd JOIN provenance_sessions ps ON pd.session_id = ps.session_id`;
const RECENT = `SELECT session_id, agent_type, query, start_time, end_time, duration_ms, success, error_message FROM provenance_sessions`;

const ref = (
  id: string,
  name: string,
  description: string,
  sql: string,
  params: string[] = [],
): SavedQuery => ({
  id: `ref:${id}`,
  name,
  description,
  sql,
  params: params.map((p) => ({
    name: p,
    example: p === 'cutoff' ? '2026-01-01 00:00:00' : p === 'limit' ? '10' : '',
  })),
  builtin: true,
});

export const REFERENCE_QUERIES: readonly SavedQuery[] = [
  ref(
    'session',
    'get_session_trace: session',
    'The session row.',
    `SELECT * FROM provenance_sessions WHERE session_id = ?`,
    ['session_id'],
  ),
  ref(
    'events',
    'get_session_trace: events',
    'Its events in order.',
    `SELECT * FROM provenance_events WHERE session_id = ? ORDER BY sequence_number`,
    ['session_id'],
  ),
  ref(
    'tool_calls',
    'get_session_trace: tool calls',
    'Its tool calls.',
    `SELECT * FROM provenance_tool_calls WHERE session_id = ?`,
    ['session_id'],
  ),
  ref(
    'decisions',
    'get_session_trace: decisions',
    'Its decisions.',
    `SELECT * FROM provenance_decisions WHERE session_id = ?`,
    ['session_id'],
  ),
  ref(
    'agent_stats_one',
    'get_agent_statistics(agent_type)',
    'One agent type since the cutoff.',
    `${STATS} FROM provenance_sessions WHERE agent_type = ? AND created_at >= ? GROUP BY agent_type`,
    ['agent_type', 'cutoff'],
  ),
  ref(
    'agent_stats',
    'get_agent_statistics()',
    'Every agent type since the cutoff.',
    `${STATS} FROM provenance_sessions WHERE created_at >= ? GROUP BY agent_type ORDER BY executions DESC`,
    ['cutoff'],
  ),
  ref(
    'entity',
    'find_entity_provenance',
    'Sessions linked to a domain entity, newest link first.',
    `SELECT ps.session_id, ps.agent_type, ps.query, ps.start_time, ps.duration_ms, ps.success, pel.link_type, pel.timestamp FROM provenance_sessions ps JOIN provenance_entity_links pel ON ps.session_id = pel.session_id WHERE pel.entity_table = ? AND pel.entity_id = ? ORDER BY pel.timestamp DESC`,
    ['entity_table', 'entity_id'],
  ),
  ref(
    'tool_stats',
    'get_tool_call_statistics',
    'Calls per tool since the cutoff.',
    `SELECT tool_type, tool_name, COUNT(*) as call_count, AVG(duration_ms) as avg_duration_ms, SUM(CASE WHEN cache_hit THEN 1 ELSE 0 END) as cache_hits, SUM(CASE WHEN NOT cache_hit THEN 1 ELSE 0 END) as cache_misses, SUM(CASE WHEN success THEN 1 ELSE 0 END) as successful, SUM(CASE WHEN NOT success THEN 1 ELSE 0 END) as failed FROM provenance_tool_calls WHERE call_time >= ? GROUP BY tool_type, tool_name ORDER BY call_count DESC`,
    ['cutoff'],
  ),
  ref(
    'decision_patterns_one',
    'get_decision_patterns(agent_type)',
    'Branches taken by one agent type.',
    `${DECISIONS} WHERE ps.agent_type = ? AND pd.timestamp >= ? GROUP BY ps.agent_type, pd.decision_type, pd.branch_taken ORDER BY count DESC`,
    ['agent_type', 'cutoff'],
  ),
  ref(
    'decision_patterns',
    'get_decision_patterns()',
    'Branches taken by every agent type.',
    `${DECISIONS} WHERE pd.timestamp >= ? GROUP BY ps.agent_type, pd.decision_type, pd.branch_taken ORDER BY count DESC`,
    ['cutoff'],
  ),
  ref(
    'hierarchy',
    'get_session_hierarchy',
    'A session and all its descendants.',
    `WITH RECURSIVE session_tree AS (
    SELECT session_id, agent_type, query, parent_session_id, depth, duration_ms, success, 0 as level
    FROM provenance_sessions WHERE session_id = ?
    UNION ALL
    SELECT ps.session_id, ps.agent_type, ps.query, ps.parent_session_id, ps.depth, ps.duration_ms, ps.success, st.level + 1
    FROM provenance_sessions ps JOIN session_tree st ON ps.parent_session_id = st.session_id
)
SELECT * FROM session_tree ORDER BY level, session_id`,
    ['session_id'],
  ),
  ref(
    'recent_one',
    'get_recent_sessions(agent_type)',
    'Newest sessions of one agent type.',
    `${RECENT} WHERE agent_type = ? ORDER BY created_at DESC LIMIT ?`,
    ['agent_type', 'limit'],
  ),
  ref('recent', 'get_recent_sessions()', 'Newest sessions.', `${RECENT} ORDER BY created_at DESC LIMIT ?`, [
    'limit',
  ]),
  ref(
    'show_sessions',
    'just show-sessions',
    'project.justfile: the latest sessions.',
    `SELECT session_id, agent_type, query, duration_ms, success FROM provenance_sessions ORDER BY created_at DESC LIMIT 10`,
  ),
  ref(
    'stats',
    'just provenance-stats',
    'project.justfile: row counts.',
    `SELECT 'Total Sessions' as metric, COUNT(*) as count FROM provenance_sessions UNION ALL SELECT 'Total Events', COUNT(*) FROM provenance_events UNION ALL SELECT 'Total Tool Calls', COUNT(*) FROM provenance_tool_calls`,
  ),
];

/** A value as a SQL literal: integers bare (LIMIT needs them), everything else quoted. */
export function sqlLiteral(value: string): string {
  return /^-?\d{1,15}$/.test(value) ? value : `'${value.replace(/'/g, "''")}'`;
}

/** Replaces each `?` outside string literals, quoted identifiers and comments by the next value. */
export function bindParams(sql: string, values: readonly string[]): string {
  let out = '';
  let n = 0;
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i]!;
    if (c === "'" || c === '"') {
      let j = i + 1;
      while (j < sql.length && !(sql[j] === c && sql[j + 1] !== c)) j += sql[j] === c ? 2 : 1;
      out += sql.slice(i, j + 1);
      i = j;
    } else if (c === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      const stop = end < 0 ? sql.length : end;
      out += sql.slice(i, stop);
      i = stop - 1;
    } else if (c === '?') {
      const v = values[n++];
      if (v === undefined) throw new RangeError(`parameter ${n} has no value`);
      out += sqlLiteral(v);
    } else {
      out += c;
    }
  }
  return out;
}

/** The statement of one reference query by its id (without the `ref:` prefix). */
export function referenceSql(id: string): string {
  const q = REFERENCE_QUERIES.find((x) => x.id === `ref:${id}`);
  if (!q) throw new Error(`no reference query '${id}'`);
  return q.sql;
}
