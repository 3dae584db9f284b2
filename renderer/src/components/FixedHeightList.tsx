/**
 * A VirtualList in a box of fixed pixel height, for panels laid out with inline sizes (chains,
 * diff). Rows are positioned by VirtualList; callers only render their content.
 */
import type { ReactNode } from 'react';
import { VirtualList } from './VirtualList.js';

export interface FixedHeightListProps {
  count: number;
  rowHeight: number;
  height: number;
  renderRow: (index: number) => ReactNode;
  scrollToIndex?: number | null;
  ariaLabel?: string;
}

export function FixedHeightList({
  count,
  rowHeight,
  height,
  renderRow,
  scrollToIndex,
  ariaLabel,
}: FixedHeightListProps) {
  return (
    <div
      style={{ height, display: 'flex', flexDirection: 'column', border: '1px solid var(--border, #e0e0e0)' }}
    >
      <VirtualList
        rowCount={count}
        rowHeight={rowHeight}
        label={ariaLabel ?? 'list'}
        role="grid"
        revealIndex={scrollToIndex ?? null}
        renderRow={(i, style) => (
          <div
            key={i}
            role="row"
            aria-rowindex={i + 1}
            style={{ position: 'absolute', left: 0, right: 0, overflow: 'hidden', ...style }}
          >
            {renderRow(i)}
          </div>
        )}
      />
    </div>
  );
}
