import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countCrossings, layeredLayout, type LayoutInput } from '../../../../shared/tasks/layout.js';
import { generateGraph } from './generatedGraph.js';

const edgesPointDown = (input: LayoutInput, r: ReturnType<typeof layeredLayout>) =>
  input.edges.every(([a, b]) => r.positions[a]!.y < r.positions[b]!.y);

test('longest-path layers: every edge points down, a node sits one below its deepest predecessor', () => {
  // E blocks D, D blocks B and C, B and C block A (the fixture diamond, blocker above), plus E -> A.
  const input: LayoutInput = {
    nodes: ['A', 'B', 'C', 'D', 'E'],
    edges: [
      ['E', 'D'],
      ['D', 'B'],
      ['D', 'C'],
      ['B', 'A'],
      ['C', 'A'],
      ['E', 'A'],
    ],
  };
  const r = layeredLayout(input);
  assert.deepEqual(r.layerOf, { E: 0, D: 1, B: 2, C: 2, A: 3 });
  assert.equal(r.layerCount, 4);
  assert.equal(r.reversedEdges, 0);
  assert.ok(edgesPointDown(input, r));
  assert.equal(r.positions.B!.y, r.positions.C!.y);
  assert.notEqual(r.positions.B!.x, r.positions.C!.x);
});

test('barycentric sweeps remove the crossings of a twisted bipartite graph', () => {
  // Input order a1 a2 a3 / b3 b2 b1 with ai -> bi crosses every pair; ordering untwists it.
  const input: LayoutInput = {
    nodes: ['a1', 'a2', 'a3', 'b3', 'b2', 'b1'],
    edges: [
      ['a1', 'b1'],
      ['a2', 'b2'],
      ['a3', 'b3'],
    ],
  };
  assert.equal(countCrossings(input, layeredLayout(input, { sweeps: 0 })), 3);
  assert.equal(countCrossings(input, layeredLayout(input)), 0);
});

test('cycles are broken (edges reversed, counted), every node is placed, nothing throws', () => {
  const input: LayoutInput = {
    nodes: ['x', 'y', 'z', 'w'],
    edges: [
      ['x', 'y'],
      ['y', 'z'],
      ['z', 'x'],
      ['w', 'w'],
      ['x', 'y'],
      ['x', 'ghost'],
    ],
  };
  const r = layeredLayout(input);
  assert.equal(r.reversedEdges, 1);
  assert.deepEqual(Object.keys(r.positions).sort(), ['w', 'x', 'y', 'z']);
  // w only has a self-loop: unconnected, below the layers.
  assert.equal(r.layerOf.w, -1);
  assert.ok(r.positions.w!.y > Math.max(r.positions.x!.y, r.positions.y!.y, r.positions.z!.y));
});

test('wide layers and the unconnected block wrap into rows; no two nodes share a position', () => {
  const nodes = ['root', ...Array.from({ length: 25 }, (_, i) => `c${i}`), 'lone1', 'lone2', 'lone3'];
  const input: LayoutInput = { nodes, edges: nodes.slice(1, 26).map((c) => ['root', c] as const) };
  const r = layeredLayout(input, { maxRowWidth: 10 });
  const rows = new Set(nodes.slice(1, 26).map((c) => r.positions[c]!.y));
  assert.equal(rows.size, 3);
  assert.ok(edgesPointDown(input, r));
  const spots = new Set(Object.values(r.positions).map((p) => `${p.x},${p.y}`));
  assert.equal(spots.size, nodes.length);
});

test('5,000 nodes / 10,000 edges: all placed, edges point down, deterministic', () => {
  const { tasks, edges } = generateGraph(5000, 10000, 7);
  const input: LayoutInput = {
    nodes: tasks.map((t) => t.id),
    edges: edges.filter((e) => e.kind === 'blocked_by').map((e) => [e.target_id, e.source_id] as const),
  };
  const r = layeredLayout(input);
  assert.equal(Object.keys(r.positions).length, 5000);
  assert.equal(r.reversedEdges, 0);
  const real = { ...input, edges: input.edges.filter(([a, b]) => a in r.positions && b in r.positions) };
  assert.ok(real.edges.length > 5000);
  assert.ok(edgesPointDown(real, r));
  assert.deepEqual(layeredLayout(input).positions, r.positions);
});
