// A deterministic generator of large task graphs for tests and the benchmark.
import type { EdgeKindName, Task, TaskEdge, TaskId } from '../../../../shared/model/tasks.js';
import { ENUMS } from '../../../../shared/tasks/enums.js';
import { seededRandom } from '../../../../shared/util/random.js';

/** mulberry32: small, seeded, good enough to shuffle test data. */
export const rng = seededRandom;

export interface Generated {
  tasks: Task[];
  edges: TaskEdge[];
}

/**
 * `n` tasks and about `m` blocked_by edges, acyclic (an edge always points from a later-made task to
 * an earlier one, or to a dangling id), plus lineage edges of other kinds. Statuses, priorities and
 * created_at collide on purpose so every tie-breaker is exercised.
 */
export function generateGraph(n: number, m: number, seed: number): Generated {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const base = 1_777_885_500_000_000_000n;
  const hex = (i: number): string => i.toString(16).padStart(12, '0');
  const tasks: Task[] = [];
  for (let i = 0; i < n; i++) {
    // Namespaces of different lengths and cases, so byte order differs from creation order.
    const ns = pick(['ns', 'Ns', 'ns-b', 'https://x.example/a', 'ns--deep']);
    const created = base + BigInt(Math.floor(r() * n)) * 1000n;
    tasks.push({
      id: `${ns}--019df23b-d3fd-7${hex(i).slice(0, 3)}-9d26-${hex(Math.floor(r() * 1e9))}` as TaskId,
      namespace: ns,
      title: `task ${i}`,
      description: '',
      status: pick(['open', 'open', 'in_progress', 'closed', 'Status(7)'] as const),
      priority: pick(ENUMS.Priority),
      type: 'task',
      phase: 'unscoped',
      owner_id: null,
      notes: '',
      created_at: created,
      updated_at: created,
      closed_at: null,
      close_reason: '',
    });
  }
  const edges: TaskEdge[] = [];
  const seen = new Set<string>();
  const add = (s: TaskId, t: string, kind: EdgeKindName): void => {
    const k = `${s}|${t}|${kind}`;
    if (seen.has(k)) return;
    seen.add(k);
    edges.push({ source_id: s, target_id: t, kind, created_at: base + BigInt(edges.length) });
  };
  while (edges.length < m) {
    const i = 1 + Math.floor(r() * (n - 1));
    const j = Math.floor(r() * i);
    const roll = r();
    if (roll < 0.8) add(tasks[i]!.id, tasks[j]!.id, 'blocked_by');
    else if (roll < 0.85) add(tasks[i]!.id, `gone--019df23b-d3fd-703a-9d26-${hex(j)}`, 'blocked_by');
    else
      add(
        tasks[i]!.id,
        tasks[Math.floor(r() * n)]!.id,
        pick(['derived_from', 'supersedes', 'discovered_from'] as const),
      );
  }
  return { tasks, edges };
}
