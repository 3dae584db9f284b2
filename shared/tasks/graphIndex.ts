/**
 * Adjacency built once per graph so every query is linear: tasks by id, `blocked_by` targets of each
 * source in UTF-8 byte order of `target_id` (the order SQLite's `idx_edges_kind` serves, §8.2), and
 * the reverse map (who waits for whom). Stored ids are compared byte-exactly (§6.1).
 */
import type { Task, TaskEdge, TaskId } from '../model/tasks.js';
import { compareUtf8, sortUtf8 } from './ids.js';
import { ENUMS, enumValue } from './enums.js';

export interface TaskIndex {
  readonly tasks: ReadonlyMap<string, Task>;
  /** source -> targets of its blocked_by edges, sorted by target id (byte order), targets may dangle. */
  readonly blockedBy: ReadonlyMap<string, readonly string[]>;
  /** target -> sources of blocked_by edges into it (the tasks waiting for it), sorted. */
  readonly waitedOnBy: ReadonlyMap<string, readonly TaskId[]>;
  /** Every edge of every kind by source (duplicate checks scan one source's few edges). */
  readonly outgoing: ReadonlyMap<string, readonly TaskEdge[]>;
}

export function hasEdge(index: TaskIndex, source: string, target: string, kind: string): boolean {
  return (index.outgoing.get(source) ?? []).some((e) => e.target_id === target && e.kind === kind);
}

export function buildTaskIndex(tasks: readonly Task[], edges: readonly TaskEdge[]): TaskIndex {
  const byId = new Map<string, Task>();
  for (const t of tasks) byId.set(t.id, t);
  const forward = new Map<string, string[]>();
  const reverse = new Map<string, TaskId[]>();
  const outgoing = new Map<string, TaskEdge[]>();
  for (const e of edges) {
    push(outgoing, e.source_id, e);
    if (e.kind !== 'blocked_by') continue;
    push(forward, e.source_id, e.target_id);
    push(reverse, e.target_id, e.source_id);
  }
  for (const list of forward.values()) sortUtf8(list);
  for (const list of reverse.values()) sortUtf8(list);
  return { tasks: byId, blockedBy: forward, waitedOnBy: reverse, outgoing };
}

function push<V>(m: Map<string, V[]>, k: string, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

/** Priority integer ascending, then created_at ascending, then id (byte order) for full ties. */
export function compareReadyOrder(a: Task, b: Task): number {
  const pa = priorityValue(a.priority);
  const pb = priorityValue(b.priority);
  if (pa !== pb) return pa - pb;
  if (a.created_at !== b.created_at) return a.created_at < b.created_at ? -1 : 1;
  return compareUtf8(a.id, b.id);
}

const PRIORITY: ReadonlyMap<string, number> = new Map(ENUMS.Priority.map((n, i) => [n, i]));

function priorityValue(name: string): number {
  return PRIORITY.get(name) ?? enumValue('Priority', name) ?? Number.MAX_SAFE_INTEGER;
}

/** created_at ascending, then id: the documented order of Ancestors and Descendants. */
export function compareCreated(a: Task, b: Task): number {
  if (a.created_at !== b.created_at) return a.created_at < b.created_at ? -1 : 1;
  return compareUtf8(a.id, b.id);
}
