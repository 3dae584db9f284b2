/**
 * `AddEdge` validation (§9): the reference's checks in its order, first failure decides. Only
 * blocked_by edges are validated and cycle-checked; other kinds are an INSERT OR IGNORE.
 */
import type { EdgeKind, TaskId } from '../model/tasks.js';
import { hasEdge, type TaskIndex } from './graphIndex.js';
import { canonicalId, InvalidIdError } from './ids.js';

export type EdgeRefusal =
  | { code: 'invalid_id'; message: string }
  | { code: 'not_found'; message: string }
  | { code: 'duplicate'; message: string }
  | { code: 'cycle'; message: string; path: TaskId[] };

export type EdgeCheck =
  | { ok: true; source_id: TaskId; target_id: string; kind: EdgeKind; duplicate: boolean }
  | ({ ok: false } & EdgeRefusal);

/**
 * Decides whether `source -> target` of `kind` may be added. Ids are canonicalised first (the
 * reference checks existence with the normalised id, so the stored form must be the canonical one).
 * For kinds other than blocked_by, `duplicate: true` means the insert is silently ignored.
 */
export function checkAddEdge(index: TaskIndex, source: string, target: string, kind: EdgeKind): EdgeCheck {
  const src = canonical(source, 'source');
  if ('message' in src) return { ok: false, ...src };
  if (kind !== 'blocked_by') {
    // Other kinds: no validation of the target (activities, agents, dangling ids are fine).
    const dup = hasEdge(index, src.id, target, kind);
    if (!index.tasks.has(src.id)) return notFound('source', src.id);
    return { ok: true, source_id: src.id as TaskId, target_id: target, kind, duplicate: dup };
  }
  if (!index.tasks.has(src.id)) return notFound('source', src.id);
  const tgt = canonical(target, 'target');
  if ('message' in tgt) return { ok: false, ...tgt };
  if (!index.tasks.has(tgt.id)) return notFound('target', tgt.id);
  if (hasEdge(index, src.id, tgt.id, kind)) {
    return { ok: false, code: 'duplicate', message: `edge already exists: ${src.id} blocked_by ${tgt.id}` };
  }
  if (src.id === tgt.id) {
    const path = [src.id, src.id] as TaskId[];
    return {
      ok: false,
      code: 'cycle',
      path,
      message: `cycle detected: a task cannot wait for itself (${src.id})`,
    };
  }
  const back = pathTo(index, tgt.id, src.id);
  if (back) {
    const path = [src.id, ...back] as TaskId[];
    return { ok: false, code: 'cycle', path, message: `cycle detected: ${path.join(' -> ')}` };
  }
  return { ok: true, source_id: src.id as TaskId, target_id: tgt.id, kind, duplicate: false };
}

function canonical(raw: string, role: string): { id: string } | { code: 'invalid_id'; message: string } {
  try {
    return { id: canonicalId(raw) };
  } catch (e) {
    if (e instanceof InvalidIdError) return { code: 'invalid_id', message: `${role}: ${e.message}` };
    throw e;
  }
}

function notFound(role: string, id: string): { ok: false; code: 'not_found'; message: string } {
  return { ok: false, code: 'not_found', message: `${role} task not found: ${id}` };
}

/**
 * A blocked_by path `from -> ... -> to` (following "waits for"), or null. BFS with parent links,
 * so the path named in a cycle message is a shortest one.
 */
export function pathTo(index: TaskIndex, from: string, to: string): string[] | null {
  const parent = new Map<string, string | null>([[from, null]]);
  const queue = [from];
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i]!;
    if (node === to) {
      const path: string[] = [];
      for (let n: string | null = node; n !== null; n = parent.get(n) ?? null) path.push(n);
      return path.reverse();
    }
    for (const next of index.blockedBy.get(node) ?? []) {
      if (parent.has(next)) continue;
      parent.set(next, node);
      queue.push(next);
    }
  }
  return null;
}

/**
 * Every cycle-closing blocked_by edge of an existing graph (an imported file may hold cycles the
 * reference would have refused): one path per strongly connected cycle found by DFS.
 */
export function findCycles(index: TaskIndex): TaskId[][] {
  const state = new Map<string, 1 | 2>(); // 1 on the stack, 2 finished
  const cycles: TaskId[][] = [];
  for (const root of [...index.blockedBy.keys()].sort()) {
    if (state.has(root)) continue;
    const stack: { node: string; i: number }[] = [{ node: root, i: 0 }];
    state.set(root, 1);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const targets = index.blockedBy.get(top.node) ?? [];
      if (top.i >= targets.length) {
        state.set(top.node, 2);
        stack.pop();
        continue;
      }
      const next = targets[top.i++]!;
      const s = state.get(next);
      if (s === 1) {
        const from = stack.findIndex((f) => f.node === next);
        cycles.push([...stack.slice(from).map((f) => f.node), next] as TaskId[]);
      } else if (s === undefined) {
        state.set(next, 1);
        stack.push({ node: next, i: 0 });
      }
    }
  }
  return cycles;
}
