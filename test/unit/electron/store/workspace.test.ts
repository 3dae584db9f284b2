import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { Workspace } from '../../../../electron/store/workspace.js';
import { LATEST_SCHEMA_VERSION } from '../../../../electron/store/migrations/index.js';
import { PROVENANCE_INDEXES, PROVENANCE_TABLES } from '../../../../electron/store/provenanceDdl.js';
import { tempDir } from '../../../helpers/paths.js';

const tmp = tempDir();
after(tmp.cleanup);

async function tables(ws: Workspace): Promise<string[]> {
  const rows = await ws.all(
    `SELECT table_name FROM information_schema.tables WHERE table_schema='main' ORDER BY 1`,
  );
  return rows.map((r) => String(r.table_name));
}

test('an empty file becomes a workspace at the latest schema version', async () => {
  const ws = await Workspace.open(join(tmp.dir, 'empty.duckdb'));
  assert.equal(await ws.schemaVersion(), LATEST_SCHEMA_VERSION);
  const names = await tables(ws);
  for (const t of PROVENANCE_TABLES) assert.ok(names.includes(t.name), t.name);
  for (const t of ['provex_sources', 'provex_projects', 'tasks', 'task_edges', 'chains', 'chain_events']) {
    assert.ok(names.includes(t), t);
  }
  const idx = await ws.all(`SELECT index_name FROM duckdb_indexes()`);
  for (const i of PROVENANCE_INDEXES)
    assert.ok(
      idx.some((r) => r.index_name === i.name),
      i.name,
    );
  ws.close();
});

test('the provenance tables keep exactly the reference columns', async () => {
  const ws = await Workspace.open(join(tmp.dir, 'cols.duckdb'));
  const cols = await ws.all(
    `SELECT column_name, data_type FROM information_schema.columns WHERE table_name='provenance_tool_calls' ORDER BY ordinal_position`,
  );
  assert.deepEqual(
    cols.map((c) => c.column_name),
    [
      'call_id',
      'session_id',
      'event_id',
      'tool_type',
      'tool_name',
      'input_params',
      'output_data',
      'output_size_bytes',
      'call_time',
      'duration_ms',
      'cache_hit',
      'cache_key',
      'cache_source',
      'rate_limit_delay_ms',
      'retry_count',
      'success',
      'error_type',
      'error_message',
    ],
  );
  ws.close();
});

test('reopening is a no-op and a foreign table is left untouched', async () => {
  const path = join(tmp.dir, 'foreign.duckdb');
  const inst = await DuckDBInstance.create(path);
  const c = await inst.connect();
  await c.run(`CREATE TABLE media (id VARCHAR PRIMARY KEY, name VARCHAR)`);
  await c.run(`INSERT INTO media VALUES ('MP', 'MP medium'), ('LB', 'Lysogeny broth')`);
  c.closeSync();
  inst.closeSync();

  for (let i = 0; i < 2; i++) {
    const ws = await Workspace.open(path);
    assert.equal(await ws.schemaVersion(), LATEST_SCHEMA_VERSION);
    const rows = await ws.all(`SELECT * FROM media ORDER BY id`);
    assert.deepEqual(rows, [
      { id: 'LB', name: 'Lysogeny broth' },
      { id: 'MP', name: 'MP medium' },
    ]);
    const versions = await ws.all(`SELECT version FROM provex_schema_version`);
    assert.equal(versions.length, LATEST_SCHEMA_VERSION);
    ws.close();
  }
});

test('a workspace from a newer provex is refused with the version it needs', async () => {
  const path = join(tmp.dir, 'newer.duckdb');
  const ws = await Workspace.open(path);
  await ws.exec(`INSERT INTO provex_schema_version VALUES (?, 'from the future', now()::TIMESTAMP)`, [
    LATEST_SCHEMA_VERSION + 5,
  ]);
  ws.close();
  await assert.rejects(Workspace.open(path), (e: Error) => {
    assert.match(e.message, new RegExp(`schema version ${LATEST_SCHEMA_VERSION + 5}`));
    assert.match(e.message, /newer than this provex supports/);
    return true;
  });
});

test('a failed transaction leaves nothing behind', async () => {
  const ws = await Workspace.open(join(tmp.dir, 'tx.duckdb'));
  await assert.rejects(
    ws.transaction(async (tx) => {
      await tx.exec(`INSERT INTO provex_projects (name, root_path) VALUES ('a', '/a')`);
      throw new Error('boom');
    }),
    /boom/,
  );
  assert.deepEqual(await ws.all(`SELECT * FROM provex_projects`), []);
  ws.close();
});

test('closing while reads are queued or running lets them finish instead of crashing', async () => {
  const ws = await Workspace.open(join(tmp.dir, 'close-busy.duckdb'));
  const slow = ws.all(`SELECT COUNT(*) AS n FROM range(30000000) a`);
  const queued = ws.all(`SELECT 42 AS x`);
  ws.close();
  assert.equal(ws.isClosed, true);
  await assert.rejects(ws.all('SELECT 1'), /closed/);
  assert.deepEqual(await queued, [{ x: 42 }]);
  assert.equal(Number((await slow)[0]!.n), 30000000);
  // Released once idle: the file opens again in this process.
  const again = await Workspace.open(join(tmp.dir, 'close-busy.duckdb'));
  again.close();
});
