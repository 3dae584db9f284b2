import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { AgentId, Task, TaskGraph, TaskGraphId } from '../../../../shared/model/tasks.js';
import { blocked, buildTaskIndex, ready } from '../../../../shared/tasks/index.js';
import type { TaskError } from '../../../../shared/tasks/mutations.js';
import { type TaskClock } from '../../../../shared/tasks/mutations.js';
import { readGoTasksBytes } from '../../../../electron/importers/goTasks/index.js';
import type { TaskEdgeError } from '../../../../electron/store/taskRepository.js';
import { TaskRepository } from '../../../../electron/store/taskRepository.js';
import { Workspace } from '../../../../electron/store/workspace.js';
import { generateGraph } from '../../shared/tasks/generatedGraph.js';
import { buildSmallDb, H, handleOf } from '../../../helpers/goTasks.js';
import { tempDir } from '../../../helpers/paths.js';

const tmp = tempDir();
let ws: Workspace;
let small: TaskGraph;

/** A clock that ticks 1 µs per call from 2026-05-04T13:00Z, with counting uuids. */
function testClock(): TaskClock {
  let now = 1777899600000000000n;
  let n = 0;
  return {
    nowNs: () => (now += 1000n),
    newUuid: () => `019df2b0-0000-7000-8000-${(n++).toString(16).padStart(12, '0')}`,
  };
}

before(async () => {
  ws = await Workspace.open(join(tmp.dir, 'ws.duckdb'));
  small = await readGoTasksBytes(await buildSmallDb(), { name: 'small.db' });
});
after(() => {
  ws.close();
  tmp.cleanup();
});

test('a saved graph reads back identical, with exact bigint timestamps, and is listed', async () => {
  const repo = new TaskRepository(ws, testClock());
  const id = await repo.saveGraph(small);
  const back = await repo.loadGraph(id);
  assert.deepEqual(back, small);
  const c = back!.tasks.find((t) => t.id === H.C)!;
  assert.equal(c.closed_at, 1777889700642018930n);
  const raw = await ws.all(
    `SELECT typeof(created_at) AS t, created_at FROM tasks WHERE graph_id = ? AND id = ?`,
    [id, H.A],
  );
  assert.deepEqual(raw, [{ t: 'BIGINT', created_at: '1777885500413010447' }]);
  const list = await repo.listGraphs();
  const mine = list.find((g) => g.graph_id === id)!;
  assert.equal(mine.name, 'small.db');
  assert.equal(mine.generation, 'classic');
  assert.equal(mine.read_only, false);
  assert.equal(mine.task_count, 6);
  assert.equal(mine.edge_count, 10);
  assert.equal(mine.open_count, 5);
  assert.match(mine.created_at, /^\d{4}-\d\d-\d\dT.*Z$/);
  assert.equal(await repo.loadGraph(999 as TaskGraphId), null);
});

test('5,000 tasks and 10,000 edges are saved in one transaction and read back exactly', async () => {
  const repo = new TaskRepository(ws, testClock());
  const { tasks, edges } = generateGraph(5000, 10000, 5);
  const g: TaskGraph = {
    ...small,
    name: 'big',
    tasks,
    edges,
    labels: [],
    comments: [],
    activities: [],
    agents: [],
  };
  const id = await repo.saveGraph(g);
  const back = (await repo.loadGraph(id))!;
  const byId = (xs: Task[]): Map<string, Task> => new Map(xs.map((t) => [t.id, t]));
  assert.deepEqual(byId(back.tasks), byId(tasks));
  assert.equal(back.edges.length, 10000);
  const idx = (x: TaskGraph): string[] => ready(buildTaskIndex(x.tasks, x.edges)).map((t) => t.id);
  assert.deepEqual(idx(back), idx(g));
});

test('a failed save leaves no graph and no rows behind', async () => {
  const repo = new TaskRepository(ws, testClock());
  const before = (await repo.listGraphs()).length;
  const rows = async (): Promise<unknown> =>
    ws.all(
      `SELECT (SELECT count(*) FROM tasks)::INTEGER AS t, (SELECT count(*) FROM task_edges)::INTEGER AS e`,
    );
  const rowsBefore = await rows();
  // The duplicate is in the comments, appended last: tasks and edges were already appended.
  const dup = { ...small, name: 'dup', comments: [...small.comments, small.comments[0]!] };
  await assert.rejects(repo.saveGraph(dup), /PRIMARY KEY|primary key|Duplicate key/i);
  assert.equal((await repo.listGraphs()).length, before);
  assert.deepEqual(await rows(), rowsBefore);
  assert.deepEqual(await ws.all(`SELECT count(*)::INTEGER AS n FROM task_graphs WHERE name = 'dup'`), [
    { n: 0 },
  ]);
});

test('edits on a writable graph: create, edges (validated), close, label, comment', async () => {
  const repo = new TaskRepository(ws, testClock());
  const id = await repo.saveGraph({ ...small, name: 'edit me' });

  const g = await repo.createTask(id, {
    namespace: 'https://github.com/example/widget-service',
    title: 'Write the migration guide',
    type: 'chore',
    priority: 'low',
    phase: 'landing',
  });
  assert.equal(g.id, 'https://github.com/example/widget-service--019df2b0-0000-7000-8000-000000000000');
  assert.equal(g.created_at, 1777899600000001000n);

  // G waits for A: accepted, stored canonical even when typed with braces and upper case.
  const typed = H.A.replace(/--(.*)$/, (_m, u: string) => `--{${u.toUpperCase()}}`);
  const edge = await repo.addEdge(id, g.id, typed, 'blocked_by');
  assert.equal(edge!.target_id, H.A);
  // A -> G would close the loop G -> A -> G.
  await assert.rejects(repo.addEdge(id, H.E, g.id, 'blocked_by'), (e: TaskEdgeError) => {
    assert.equal(e.code, 'cycle');
    assert.deepEqual(e.path!.map(handleOf), ['E', g.id, 'A', 'B', 'D', 'E']);
    assert.match(e.message, /^cycle detected: /);
    return true;
  });
  await assert.rejects(repo.addEdge(id, g.id, g.id, 'blocked_by'), /cannot wait for itself/);
  await assert.rejects(repo.addEdge(id, H.A, H.B, 'blocked_by'), /edge already exists/);
  await assert.rejects(
    repo.addEdge(id, H.B, H.H, 'blocked_by'),
    (e: TaskEdgeError) => e.code === 'not_found',
  );
  await assert.rejects(
    repo.addEdge(id, 'nope', H.B, 'blocked_by'),
    (e: TaskEdgeError) => e.code === 'invalid_id',
  );
  assert.equal(
    await repo.addEdge(id, H.A, H.ACT_PLAN, 'generated_by'),
    null,
    'duplicate of another kind ignored',
  );
  assert.ok(await repo.addEdge(id, g.id, 'anything', 'derived_from'));

  let now = (await repo.loadGraph(id))!;
  assert.deepEqual(
    blocked(buildTaskIndex(now.tasks, now.edges)).map((t) => handleOf(t.id)),
    ['A', 'C', 'B', g.id],
  );

  // Close E then D: B and C become ready, then A once B and C close.
  await repo.closeTask(id, H.D, 'Types extracted');
  await assert.rejects(repo.closeTask(id, H.E, 'again'), (e: TaskError) => e.code === 'already_closed');
  await assert.rejects(repo.closeTask(id, 'x--019df2b0-0000-7000-8000-000000000000', 'r'), /task not found/);
  now = (await repo.loadGraph(id))!;
  assert.deepEqual(
    ready(buildTaskIndex(now.tasks, now.edges)).map((t) => handleOf(t.id)),
    ['F', 'C', 'B'],
  );
  const d = now.tasks.find((t) => t.id === H.D)!;
  assert.equal(d.status, 'closed');
  assert.equal(d.close_reason, 'Types extracted');
  assert.equal(d.closed_at, d.updated_at);

  // Removing the new edge is idempotent.
  await repo.removeEdge(id, g.id, H.A, 'blocked_by');
  await repo.removeEdge(id, g.id, H.A, 'blocked_by');
  now = (await repo.loadGraph(id))!;
  assert.ok(!now.edges.some((e) => e.source_id === g.id && e.kind === 'blocked_by'));

  await repo.addLabel(id, g.id, 'docs');
  await repo.addLabel(id, g.id, 'docs');
  await assert.rejects(
    repo.addLabel(id, 'nobody--019df2b0-0000-7000-8000-000000000000', 'x'),
    /task not found/,
  );
  const comment = await repo.addComment(id, g.id, H.S, 'Drafted.');
  assert.match(comment.id, /^https:\/\/github\.com\/example\/widget-service--019df2b0/);
  await assert.rejects(
    repo.addComment(id, g.id, 'ghost--019df2b0-0000-7000-8000-000000000000', 'x'),
    /agent not found/,
  );

  const reopened = await repo.updateTask(id, H.D, { status: 'open', owner_id: H.H as AgentId });
  assert.equal(reopened.closed_at, d.closed_at, 'reopening through Update keeps closed_at');

  now = (await repo.loadGraph(id))!;
  assert.deepEqual(
    now.labels.filter((l) => l.task_id === g.id),
    [{ task_id: g.id, name: 'docs' }],
  );
  assert.equal(now.comments.length, 2);
  assert.equal(now.tasks.find((t) => t.id === H.D)!.owner_id, H.H);
});

test('read-only graphs (journal, extended classic) refuse every edit and say why', async () => {
  const repo = new TaskRepository(ws, testClock());
  const journal = await repo.saveGraph({
    ...small,
    name: 'journal.db',
    generation: 'journal',
    read_only: true,
  });
  const edits: (() => Promise<unknown>)[] = [
    () => repo.createTask(journal, { namespace: 'aura', title: 't', phase: 'request' }),
    () => repo.addEdge(journal, H.F, H.A, 'blocked_by'),
    () => repo.removeEdge(journal, H.A, H.B, 'blocked_by'),
    () => repo.closeTask(journal, H.A, 'r'),
    () => repo.updateTask(journal, H.A, { title: 'x' }),
    () => repo.addLabel(journal, H.A, 'x'),
    () => repo.addComment(journal, H.A, H.H, 'x'),
  ];
  for (const edit of edits) {
    await assert.rejects(edit(), (e: TaskError) => {
      assert.equal(e.code, 'read_only');
      assert.match(
        e.message,
        /task graph 'journal\.db' \(#\d+\) is read-only: it comes from a journal-generation file/,
      );
      return true;
    });
  }
  assert.deepEqual(await repo.loadGraph(journal), {
    ...small,
    name: 'journal.db',
    generation: 'journal',
    read_only: true,
  });
  const ext = await repo.saveGraph({
    ...small,
    name: 'ext.db',
    generation: 'extended_classic',
    read_only: true,
  });
  await assert.rejects(repo.addLabel(ext, H.A, 'x'), /post-v0\.0\.2 layers/);
  await assert.rejects(repo.addLabel(12345 as TaskGraphId, H.A, 'x'), /task graph 12345 not found/);
});

test('an app-made graph starts empty and writable; deleteGraph removes every row', async () => {
  const repo = new TaskRepository(ws, testClock());
  const id = await repo.createGraph('scratch');
  const t = await repo.createTask(id, { namespace: 'aura', title: 'first', phase: 'request' });
  const u = await repo.createTask(id, {
    namespace: 'aura',
    title: 'second',
    phase: 'request',
    priority: 'critical',
  });
  await repo.addEdge(id, t.id, u.id, 'blocked_by');
  const g = (await repo.loadGraph(id))!;
  assert.equal(g.generation, 'workspace');
  assert.deepEqual(
    ready(buildTaskIndex(g.tasks, g.edges)).map((x) => x.title),
    ['second'],
  );
  await repo.deleteGraph(id);
  assert.equal(await repo.loadGraph(id), null);
  assert.deepEqual(await ws.all(`SELECT count(*)::INTEGER AS n FROM tasks WHERE graph_id = ?`, [id]), [
    { n: 0 },
  ]);
  assert.deepEqual(await ws.all(`SELECT count(*)::INTEGER AS n FROM task_edges WHERE graph_id = ?`, [id]), [
    { n: 0 },
  ]);
});
