/**
 * One measured import in its own process, so its peak RSS is its own: `import` runs importPaths
 * into a workspace; `read_json` loads the same action logs with DuckDB's read_json into a bare
 * table (the near-limit baseline). Prints one JSON line: { wall_ms, rows, peak_rss_mb }.
 * Usage: node importChild.js <import|read_json> <db file> <path or glob>...
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
