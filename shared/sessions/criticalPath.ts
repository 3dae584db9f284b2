/** A timed item on a timeline: start and end in the same unit (ms since the origin). */
export interface TimedItem {
  id: string;
  start: number;
  end: number;
}

/**
 * The critical path: the chain of items that determines when the work ended. Start from the item
 * that ends last, then repeatedly take the item that ends last at or before the current one starts
 * (what it was waiting for). Sorting by end once and a binary search per step keep it O(n log n),
 * so a million-event session stays fast.
 */
export function criticalPath(items: readonly TimedItem[]): string[] {
  if (!items.length) return [];
  const order = items
    .map((_, i) => i)
    .sort((a, b) => items[a]!.end - items[b]!.end || items[a]!.start - items[b]!.start);
  const starts = order.map((i) => items[i]!.start);
  const ends = order.map((i) => items[i]!.end);
  return criticalPathOfSorted(starts, ends).map((p) => items[order[p]!]!.id);
}

/**
 * The same walk over items already sorted by (end, start), given as parallel columns (a database
 * can sort a million rows faster than JS, and columns of numbers cost less than objects).
 * Returns the positions on the path, first to last.
 */
export function criticalPathOfSorted(starts: ArrayLike<number>, ends: ArrayLike<number>): number[] {
  const path: number[] = [];
  // Each step moves strictly left, so the walk ends.
  let cur = ends.length - 1;
  while (cur >= 0) {
    path.push(cur);
    const start = starts[cur]!;
    // Largest position whose end <= start, excluding the item itself.
    let lo = 0;
    let hi = cur - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (ends[mid]! <= start) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    cur = found;
  }
  return path.reverse();
}
