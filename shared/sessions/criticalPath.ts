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
  const path: string[] = [];
  let cur = order.length - 1;
  const seen = new Set<number>();
  while (cur >= 0 && !seen.has(cur)) {
    seen.add(cur);
    const item = items[order[cur]!]!;
    path.push(item.id);
    // Largest position whose end <= item.start, excluding the item itself.
    let lo = 0;
    let hi = cur - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (items[order[mid]!]!.end <= item.start) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    cur = found;
  }
  return path.reverse();
}
