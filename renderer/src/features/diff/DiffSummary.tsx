/** The reference diff (§5): match mode, summary, similarity, added / removed / modified, confidence changes. */
import type { ReactNode } from 'react';
import type { ChainEvent, DiffResult, FieldChange } from '../../../../shared/model/chains.js';
import { inspectChange } from '../../../../shared/chains/diff/diffText.js';
import { formatFloat, roundedText } from '../../../../shared/chains/numberText.js';

function EventLine({ sign, e }: { sign: '+' | '-'; e: ChainEvent }) {
  return (
    <li style={{ color: sign === '+' ? 'var(--ok)' : 'var(--fail)' }}>
      {sign} [{e.type}] {e.decision ?? ''}{' '}
      <span style={{ color: 'var(--fg-muted)' }}>(confidence {formatFloat(e.confidence)})</span>
    </li>
  );
}

function change(c: FieldChange): ReactNode {
  const [before, after] = inspectChange(c);
  return (
    <li key={c.field}>
      <strong>{c.field}:</strong> <code>{before}</code> → <code>{after}</code>
    </li>
  );
}

function Section({ title, n, children }: { title: string; n: number; children: ReactNode }) {
  return (
    <details open={n > 0 && n <= 50}>
      <summary>
        {title} ({n})
      </summary>
      {n ? <ul style={{ margin: '4px 0', paddingLeft: 20 }}>{children}</ul> : <p>(none)</p>}
    </details>
  );
}

export function DiffSummary({ result }: { result: DiffResult }) {
  const pct = result.similarity * 100;
  return (
    <section aria-label="Reference diff">
      <p style={{ margin: '4px 0' }} data-testid="diff-summary">
        Matched by <strong>{result.matchBy}</strong> · {result.summary} · similarity {roundedText(pct, 1)}%
      </p>
      <div style={{ height: 8, background: 'var(--border)', borderRadius: 4, maxWidth: 400 }}>
        <div
          style={{
            width: `${Math.min(100, pct)}%`,
            height: '100%',
            background: 'var(--accent)',
            borderRadius: 4,
          }}
        />
      </div>
      <Section title="Added" n={result.added.length}>
        {result.added.map((e, i) => (
          <EventLine key={i} sign="+" e={e} />
        ))}
      </Section>
      <Section title="Removed" n={result.removed.length}>
        {result.removed.map((e, i) => (
          <EventLine key={i} sign="-" e={e} />
        ))}
      </Section>
      <Section title="Modified" n={result.modified.length}>
        {result.modified.map((m, i) => (
          <li key={i}>
            Event <code>{String(m.key)}</code>
            <ul>{m.changes.map(change)}</ul>
          </li>
        ))}
      </Section>
      <Section title="Confidence changes" n={result.confidenceDeltas.length}>
        {result.confidenceDeltas.map((d, i) => (
          <li key={i}>
            <code>{String(d.key)}</code>: {d.delta >= 0 ? '+' : ''}
            {roundedText(d.delta, 3)}
          </li>
        ))}
      </Section>
    </section>
  );
}
