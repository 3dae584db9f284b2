import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { Workspace } from '../../../../electron/store/workspace.js';
import { PROVENANCE_INDEXES, PROVENANCE_TABLES } from '../../../../electron/store/provenanceDdl.js';
import { importClaudePaths } from '../../../../electron/importers/claude/importClaude.js';
import { importDuckDbFile } from '../../../../electron/importers/duckdb/importDuckDb.js';
import { sharedFixtures, tempDir } from '../../../helpers/paths.js';

const tmp = tempDir();
after(tmp.cleanup);
const project = join(sharedFixtures, 'claude-provenance', 'project');
const prov = join(project, '.claude', 'provenance');
const S1605 = '79443331-9357-4ae6-8378-b0e622fae3c8';

/** A database as the reference tracker leaves it: rows only in sessions and events (spec §8.3). */
async function referenceDb(path: string, relaxed = false): Promise<void> {
  const inst = await DuckDBInstance.create(path);
  const c = await inst.connect();
  for (const t of PROVENANCE_TABLES) {
    await c.run(relaxed ? t.sql.replace('event_id VARCHAR NOT NULL', 'event_id VARCHAR') : t.sql);
  }
  for (const i of PROVENANCE_INDEXES) await c.run(i.sql);
  const j = JSON.parse(readFileSync(join(prov, `${S1605}.json`), 'utf8'));
  const s = j.session;
  await c.run(
    `INSERT INTO provenance_sessions (session_id, agent_type, query, kwargs, user_context, start_time, end_time, duration_ms, success, result_summary, error_message, python_version, dependencies, db_path, parent_session_id, depth)
     VALUES (?, ?, ?, ?, '{}', ?, ?, ?, ?, ?, NULL, ?, ?, 'data/processed/microgrow.duckdb', NULL, 0)`,
    [
      s.session_id,
      s.agent_type,
      s.query,
      JSON.stringify(s.kwargs),
      s.start_time,
      s.end_time,
      s.duration_ms,
      s.success,
      JSON.stringify(s.result_summary),
      s.environment.python_version,
      JSON.stringify(s.environment.dependencies),
    ],
  );
  for (const e of j.execution_trace) {
    await c.run(
      `INSERT INTO provenance_events (event_id, session_id, event_type, event_name, timestamp, sequence_number, details) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [
        e.event_id,
        e.session_id,
        e.event_type,
        e.event_name,
        e.timestamp,
        e.sequence_number,
        JSON.stringify(e.details),
      ],
    );
  }
  if (relaxed) {
    const t = j.tool_calls[1];
    await c.run(
      `INSERT INTO provenance_tool_calls (call_id, session_id, event_id, tool_type, tool_name, input_params, output_data, call_time, duration_ms, cache_hit, success) VALUES (?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        t.call_id,
        t.session_id,
        t.tool_type,
        t.tool_name,
        JSON.stringify(t.input_params),
        JSON.stringify(t.output_data),
        t.call_time,
        t.duration_ms,
        t.cache_hit,
        t.success,
      ],
    );
  }
  c.closeSync();
  inst.closeSync();
}

const counts = async (ws: Workspace): Promise<number[]> => {
  const [r] = await ws.all(
    `SELECT (SELECT count(*) FROM provenance_sessions) s, (SELECT count(*) FROM provenance_events) e, (SELECT count(*) FROM provenance_tool_calls) t, (SELECT count(*) FROM provenance_entity_links) l`,
  );
  return [Number(r!.s), Number(r!.e), Number(r!.t), Number(r!.l)];
};

test('a reference-style database merges with the same session from files, without duplicates (either order)', async () => {
  const db = join(tmp.dir, 'microgrow.duckdb');
  await referenceDb(db);
  for (const order of ['db-first', 'files-first']) {
    const ws = await Workspace.open(join(tmp.dir, `${order}.duckdb`));
    try {
      if (order === 'db-first') {
        const r = await importDuckDbFile(ws, db);
        assert.equal(r.sources[0]!.status, 'imported', r.sources[0]!.reason);
        assert.deepEqual(r.totals.events, 9);
        assert.deepEqual(await counts(ws), [1, 9, 0, 0]);
        await importClaudePaths(ws, [project]);
      } else {
        await importClaudePaths(ws, [project]);
        await importDuckDbFile(ws, db);
      }
      assert.deepEqual(await counts(ws), [3, 14, 3, 2], order);
      const [s] = await ws.all(
        `SELECT db_path, user_context, success FROM provenance_sessions WHERE session_id = ?`,
        [S1605],
      );
      assert.equal(s!.db_path, 'data/processed/microgrow.duckdb');
      assert.equal(s!.success, true);
      const [info] = await ws.all(
        `SELECT flavour, folder, p.name FROM provex_session_info JOIN provex_projects p USING (project_id) WHERE session_id = ?`,
        [S1605],
      );
      assert.deepEqual(
        { ...info },
        { flavour: 'generated', folder: '2026-01-13-16-05', name: 'MicroGrowAgents' },
      );
      const again = await importDuckDbFile(ws, db);
      assert.equal(again.sources[0]!.status, 'unchanged');
      assert.deepEqual(await counts(ws), [3, 14, 3, 2]);
    } finally {
      ws.close();
    }
  }
});

test('the database is opened read-only and closed after the import', async () => {
  const db = join(tmp.dir, 'closed.duckdb');
  await referenceDb(db);
  const ws = await Workspace.open(join(tmp.dir, 'closed-ws.duckdb'));
  await importDuckDbFile(ws, db);
  // a writer can open the file again at once: nothing of ours still holds it
  const inst = await DuckDBInstance.create(db);
  const c = await inst.connect();
  await c.run(`DELETE FROM provenance_events`);
  c.closeSync();
  inst.closeSync();
  ws.close();
});

test('a relaxed database with a NULL event_id: the tool call gets its event via details.call_id', async () => {
  const db = join(tmp.dir, 'relaxed.duckdb');
  await referenceDb(db, true);
  const ws = await Workspace.open(join(tmp.dir, 'relaxed-ws.duckdb'));
  try {
    const r = await importDuckDbFile(ws, db, { project: 'PFAS' });
    assert.equal(r.sources[0]!.status, 'imported', r.sources[0]!.reason);
    const [t] = await ws.all(`SELECT event_id FROM provenance_tool_calls`);
    assert.equal(t!.event_id, '69091586-6785-4b9b-ade1-758588a4a562');
    const [p] = await ws.all(`SELECT name FROM provex_projects`);
    assert.equal(p!.name, 'PFAS');
  } finally {
    ws.close();
  }
});

test('empty provenance tables import as nothing', async () => {
  const db = join(tmp.dir, 'empty-tables.duckdb');
  const inst = await DuckDBInstance.create(db);
  const c = await inst.connect();
  for (const t of PROVENANCE_TABLES) await c.run(t.sql);
  c.closeSync();
  inst.closeSync();
  const ws = await Workspace.open(join(tmp.dir, 'empty-ws.duckdb'));
  try {
    const r = await importDuckDbFile(ws, db);
    assert.equal(r.sources[0]!.status, 'imported');
    assert.deepEqual(await counts(ws), [0, 0, 0, 0]);
  } finally {
    ws.close();
  }
});

test('a DuckDB file without provenance tables is refused with an error naming it', async () => {
  const db = join(tmp.dir, 'other.duckdb');
  const inst = await DuckDBInstance.create(db);
  const c = await inst.connect();
  await c.run(`CREATE TABLE media (id VARCHAR)`);
  c.closeSync();
  inst.closeSync();
  const ws = await Workspace.open(join(tmp.dir, 'other-ws.duckdb'));
  try {
    const r = await importDuckDbFile(ws, db);
    assert.equal(r.sources[0]!.status, 'rejected');
    assert.match(
      r.sources[0]!.reason!,
      new RegExp(`^${db.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: no provenance tables`),
    );
    assert.equal(Number((await ws.all(`SELECT count(*) n FROM provex_sources`))[0]!.n), 0);
  } finally {
    ws.close();
  }
});
