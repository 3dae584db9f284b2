// Prints how long the layered layout takes on 5,000 tasks / 10,000 edges (a number, not a test).
// Run: npx tsc -b && node dist/test/bench/taskLayout.js
import { performance } from 'node:perf_hooks';
import { layeredLayout, countCrossings } from '../../shared/tasks/layout.js';
import { generateGraph } from '../unit/shared/tasks/generatedGraph.js';

for (const [n, m] of [
  [2000, 4000],
  [5000, 10000],
  [20000, 40000],
] as const) {
  const { tasks, edges } = generateGraph(n, m, 42);
  const input = {
    nodes: tasks.map((t) => t.id),
    edges: edges.filter((e) => e.kind === 'blocked_by').map((e) => [e.target_id, e.source_id] as const),
  };
  const times: number[] = [];
  let result = layeredLayout(input);
  for (let i = 0; i < 9; i++) {
    const t0 = performance.now();
    result = layeredLayout(input);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  // Crossings are counted on unwrapped layers (wrapping into rows changes x, not the order).
  const wide = { maxRowWidth: 1e9 };
  const crossings = n <= 5000 ? countCrossings(input, layeredLayout(input, wide)) : NaN;
  const unordered = n <= 5000 ? countCrossings(input, layeredLayout(input, { ...wide, sweeps: 0 })) : NaN;
  console.log(
    `layeredLayout ${n} nodes / ${input.edges.length} edges: median ${times[4]!.toFixed(1)} ms, ` +
      `max ${times[8]!.toFixed(1)} ms, ${result.layerCount} layers, adjacent-layer crossings ${crossings} (no sweeps: ${unordered})`,
  );
}
