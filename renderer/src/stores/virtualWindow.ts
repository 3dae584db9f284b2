/**
 * Row-window math for virtualized lists with a fixed row height: which rows to put in the DOM for
 * a scroll position, and where. Pure (no DOM), so it is tested headless.
 *
 * Browsers cap an element's height (Chromium ~33.5M px, Firefox ~17.9M px), which 1,000,000 rows
 * of 24 px pass. Past `maxContentHeight` the scroll content is compressed: the scrollbar maps
 * linearly onto the rows, and rows are drawn at `index * rowHeight + shift` around the viewport.
 */
export interface WindowInput {
  scrollTop: number;
  viewportHeight: number;
  rowHeight: number;
  rowCount: number;
  /** Extra rows rendered above and below the viewport. */
  overscan: number;
  maxContentHeight?: number;
}

export interface RowWindow {
  /** First row to render (inclusive). */
  first: number;
  /** One past the last row to render. */
  last: number;
  /** Height of the scroll content (the spacer). */
  contentHeight: number;
  /** Row i's top inside the scroll content is `i * rowHeight + shift`. */
  shift: number;
}

export const DEFAULT_MAX_CONTENT_HEIGHT = 8_000_000;

/** The virtual offset (px into the uncompressed list) shown at the top of the viewport. */
function virtualTop(input: WindowInput, contentHeight: number): number {
  const full = input.rowCount * input.rowHeight;
  if (full <= contentHeight) return input.scrollTop;
  const maxScroll = Math.max(1, contentHeight - input.viewportHeight);
  const maxVirtual = Math.max(0, full - input.viewportHeight);
  return (Math.min(input.scrollTop, maxScroll) / maxScroll) * maxVirtual;
}

export function rowWindow(input: WindowInput): RowWindow {
  const { rowHeight, rowCount, overscan, viewportHeight } = input;
  const contentHeight = Math.min(rowCount * rowHeight, input.maxContentHeight ?? DEFAULT_MAX_CONTENT_HEIGHT);
  if (rowCount <= 0 || rowHeight <= 0) return { first: 0, last: 0, contentHeight: 0, shift: 0 };
  const scrollTop = Math.max(0, input.scrollTop);
  const vTop = virtualTop({ ...input, scrollTop }, contentHeight);
  const firstVisible = Math.floor(vTop / rowHeight);
  const visibleCount = Math.ceil(Math.max(0, viewportHeight) / rowHeight) + 1;
  const first = Math.max(0, Math.min(rowCount - 1, firstVisible - overscan));
  const last = Math.min(rowCount, firstVisible + visibleCount + overscan);
  return { first, last, contentHeight, shift: scrollTop - vTop };
}

/**
 * The scrollTop that brings row `index` fully into view, or `input.scrollTop` when it already is
 * (the list does not jump while stepping through visible rows).
 */
export function scrollTopToReveal(input: Omit<WindowInput, 'overscan'>, index: number): number {
  const { rowHeight, rowCount, viewportHeight } = input;
  const contentHeight = Math.min(rowCount * rowHeight, input.maxContentHeight ?? DEFAULT_MAX_CONTENT_HEIGHT);
  const vTop = virtualTop({ ...input, overscan: 0 }, contentHeight);
  const rowTop = index * rowHeight;
  let target: number;
  if (rowTop < vTop) target = rowTop;
  else if (rowTop + rowHeight > vTop + viewportHeight) target = rowTop + rowHeight - viewportHeight;
  else return input.scrollTop;
  const full = rowCount * rowHeight;
  if (full <= contentHeight) return Math.max(0, target);
  const maxScroll = Math.max(1, contentHeight - viewportHeight);
  const maxVirtual = Math.max(1, full - viewportHeight);
  return Math.max(0, Math.min(maxScroll, (target / maxVirtual) * maxScroll));
}
