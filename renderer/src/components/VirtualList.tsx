/**
 * A fixed-row-height virtualized list: renders only the rows in view (plus overscan), so 10,000
 * rows cost what 40 do. `scrollToIndex` scrolls a row into view when it changes.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { scrollTopFor, virtualRange } from '../stores/virtualRange.js';

export interface VirtualListProps {
  count: number;
  rowHeight: number;
  height: number;
  renderRow: (index: number) => ReactNode;
  scrollToIndex?: number | null;
  ariaLabel?: string;
}

export function VirtualList({
  count,
  rowHeight,
  height,
  renderRow,
  scrollToIndex,
  ariaLabel,
}: VirtualListProps) {
  const box = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);

  useEffect(() => {
    const el = box.current;
    if (!el || scrollToIndex === null || scrollToIndex === undefined) return;
    const top = scrollTopFor(scrollToIndex, rowHeight, height, el.scrollTop);
    if (top !== el.scrollTop) el.scrollTop = top;
  }, [scrollToIndex, rowHeight, height]);

  const range = virtualRange({ count, rowHeight, viewportHeight: height, scrollTop });
  const rows: ReactNode[] = [];
  for (let i = range.start; i < range.end; i++) {
    rows.push(
      <div key={i} role="row" aria-rowindex={i + 1} style={{ height: rowHeight, overflow: 'hidden' }}>
        {renderRow(i)}
      </div>,
    );
  }
  return (
    <div
      ref={box}
      role="grid"
      aria-label={ariaLabel}
      aria-rowcount={count}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      style={{ height, overflowY: 'auto', position: 'relative', border: '1px solid #e0e0e0' }}
    >
      <div style={{ height: range.totalHeight, position: 'relative' }}>
        <div style={{ position: 'absolute', top: range.offsetTop, left: 0, right: 0 }}>{rows}</div>
      </div>
    </div>
  );
}
