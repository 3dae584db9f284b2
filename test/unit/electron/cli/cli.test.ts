import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { Workspace } from '../../../../electron/store/workspace.js';
import { provex } from '../../../helpers/cli.js';
import { tempDir } from '../../../helpers/paths.js';

const tmp = tempDir();
const db = join(tmp.dir, 'ws.duckdb');
after(tmp.cleanup);

before(async () => {
  const ws = await Workspace.open(db);
  await ws.exec(
    `INSERT INTO provex_projects (project_id, name, root_path) VALUES (1, 'MicroGrowAgents', '/p/mg'), (2, 'PFASCommunityAgents', '/p/pfas')`,
  );
  await ws.exec(`INSERT INTO provenance_sessions (session_id, agent_type, query, start_time, end_time, duration_ms, success, depth)
    VALUES ('s1', 'MediaFormulationAgent', 'Recommend MP medium', '2026-01-13 16:05:12.401463', '2026-01-13 16:05:13.420753', 1019, true, 0),
           ('s2', 'SQLAgent', 'count PFAS compounds', '2026-02-01 10:00:00', NULL, NULL, false, 0)`);
  await ws.exec(`INSERT INTO provenance_sessions (session_id, agent_type, query, start_time, parent_session_id, depth)
    VALUES ('s1c', 'PathwayAnalysisAgent', 'pathways for MP', '2026-01-13 16:05:12.5', 's1', 1)`);
  await ws.exec(
    `INSERT INTO provex_session_info (session_id, project_id) VALUES ('s1', 1), ('s1c', 1), ('s2', 2)`,
  );
  await ws.exec(`INSERT INTO provenance_events VALUES
    ('e1', 's1', 'lifecycle', 'agent_start', '2026-01-13 16:05:12.401693', 1, '{"agent_type": "MediaFormulationAgent"}', NULL, NULL),
    ('e2', 's1', 'tool_call', 'api.pubchem_compound_lookup', '2026-01-13 16:05:12.5', 2, '{"call_id": "c1", "cache_hit": true, "duration_ms": 2}', 2, NULL),
    ('e3', 's2', 'log', 'log_error', '2026-02-01 10:00:01', 1, '{"message": "HTTPError 503: lanthanide service down", "level": "ERROR"}', NULL, NULL)`);
  ws.close();
});

type Listed = {
  session_id: string;
  project: string;
  success: boolean | null;
  event_count: number;
  tool_call_count: number;
};
const ls = (...args: string[]) => {
  const r = provex(['sessions', 'ls', '--db', db, '--json', ...args], tmp.dir);
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout) as Listed[];
};

test('sessions ls --json lists every session with the documented fields', () => {
  const rows = ls();
  assert.deepEqual(
    rows.map((r) => r.session_id),
    ['s2', 's1c', 's1'],
  );
  const s1 = rows.find((r) => r.session_id === 's1')!;
  for (const k of [
    'session_id',
    'project',
    'agent_type',
    'query',
    'start_time',
    'end_time',
    'duration_ms',
    'success',
    'parent_session_id',
    'depth',
    'event_count',
    'tool_call_count',
  ]) {
    assert.ok(k in s1, k);
  }
  assert.equal(s1.project, 'MicroGrowAgents');
  assert.equal(s1.event_count, 2);
  assert.equal(s1.tool_call_count, 1);
  assert.equal((s1 as unknown as { start_time: string }).start_time, '2026-01-13T16:05:12.401463Z');
});

test('sessions ls filters by project, agent, success, time and text', () => {
  assert.deepEqual(
    ls('--project', 'PFASCommunityAgents').map((r) => r.session_id),
    ['s2'],
  );
  assert.deepEqual(
    ls('--agent', 'SQLAgent').map((r) => r.session_id),
    ['s2'],
  );
  assert.deepEqual(
    ls('--success', 'true').map((r) => r.session_id),
    ['s1'],
  );
  assert.deepEqual(
    ls('--success', 'false').map((r) => r.session_id),
    ['s2'],
  );
  assert.deepEqual(
    ls('--since', '2026-01-20').map((r) => r.session_id),
    ['s2'],
  );
  assert.deepEqual(
    ls('--until', '2026-01-13T16:05:12.45Z').map((r) => r.session_id),
    ['s1'],
  );
  assert.deepEqual(
    ls('--search', 'lanthanide').map((r) => r.session_id),
    ['s2'],
    'details text is searched',
  );
  assert.deepEqual(
    ls('--search', 'MEDIUM').map((r) => r.session_id),
    ['s1'],
    'case-insensitive',
  );
});

test('sessions show prints one session and refuses an unknown id with exit 1', () => {
  const r = provex(['sessions', 'show', 's1', '--db', db, '--json'], tmp.dir);
  assert.equal(r.code, 0, r.stderr);
  const trace = JSON.parse(r.stdout);
  assert.equal(trace.session.session_id, 's1');
  assert.equal(trace.events.length, 2);
  const text = provex(['sessions', 'show', 's1', '--db', db], tmp.dir);
  assert.match(text.stdout, /MediaFormulationAgent/);
  const missing = provex(['sessions', 'show', 'nope', '--db', db], tmp.dir);
  assert.equal(missing.code, 1);
  assert.equal(missing.stderr.trim().split('\n').length, 1);
  assert.match(missing.stderr, /Session nope not found/);
});

test('query runs SELECTs in three formats and refuses writes, DDL, ATTACH, COPY, INSTALL, LOAD', () => {
  const json = provex(
    ['query', 'SELECT session_id FROM provenance_sessions ORDER BY 1', '--db', db, '--format', 'json'],
    tmp.dir,
  );
  assert.equal(json.code, 0, json.stderr);
  assert.deepEqual(JSON.parse(json.stdout), [
    { session_id: 's1' },
    { session_id: 's1c' },
    { session_id: 's2' },
  ]);
  const csv = provex(['query', "SELECT 'a,b' AS x, 1 AS n", '--db', db, '--format', 'csv'], tmp.dir);
  assert.equal(csv.stdout, 'x,n\n"a,b",1\n');
  for (const sql of [
    "INSERT INTO provex_projects (name) VALUES ('x')",
    "UPDATE provenance_sessions SET query = 'x'",
    'DELETE FROM provenance_events',
    'CREATE TABLE t (x INT)',
    'DROP TABLE provenance_events',
    "ATTACH 'other.duckdb'",
    "COPY provenance_sessions TO 'out.csv'",
    'INSTALL httpfs',
    'LOAD httpfs',
    "SELECT * FROM read_csv('/etc/passwd')",
    'SELECT 1; DELETE FROM provenance_events',
  ]) {
    const r = provex(['query', sql, '--db', db], tmp.dir);
    assert.equal(r.code, 1, `${sql}: ${r.stderr}`);
    assert.match(r.stderr, /read-only|workspace only/, sql);
  }
  const r = provex(['query', "SELECT 'INSERT INTO x' AS words", '--db', db, '--format', 'json'], tmp.dir);
  assert.equal(r.code, 0, 'keywords inside string literals are fine');
});

test('user errors exit 1 with one line; --help exits 0', () => {
  for (const args of [
    ['nope'],
    ['sessions', 'ls', '--success', 'maybe'],
    ['sessions', 'ls', '--bogus'],
    ['query'],
  ]) {
    const r = provex([...args, '--db', db], tmp.dir);
    assert.equal(r.code, 1, args.join(' '));
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
  }
  for (const args of [['--help'], ['sessions', 'ls', '--help'], ['migrate', '--help'], ['query', '--help']]) {
    const r = provex(args, tmp.dir);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /Usage: provex/);
  }
});

test('migrate adds the provenance tables to a foreign DuckDB file, idempotently, leaving its tables alone', async () => {
  const file = join(tmp.dir, 'microgrow.duckdb');
  const inst = await DuckDBInstance.create(file);
  const c = await inst.connect();
  await c.run(
    `CREATE TABLE ingredients (id VARCHAR, name VARCHAR); INSERT INTO ingredients VALUES ('CHEBI:33372', 'NdCl3')`,
  );
  c.closeSync();
  inst.closeSync();

  const first = provex(['migrate', file], tmp.dir);
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stdout, /created table provenance_sessions/);
  assert.match(first.stdout, /created index idx_prov_events_session/);
  const second = provex(['migrate', file], tmp.dir);
  assert.equal(second.code, 0, second.stderr);
  assert.match(second.stdout, /already up to date/);

  const noYes = provex(['migrate', file, '--recreate'], tmp.dir);
  assert.equal(noYes.code, 1);
  assert.match(noYes.stderr, /--yes/);
  const recreate = provex(['migrate', file, '--recreate', '--yes'], tmp.dir);
  assert.equal(recreate.code, 0, recreate.stderr);
  assert.match(recreate.stdout, /dropped table provenance_sessions/);

  const ws = await Workspace.open(file, { readOnly: true });
  assert.deepEqual(await ws.all('SELECT * FROM ingredients'), [{ id: 'CHEBI:33372', name: 'NdCl3' }]);
  ws.close();
  assert.equal(provex(['migrate', join(tmp.dir, 'missing.duckdb')], tmp.dir).code, 1);
});
