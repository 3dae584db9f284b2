/**
 * The aligned side-by-side view: rows from `alignChains` (virtualized), word highlights, confidence
 * bars, the first divergence marked, "changes only", and next / previous change on `n` / `p`.
 */
import { useEffect } from 'react';
import { useStore } from 'zustand';
import { countsText, rowEvents, visiblePosition } from '../../stores/diffRows.js';
import type { ChainDiffStore } from '../../stores/chainDiffStore.js';
import { FixedHeightList } from '../../components/FixedHeightList.js';
import { AlignedRow } from './AlignedRow.js';

function typingInField(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

export function AlignedView({ store, height = 520 }: { store: ChainDiffStore; height?: number }) {
  const aligned = useStore(store, (s) => s.aligned);
  const visible = useStore(store, (s) => s.visible);
  const cursor = useStore(store, (s) => s.cursor);
  const changesOnly = useStore(store, (s) => s.changesOnly);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || typingInField(e.target)) return;
      if (e.key === 'n') store.getState().step(1);
      else if (e.key === 'p') store.getState().step(-1);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [store]);

  // The list reveals the current row inside itself; the page around it must show the list too.
  useEffect(() => {
    if (cursor === null) return;
    const frame = requestAnimationFrame(() =>
      document.querySelector(`[data-row="${cursor}"]`)?.scrollIntoView({ block: 'nearest' }),
    );
    return () => cancelAnimationFrame(frame);
  }, [cursor, visible]);

  if (!aligned) return null;
  const { alignment, a, b } = aligned;
  const changes = alignment.changeIndices.length;
  const at = cursor === null ? -1 : alignment.changeIndices.indexOf(cursor);
  return (
    <section aria-label="Aligned side by side">
      <div style={{ display: 'flex', gap: 12, alignItems: 'center', flexWrap: 'wrap', margin: '6px 0' }}>
        <strong>{a.label}</strong> ↔ <strong>{b.label}</strong>
        <span className="muted">{countsText(alignment.counts)}</span>
        <label>
          <input
            type="checkbox"
            checked={changesOnly}
            onChange={(e) => store.getState().setChangesOnly(e.target.checked)}
          />{' '}
          Changes only
        </label>
        <button
          type="button"
          disabled={alignment.firstDivergence === null}
          // The cursor's invariant (a change row or null) holds: the first divergence is the first change.
          onClick={() => store.setState({ cursor: alignment.firstDivergence })}
          title="Jump to the first divergence"
        >
          ⤒ First divergence
        </button>
        <button
          type="button"
          disabled={!changes}
          onClick={() => store.getState().step(-1)}
          title="Previous change (p)"
        >
          ↑ Previous
        </button>
        <button
          type="button"
          disabled={!changes}
          onClick={() => store.getState().step(1)}
          title="Next change (n)"
        >
          ↓ Next
        </button>
        <span className="muted" data-testid="change-position">
          {changes ? `change ${at >= 0 ? at + 1 : '–'} of ${changes}` : 'the chains align completely'}
        </span>
      </div>
      <FixedHeightList
        count={visible.length}
        rowHeight={66}
        height={Math.min(height, Math.max(visible.length, 1) * 66 + 2)}
        ariaLabel="Aligned events"
        scrollToIndex={cursor === null ? null : visiblePosition(visible, cursor)}
        renderRow={(i) => {
          const index = visible[i]!;
          const row = alignment.rows[index]!;
          const { left, right } = rowEvents(row, a.chain.events, b.chain.events);
          return (
            <AlignedRow
              row={row}
              index={index}
              left={left}
              right={right}
              current={index === cursor}
              firstDivergence={index === alignment.firstDivergence}
            />
          );
        }}
      />
    </section>
  );
}
