/**
 * Parent / dependency relationships of §8. Lookups by id take the first event with that id; lists
 * keep chain order. Validation names the first offender and, for cycles, the cycle itself.
 */
import type { Chain, ChainEvent } from '../model/chains.js';

type Result<T> = { ok: T } | { error: string };

function firstById(chain: Chain): Map<string, ChainEvent> {
  const byId = new Map<string, ChainEvent>();
  for (const e of chain.events) if (!byId.has(e.id)) byId.set(e.id, e);
  return byId;
}

export function getChildren(chain: Chain, id: string): Result<ChainEvent[]> {
  if (!chain.events.some((e) => e.id === id)) return { error: `Event not found: ${id}` };
  return { ok: chain.events.filter((e) => e.parent_id === id) };
}

export function getParent(chain: Chain, id: string): Result<ChainEvent | null> {
  const event = chain.events.find((e) => e.id === id);
  if (!event) return { error: `Event not found: ${id}` };
  if (event.parent_id === null) return { ok: null };
  return { ok: chain.events.find((e) => e.id === event.parent_id) ?? null };
}

/** Events without a parent (a dangling parent_id is not a root). */
export function getRootEvents(chain: Chain): ChainEvent[] {
  return chain.events.filter((e) => e.parent_id === null);
}

/** Events that are nobody's parent. */
export function getLeafEvents(chain: Chain): ChainEvent[] {
  const parents = new Set(chain.events.map((e) => e.parent_id).filter((p) => p !== null));
  return chain.events.filter((e) => !parents.has(e.id));
}

export function getEventsByStage(chain: Chain, stageId: string | null): ChainEvent[] {
  return chain.events.filter((e) => e.stage_id === stageId);
}

export function getEventsByExperiment(chain: Chain, experimentId: string | null): ChainEvent[] {
  return chain.events.filter((e) => e.experiment_id === experimentId);
}

/**
 * A cycle in the graph event -> parent_id, event -> depends_on (self-references included), as the
 * list of ids along it (first id repeated at the end), or null. Iterative DFS: chains can be long.
 */
export function findCycle(chain: Chain): string[] | null {
  const edges = new Map<string, string[]>();
  for (const e of chain.events) {
    const out = edges.get(e.id) ?? [];
    if (e.parent_id !== null) out.push(e.parent_id);
    out.push(...e.depends_on);
    edges.set(e.id, out);
  }
  const state = new Map<string, 1 | 2>(); // 1 = on the stack, 2 = done
  for (const start of edges.keys()) {
    if (state.has(start)) continue;
    const stack: { id: string; next: number }[] = [{ id: start, next: 0 }];
    state.set(start, 1);
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const targets = edges.get(top.id) ?? [];
      if (top.next >= targets.length) {
        state.set(top.id, 2);
        stack.pop();
        continue;
      }
      const t = targets[top.next++]!;
      const s = state.get(t);
      if (s === 1) {
        const from = stack.findIndex((f) => f.id === t);
        return [...stack.slice(from).map((f) => f.id), t];
      }
      if (s === undefined && edges.has(t)) {
        state.set(t, 1);
        stack.push({ id: t, next: 0 });
      }
    }
  }
  return null;
}

/** §8 validation, first failure wins; `cycle` holds the ids of the detected cycle. */
export function validateRelationships(chain: Chain): { ok: Chain } | { error: string; cycle?: string[] } {
  const ids = firstById(chain);
  const orphan = chain.events.find((e) => e.parent_id !== null && !ids.has(e.parent_id));
  if (orphan) return { error: `Parent event not found: ${orphan.parent_id}` };
  if (chain.events.some((e) => e.depends_on.some((d) => !ids.has(d)))) {
    return { error: 'Dependency event not found in depends_on list' };
  }
  const cycle = findCycle(chain);
  if (cycle) return { error: 'Circular dependency detected', cycle };
  return { ok: chain };
}
