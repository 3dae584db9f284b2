// Prints how long the task-graph queries take on 5,000 tasks / 10,000 edges (a number, not a test).
// Run: npx tsc -b && node dist/test/bench/tasksReadyBlocked.js
import { performance } from 'node:perf_hooks';
import { blocked, buildTaskIndex, depTree, ready } from '../../shared/tasks/index.js';
import { generateGraph } from '../unit/shared/tasks/generatedGraph.js';

const { tasks, edges } = generateGraph(5000, 10000, 42);
const runs = 20;
const times = {
  index: [] as number[],
  readyBlocked: [] as number[],
  total: [] as number[],
  depTree: [] as number[],
};
for (let i = 0; i < runs; i++) {
  const t0 = performance.now();
  const index = buildTaskIndex(tasks, edges);
  const t1 = performance.now();
  const r = ready(index);
  const b = blocked(index);
  const t2 = performance.now();
  depTree(index, tasks[tasks.length - 1]!.id);
  const t3 = performance.now();
  if (r.length + b.length === 0) throw new Error('empty');
  times.index.push(t1 - t0);
  times.readyBlocked.push(t2 - t1);
  times.total.push(t2 - t0);
  times.depTree.push(t3 - t2);
}
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(
  `task graph 5,000 tasks / 10,000 edges, median of ${runs} runs (first run ${times.total[0]!.toFixed(1)} ms):`,
);
console.log(`  build index        ${median(times.index).toFixed(2)} ms`);
console.log(`  ready + blocked    ${median(times.readyBlocked).toFixed(2)} ms`);
console.log(`  index + both       ${median(times.total).toFixed(2)} ms`);
console.log(`  depTree(last task) ${median(times.depTree).toFixed(2)} ms`);
