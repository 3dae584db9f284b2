/**
 * One measured import in its own process, so its peak RSS is its own: `import` runs importPaths
 * into a workspace; `read_json` loads the same action logs with DuckDB's read_json into a bare
 * table (the near-limit baseline); `floor` loads them with read_json and inserts them, as they
 * are, into a fresh workspace's events table (its keys, foreign key and one claim per row): what
 * DuckDB alone needs to store the events in our schema, with no parsing, attribution, manifests
 * or summaries. Prints one JSON line: { wall_ms, rows, peak_rss_mb }.
 * Usage: node importChild.js <import|read_json|floor> <db file> <path or glob>...
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { importPaths } from '../../../electron/importers/importPaths.js';
import { Workspace } from '../../../electron/store/workspace.js';

const [mode, db, ...paths] = process.argv.slice(2);
if (!mode || !db || paths.length === 0)
  throw new Error('usage: importChild <import|read_json> <db> <paths...>');

const ACTION_COLUMNS = `{timestamp: 'VARCHAR', action_id: 'BIGINT', type: 'VARCHAR', tool: 'VARCHAR', status: 'VARCHAR',
  duration_ms: 'BIGINT', details: 'JSON', files_affected: 'JSON', read_only: 'BOOLEAN',
  database_event_id: 'VARCHAR', entity_links: 'JSON'}`;

const t0 = performance.now();
let rows = 0;
let errors = 0;
if (mode === 'read_json') {
  const instance = await DuckDBInstance.create(db);
  const conn = await instance.connect();
  const list = `[${paths.map((p) => `'${p.replace(/'/g, "''")}'`).join(', ')}]`;
  await conn.run(
    `CREATE TABLE actions AS SELECT * FROM read_json(${list}, format = 'newline_delimited', columns = ${ACTION_COLUMNS})`,
  );
  const r = await conn.runAndReadAll('SELECT COUNT(*) FROM actions');
  rows = Number(r.getRows()[0]![0]);
  conn.closeSync();
  instance.closeSync();
} else if (mode === 'floor') {
  const ws = await Workspace.open(db);
  const list = `[${paths.map((p) => `'${p.replace(/'/g, "''")}'`).join(', ')}]`;
  await ws.transaction(async (tx) => {
    await tx.exec(
      `CREATE TEMP TABLE raw AS SELECT * FROM read_json(${list}, format = 'newline_delimited', filename = true, columns = ${ACTION_COLUMNS})`,
    );
    // One session per log stands in for the attributed sessions (the events' foreign key needs them).
    await tx.exec(
      `INSERT INTO provenance_sessions (session_id, agent_type, query, start_time, created_at)
       SELECT filename, 'agent', '', MIN(CAST(timestamp AS TIMESTAMP)), MIN(CAST(timestamp AS TIMESTAMP)) FROM raw GROUP BY filename`,
    );
    await tx.exec(
      `INSERT INTO provenance_events (event_id, session_id, event_type, event_name, timestamp, sequence_number, details, duration_ms)
       SELECT database_event_id, filename, type, tool, CAST(timestamp AS TIMESTAMP), action_id, details, duration_ms FROM raw`,
    );
    await tx.exec(`INSERT INTO provex_row_sources SELECT 1, 'provenance_events', database_event_id FROM raw`);
    await tx.exec(`DROP TABLE temp.raw`);
  });
  const [c] = await ws.all(`SELECT COUNT(*) AS n FROM provenance_events`);
  rows = Number(c?.n ?? 0);
  await ws.checkpoint();
  ws.close();
} else {
  const ws = await Workspace.open(db);
  const report = await importPaths(ws, paths);
  rows = report.totals.events;
  errors = report.errors.length + report.sources.filter((s) => s.status === 'rejected').length;
  await ws.checkpoint();
  ws.close();
}
const wall = performance.now() - t0;
// maxRSS is in kilobytes.
const peak = process.resourceUsage().maxRSS / 1024;
console.log(JSON.stringify({ wall_ms: wall, rows, errors, peak_rss_mb: peak }));
