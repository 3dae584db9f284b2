/**
 * A vertically virtualized list with a fixed row height: only the visible rows plus overscan are
 * in the DOM. The math lives in stores/virtualWindow.ts; this component measures and scrolls.
 */
import { useEffect, useLayoutEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { rowWindow, scrollTopToReveal } from '../stores/virtualWindow.js';

export interface VirtualListProps {
  rowCount: number;
  rowHeight: number;
  overscan?: number;
  renderRow(index: number, style: CSSProperties): ReactNode;
  /** Called with the rendered range [first, last) whenever it changes. */
  onRangeChange?(first: number, last: number): void;
  /** When this index changes, the list scrolls just enough to show it. */
  revealIndex?: number | null;
  className?: string;
  label: string;
  role?: string;
}

export function VirtualList(props: VirtualListProps) {
  const { rowCount, rowHeight, overscan = 10, onRangeChange, revealIndex } = props;
  const ref = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewportHeight, setViewportHeight] = useState(600);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setViewportHeight(el.clientHeight);
    const observer = new ResizeObserver(() => setViewportHeight(el.clientHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const win = rowWindow({ scrollTop, viewportHeight, rowHeight, rowCount, overscan });

  useEffect(() => {
    onRangeChange?.(win.first, win.last);
  }, [win.first, win.last, onRangeChange]);

  useEffect(() => {
    const el = ref.current;
    if (!el || revealIndex === null || revealIndex === undefined || revealIndex < 0) return;
    const next = scrollTopToReveal(
      { scrollTop: el.scrollTop, viewportHeight: el.clientHeight, rowHeight, rowCount },
      revealIndex,
    );
    if (next !== el.scrollTop) el.scrollTop = next;
    // Only a new index scrolls (not a growing list): rowCount and rowHeight are read, not watched.
  }, [revealIndex]);

  const rows: ReactNode[] = [];
  for (let i = win.first; i < win.last; i++) {
    rows.push(props.renderRow(i, { top: i * rowHeight + win.shift, height: rowHeight }));
  }
  return (
    <div
      ref={ref}
      className={`vlist ${props.className ?? ''}`}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      role={props.role ?? 'list'}
      aria-label={props.label}
      aria-rowcount={rowCount}
    >
      <div className="vlist-content" style={{ height: win.contentHeight }}>
        {rows}
      </div>
    </div>
  );
}
