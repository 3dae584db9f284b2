/**
 * Pure transforms of the aligned diff model for the side-by-side view: which rows are shown
 * ("changes only"), stepping between changes (n / p), and the confidence change of a row.
 */
import type { Alignment, AlignmentRow, ChainEvent } from '../../../shared/model/chains.js';

/** Row indices to render, ascending: every row, or only the rows that are not `same`. */
export function visibleRows(alignment: Alignment, changesOnly: boolean): number[] {
  return changesOnly ? alignment.changeIndices : alignment.rows.map((_, i) => i);
}

/** Binary search: the position of row `row` in `visible`, or of the first row after it. */
export function visiblePosition(visible: readonly number[], row: number): number {
  let lo = 0;
  let hi = visible.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (visible[mid]! < row) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The next (dir 1) or previous (dir -1) change row from `current` (a row index, or null before the
 * first step). Stays on the last / first change at the ends; null when there is no change.
 */
export function stepChange(changes: readonly number[], current: number | null, dir: 1 | -1): number | null {
  if (!changes.length) return null;
  if (current === null) return dir === 1 ? changes[0]! : changes[changes.length - 1]!;
  const p = visiblePosition(changes, current);
  if (dir === 1) {
    const next = changes[p] === current ? p + 1 : p;
    return changes[Math.min(next, changes.length - 1)]!;
  }
  return changes[Math.max(p - 1, 0)]!;
}

export interface ConfidenceChange {
  before: number | null;
  after: number | null;
  /** after - before, when both sides exist. */
  delta: number | null;
}

/** The two events of a row (either may be missing) and their confidence change. */
export function rowEvents(
  row: AlignmentRow,
  a: readonly ChainEvent[],
  b: readonly ChainEvent[],
): { left: ChainEvent | null; right: ChainEvent | null } {
  return {
    left: row.left === null ? null : (a[row.left] ?? null),
    right: row.right === null ? null : (b[row.right] ?? null),
  };
}

export function confidenceChange(left: ChainEvent | null, right: ChainEvent | null): ConfidenceChange {
  const before = left?.confidence ?? null;
  const after = right?.confidence ?? null;
  return { before, after, delta: before === null || after === null ? null : after - before };
}

/** "3 modified, 1 added, ..." for the header, in a fixed order, skipping zeros. */
export function countsText(counts: Alignment['counts']): string {
  const order = ['modified', 'added', 'removed', 'moved', 'same'] as const;
  const parts = order.filter((k) => counts[k] > 0).map((k) => `${counts[k]} ${k}`);
  return parts.length ? parts.join(', ') : 'no events';
}
