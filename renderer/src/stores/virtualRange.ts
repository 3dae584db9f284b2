/**
 * Virtualized-list math (fixed row height): which rows to render for a scroll position, and where
 * to scroll to bring a row into view. Pure, so 10,000-row lists are tested without a DOM.
 */

export interface RangeInput {
  count: number;
  rowHeight: number;
  viewportHeight: number;
  scrollTop: number;
  /** Rows rendered beyond each edge, so fast scrolling shows no gap. */
  overscan?: number;
}

export interface RowRange {
  /** First row rendered (inclusive) and last (exclusive). */
  start: number;
  end: number;
  /** Space above the first rendered row, in pixels. */
  offsetTop: number;
  totalHeight: number;
}

export function virtualRange({
  count,
  rowHeight,
  viewportHeight,
  scrollTop,
  overscan = 8,
}: RangeInput): RowRange {
  const totalHeight = count * rowHeight;
  if (count === 0 || rowHeight <= 0) return { start: 0, end: 0, offsetTop: 0, totalHeight: 0 };
  const top = Math.min(Math.max(0, scrollTop), Math.max(0, totalHeight - viewportHeight));
  const first = Math.floor(top / rowHeight);
  const visible = Math.ceil(Math.max(viewportHeight, rowHeight) / rowHeight) + 1;
  const start = Math.max(0, first - overscan);
  const end = Math.min(count, first + visible + overscan);
  return { start, end, offsetTop: start * rowHeight, totalHeight };
}

/** The scrollTop that shows row `index` (unchanged when it is already fully visible). */
export function scrollTopFor(
  index: number,
  rowHeight: number,
  viewportHeight: number,
  scrollTop: number,
): number {
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewportHeight) return Math.max(0, bottom - viewportHeight);
  return scrollTop;
}
