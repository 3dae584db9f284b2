/**
 * A loaded task graph with what every part of the view asks for, computed once per graph version:
 * the adjacency index, the Ready and Blocked sets (the reference's §8.1 semantics, computed here
 * rather than by the service: one linear pass, a few ms for 5,000 tasks), labels by task and the
 * filter choices. Pure; rebuilt (never mutated) after an edit.
 */
import type { TaskAgent, TaskActivity, TaskGraph } from '../../../../shared/model/tasks.js';
import { buildTaskIndex, hasOpenBlocker, type TaskIndex } from '../../../../shared/tasks/index.js';

export interface GraphModel {
  graph: TaskGraph;
  index: TaskIndex;
  ready: ReadonlySet<string>;
  blocked: ReadonlySet<string>;
  labelsByTask: ReadonlyMap<string, readonly string[]>;
  agents: ReadonlyMap<string, TaskAgent>;
  activities: ReadonlyMap<string, TaskActivity>;
  /** Filter choices, sorted. */
  namespaces: readonly string[];
  phases: readonly string[];
  labelNames: readonly string[];
}

export function buildGraphModel(graph: TaskGraph): GraphModel {
  const index = buildTaskIndex(graph.tasks, graph.edges);
  const ready = new Set<string>();
  const blocked = new Set<string>();
  for (const t of graph.tasks) {
    if (t.status === 'closed') continue;
    (hasOpenBlocker(index, t.id) ? blocked : ready).add(t.id);
  }
  const labelsByTask = new Map<string, string[]>();
  for (const l of graph.labels) {
    const list = labelsByTask.get(l.task_id);
    if (list) list.push(l.name);
    else labelsByTask.set(l.task_id, [l.name]);
  }
  const sorted = (xs: Iterable<string>) => [...new Set(xs)].sort();
  return {
    graph,
    index,
    ready,
    blocked,
    labelsByTask,
    agents: new Map(graph.agents.map((a) => [a.id, a])),
    activities: new Map(graph.activities.map((a) => [a.id, a])),
    namespaces: sorted(graph.tasks.map((t) => t.namespace)),
    phases: sorted(graph.tasks.map((t) => t.phase)),
    labelNames: sorted(graph.labels.map((l) => l.name)),
  };
}

/** The namespace most tasks use: the default for a new task (a workspace graph may have none). */
export function defaultNamespace(model: GraphModel): string {
  const counts = new Map<string, number>();
  for (const t of model.graph.tasks) counts.set(t.namespace, (counts.get(t.namespace) ?? 0) + 1);
  let best = 'workspace';
  let n = 0;
  for (const [ns, c] of counts) if (c > n) [best, n] = [ns, c];
  return best;
}

/** How an agent is named in the view. */
export function agentName(a: TaskAgent | undefined, fallbackId: string): string {
  if (!a) return fallbackId;
  if (a.kind === 'human') return a.name;
  if (a.kind === 'software') return a.version ? `${a.name} ${a.version}` : a.name;
  return `${a.provider}/${a.model} (${a.role})`;
}
