/**
 * Keyboard navigation along the drawn graph: up (ArrowUp / k) to a blocker, down (ArrowDown / j)
 * to a dependent, left/right (ArrowLeft / h, ArrowRight / l) to the nearest sibling in the same row.
 * Blockers are drawn above their dependents, so "up along an edge" is "to a blocker". Pure: it
 * works on element data and positions.
 */
import type { ElementDefinition } from 'cytoscape';
import type { Point } from '../../../../shared/tasks/layout.js';

export type NavDirection = 'up' | 'down' | 'left' | 'right';

const KEYS: Record<string, NavDirection> = {
  ArrowUp: 'up',
  k: 'up',
  ArrowDown: 'down',
  j: 'down',
  ArrowLeft: 'left',
  h: 'left',
  ArrowRight: 'right',
  l: 'right',
};

export function navDirection(key: string): NavDirection | null {
  return KEYS[key] ?? null;
}

export function navigate(
  elements: readonly ElementDefinition[],
  positions: Readonly<Record<string, Point>>,
  current: string | null,
  dir: NavDirection,
): string | null {
  const here = current === null ? undefined : positions[current];
  if (!here) return topLeft(positions);
  const nearest = (candidates: Iterable<string>, keep: (p: Point) => boolean) => {
    let best: string | null = null;
    let bestScore = Infinity;
    for (const id of candidates) {
      const p = positions[id];
      if (!p || id === current || !keep(p)) continue;
      const score = Math.abs(p.x - here.x) + Math.abs(p.y - here.y) / 1000;
      if (score < bestScore) [best, bestScore] = [id, score];
    }
    return best;
  };
  if (dir === 'up' || dir === 'down') {
    const neighbours = new Set<string>();
    for (const el of elements) {
      if (el.group !== 'edges') continue;
      const { source, target } = el.data as { source: string; target: string };
      if (source === current) neighbours.add(target);
      if (target === current) neighbours.add(source);
    }
    return nearest(neighbours, (p) => (dir === 'up' ? p.y < here.y : p.y > here.y));
  }
  const sameRow = Object.keys(positions);
  const row = nearest(sameRow, (p) => p.y === here.y && (dir === 'left' ? p.x < here.x : p.x > here.x));
  return row;
}

function topLeft(positions: Readonly<Record<string, Point>>): string | null {
  let best: string | null = null;
  for (const [id, p] of Object.entries(positions)) {
    const b = best === null ? undefined : positions[best]!;
    if (!b || p.y < b.y || (p.y === b.y && p.x < b.x)) best = id;
  }
  return best;
}
