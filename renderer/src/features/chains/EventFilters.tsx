/** Filters of a chain's events: type chips (with counts), a confidence range and text search. */
import { useEffect, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { isFiltering, typeCounts } from '../../stores/chainEventFilters.js';
import type { ChainViewStore } from '../../stores/chainViewStore.js';
import { chip, muted, typeColour } from './styles.js';

export function EventFilters({ store }: { store: ChainViewStore }) {
  const chain = useStore(store, (s) => s.chain);
  const filter = useStore(store, (s) => s.filter);
  const shown = useStore(store, (s) => s.visible.length);
  const counts = useMemo(() => typeCounts(chain?.chain.events ?? []), [chain]);
  const [text, setText] = useState(filter.text);

  useEffect(() => setText(filter.text), [filter.text]);
  useEffect(() => {
    const t = setTimeout(() => {
      if (text !== store.getState().filter.text) store.getState().setFilter({ text });
    }, 150);
    return () => clearTimeout(t);
  }, [text, store]);

  const total = chain?.chain.events.length ?? 0;
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
      {counts.map(([type, n]) => (
        <button
          key={type}
          type="button"
          aria-pressed={filter.types.has(type)}
          style={chip(filter.types.has(type), typeColour(type))}
          onClick={() => store.getState().toggleType(type)}
        >
          {type} {n}
        </button>
      ))}
      <label style={muted}>
        confidence ≥{' '}
        <input
          type="number"
          min={0}
          max={1}
          step={0.05}
          value={filter.minConfidence}
          onChange={(e) => store.getState().setFilter({ minConfidence: clamp01(e.target.valueAsNumber, 0) })}
          style={{ width: 60 }}
        />
      </label>
      <label style={muted}>
        ≤{' '}
        <input
          type="number"
          min={0}
          max={1}
          step={0.05}
          value={filter.maxConfidence}
          onChange={(e) => store.getState().setFilter({ maxConfidence: clamp01(e.target.valueAsNumber, 1) })}
          style={{ width: 60 }}
        />
      </label>
      <input
        type="search"
        placeholder="Search events"
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      {isFiltering(filter) ? (
        <>
          <span style={muted}>
            {shown.toLocaleString('en-US')} of {total.toLocaleString('en-US')}
          </span>
          <button type="button" onClick={() => store.getState().clearFilter()}>
            Clear filters
          </button>
        </>
      ) : (
        <span style={muted}>{total.toLocaleString('en-US')} events</span>
      )}
    </div>
  );
}

function clamp01(v: number, fallback: number): number {
  return Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : fallback;
}
