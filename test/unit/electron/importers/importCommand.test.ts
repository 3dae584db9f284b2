import assert from 'node:assert/strict';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { DuckDBInstance } from '@duckdb/node-api';
import { detectKind } from '../../../../electron/importers/detectKind.js';
import { Workspace } from '../../../../electron/store/workspace.js';
import { provex } from '../../../helpers/cli.js';
import { buildSmallDb } from '../../../helpers/goTasks.js';
import { ownFixtures, sharedFixtures, tempDir } from '../../../helpers/paths.js';

const tmp = tempDir();
const project = join(sharedFixtures, 'claude-provenance', 'project');
let taskDb: string;
after(tmp.cleanup);

before(async () => {
  taskDb = join(tmp.dir, 'small.db');
  writeFileSync(taskDb, await buildSmallDb());
});

interface Report {
  sources: { path: string; kind: string; status: string; reason?: string }[];
  totals: Record<string, number>;
  errors: { path: string; message: string }[];
}

function importJson(db: string, ...args: string[]): Report {
  const r = provex(['import', ...args, '--db', db, '--json'], tmp.dir);
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
  return JSON.parse(r.stdout) as Report;
}

test('kinds are detected from layout, magic bytes and JSON shape', async () => {
  assert.deepEqual(detectKind(project), { kind: 'claude' });
  assert.deepEqual(detectKind(join(project, '.claude', 'provenance')), { kind: 'claude' });
  assert.deepEqual(detectKind(join(project, '.claude', 'provenance', 'sessions', '2026-01-13-16-05')), {
    kind: 'claude',
  });
  assert.deepEqual(detectKind(taskDb), { kind: 'tasks' });
  assert.deepEqual(detectKind(join(sharedFixtures, 'crucible', 'chain_golden_deterministic.json')), {
    kind: 'chains',
  });
  assert.deepEqual(detectKind(join(sharedFixtures, 'crucible')), { kind: 'chains' });
  const duck = join(tmp.dir, 'detect.duckdb');
  const inst = await DuckDBInstance.create(duck);
  (await inst.connect()).closeSync();
  inst.closeSync();
  assert.deepEqual(detectKind(duck), { kind: 'duckdb' });
  const txt = join(sharedFixtures, 'crucible', 'parser_input_integration_test.txt');
  assert.match((detectKind(txt) as { error: string }).error, /--kind markup/);
  assert.match((detectKind(join(tmp.dir, 'nope')) as { error: string }).error, /no such file/);
  const empty = join(tmp.dir, 'empty.json');
  writeFileSync(empty, '');
  assert.match((detectKind(empty) as { error: string }).error, /empty file/);
});

test('the shared fixtures and a task database import with the README counts, then again as unchanged', async () => {
  const db = join(tmp.dir, 'ws.duckdb');
  const first = importJson(db, project, taskDb);
  assert.deepEqual(first.errors, []);
  assert.ok(
    first.sources.every((s) => s.status === 'imported'),
    JSON.stringify(first.sources),
  );
  const ws = await Workspace.open(db, { readOnly: true });
  const count = async (sql: string) => Number((await ws.all(sql))[0]!.n);
  assert.equal(await count('SELECT COUNT(*) n FROM provenance_sessions'), 3);
  assert.equal(
    await count(
      `SELECT COUNT(*) n FROM provenance_events WHERE session_id = '79443331-9357-4ae6-8378-b0e622fae3c8'`,
    ),
    9,
  );
  assert.equal(await count('SELECT COUNT(*) n FROM provenance_tool_calls'), 3);
  assert.equal(await count('SELECT COUNT(*) n FROM provenance_decisions'), 2);
  assert.equal(await count('SELECT COUNT(*) n FROM provenance_transformations'), 1);
  assert.equal(await count('SELECT COUNT(*) n FROM provenance_entity_links'), 2);
  assert.equal(await count('SELECT COUNT(*) n FROM tasks'), 6);
  assert.equal(await count(`SELECT COUNT(*) n FROM task_edges WHERE kind = 'blocked_by'`), 5);
  assert.equal(await count('SELECT COUNT(*) n FROM task_edges'), 10);
  assert.equal(await count('SELECT COUNT(*) n FROM task_agents'), 2);
  ws.close();

  const again = importJson(db, project, taskDb);
  assert.ok(again.sources.length > 0);
  assert.deepEqual(
    again.sources.filter((s) => s.status !== 'unchanged'),
    [],
    'everything unchanged',
  );
  assert.equal(
    Object.values(again.totals).reduce((a, b) => a + b, 0),
    0,
  );
});

test('a Go tracker SQL dump (small.sql) imports as a task graph without the sqlite3 command line', async () => {
  const sql = join(sharedFixtures, 'go-provenance', 'small.sql');
  assert.deepEqual(detectKind(sql), { kind: 'tasks' });
  const db = join(tmp.dir, 'dump.duckdb');
  const r = importJson(db, sql);
  assert.deepEqual(
    r.sources.map((s) => [s.kind, s.status]),
    [['task-db', 'imported']],
  );
  const ready = provex(['tasks', 'ready', '--db', db, '--json'], tmp.dir);
  assert.deepEqual(
    (JSON.parse(ready.stdout) as { title: string }[]).map((t) => t.title),
    ['Flaky renderer golden-image test on CI', 'Extract shared AST types'],
    'Ready is F, D as the fixture README says',
  );
  const notTasks = join(tmp.dir, 'other.sql');
  writeFileSync(notTasks, 'CREATE TABLE t (x INT);');
  assert.match((detectKind(notTasks) as { error: string }).error, /not a Go task-tracker database dump/);
});

test('a changed task database replaces its graph instead of adding a second one', async () => {
  const db = join(tmp.dir, 'replace.duckdb');
  const file = join(tmp.dir, 'changing.db');
  writeFileSync(file, await buildSmallDb());
  importJson(db, file);
  writeFileSync(file, await buildSmallDb(`UPDATE tasks SET title = 'Renamed' WHERE title LIKE 'EPIC%'`));
  const r = importJson(db, file);
  assert.equal(r.sources[0]!.status, 'replaced');
  const ws = await Workspace.open(db, { readOnly: true });
  assert.equal(Number((await ws.all('SELECT COUNT(*) n FROM task_graphs'))[0]!.n), 1);
  assert.equal(Number((await ws.all(`SELECT COUNT(*) n FROM tasks WHERE title = 'Renamed'`))[0]!.n), 1);
  ws.close();
});

test('the bad-input corpus is rejected file by file with file and line, while good files beside it import', () => {
  const root = join(tmp.dir, 'mixed');
  const sessions = join(root, '.claude', 'provenance', 'sessions');
  mkdirSync(sessions, { recursive: true });
  cpSync(
    join(project, '.claude', 'provenance', 'sessions', '2026-01-13-16-05'),
    join(sessions, '2026-01-13-16-05'),
    { recursive: true },
  );
  cpSync(join(ownFixtures, 'bad', 'invalid-yaml'), join(sessions, '2026-03-01-00-00'), { recursive: true });
  cpSync(join(ownFixtures, 'bad', 'invalid-json-middle'), join(sessions, '2026-03-01-00-01'), {
    recursive: true,
  });
  cpSync(join(ownFixtures, 'bad', 'binary'), join(sessions, '2026-03-01-00-02'), { recursive: true });
  const db = join(tmp.dir, 'mixed.duckdb');
  const r = provex(['import', root, '--db', db], tmp.dir);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /rejected/);
  assert.match(r.stdout, /2026-03-01-00-00\/manifest\.yaml/);
  assert.match(r.stdout, /2026-03-01-00-01\/actions\.jsonl:\d+/, 'the bad line is named with its number');
  const ok = importJson(join(tmp.dir, 'mixed2.duckdb'), root);
  const good = ok.sources.filter((s) => s.path.includes('2026-01-13-16-05'));
  assert.ok(good.length >= 2 && good.every((s) => s.status === 'imported'));
});

test('a path that cannot be imported is a user error when nothing else imports', () => {
  const r = provex(['import', join(tmp.dir, 'missing-folder'), '--db', join(tmp.dir, 'x.duckdb')], tmp.dir);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /no such file/);
  const bad = provex(['import', project, '--kind', 'bogus', '--db', join(tmp.dir, 'x.duckdb')], tmp.dir);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /--kind must be one of/);
});
