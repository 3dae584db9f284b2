/**
 * A chain's events (virtualized): type, decision, reasoning, alternatives, confidence bar, code
 * section, spec reference, stage, experiment. Imported text is rendered as text, never as HTML.
 */
import { useStore } from 'zustand';
import type { ChainViewStore } from '../../stores/chainViewStore.js';
import { ConfidenceBar } from '../../components/ConfidenceBar.js';
import { FixedHeightList } from '../../components/FixedHeightList.js';
import { cell, selectedRowBackground, stripedRowBackground, typeText } from './styles.js';

const COLUMNS = '50px 150px 2fr 2fr 1fr 130px 1fr 1fr 90px 90px';
const HEADERS = [
  '#',
  'Type',
  'Decision',
  'Reasoning',
  'Alternatives',
  'Confidence',
  'Code',
  'Spec',
  'Stage',
  'Experiment',
];

export function EventTable({ store, height = 420 }: { store: ChainViewStore; height?: number }) {
  const chain = useStore(store, (s) => s.chain);
  const visible = useStore(store, (s) => s.visible);
  const selected = useStore(store, (s) => s.selected);
  const events = chain?.chain.events ?? [];
  const selectedRow = selected === null ? null : visible.indexOf(selected);

  return (
    <div>
      <div className="chains-head" style={{ gridTemplateColumns: COLUMNS }}>
        {HEADERS.map((h) => (
          <span key={h} style={cell}>
            {h}
          </span>
        ))}
      </div>
      <FixedHeightList
        count={visible.length}
        rowHeight={30}
        // A short chain gets a short box; a long one scrolls inside `height`.
        height={Math.min(height, Math.max(visible.length, 3) * 30 + 2)}
        ariaLabel="Chain events"
        scrollToIndex={selectedRow !== null && selectedRow >= 0 ? selectedRow : null}
        renderRow={(row) => {
          const i = visible[row]!;
          const e = events[i]!;
          return (
            <div
              data-event-index={i}
              aria-selected={i === selected}
              onClick={() => store.getState().select(i)}
              style={{
                display: 'grid',
                gridTemplateColumns: COLUMNS,
                alignItems: 'center',
                height: '100%',
                fontSize: 13,
                cursor: 'pointer',
                background:
                  i === selected ? selectedRowBackground : row % 2 ? stripedRowBackground : undefined,
              }}
            >
              <span style={cell}>{i + 1}</span>
              <span style={{ ...cell, color: typeText(e.type), fontWeight: 600 }} title={e.type}>
                {e.type}
              </span>
              <span style={cell} title={e.decision ?? ''}>
                {e.decision ?? ''}
              </span>
              <span style={cell} title={e.reasoning ?? ''}>
                {e.reasoning ?? ''}
              </span>
              <span style={cell} title={e.alternatives.join('\n')}>
                {e.alternatives.join('; ')}
              </span>
              <span style={cell}>
                <ConfidenceBar value={e.confidence} width={60} />
              </span>
              <span style={cell}>{e.code_section ?? ''}</span>
              <span style={cell}>{e.spec_reference ?? ''}</span>
              <span style={cell}>{e.stage_id ?? ''}</span>
              <span style={cell}>{e.experiment_id ?? ''}</span>
            </div>
          );
        }}
      />
    </div>
  );
}
