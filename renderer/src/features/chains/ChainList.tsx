/** The workspace's chains (name, events, types, mean confidence, experiments, created) with search. */
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { roundedText } from '../../../../shared/chains/numberText.js';
import type { ChainId } from '../../../../shared/model/ids.js';
import type { ChainListStore } from '../../stores/chainListStore.js';
import { FixedHeightList } from '../../components/FixedHeightList.js';
import { cell, muted, panel, selectedRowBackground } from './styles.js';

export interface ChainListProps {
  store: ChainListStore;
  selected: ChainId | null;
  onOpen: (id: ChainId) => void;
  /** Chains ticked for comparison (at most two). */
  marked: readonly ChainId[];
  onMark: (id: ChainId) => void;
}

const COLUMNS = '24px 2fr 60px 2fr 90px 1fr 150px';
const ROW_HEIGHT = 28;
/** The list grows with its rows up to this many, then scrolls: a few chains leave no empty box. */
const MAX_VISIBLE_ROWS = 8;

export function ChainList({ store, selected, onOpen, marked, onMark }: ChainListProps) {
  const rows = useStore(store, (s) => s.rows);
  const total = useStore(store, (s) => s.total);
  const loading = useStore(store, (s) => s.loading);
  const error = useStore(store, (s) => s.error);
  const [text, setText] = useState(useStore(store, (s) => s.search));

  useEffect(() => {
    const t = setTimeout(() => store.getState().setSearch(text), 200);
    return () => clearTimeout(t);
  }, [text, store]);

  return (
    <section style={panel} aria-label="Chains">
      <input
        type="search"
        aria-label="Search chains"
        placeholder="Search chains (name, description, id, experiment)"
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <div style={muted}>
        {loading ? 'Loading…' : `${total} chain${total === 1 ? '' : 's'}`}
        {error ? ` — ${error}` : ''}
      </div>
      <div className="chains-head" style={{ gridTemplateColumns: COLUMNS }}>
        <span />
        <span style={cell}>Name</span>
        <span style={cell}>Events</span>
        <span style={cell}>Types</span>
        <span style={cell} title="Mean confidence">
          Confidence
        </span>
        <span style={cell}>Experiment</span>
        <span style={cell}>Created</span>
      </div>
      <FixedHeightList
        count={rows.length}
        rowHeight={ROW_HEIGHT}
        height={Math.min(Math.max(rows.length, 1), MAX_VISIBLE_ROWS) * ROW_HEIGHT + 2}
        ariaLabel="Chain list"
        renderRow={(i) => {
          const c = rows[i]!;
          return (
            <div
              data-chain-id={c.chain_id}
              aria-selected={c.chain_id === selected}
              onClick={() => onOpen(c.chain_id)}
              style={{
                display: 'grid',
                gridTemplateColumns: COLUMNS,
                alignItems: 'center',
                height: '100%',
                cursor: 'pointer',
                background: c.chain_id === selected ? selectedRowBackground : undefined,
                fontSize: 13,
              }}
            >
              <input
                type="checkbox"
                aria-label={`Mark ${c.name ?? c.chain_id} for comparison`}
                checked={marked.includes(c.chain_id)}
                onClick={(e) => e.stopPropagation()}
                onChange={() => onMark(c.chain_id)}
              />
              <span style={cell} title={c.chain_id}>
                {c.name ?? c.chain_id}
              </span>
              <span style={cell}>{c.event_count.toLocaleString('en-US')}</span>
              <span style={cell} title={c.event_types.join(', ')}>
                {c.event_types.join(', ')}
              </span>
              <span style={cell}>{c.mean_confidence === null ? '' : roundedText(c.mean_confidence, 2)}</span>
              <span style={cell}>{c.experiments.join(', ')}</span>
              <span style={cell}>{c.created_at.replace('T', ' ').replace(/(:\d\d)?(\.\d+)?Z$/, '')}</span>
            </div>
          );
        }}
      />
    </section>
  );
}
