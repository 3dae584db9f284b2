import type { DuckDBConnection } from '@duckdb/node-api';
import { TEMP, withAppender } from './appender.js';

/**
 * `provex_session_derived`: one row per session that has events, computed from its events only,
 * so `sessions/list` never groups or scans `provenance_events` (by far the largest table):
 *
 * - `event_count`, `tool_call_count` (events of type `tool_call`), `cache_hits` (tool-call events
 *   whose details say `"cache_hit": true`), `first_event_at`, `last_event_at`;
 * - `search_words` / `search_numbers`: the distinct runs of letters / of digits in the lower-cased
 *   `event_name` and `details` text of its events, space-separated. A search run (letters or
 *   digits, never a space) is found in an event text exactly when it is a substring of one of
 *   these runs, so `contains(search_words, run)` answers the old per-event ILIKE for one run by
 *   reading one short row per session (see `eventSearchCondition`).
 *
 * Invariant: for every session the row equals `derivedRowsSql` over its current events (no row
 * when it has none). Every write path keeps it in the same transaction as its write: it marks the
 * sessions it touches (the sessions of events it inserts, updates, moves or deletes, marked BEFORE
 * an update or delete so the old session is caught too) and calls `refreshMarkedSessions` before
 * its commit; `refreshSessionDerived` does both for a known list of sessions. A refresh recomputes
 * whole sessions, set-based: one DELETE and one INSERT ... SELECT per transaction.
 *
 * No primary key on purpose: refreshing deletes and re-inserts the same keys in one transaction,
 * which DuckDB's index checks have refused in the past; the table is small (a row per session).
 */
export const DERIVED_TABLE = 'provex_session_derived';

export const CREATE_DERIVED_TABLE = `CREATE TABLE IF NOT EXISTS ${DERIVED_TABLE} (
  session_id VARCHAR NOT NULL,
  event_count BIGINT NOT NULL,
  tool_call_count BIGINT NOT NULL,
  cache_hits BIGINT NOT NULL,
  first_event_at TIMESTAMP,
  last_event_at TIMESTAMP,
  search_words VARCHAR NOT NULL,
  search_numbers VARCHAR NOT NULL
)`;

const MARKED = 'temp.provex_derived_marked';

/**
 * The derived rows of the sessions `scope` selects (a query returning `session_id`), or of every
 * session when `scope` is null.
 */
export function derivedRowsSql(scope: string | null): string {
  const where = scope === null ? '' : `WHERE session_id IN (${scope})`;
  // A subset's events are read once and tokenized from that copy (2-3x faster than letting each
  // part read them again); the whole table is better streamed than copied.
  return derivedRowsFrom(`SELECT * FROM provenance_events ${where}`, scope !== null);
}

/** The derived rows of the events a query returns (columns as in `provenance_events`). */
function derivedRowsFrom(events: string, materialize: boolean): string {
  return `WITH ev AS ${materialize ? 'MATERIALIZED ' : ''}(
      SELECT session_id, event_type, details, timestamp,
             lower(event_name || ' ' || CAST(details AS VARCHAR)) AS txt
      FROM (${events})
    ), counts AS (
      SELECT session_id, COUNT(*) AS event_count,
             COUNT(*) FILTER (WHERE event_type = 'tool_call') AS tool_call_count,
             COUNT(*) FILTER (WHERE event_type = 'tool_call' AND json_extract(details, '$.cache_hit') = 'true') AS cache_hits,
             MIN(timestamp) AS first_event_at, MAX(timestamp) AS last_event_at
      FROM ev GROUP BY session_id
    ), words AS (
      SELECT session_id, string_agg(DISTINCT w, ' ' ORDER BY w) AS search_words
      FROM (SELECT session_id, unnest(regexp_extract_all(txt, '\\p{L}+')) AS w FROM ev) GROUP BY session_id
    ), numbers AS (
      SELECT session_id, string_agg(DISTINCT n, ' ' ORDER BY n) AS search_numbers
      FROM (SELECT session_id, unnest(regexp_extract_all(txt, '\\p{N}+')) AS n FROM ev) GROUP BY session_id
    )
    SELECT c.session_id, c.event_count, c.tool_call_count, c.cache_hits, c.first_event_at, c.last_event_at,
           COALESCE(w.search_words, '') AS search_words, COALESCE(n.search_numbers, '') AS search_numbers
    FROM counts c LEFT JOIN words w ON w.session_id = c.session_id LEFT JOIN numbers n ON n.session_id = c.session_id`;
}

/** Statements that (re)build the whole table from the events: the migration, and repairs. */
export const REBUILD_DERIVED: readonly string[] = [
  CREATE_DERIVED_TABLE,
  `DELETE FROM ${DERIVED_TABLE}`,
  `INSERT INTO ${DERIVED_TABLE} ${derivedRowsSql(null)}`,
];

/** Rebuilds every row (inside the caller's transaction). */
export async function rebuildSessionDerived(conn: DuckDBConnection): Promise<void> {
  for (const sql of REBUILD_DERIVED) await conn.run(sql);
}

/**
 * Rebuilds the table when its counts do not add up to the events table: rows written by another
 * program (a reference tracker writing the same file while provex was closed, raw SQL) bypass our
 * writers. Run at open; costs two counts when all is well (a foreign write that leaves the
 * number of events unchanged goes unseen). Returns true when it rebuilt.
 */
export async function repairSessionDerivedIfStale(conn: DuckDBConnection): Promise<boolean> {
  const r = await conn.runAndReadAll(
    `SELECT (SELECT COUNT(*) FROM provenance_events) = (SELECT COALESCE(SUM(event_count), 0) FROM ${DERIVED_TABLE})`,
  );
  if (r.getRowsJson()[0]?.[0] === true) return false;
  await rebuildSessionDerived(conn);
  return true;
}

async function ensureMarked(conn: DuckDBConnection): Promise<void> {
  await conn.run(`CREATE TEMP TABLE IF NOT EXISTS provex_derived_marked (session_id VARCHAR)`);
}

/** Marks the sessions a query returns (one column, `session_id`) for the next refresh. */
export async function markSessions(conn: DuckDBConnection, sessionsSql: string): Promise<void> {
  await ensureMarked(conn);
  await conn.run(`INSERT INTO ${MARKED} ${sessionsSql}`);
}

/**
 * Marks what writing a staged events table (VARCHAR `event_id`, `session_id`) may change: the
 * staged sessions, and the sessions those event ids belong to now (a merge may move an event to
 * another session). Call it BEFORE the staged rows are merged.
 */
export async function markStagedEvents(conn: DuckDBConnection, stageTable: string): Promise<void> {
  await markSessions(
    conn,
    `SELECT DISTINCT session_id FROM ${stageTable} WHERE session_id IS NOT NULL
     UNION SELECT e.session_id FROM provenance_events e WHERE e.event_id IN (SELECT event_id FROM ${stageTable})`,
  );
}

/** Marks the sessions of the events a query selects (by `event_id`): call it BEFORE deleting them. */
export async function markEventsToDelete(conn: DuckDBConnection, eventIdsSql: string): Promise<void> {
  await markSessions(
    conn,
    `SELECT DISTINCT session_id FROM provenance_events WHERE event_id IN (${eventIdsSql})`,
  );
}

/** Recomputes the rows of the marked sessions from their events, then clears the marks. */
export async function refreshMarkedSessions(conn: DuckDBConnection): Promise<void> {
  await ensureMarked(conn);
  const any = await conn.runAndReadAll(`SELECT 1 FROM ${MARKED} LIMIT 1`);
  if (any.currentRowCount === 0) return;
  const scope = `SELECT DISTINCT session_id FROM ${MARKED}`;
  await conn.run(`DELETE FROM ${DERIVED_TABLE} WHERE session_id IN (${scope})`);
  await conn.run(`INSERT INTO ${DERIVED_TABLE} ${derivedRowsSql(scope)}`);
  await conn.run(`DELETE FROM ${MARKED}`);
}

/** Space-separated runs `a` and `b` merged as `string_agg(DISTINCT .. ORDER BY ..)` would. */
const mergeRuns = (a: string, b: string): string =>
  `array_to_string(list_sort(list_distinct(list_filter(string_split(${a}, ' ') || string_split(${b}, ' '), r -> r <> ''))), ' ')`;

/**
 * Adds staged events that were ALL just inserted (none of their ids existed, so no other row
 * changed) to their sessions' rows: the aggregates merge (counts add, times widen, runs unite), so
 * the cost follows the staged rows, not the size of their sessions. `stageTable` holds the
 * `provenance_events` columns as VARCHAR (store/stagingTables.ts), cast as the merge casts them.
 */
export async function addInsertedEvents(conn: DuckDBConnection, stageTable: string): Promise<void> {
  const staged = `SELECT session_id, event_type, event_name, CAST(details AS JSON) AS details,
                         CAST(timestamp AS TIMESTAMP) AS timestamp FROM ${stageTable}`;
  // A temp table kept per connection (catalog changes cost more than the rows here).
  await conn.run(
    `CREATE TEMP TABLE IF NOT EXISTS provex_derived_delta AS SELECT * FROM ${DERIVED_TABLE} LIMIT 0`,
  );
  await conn.run(`INSERT INTO temp.provex_derived_delta ${derivedRowsFrom(staged, true)}`);
  await conn.run(
    `UPDATE ${DERIVED_TABLE} AS t SET event_count = t.event_count + x.event_count,
       tool_call_count = t.tool_call_count + x.tool_call_count, cache_hits = t.cache_hits + x.cache_hits,
       first_event_at = LEAST(t.first_event_at, x.first_event_at), last_event_at = GREATEST(t.last_event_at, x.last_event_at),
       search_words = ${mergeRuns('t.search_words', 'x.search_words')},
       search_numbers = ${mergeRuns('t.search_numbers', 'x.search_numbers')}
     FROM temp.provex_derived_delta x WHERE t.session_id = x.session_id`,
  );
  await conn.run(
    `INSERT INTO ${DERIVED_TABLE} SELECT * FROM temp.provex_derived_delta x
     WHERE NOT EXISTS (SELECT 1 FROM ${DERIVED_TABLE} t WHERE t.session_id = x.session_id)`,
  );
  await conn.run(`DELETE FROM temp.provex_derived_delta`);
}

/**
 * What a writer merging staged events (`mergeRows` on the events stage) passes and calls:
 * `beforeExistingChange` for `mergeRows` (marks the staged and current sessions of the staged
 * ids for a full refresh, before a merge may change or move existing events), then `afterMerge`
 * (when no existing event was touched, adds the new ones incrementally). `refreshMarkedSessions`
 * before the commit completes it.
 */
export function eventMergeHooks(
  conn: DuckDBConnection,
  stageTable: string,
): { beforeExistingChange: () => Promise<void>; afterMerge: () => Promise<void> } {
  let existing = false;
  return {
    beforeExistingChange: async () => {
      existing = true;
      await markStagedEvents(conn, stageTable);
    },
    afterMerge: async () => {
      if (!existing) await addInsertedEvents(conn, stageTable);
    },
  };
}

/**
 * Recomputes the derived rows of `sessionIds` from their events, in the caller's transaction
 * (with any sessions marked earlier in it). Set-based: call it once per transaction with every
 * session the write touched, never per row.
 */
export async function refreshSessionDerived(
  conn: DuckDBConnection,
  sessionIds: readonly string[],
): Promise<void> {
  if (sessionIds.length > 0) {
    await ensureMarked(conn);
    await withAppender(
      conn,
      'provex_derived_marked',
      (ap) => {
        for (const id of new Set(sessionIds)) {
          ap.appendVarchar(id);
          ap.endRow();
        }
      },
      TEMP,
    );
  }
  await refreshMarkedSessions(conn);
}

/** Drops the rows of sessions that are gone (their events went in an earlier refresh). */
export async function forgetSessionDerived(
  conn: DuckDBConnection,
  sessionIds: readonly string[],
): Promise<void> {
  if (sessionIds.length === 0) return;
  await conn.run(
    `DELETE FROM ${DERIVED_TABLE} WHERE session_id IN (SELECT unnest(from_json(?, '["VARCHAR"]')))`,
    [JSON.stringify(sessionIds)],
  );
}

/**
 * The runs a search text is matched by: lower-cased runs of letters and runs of digits (the
 * same split as the index). Punctuation and spaces separate runs and are not searched for.
 */
export function searchRuns(text: string): { words: string[]; numbers: string[] } {
  const lower = text.toLowerCase();
  const uniq = (xs: RegExpMatchArray | null): string[] => [...new Set(xs ?? [])];
  return { words: uniq(lower.match(/\p{L}+/gu)), numbers: uniq(lower.match(/\p{N}+/gu)) };
}

/**
 * SQL for "the session `sessionIdExpr` has every run of the search in its event text", or null
 * when the search has no run. Semantics: each word of the search must appear somewhere in the
 * session's events (as part of a word there), not necessarily in one event nor next to each
 * other: a superset of the old per-event phrase match. A semi-join, so only the derived table is
 * scanned for the text and only session ids flow into the caller's joins.
 */
export function eventSearchCondition(
  sessionIdExpr: string,
  text: string,
): { sql: string; params: string[] } | null {
  const { words, numbers } = searchRuns(text);
  if (words.length + numbers.length === 0) return null;
  const parts = [
    ...words.map(() => `contains(search_words, ?)`),
    ...numbers.map(() => `contains(search_numbers, ?)`),
  ];
  return {
    sql: `${sessionIdExpr} IN (SELECT session_id FROM ${DERIVED_TABLE} WHERE ${parts.join(' AND ')})`,
    params: [...words, ...numbers],
  };
}
