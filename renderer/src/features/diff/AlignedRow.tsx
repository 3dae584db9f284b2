/** One row of the side-by-side view: left event, what happened, right event. */
import type { AlignmentRow, ChainEvent } from '../../../../shared/model/chains.js';
import { formatFloat } from '../../../../shared/chains/numberText.js';
import { ConfidenceBar } from '../../components/ConfidenceBar.js';
import { confidenceChange } from '../../stores/diffRows.js';
import { WordDiffText } from './WordDiffText.js';

/** Row tints from the theme's colours, light enough to keep the text readable in both themes. */
const tint = (colour: string) => `color-mix(in srgb, ${colour} 14%, transparent)`;
const KIND_COLOURS: Record<AlignmentRow['kind'], string> = {
  same: 'transparent',
  modified: tint('var(--warn)'),
  added: tint('var(--ok)'),
  removed: tint('var(--fail)'),
  moved: tint('var(--accent)'),
};

const clip = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;

function Side({ e, row, side }: { e: ChainEvent | null; row: AlignmentRow; side: 'left' | 'right' }) {
  if (!e)
    return (
      <div style={{ color: 'var(--fg-muted)', fontStyle: 'italic' }}>
        {row.kind === 'moved' ? '(moved)' : row.kind === 'added' ? '(not in A)' : '(not in B)'}
      </div>
    );
  return (
    <div style={{ minWidth: 0 }}>
      <div style={{ ...clip, fontSize: 11, color: 'var(--fg-muted)' }}>
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
      data-kind={row.kind}
      aria-current={current || undefined}
      data-first-divergence={firstDivergence || undefined}
      style={{
        display: 'grid',
        gridTemplateColumns: '1fr 150px 1fr',
        gap: 8,
        height: '100%',
        padding: '2px 6px',
        boxSizing: 'border-box',
        background: KIND_COLOURS[row.kind],
        borderTop: firstDivergence ? '2px solid var(--fail)' : '1px solid var(--border)',
        outline: current ? '2px solid var(--accent)' : undefined,
        outlineOffset: -2,
      }}
    >
      <Side e={left} row={row} side="left" />
      <div style={{ fontSize: 11, textAlign: 'center' }}>
        <div>
          {row.left !== null ? `#${row.left + 1}` : '—'} <strong>{row.kind}</strong>{' '}
          {row.right !== null ? `#${row.right + 1}` : '—'}
        </div>
        {firstDivergence ? <div style={{ color: 'var(--fail)' }}>first divergence</div> : null}
        {conf.before !== null ? <ConfidenceBar value={conf.before} width={50} /> : null}
        {conf.after !== null && conf.delta !== 0 ? (
          <div>
            <ConfidenceBar value={conf.after} width={50} />
            {conf.delta !== null ? (
              <span style={{ color: conf.delta < 0 ? 'var(--fail)' : 'var(--ok)' }}>
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
