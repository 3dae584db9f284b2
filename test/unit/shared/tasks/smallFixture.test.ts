// Every expected result of fixtures/go-provenance/README.md, computed by the pure semantics over the
// graph our reader loads from small.sql.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { TaskGraph } from '../../../../shared/model/tasks.js';
import {
  ancestors,
  blocked,
  buildTaskIndex,
  checkAddEdge,
  depTree,
  descendants,
  outgoingEdges,
  ready,
  type TaskIndex,
} from '../../../../shared/tasks/index.js';
import { readGoTasksBytes } from '../../../../electron/importers/goTasks/index.js';
import { buildSmallDb, H, handleOf } from '../../../helpers/goTasks.js';

let graph: TaskGraph;
let index: TaskIndex;
const TASKS = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
const names = (xs: { id: string }[]): string[] => xs.map((x) => handleOf(x.id));

before(async () => {
  graph = await readGoTasksBytes(await buildSmallDb(), { name: 'small' });
  index = buildTaskIndex(graph.tasks, graph.edges);
});

test('counts: 6 tasks by status, 2 agents, 2 activities, 1 comment, 2 labels, 10 edges by kind', () => {
  const count = <T>(xs: T[], f: (x: T) => string): Record<string, number> =>
    xs.reduce<Record<string, number>>((m, x) => ({ ...m, [f(x)]: (m[f(x)] ?? 0) + 1 }), {});
  assert.deepEqual(
    count(graph.tasks, (t) => t.status),
    { open: 4, in_progress: 1, closed: 1 },
  );
  assert.deepEqual(
    count(graph.agents, (a) => a.kind),
    { human: 1, software: 1 },
  );
  assert.equal(graph.activities.length, 2);
  assert.equal(graph.activities.filter((a) => a.ended_at === null).length, 1);
  assert.equal(graph.comments.length, 1);
  assert.equal(graph.labels.length, 2);
  assert.deepEqual(
    count(graph.edges, (e) => e.kind),
    {
      blocked_by: 5,
      discovered_from: 1,
      generated_by: 2,
      attributed_to: 2,
    },
  );
});

test('Ready is F, D and Blocked is A, C, B', () => {
  assert.deepEqual(names(ready(index)), ['F', 'D']);
  assert.deepEqual(names(blocked(index)), ['A', 'C', 'B']);
});

test('DepTree of every task, in DFS order with the diamond emitted but not re-walked', () => {
  const expected: Record<string, string[]> = {
    A: ['A>B', 'B>D', 'D>E', 'A>C', 'C>D'],
    B: ['B>D', 'D>E'],
    C: ['C>D', 'D>E'],
    D: ['D>E'],
    E: [],
    F: [],
  };
  for (const t of TASKS) {
    const edges = depTree(index, H[t]);
    assert.ok(edges.every((e) => e.kind === 'blocked_by'));
    assert.deepEqual(
      edges.map((e) => `${handleOf(e.source_id)}>${handleOf(e.target_id)}`),
      expected[t],
      t,
    );
  }
  assert.deepEqual(depTree(index, 'nobody--019df243-2869-73bb-ac5c-bbee13d7153e'), []);
});

test('Ancestors and Descendants as sets', () => {
  const expected: Record<string, [string[], string[]]> = {
    A: [['B', 'C', 'D', 'E'], []],
    B: [['D', 'E'], ['A']],
    C: [['D', 'E'], ['A']],
    D: [['E'], ['A', 'B', 'C']],
    E: [[], ['A', 'B', 'C', 'D']],
    F: [[], []],
  };
  for (const t of TASKS) {
    const [anc, desc] = expected[t]!;
    assert.deepEqual(names(ancestors(index, H[t])).sort(), anc, `ancestors ${t}`);
    assert.deepEqual(names(descendants(index, H[t])).sort(), desc, `descendants ${t}`);
  }
});

test('AddEdge(blocked_by): cycles, duplicates, accepted edges and non-task targets as listed', () => {
  const outcome = (s: string, t: string): string => {
    const r = checkAddEdge(index, H[s as 'A'], H[t as 'A'], 'blocked_by');
    return r.ok ? 'ok' : r.code;
  };
  const cycles = [...TASKS.map((t) => `${t}${t}`), 'BA', 'CA', 'DA', 'DB', 'DC', 'EA', 'EB', 'EC', 'ED'];
  const dups = ['AB', 'AC', 'BD', 'CD', 'DE'];
  const accepted = [
    'AD',
    'AE',
    'AF',
    'BC',
    'CB',
    'BE',
    'BF',
    'CE',
    'CF',
    'DF',
    'EF',
    'FA',
    'FB',
    'FC',
    'FD',
    'FE',
  ];
  for (const p of cycles) assert.equal(outcome(p[0]!, p[1]!), 'cycle', p);
  for (const p of dups) assert.equal(outcome(p[0]!, p[1]!), 'duplicate', p);
  for (const p of accepted) assert.equal(outcome(p[0]!, p[1]!), 'ok', p);
  // Every ordered pair is covered by exactly one of the three lists.
  assert.equal(cycles.length + dups.length + accepted.length, 36);
  assert.equal(outcome('B', 'ACT_PLAN'), 'not_found');
  assert.equal(outcome('B', 'H'), 'not_found');
});

test('a refused cycle names its path; a duplicate says the edge exists', () => {
  const r = checkAddEdge(index, H.E, H.A, 'blocked_by');
  assert.equal(r.ok, false);
  assert.ok(!r.ok && r.code === 'cycle');
  if (!r.ok && r.code === 'cycle') {
    assert.deepEqual(r.path.map(handleOf), ['E', 'A', 'B', 'D', 'E']);
    assert.equal(r.message, `cycle detected: ${[H.E, H.A, H.B, H.D, H.E].join(' -> ')}`);
  }
  const self = checkAddEdge(index, H.A, H.A, 'blocked_by');
  assert.ok(!self.ok && self.code === 'cycle' && /cannot wait for itself/.test(self.message));
  const dup = checkAddEdge(index, H.A, H.B, 'blocked_by');
  assert.ok(!dup.ok && /edge already exists/.test(dup.message));
});

test('AddEdge canonicalises the target before the duplicate check', () => {
  const upper = H.B.replace(/--([0-9a-f-]+)$/, (_m, u: string) => `--{${u.toUpperCase()}}`);
  const r = checkAddEdge(index, H.A, upper, 'blocked_by');
  assert.ok(!r.ok && r.code === 'duplicate');
  const ok = checkAddEdge(
    index,
    H.A,
    H.F.toUpperCase().replace(
      /^HTTPS:\/\/GITHUB\.COM\/EXAMPLE\/WIDGET-SERVICE/,
      'https://github.com/example/widget-service',
    ),
    'blocked_by',
  );
  assert.ok(ok.ok && ok.target_id === H.F);
  const invalid = checkAddEdge(index, H.A, 'not-an-id', 'blocked_by');
  assert.ok(!invalid.ok && invalid.code === 'invalid_id');
});

test('other kinds skip target validation and cycle checks', () => {
  const r = checkAddEdge(index, H.A, H.A, 'derived_from');
  assert.ok(r.ok && !r.duplicate);
  const dangling = checkAddEdge(index, H.A, 'anything at all', 'supersedes');
  assert.ok(dangling.ok);
  const dup = checkAddEdge(index, H.A, H.ACT_PLAN, 'generated_by');
  assert.ok(dup.ok && dup.duplicate, 'a duplicate of another kind is silently ignored');
});

test('List order, Edges(A), the reopened task, the ended activity, nanosecond timestamps', () => {
  assert.deepEqual(names(graph.tasks), ['A', 'B', 'C', 'D', 'E', 'F']);
  assert.deepEqual(
    outgoingEdges(graph.edges, H.A).map((e) => `${handleOf(e.target_id)}:${e.kind}`),
    ['ACT_PLAN:generated_by', 'H:attributed_to', 'C:blocked_by', 'B:blocked_by'],
  );
  const c = graph.tasks.find((t) => t.id === H.C)!;
  assert.equal(c.status, 'open');
  assert.equal(c.closed_at, 1777889700642018930n);
  assert.equal(c.close_reason, 'Duplicate of the parser work');
  assert.equal(c.updated_at, 1777890000005774261n);
  const plan = graph.activities.find((a) => a.id === H.ACT_PLAN)!;
  assert.equal(plan.stage, 'in_progress');
  assert.equal(plan.ended_at, 1777887000884120006n);
  const a = graph.tasks.find((t) => t.id === H.A)!;
  assert.equal(a.created_at, 1777885500413010447n);
  assert.ok(a.created_at > BigInt(Number.MAX_SAFE_INTEGER));
  assert.equal(new Date(Number(a.created_at / 1_000_000n)).toISOString(), '2026-05-04T09:05:00.413Z');
  const b = graph.tasks.find((t) => t.id === H.B)!;
  assert.equal(b.owner_id, H.H);
  assert.equal(b.status, 'in_progress');
  assert.deepEqual(
    graph.comments.map((x) => [x.id, x.task_id, x.author_id]),
    [[H.COMMENT, H.B, H.H]],
  );
});
