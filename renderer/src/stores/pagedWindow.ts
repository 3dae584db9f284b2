/**
 * Which pages of a long, server-side list to hold: the renderer keeps a bounded window of pages
 * around the viewport (sessions pages, timeline row windows), never the whole list. Pure.
 */

/** Pages (index = floor(row / pageSize)) that cover rows [first, last), within `total` rows. */
export function pagesCovering(first: number, last: number, pageSize: number, total: number): number[] {
  const end = Math.min(last, total);
  if (end <= first || pageSize <= 0) return [];
  const pages: number[] = [];
  for (let p = Math.floor(Math.max(0, first) / pageSize); p * pageSize < end; p++) pages.push(p);
  return pages;
}

/**
 * Pages to drop so that at most `maxPages` stay: the wanted pages are kept, then the others
 * nearest to them; the farthest go first.
 */
export function pagesToEvict(
  cached: Iterable<number>,
  wanted: readonly number[],
  maxPages: number,
): number[] {
  const keep = new Set(wanted);
  const others = [...cached].filter((p) => !keep.has(p));
  const room = Math.max(0, maxPages - keep.size);
  if (others.length <= room) return [];
  const center = wanted.length ? (Math.min(...wanted) + Math.max(...wanted)) / 2 : 0;
  others.sort((a, b) => Math.abs(b - center) - Math.abs(a - center) || b - a);
  return others.slice(0, others.length - room);
}

/** The item at `index` in a map of pages, if that page is held. */
export function itemAt<T>(
  pages: ReadonlyMap<number, readonly T[]>,
  pageSize: number,
  index: number,
): T | undefined {
  return pages.get(Math.floor(index / pageSize))?.[index % pageSize];
}

/** A copy of `pages` with `page` set and `evict` removed (maps are replaced, never mutated). */
export function withPage<T>(
  pages: ReadonlyMap<number, T>,
  page: number,
  value: T,
  evict: readonly number[],
): Map<number, T> {
  const next = new Map(pages);
  for (const p of evict) next.delete(p);
  next.set(page, value);
  return next;
}

/**
 * The pages after `page` arrived: it is added, and the pages farthest from the visible rows
 * [first, last) go once more than `maxPages` would be held.
 */
export function withArrivedPage<T>(
  pages: ReadonlyMap<number, T[]>,
  page: number,
  rows: T[],
  visible: readonly [number, number],
  pageSize: number,
  total: number,
  maxPages: number,
): Map<number, T[]> {
  const wanted = pagesCovering(visible[0], visible[1], pageSize, total);
  return withPage(pages, page, rows, pagesToEvict(pages.keys(), [...wanted, page], maxPages));
}

/** The list index of the first held item matching `pred`, or -1. */
export function heldIndex<T>(
  pages: ReadonlyMap<number, T[]>,
  pageSize: number,
  pred: (item: T) => boolean,
): number {
  for (const [page, rows] of pages) {
    const i = rows.findIndex(pred);
    if (i >= 0) return page * pageSize + i;
  }
  return -1;
}
