// 5,000 tasks / 10,000 edges: the indexed queries against a straightforward reference written from
// the spec's SQL and pseudo-code (nested scans over the edge list, no index).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Task, TaskEdge } from '../../../../shared/model/tasks.js';
import {
  ancestors,
  blocked,
  buildTaskIndex,
  checkAddEdge,
  depTree,
  descendants,
  enumValue,
  findCycles,
  ready,
} from '../../../../shared/tasks/index.js';
import { generateGraph, rng } from './generatedGraph.js';

const { tasks, edges } = generateGraph(5000, 10000, 42);
const index = buildTaskIndex(tasks, edges);
const byId = new Map(tasks.map((t) => [t.id, t]));
const blockedByEdges = edges.filter((e) => e.kind === 'blocked_by');

// --- reference implementation -------------------------------------------------------------------
const utf8 = (s: string): Buffer => Buffer.from(s, 'utf8');
function refHasOpenBlocker(t: Task): boolean {
  // EXISTS (SELECT 1 FROM edges e JOIN tasks blocker ON e.target_id = blocker.id WHERE e.source_id = t.id AND e.kind_id = 0 AND blocker.status_id != 2)
  return edges.some(
    (e) =>
      e.source_id === t.id &&
      e.kind === 'blocked_by' &&
      byId.has(e.target_id as never) &&
      byId.get(e.target_id as never)!.status !== 'closed',
  );
}
function refOrder(a: Task, b: Task): number {
  const pa = enumValue('Priority', a.priority)!;
  const pb = enumValue('Priority', b.priority)!;
  if (pa !== pb) return pa - pb;
  if (a.created_at !== b.created_at) return a.created_at < b.created_at ? -1 : 1;
  return Buffer.compare(utf8(a.id), utf8(b.id));
}
function refDepTree(root: string): string[] {
  const adj = (src: string): string[] =>
    blockedByEdges
      .filter((e) => e.source_id === src)
      .map((e) => e.target_id)
      .sort((x, y) => Buffer.compare(utf8(x), utf8(y)));
  const visited = new Set([root]);
  const out: string[] = [];
  const dfs = (src: string): void => {
    for (const tgt of adj(src)) {
      out.push(`${src}>${tgt}`);
      if (!visited.has(tgt)) {
        visited.add(tgt);
        dfs(tgt);
      }
    }
  };
  dfs(root);
  return out;
}
function refClosure(start: string, forward: boolean, es: TaskEdge[] = blockedByEdges): Set<string> {
  // Fixpoint over the edge list until nothing changes.
  const reached = new Set<string>([start]);
  for (let changed = true; changed;) {
    changed = false;
    for (const e of es) {
      const [from, to] = forward ? [e.source_id, e.target_id] : [e.target_id, e.source_id];
      if (reached.has(from) && !reached.has(to)) {
        reached.add(to);
        changed = true;
      }
    }
  }
  reached.delete(start);
  return new Set([...reached].filter((id) => byId.has(id as never)));
}
// -------------------------------------------------------------------------------------------------

test('the generated graph has the intended shape', () => {
  assert.equal(tasks.length, 5000);
  assert.equal(edges.length, 10000);
  assert.ok(blockedByEdges.length > 7000);
  assert.ok(tasks.some((t) => t.status === 'Status(7)'));
});

test('Ready and Blocked equal the SQL of §8.1, in order, and partition the non-closed tasks', () => {
  const open = tasks.filter((t) => t.status !== 'closed');
  const refReady = open.filter((t) => !refHasOpenBlocker(t)).sort(refOrder);
  const refBlocked = open.filter((t) => refHasOpenBlocker(t)).sort(refOrder);
  assert.deepEqual(
    ready(index).map((t) => t.id),
    refReady.map((t) => t.id),
  );
  assert.deepEqual(
    blocked(index).map((t) => t.id),
    refBlocked.map((t) => t.id),
  );
  assert.equal(refReady.length + refBlocked.length, open.length);
  assert.ok(refReady.length > 100 && refBlocked.length > 100);
});

test('DepTree equals the recursive pseudo-code of §8.2 for sampled roots', () => {
  const r = rng(7);
  const roots = Array.from({ length: 25 }, () => tasks[Math.floor(r() * tasks.length)]!.id);
  roots.push(tasks[tasks.length - 1]!.id);
  let nonTrivial = 0;
  for (const root of roots) {
    const got = depTree(index, root).map((e) => `${e.source_id}>${e.target_id}`);
    assert.deepEqual(got, refDepTree(root), root);
    if (got.length > 10) nonTrivial++;
  }
  assert.ok(nonTrivial > 3, 'some sampled trees are deep');
});

test('Ancestors and Descendants equal the fixpoint closure for sampled tasks', () => {
  const r = rng(11);
  for (let k = 0; k < 20; k++) {
    const id = tasks[Math.floor(r() * tasks.length)]!.id;
    assert.deepEqual(new Set(ancestors(index, id).map((t) => t.id)), refClosure(id, true), `ancestors ${id}`);
    assert.deepEqual(
      new Set(descendants(index, id).map((t) => t.id)),
      refClosure(id, false),
      `descendants ${id}`,
    );
  }
});

test('addEdge validation equals "src is reachable from tgt" for random pairs', () => {
  const r = rng(99);
  const outcomes = new Map<string, number>();
  for (let k = 0; k < 300; k++) {
    const s = tasks[Math.floor(r() * tasks.length)]!.id;
    const t = k % 10 === 0 ? s : tasks[Math.floor(r() * tasks.length)]!.id;
    const got = checkAddEdge(index, s, t, 'blocked_by');
    let expected: string;
    if (blockedByEdges.some((e) => e.source_id === s && e.target_id === t)) expected = 'duplicate';
    else if (s === t || refClosure(t, true).has(s)) expected = 'cycle';
    else expected = 'ok';
    const code = got.ok ? 'ok' : got.code;
    assert.equal(code, expected, `${s} -> ${t}`);
    outcomes.set(code, (outcomes.get(code) ?? 0) + 1);
    if (!got.ok && got.code === 'cycle') {
      // The named path is real: consecutive pairs are blocked_by edges (plus the new one), closed.
      assert.equal(got.path[0], s);
      assert.equal(got.path[got.path.length - 1], s);
      for (let i = 1; i < got.path.length - 1; i++) {
        assert.ok(index.blockedBy.get(got.path[i]!)!.includes(got.path[i + 1]!));
      }
    }
  }
  assert.ok(
    (outcomes.get('cycle') ?? 0) > 30 && (outcomes.get('ok') ?? 0) > 30,
    JSON.stringify([...outcomes]),
  );
});

test('findCycles finds none in the DAG and each injected cycle', () => {
  assert.deepEqual(findCycles(index), []);
  const [a, b, c] = [tasks[10]!.id, tasks[20]!.id, tasks[30]!.id];
  const extra: TaskEdge[] = [
    { source_id: a, target_id: b, kind: 'blocked_by', created_at: 0n },
    { source_id: b, target_id: c, kind: 'blocked_by', created_at: 0n },
    { source_id: c, target_id: a, kind: 'blocked_by', created_at: 0n },
  ];
  const cycles = findCycles(buildTaskIndex(tasks, [...edges, ...extra]));
  assert.ok(cycles.length >= 1);
  for (const cyc of cycles) {
    assert.equal(cyc[0], cyc[cyc.length - 1]);
    const all = [...edges, ...extra].filter((e) => e.kind === 'blocked_by');
    for (let i = 0; i + 1 < cyc.length; i++) {
      assert.ok(all.some((e) => e.source_id === cyc[i] && e.target_id === cyc[i + 1]));
    }
  }
});
