/**
 * The SQL behind timeline rows. Row order is a lexicographic sort on each row's "time path" (the
 * start times of its ancestor sessions, then its own time), so a child session's rows sit under
 * its header at the moment it starts. The path is spread over scalar key columns (k1, k2, …),
 * padded with NULLs that sort first: the same order as comparing the lists, but DuckDB sorts
 * scalar columns several times faster than LIST values.
 */

/** The session tree below a root (parameter 1), with each session's ancestor chain (root excluded). */
export const TREE_CTE = `
  WITH RECURSIVE tree AS (
    SELECT session_id, parent_session_id, agent_type, query, start_time, end_time, success, 0 AS depth,
           []::VARCHAR[] AS chain, []::BIGINT[] AS path
    FROM provenance_sessions WHERE session_id = ?
    UNION ALL
    SELECT s.session_id, s.parent_session_id, s.agent_type, s.query, s.start_time, s.end_time, s.success, t.depth + 1,
           list_append(t.chain, s.session_id), list_concat(t.path, [epoch_us(s.start_time), -1])
    FROM provenance_sessions s JOIN tree t ON s.parent_session_id = t.session_id
    WHERE t.depth < 64
  )`;

/** The columns of a row, in the order every row query returns them. */
export const ROW_COLUMNS =
  'kind, session_id, depth, event_id, label, event_type, ts_us, duration_ms, success, cache_hit, has_children';

/** Narrowing of `rowsCte`: `events`, an extra condition on events `e`; `headers: false` drops header rows. */
export interface RowsFilter {
  events?: string;
  headers?: boolean;
  /** Events from this CTE (defined in `ctes`) instead of provenance_events. */
  from?: string;
  ctes?: string;
}

/**
 * `${TREE_CTE}, rows AS (…)`: every visible row of the tree with its key columns k1..k(2·maxDepth+2).
 * `collapsed` ids are quoted here (they come from the renderer).
 */
export function rowsCte(collapsed: readonly string[], maxDepth: number, filter: RowsFilter = {}): string {
  const list = sqlStringList(collapsed);
  const hidden = collapsed.length ? `AND NOT list_has_any(t.chain, ${list})` : '';
  const headerHidden = collapsed.length
    ? `AND NOT list_has_any(list_slice(t.chain, 1, len(t.chain) - 1), ${list})`
    : '';
  const keys = keyNames(maxDepth)
    .map((k, i) => `k[${i + 1}] AS ${k}`)
    .join(', ');
  return `${TREE_CTE},${filter.ctes ? ` ${filter.ctes},` : ''}
    keyed AS (
      SELECT t.path AS k, 'session' AS kind, t.session_id, t.depth, NULL::VARCHAR AS event_id, t.agent_type AS label,
             NULL::VARCHAR AS event_type, epoch_us(t.start_time) AS ts_us,
             CAST(epoch_ms(t.end_time) - epoch_ms(t.start_time) AS DOUBLE) AS duration_ms, t.success,
             NULL::BOOLEAN AS cache_hit,
             EXISTS (SELECT 1 FROM provenance_sessions c WHERE c.parent_session_id = t.session_id) AS has_children
      FROM tree t WHERE ${filter.headers === false ? 'FALSE' : 'TRUE'} ${headerHidden}
      UNION ALL
      SELECT list_concat(t.path, [epoch_us(e.timestamp), e.sequence_number]), e.event_type, e.session_id, t.depth,
             e.event_id, e.event_name, e.event_type, epoch_us(e.timestamp),
             COALESCE(CAST(e.duration_ms AS DOUBLE), TRY_CAST(json_extract_string(e.details, '$.duration_ms') AS DOUBLE)),
             COALESCE(tc.success, TRY_CAST(json_extract_string(e.details, '$.success') AS BOOLEAN)),
             TRY_CAST(json_extract_string(e.details, '$.cache_hit') AS BOOLEAN), FALSE
      FROM ${filter.from ?? 'provenance_events'} e JOIN tree t ON e.session_id = t.session_id
      LEFT JOIN provenance_tool_calls tc ON tc.event_id = e.event_id
      WHERE ${filter.events ?? 'TRUE'} ${hidden}
    ),
    rows AS (SELECT ${keys}, ${ROW_COLUMNS} FROM keyed)`;
}

/**
 * The window [offset, offset + limit) of a tree of one session (no children: the common case),
 * without materialising anything: the row order is then the header, then the events by
 * (timestamp, sequence_number, event_id), and ordering by those raw columns lets DuckDB's top-N
 * skip most of the scan, and the window's events carry their own columns out of it: only they get
 * their JSON fields extracted, and provenance_events is scanned once.
 * Parameters: the root, twice.
 */
export function singleSessionWindowSql(offset: number, limit: number): string {
  const header = offset === 0;
  const events = header ? Math.max(0, limit - 1) : limit;
  const skip = header ? 0 : offset - 1;
  return `${rowsCte([], 0, {
    headers: header,
    from: 'top_events',
    ctes: `top_events AS (
      SELECT event_id, session_id, event_type, event_name, timestamp, sequence_number, details, duration_ms
      FROM provenance_events WHERE session_id = ?
      ORDER BY timestamp, sequence_number, event_id LIMIT ${events} OFFSET ${skip})`,
  })}
    SELECT ${ROW_COLUMNS} FROM rows ORDER BY ${rowOrder(0)}`;
}

/**
 * ORDER BY terms of the row order. The session id last only settles header rows of siblings that
 * start at the same microsecond (their keys are equal), which the LIST sort left to chance.
 */
export function rowOrder(maxDepth: number): string {
  return [...keyNames(maxDepth).map((k) => `${k} NULLS FIRST`), 'event_id NULLS FIRST', 'session_id'].join(
    ', ',
  );
}

/** A session at depth d has a path of 2d values; its events add a time and a sequence number. */
function keyNames(maxDepth: number): string[] {
  return Array.from({ length: 2 * maxDepth + 2 }, (_, i) => `k${i + 1}`);
}

/** A VARCHAR[] literal; every value quoted and escaped (ids come from the renderer). */
export function sqlStringList(values: readonly string[]): string {
  return `[${values.map((v) => `'${String(v).replace(/'/g, "''")}'`).join(', ')}]::VARCHAR[]`;
}
