import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { TaskGraph, TaskGraphId } from '../../../shared/model/tasks.js';
import { fromWire } from '../../../shared/tasks/wire.js';
import { readGoTasksBytes } from '../../../electron/importers/goTasks/index.js';
import { Service } from '../../../electron/service.js';
import { exportFileName } from '../../../electron/taskService.js';
import { TaskRepository } from '../../../electron/store/taskRepository.js';
import { Workspace } from '../../../electron/store/workspace.js';
import { validateArgs } from '../../../shared/ipc/validateArgs.js';
import { buildSmallDb, H, handleOf } from '../../helpers/goTasks.js';
import { tempDir } from '../../helpers/paths.js';

const tmp = tempDir();
let ws: Workspace;
let service: Service;
let graphId: TaskGraphId;
let readOnlyId: TaskGraphId;
const changes: string[][] = [];

before(async () => {
  ws = await Workspace.open(join(tmp.dir, 'ws.duckdb'));
  const small = await readGoTasksBytes(await buildSmallDb(), { name: 'small.db' });
  const repo = new TaskRepository(ws);
  graphId = await repo.saveGraph(small);
  readOnlyId = await repo.saveGraph({ ...small, name: 'journal.db', generation: 'journal', read_only: true });
  service = new Service(ws);
  service.on('store/changed', ({ tables }) => changes.push(tables));
});
after(async () => {
  await service.close();
  tmp.cleanup();
});

/** What a transport does: validate, call, and send through JSON. */
async function call<K extends keyof Service & `tasks/${string}`>(key: K, args: unknown): Promise<unknown> {
  const valid = validateArgs(key as never, args);
  const result = await (service[key] as (a: unknown) => Promise<unknown>)(valid);
  return JSON.parse(JSON.stringify(result ?? null)) as unknown;
}

const graph = async (id = graphId) =>
  fromWire((await call('tasks/graph', { graph_id: id })) as Parameters<typeof fromWire>[0]);

test('graphs and graph: the summary and the whole graph, exact through JSON', async () => {
  const list = (await call('tasks/graphs', undefined)) as { graph_id: number; name: string }[];
  assert.deepEqual(
    list.map((g) => g.name),
    ['small.db', 'journal.db'],
  );
  const g = await graph();
  assert.equal(g.tasks.length, 6);
  assert.equal(g.tasks.find((t) => t.id === H.C)!.closed_at, 1777889700642018930n);
  assert.equal(await call('tasks/graph', { graph_id: 999 }), null);
});

test('createTask, then the edge rules: accepted, duplicate, cycle with its path, removal', async () => {
  const created = (await call('tasks/createTask', {
    graph_id: graphId,
    namespace: 'https://github.com/example/widget-service',
    title: 'Write the migration guide',
    type: 'chore',
    phase: 'landing',
  })) as { id: string; status: string; created_at: string; priority: string };
  assert.equal(created.status, 'open');
  assert.equal(created.priority, 'medium');
  assert.match(created.created_at, /^\d{19}$/);
  assert.ok(
    (await graph()).tasks.some((t) => t.id === created.id && t.title === 'Write the migration guide'),
  );

  const edge = { graph_id: graphId, kind: 'blocked_by' };
  const ok = (await call('tasks/addEdge', { ...edge, source_id: created.id, target_id: H.A })) as {
    ok: boolean;
    edge: { target_id: string; created_at: string };
  };
  assert.equal(ok.ok, true);
  assert.equal(ok.edge.target_id, H.A);

  const dup = (await call('tasks/addEdge', { ...edge, source_id: H.A, target_id: H.B })) as { code: string };
  assert.equal(dup.code, 'duplicate');

  const cycle = (await call('tasks/addEdge', { ...edge, source_id: H.D, target_id: H.A })) as {
    ok: boolean;
    code: string;
    message: string;
    path: string[];
  };
  assert.equal(cycle.ok, false);
  assert.equal(cycle.code, 'cycle');
  assert.deepEqual(cycle.path.map(handleOf), ['D', 'A', 'B', 'D']);
  assert.match(cycle.message, /cycle detected/);
  // The new task waits for A, so A waiting for it closes a cycle too.
  const longer = (await call('tasks/addEdge', { ...edge, source_id: H.A, target_id: created.id })) as {
    path: string[];
  };
  assert.deepEqual(longer.path.map(handleOf), ['A', created.id, 'A']);
  const refused = (await graph()).edges.filter((e) => e.source_id === H.D && e.target_id === H.A);
  assert.deepEqual(refused, []);

  assert.deepEqual(await call('tasks/removeEdge', { ...edge, source_id: created.id, target_id: H.A }), {
    removed: true,
  });
  assert.ok(!(await graph()).edges.some((e) => e.source_id === created.id));
  assert.ok(changes.some((t) => t.includes('tasks')) && changes.some((t) => t.includes('task_edges')));
});

test('close with a reason; closing twice and editing a read-only graph are user-facing refusals', async () => {
  const closed = (await call('tasks/close', {
    graph_id: graphId,
    task_id: H.F,
    reason: 'fixed the golden image',
  })) as {
    status: string;
    close_reason: string;
    closed_at: string;
  };
  assert.equal(closed.status, 'closed');
  assert.equal(closed.close_reason, 'fixed the golden image');
  assert.match(closed.closed_at, /^\d{19}$/);
  await assert.rejects(
    call('tasks/close', { graph_id: graphId, task_id: H.F, reason: 'again' }),
    (e: Error) => {
      const m = e as Error & { userFacing?: boolean; status?: number };
      return m.userFacing === true && m.status === 409 && /already closed/.test(m.message);
    },
  );
  await assert.rejects(
    call('tasks/addLabel', { graph_id: readOnlyId, task_id: H.A, name: 'x' }),
    (e: Error & { status?: number }) => e.status === 409 && /read-only/.test(e.message),
  );
  await assert.rejects(
    call('tasks/close', { graph_id: graphId, task_id: 'nope--1', reason: '' }),
    (e: Error & { status?: number }) => e.status === 404,
  );
});

test('labels and comments', async () => {
  assert.deepEqual(await call('tasks/addLabel', { graph_id: graphId, task_id: H.D, name: 'area:ast' }), {
    task_id: H.D,
    name: 'area:ast',
  });
  const c = (await call('tasks/addComment', {
    graph_id: graphId,
    task_id: H.D,
    author_id: H.S,
    body: 'AST types extracted in #42',
  })) as { id: string; author_id: string };
  assert.ok(c.id.startsWith('https://github.com/example/widget-service--'), 'the task namespace');
  const g = await graph();
  assert.ok(g.labels.some((l) => l.task_id === H.D && l.name === 'area:ast'));
  assert.ok(g.comments.some((x) => x.id === c.id && x.body === 'AST types extracted in #42'));
  await assert.rejects(
    call('tasks/addComment', { graph_id: graphId, task_id: H.D, author_id: 'x--1', body: 'b' }),
    (e: Error & { status?: number }) => e.status === 404 && /agent not found/.test(e.message),
  );
});

test('exportSqlite: bytes a reader reads back identical to the workspace graph', async () => {
  const before = (await new TaskRepository(ws).loadGraph(graphId))!;
  const out = (await call('tasks/exportSqlite', { graph_id: graphId })) as {
    file_name: string;
    byte_length: number;
    base64: string;
  };
  assert.equal(out.file_name, 'small.sqlite');
  const bytes = Buffer.from(out.base64, 'base64');
  assert.equal(bytes.length, out.byte_length);
  const back: TaskGraph = await readGoTasksBytes(bytes, { name: before.name });
  assert.equal(back.generation, 'classic');
  for (const k of ['tasks', 'edges', 'agents', 'activities', 'labels', 'comments'] as const) {
    assert.deepEqual(back[k], before[k], k);
  }
  await assert.rejects(
    call('tasks/exportSqlite', { graph_id: 999 }),
    (e: Error & { status?: number }) => e.status === 404,
  );
});

test('export file names: extension replaced, unsafe characters dropped, never empty', () => {
  assert.equal(exportFileName('small.db', 1), 'small.sqlite');
  assert.equal(exportFileName('my graph/../x.sqlite3', 2), 'my-graph-..-x.sqlite');
  assert.equal(exportFileName('///', 3), 'task-graph-3.sqlite');
});

test('sessions: entity links to tasks/task and the id inside event details, newest first', async () => {
  await ws.exec(`INSERT INTO provenance_sessions (session_id, agent_type, query, start_time, depth) VALUES
    ('s-link', 'PlannerAgent', 'plan the parser', '2026-05-04 10:00:00', 0),
    ('s-text', 'WorkerAgent', 'rewrite', '2026-05-04 11:00:00', 0),
    ('s-other', 'WorkerAgent', 'unrelated', '2026-05-04 12:00:00', 0)`);
  await ws.exec(
    `INSERT INTO provenance_entity_links VALUES
      (1, 's-link', NULL, 'tasks', ?, 'reads', '2026-05-04 10:00:01'),
      (2, 's-other', NULL, 'media', ?, 'reads', '2026-05-04 12:00:01')`,
    [H.B, H.B],
  );
  await ws.exec(
    `INSERT INTO provenance_events VALUES
      ('e1', 's-text', 'tool_call', 'edit', '2026-05-04 11:00:01', 1, ?, NULL, NULL),
      ('e2', 's-link', 'log', 'note', '2026-05-04 10:00:02', 1, ?, NULL, NULL),
      ('e3', 's-other', 'log', 'note', '2026-05-04 12:00:02', 1, '{"task": "something else"}', NULL, NULL)`,
    [JSON.stringify({ task_id: H.B, file: 'parser.ts' }), JSON.stringify({ note: `working on ${H.B}` })],
  );
  const links = (await call('tasks/sessions', { task_id: H.B })) as { session_id: string; via: string[] }[];
  assert.deepEqual(
    links.map((l) => [l.session_id, l.via]),
    [
      ['s-text', ['event_details']],
      ['s-link', ['entity_link', 'event_details']],
    ],
  );
  assert.deepEqual(await call('tasks/sessions', { task_id: H.E }), []);
});

test('arguments are validated: unknown enum values and path-like fields are refused', () => {
  assert.throws(
    () => validateArgs('tasks/addEdge', { graph_id: 1, source_id: 'a', target_id: 'b', kind: 'waits' }),
    /kind: expected one of/,
  );
  assert.throws(
    () => validateArgs('tasks/exportSqlite', { graph_id: 1, path: '/tmp/x' }),
    /unknown field "path"/,
  );
  assert.throws(
    () => validateArgs('tasks/createTask', { graph_id: 1, namespace: 'n', title: 't', phase: 'p99' }),
    /phase/,
  );
});
