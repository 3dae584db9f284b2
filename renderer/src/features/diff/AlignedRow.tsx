/** One row of the side-by-side view: left event, what happened, right event. */
import type { AlignmentRow, ChainEvent } from '../../../../shared/model/chains.js';
import { formatFloat } from '../../../../shared/chains/numberText.js';
import { ConfidenceBar } from '../../components/ConfidenceBar.js';
import { confidenceChange } from '../../stores/diffRows.js';
import { WordDiffText } from './WordDiffText.js';

const KIND_COLOURS: Record<AlignmentRow['kind'], string> = {
  same: 'transparent',
  modified: '#fff8e1',
  added: '#e8f5e9',
  removed: '#ffebee',
  moved: '#e3f2fd',
};

const clip = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;

function Side({ e, row, side }: { e: ChainEvent | null; row: AlignmentRow; side: 'left' | 'right' }) {
  if (!e)
    return <div style={{ color: '#aaa', fontStyle: 'italic' }}>{row.kind === 'moved' ? '(moved)' : ''}</div>;
  return (
    <div style={{ minWidth: 0 }}>
      <div style={{ ...clip, fontSize: 11, color: '#555' }}>
        {e.type}
        {row.changedFields.length && row.kind !== 'same' ? ` · changed: ${row.changedFields.join(', ')}` : ''}
      </div>
      <div style={{ ...clip, fontWeight: 600 }} title={e.decision ?? ''}>
        {row.decisionDiff ? <WordDiffText segments={row.decisionDiff} side={side} /> : (e.decision ?? '')}
      </div>
      <div style={{ ...clip, fontSize: 12 }} title={e.reasoning ?? ''}>
        {row.reasoningDiff ? <WordDiffText segments={row.reasoningDiff} side={side} /> : (e.reasoning ?? '')}
      </div>
    </div>
  );
}

export interface AlignedRowProps {
  row: AlignmentRow;
  index: number;
  left: ChainEvent | null;
  right: ChainEvent | null;
  current: boolean;
  firstDivergence: boolean;
}

export function AlignedRow({ row, index, left, right, current, firstDivergence }: AlignedRowProps) {
  const conf = confidenceChange(left, right);
  return (
    <div
      data-row={index}
      style={{
        display: 'grid',
        gridTemplateColumns: '1fr 150px 1fr',
        gap: 8,
        height: '100%',
        padding: '2px 6px',
        boxSizing: 'border-box',
        background: KIND_COLOURS[row.kind],
        borderTop: firstDivergence ? '2px solid #c62828' : '1px solid #eee',
        outline: current ? '2px solid #1565c0' : undefined,
        outlineOffset: -2,
      }}
    >
      <Side e={left} row={row} side="left" />
      <div style={{ fontSize: 11, textAlign: 'center' }}>
        <div>
          {row.left !== null ? `#${row.left + 1}` : '—'} <strong>{row.kind}</strong>{' '}
          {row.right !== null ? `#${row.right + 1}` : '—'}
        </div>
        {firstDivergence ? <div style={{ color: '#c62828' }}>first divergence</div> : null}
        {conf.before !== null ? <ConfidenceBar value={conf.before} width={50} /> : null}
        {conf.after !== null && conf.delta !== 0 ? (
          <div>
            <ConfidenceBar value={conf.after} width={50} />
            {conf.delta !== null ? (
              <span style={{ color: conf.delta < 0 ? '#c62828' : '#2e7d32' }}>
                {' '}
                {conf.delta >= 0 ? '+' : ''}
                {formatFloat(Number(conf.delta.toFixed(3)))}
              </span>
            ) : null}
          </div>
        ) : null}
      </div>
      <Side e={right} row={row} side="right" />
    </div>
  );
}
