/**
 * The reference's read queries over a TaskIndex (§8): open blockers, Ready, Blocked, DepTree,
 * Ancestors, Descendants. Each is one pass over the index; nothing rescans the edge list.
 */
import type { Task, TaskEdge, TaskId } from '../model/tasks.js';
import { compareCreated, compareReadyOrder, type TaskIndex } from './graphIndex.js';

const isClosed = (t: Task): boolean => t.status === 'closed';

/**
 * Targets of `task`'s blocked_by edges that are existing tasks not closed (§8.1); dangling and closed
 * targets do not block, other kinds never matter.
 */
export function openBlockers(index: TaskIndex, taskId: string): Task[] {
  const out: Task[] = [];
  for (const target of index.blockedBy.get(taskId) ?? []) {
    const t = index.tasks.get(target);
    if (t && !isClosed(t)) out.push(t);
  }
  return out;
}

export function hasOpenBlocker(index: TaskIndex, taskId: string): boolean {
  for (const target of index.blockedBy.get(taskId) ?? []) {
    const t = index.tasks.get(target);
    if (t && !isClosed(t)) return true;
  }
  return false;
}

/** Non-closed tasks without an open blocker (in_progress included), priority then created_at then id. */
export function ready(index: TaskIndex): Task[] {
  return [...index.tasks.values()]
    .filter((t) => !isClosed(t) && !hasOpenBlocker(index, t.id))
    .sort(compareReadyOrder);
}

/** Non-closed tasks with at least one open blocker, in Ready's order. */
export function blocked(index: TaskIndex): Task[] {
  return [...index.tasks.values()]
    .filter((t) => !isClosed(t) && hasOpenBlocker(index, t.id))
    .sort(compareReadyOrder);
}

export interface DepTreeEdge {
  source_id: TaskId;
  target_id: string;
  kind: 'blocked_by';
}

/**
 * The blocked_by edges reachable from `root` in DFS pre-order, children by target id (byte order).
 * Every reachable edge appears once; an edge into an already visited node is emitted but not
 * expanded (diamonds). Closed tasks are traversed; an unknown root yields [].
 */
export function depTree(index: TaskIndex, root: string): DepTreeEdge[] {
  const visited = new Set<string>([root]);
  const result: DepTreeEdge[] = [];
  // Explicit stack of (node, next child position) so deep chains cannot overflow the call stack.
  const stack: { node: string; targets: readonly string[]; i: number }[] = [
    { node: root, targets: index.blockedBy.get(root) ?? [], i: 0 },
  ];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (top.i >= top.targets.length) {
      stack.pop();
      continue;
    }
    const target = top.targets[top.i++]!;
    result.push({ source_id: top.node as TaskId, target_id: target, kind: 'blocked_by' });
    if (!visited.has(target)) {
      visited.add(target);
      stack.push({ node: target, targets: index.blockedBy.get(target) ?? [], i: 0 });
    }
  }
  return result;
}

/** All tasks `id` transitively waits for (source -> target), start and non-task ids excluded. */
export function ancestors(index: TaskIndex, id: string): Task[] {
  return reach(index, id, (n) => index.blockedBy.get(n));
}

/** All tasks transitively waiting for `id` (target -> source), start and non-task ids excluded. */
export function descendants(index: TaskIndex, id: string): Task[] {
  return reach(index, id, (n) => index.waitedOnBy.get(n));
}

/** Set semantics (§8.3); returned in created_at order, then id. */
function reach(
  index: TaskIndex,
  start: string,
  next: (node: string) => readonly string[] | undefined,
): Task[] {
  const seen = new Set<string>([start]);
  const queue: string[] = [start];
  for (let i = 0; i < queue.length; i++) {
    for (const n of next(queue[i]!) ?? []) {
      if (seen.has(n)) continue;
      seen.add(n);
      queue.push(n);
    }
  }
  const out: Task[] = [];
  for (const id of seen) {
    const t = index.tasks.get(id);
    if (t && id !== start) out.push(t);
  }
  return out.sort(compareCreated);
}

/** Outgoing edges of a task, optionally of one kind, by created_at (§8.4 `Edges`). */
export function outgoingEdges(edges: readonly TaskEdge[], id: string, kind?: string): TaskEdge[] {
  return edges
    .filter((e) => e.source_id === id && (kind === undefined || e.kind === kind))
    .sort((a, b) => (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : 0));
}
