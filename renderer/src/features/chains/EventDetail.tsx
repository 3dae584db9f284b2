/** The selected event in full: every field, relationships, metadata as kept-JSON text. */
import type { ChainEvent } from '../../../../shared/model/chains.js';
import { writeKeptJson } from '../../../../shared/chains/keptJson.js';
import { ConfidenceBar } from '../../components/ConfidenceBar.js';
import { muted, typeText } from './styles.js';

export interface EventDetailProps {
  event: ChainEvent;
  index: number;
  /** Jump to another event of the chain by id (parent, dependency). */
  onOpenEvent: (id: string) => void;
}

const pre = { whiteSpace: 'pre-wrap', margin: 0, fontFamily: 'inherit' } as const;

export function EventDetail({ event: e, index, onOpenEvent }: EventDetailProps) {
  const link = (id: string) => (
    <button key={id} type="button" onClick={() => onOpenEvent(id)} style={{ marginRight: 4 }}>
      {id.slice(0, 12)}
    </button>
  );
  return (
    <section aria-label="Event detail" style={{ borderTop: '1px solid var(--border)', paddingTop: 8 }}>
      <h4 style={{ margin: '4px 0', color: typeText(e.type) }}>
        {index + 1}. {e.type}
      </h4>
      <dl style={{ display: 'grid', gridTemplateColumns: '140px 1fr', gap: '4px 12px', margin: 0 }}>
        <dt>Decision</dt>
        <dd style={{ margin: 0 }}>
          <p style={pre}>{e.decision ?? '(null)'}</p>
        </dd>
        <dt>Reasoning</dt>
        <dd style={{ margin: 0 }}>
          <p style={pre}>{e.reasoning ?? '(null)'}</p>
        </dd>
        <dt>Alternatives</dt>
        <dd style={{ margin: 0 }}>
          {e.alternatives.length ? e.alternatives.join(' · ') : <span style={muted}>none</span>}
        </dd>
        <dt>Confidence</dt>
        <dd style={{ margin: 0 }}>
          <ConfidenceBar value={e.confidence} width={160} />
        </dd>
        <dt>Code section</dt>
        <dd style={{ margin: 0 }}>{e.code_section ?? '—'}</dd>
        <dt>Spec reference</dt>
        <dd style={{ margin: 0 }}>{e.spec_reference ?? '—'}</dd>
        <dt>Stage / experiment</dt>
        <dd style={{ margin: 0 }}>
          {e.stage_id ?? '—'} / {e.experiment_id ?? '—'}
        </dd>
        <dt>Parent</dt>
        <dd style={{ margin: 0 }}>{e.parent_id ? link(e.parent_id) : '—'}</dd>
        <dt>Depends on</dt>
        <dd style={{ margin: 0 }}>{e.depends_on.length ? e.depends_on.map(link) : '—'}</dd>
        <dt>Time</dt>
        <dd style={{ margin: 0 }}>{e.timestamp}</dd>
        <dt>Id</dt>
        <dd style={{ margin: 0, fontFamily: 'var(--mono)' }}>{e.id}</dd>
        <dt>Metadata</dt>
        <dd style={{ margin: 0 }}>
          <pre style={{ margin: 0, fontSize: 12, fontFamily: 'var(--mono)', whiteSpace: 'pre-wrap' }}>
            {writeKeptJson(e.metadata)}
          </pre>
        </dd>
      </dl>
    </section>
  );
}
