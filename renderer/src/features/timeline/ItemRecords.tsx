/** The record behind a timeline item: its tool call, decision or transformation, as text. */
import type { ReactNode } from 'react';
import type { JsonValue } from '../../../../shared/model/json.js';
import { JsonView } from '../../components/JsonView.js';
import { formatDuration } from '../../components/format.js';

type Rec = { [key: string]: JsonValue };

const asRecord = (v: JsonValue | null): Rec | null =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? v : null;
const text = (v: JsonValue | undefined): string =>
  v === null || v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v);
const num = (v: JsonValue | undefined): number | null =>
  typeof v === 'number' ? v : v == null ? null : Number(v);

function Fields({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl>
      {rows.map(([k, v]) => (
        <div key={k} style={{ display: 'contents' }}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

export function ToolCallRecord({ value }: { value: JsonValue | null }) {
  const t = asRecord(value);
  if (!t) return null;
  const ok = t.success === true;
  return (
    <section aria-label="Tool call">
      <h3>Tool call</h3>
      <Fields
        rows={[
          ['tool', <span className="mono">{`${text(t.tool_type)}.${text(t.tool_name)}`}</span>],
          ['result', <span className={ok ? 'ok' : 'fail'}>{ok ? 'succeeded' : 'failed'}</span>],
          ...(!ok
            ? ([['error', `${text(t.error_type)}: ${text(t.error_message)}`]] as [string, ReactNode][])
            : []),
          ['duration', formatDuration(num(t.duration_ms))],
          ['cache', t.cache_hit === true ? <span className="ok">hit ({text(t.cache_source)})</span> : 'miss'],
          ...(t.cache_key
            ? ([['cache key', <span className="mono">{text(t.cache_key)}</span>]] as [string, ReactNode][])
            : []),
          ['retries', text(t.retry_count ?? 0)],
          ...(t.rate_limit_delay_ms != null
            ? ([['rate limit', formatDuration(num(t.rate_limit_delay_ms))]] as [string, ReactNode][])
            : []),
        ]}
      />
      <h3 style={{ marginTop: 8 }}>Input</h3>
      <JsonView value={t.input_params} label="tool input" />
      <h3 style={{ marginTop: 8 }}>Output</h3>
      <JsonView value={t.output_data} label="tool output" />
    </section>
  );
}

export function DecisionRecord({ value }: { value: JsonValue | null }) {
  const d = asRecord(value);
  if (!d) return null;
  const taken = d.branch_taken ?? null;
  const available = Array.isArray(d.branches_available) ? d.branches_available : [];
  const takenKnown = available.some((b) => text(b) === text(taken));
  return (
    <section aria-label="Decision">
      <h3>Decision</h3>
      <Fields
        rows={[
          ['point', text(d.decision_point)],
          ['type', text(d.decision_type)],
          ['condition', <span className="mono">{text(d.condition_evaluated)}</span>],
          ['reason', text(d.reason)],
        ]}
      />
      <h3 style={{ marginTop: 8 }}>Branch taken vs. available ({available.length})</h3>
      <ul className="branches" aria-label="Branches">
        {available.map((b) => (
          <li key={text(b)} className={text(b) === text(taken) ? 'taken' : ''}>
            {text(b) === text(taken) ? '→ ' : '   '}
            {text(b)}
          </li>
        ))}
        {!takenKnown && taken !== null && (
          <li className="taken">→ {text(taken)} (not among the listed branches)</li>
        )}
      </ul>
      <h3 style={{ marginTop: 8 }}>Inputs</h3>
      <JsonView value={d.input_values} label="decision inputs" />
    </section>
  );
}

export function TransformationRecord({ value }: { value: JsonValue | null }) {
  const t = asRecord(value);
  if (!t) return null;
  return (
    <section aria-label="Transformation">
      <h3>Transformation</h3>
      <Fields
        rows={[
          ['name', text(t.transformation_name)],
          ['type', text(t.transformation_type)],
          ['method', text(t.method)],
          ['rows', `${text(t.input_size)} → ${text(t.output_size)}`],
          ['duration', formatDuration(num(t.duration_ms))],
        ]}
      />
      <h3 style={{ marginTop: 8 }}>Input schema</h3>
      <JsonView value={t.input_schema} label="input schema" />
      <h3 style={{ marginTop: 8 }}>Input sample</h3>
      <JsonView value={t.input_sample} label="input sample" />
      <h3 style={{ marginTop: 8 }}>Output schema</h3>
      <JsonView value={t.output_schema} label="output schema" />
      <h3 style={{ marginTop: 8 }}>Output sample</h3>
      <JsonView value={t.output_sample} label="output sample" />
      <h3 style={{ marginTop: 8 }}>Parameters</h3>
      <JsonView value={t.parameters} label="parameters" />
    </section>
  );
}
