import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { AgentId, Task, TaskGraph } from '../../../../shared/model/tasks.js';
import {
  buildGoTasksSqlite,
  TaskExportError,
  writeGoTasksSqlite,
} from '../../../../electron/exporters/goTasksSqlite.js';
import { readGoTasksBytes, readGoTasksFile } from '../../../../electron/importers/goTasks/index.js';
import { REFERENCE_DDL, storedSchemaText } from '../../../../electron/importers/goTasks/referenceSchema.js';
import { loadSqlJs, rowsOf, type SqlJsDatabase } from '../../../../electron/importers/goTasks/sqlJs.js';
import { generateGraph } from '../../shared/tasks/generatedGraph.js';
import { buildSmallDb } from '../../../helpers/goTasks.js';
import { tempDir } from '../../../helpers/paths.js';

const tmp = tempDir();
after(tmp.cleanup);

async function withDb<T>(bytes: Uint8Array, f: (db: SqlJsDatabase) => T): Promise<T> {
  const SQL = await loadSqlJs();
  const db = new SQL.Database(bytes);
  try {
    return f(db);
  } finally {
    db.close();
  }
}

test('the sample graph round-trips: our reader reads the written file back identical', async () => {
  const g = await readGoTasksBytes(await buildSmallDb(), { name: 'small' });
  const bytes = await buildGoTasksSqlite(g);
  assert.deepEqual(await readGoTasksBytes(bytes, { name: 'small' }), g);
});

test('sqlite_master holds exactly the reference schema text, in order, and the seeds of §4', async () => {
  const g = await readGoTasksBytes(await buildSmallDb());
  const written = await buildGoTasksSqlite(g);
  const schema = (b: Uint8Array): Promise<unknown[]> =>
    withDb(b, (db) =>
      rowsOf(db, `SELECT type, name, tbl_name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid`),
    );
  const ours = await schema(written);
  assert.deepEqual(
    ours.map((r) => (r as { sql: string }).sql),
    REFERENCE_DDL.map(storedSchemaText),
  );
  assert.deepEqual(ours, await schema(await buildSmallDb()), 'same objects as the sample file');
  await withDb(written, (db) => {
    assert.deepEqual(rowsOf(db, 'PRAGMA foreign_key_check'), []);
    assert.deepEqual(rowsOf(db, 'PRAGMA integrity_check'), [{ integrity_check: 'ok' }]);
    assert.deepEqual(rowsOf(db, 'PRAGMA user_version'), [{ user_version: 0 }]);
    assert.deepEqual(
      rowsOf(db, 'SELECT id, name FROM phases ORDER BY id').map((r) => r.name),
      [
        'request',
        'elicit',
        'propose',
        'review',
        'plan_uat',
        'ratify',
        'handoff',
        'impl_plan',
        'worker_slices',
        'code_review',
        'impl_uat',
        'landing',
        'unscoped',
      ],
    );
    assert.deepEqual(
      rowsOf(
        db,
        `SELECT typeof(created_at) AS t, CAST(created_at AS TEXT) AS v FROM tasks ORDER BY created_at LIMIT 1`,
      ),
      [{ t: 'integer', v: '1777885500413010447' }],
    );
  });
});

test('ML agents: ml_models is seeded for the models used and ids are read back, not assumed', async () => {
  const g = await readGoTasksBytes(await buildSmallDb());
  const agents = [
    ...g.agents,
    {
      kind: 'machine_learning',
      id: 'bots--019df237-3f09-766e-b64e-000000000001' as AgentId,
      role: 'worker',
      provider: 'openai',
      model: 'gpt-5',
    },
    {
      kind: 'machine_learning',
      id: 'bots--019df237-3f09-766e-b64e-000000000002' as AgentId,
      role: 'architect',
      provider: 'google',
      model: 'gemini-2.0-flash',
    },
    {
      kind: 'machine_learning',
      id: 'bots--019df237-3f09-766e-b64e-000000000003' as AgentId,
      role: 'reviewer',
      provider: 'openai',
      model: 'gpt-5',
    },
  ] as TaskGraph['agents'];
  const withMl = { ...g, agents };
  const bytes = await buildGoTasksSqlite(withMl);
  const back = await readGoTasksBytes(bytes);
  assert.deepEqual(back.agents, agents);
  await withDb(bytes, (db) => {
    assert.deepEqual(rowsOf(db, `SELECT id, provider_id, name FROM ml_models ORDER BY id`), [
      { id: 1, provider_id: 2, name: 'gpt-5' },
      { id: 2, provider_id: 1, name: 'gemini-2.0-flash' },
    ]);
  });
  const foreign = { ...g, agents: [{ ...agents[2]!, provider: 'mistral' }] as TaskGraph['agents'] };
  await assert.rejects(
    buildGoTasksSqlite(foreign),
    /provider 'mistral' is not one of the reference's providers/,
  );
});

test('a 5,000-task generated graph round-trips with exact timestamps and dangling targets', async () => {
  const { tasks, edges } = generateGraph(5000, 10000, 3);
  const fixed: Task[] = tasks.map((t, i) => ({
    ...t,
    status: t.status === 'Status(7)' ? 'open' : t.status,
    closed_at: i % 7 === 0 ? t.created_at + 123n : null,
  }));
  const g: TaskGraph = {
    name: 'big',
    generation: 'classic',
    read_only: false,
    tasks: fixed,
    edges,
    agents: [],
    activities: [],
    labels: fixed.slice(0, 50).map((t) => ({ task_id: t.id, name: `l:${t.title}` })),
    comments: [],
    warnings: [],
  };
  const back = await readGoTasksBytes(await buildGoTasksSqlite(g), { name: 'big' });
  const byId = <T extends { id: string }>(xs: T[]): Map<string, T> => new Map(xs.map((x) => [x.id, x]));
  assert.deepEqual(byId(back.tasks), byId(fixed));
  const edgeKey = (e: (typeof edges)[number]): string =>
    `${e.source_id}|${e.target_id}|${e.kind}|${e.created_at}`;
  assert.deepEqual(new Set(back.edges.map(edgeKey)), new Set(edges.map(edgeKey)));
  assert.equal(back.labels.length, 50);
});

test('values the lookup tables cannot hold are refused before anything is written', async () => {
  const g = await readGoTasksBytes(await buildSmallDb());
  const bad = { ...g, tasks: g.tasks.map((t, i) => (i === 1 ? { ...t, status: 'Status(7)' as const } : t)) };
  await assert.rejects(
    buildGoTasksSqlite(bad),
    (e: Error) => e instanceof TaskExportError && /Status 'Status\(7\)' has no row/.test(e.message),
  );
  const dangling = {
    ...g,
    comments: [{ ...g.comments[0]!, author_id: 'nobody--019df237-3f09-766e-b64e-2ec636ec8a8f' as AgentId }],
  };
  await assert.rejects(
    buildGoTasksSqlite(dangling),
    /cannot write the task graph: FOREIGN KEY constraint failed/,
  );
});

test('writing a file: read back by path, an existing file is kept unless overwrite', async () => {
  const g = await readGoTasksBytes(await buildSmallDb(), { name: 'out.db' });
  const path = join(tmp.dir, 'out.db');
  await writeGoTasksSqlite(g, path);
  assert.deepEqual(await readGoTasksFile(path), g);
  const before = readFileSync(path);
  await assert.rejects(writeGoTasksSqlite({ ...g, tasks: [] }, path), /out\.db: file exists/);
  assert.deepEqual(readFileSync(path), before);
  await writeGoTasksSqlite({ ...g, tasks: [], edges: [], labels: [], comments: [] }, path, {
    overwrite: true,
  });
  assert.equal((await readGoTasksFile(path)).tasks.length, 0);
  assert.ok(!existsSync(`${path}.tmp-${process.pid}`));
});
