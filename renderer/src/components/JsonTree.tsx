/** A JSON value as a collapsible tree (<details>), text only; the first levels start open. */
import type { JsonValue } from '../../../shared/model/json.js';

function Leaf({ value }: { value: JsonValue }) {
  return <span className="muted">{JSON.stringify(value)}</span>;
}

function Node({ name, value, depth }: { name: string; value: JsonValue; depth: number }) {
  if (value === null || typeof value !== 'object') {
    return (
      <div className="leaf">
        <span className="key">{name}</span>: <Leaf value={value} />
      </div>
    );
  }
  const entries: [string, JsonValue][] = Array.isArray(value)
    ? value.map((v, i) => [String(i), v])
    : Object.entries(value);
  return (
    <details open={depth < 2}>
      <summary>
        <span className="key">{name}</span>{' '}
        <span className="muted">{Array.isArray(value) ? `[${entries.length}]` : `{${entries.length}}`}</span>
      </summary>
      {entries.map(([k, v]) => (
        <Node key={k} name={k} value={v} depth={depth + 1} />
      ))}
    </details>
  );
}

export function JsonTree({ value, label }: { value: JsonValue; label: string }) {
  if (value === null || typeof value !== 'object') return <Leaf value={value} />;
  return (
    <div className="json-tree" aria-label={label}>
      <Node name={label} value={value} depth={0} />
    </div>
  );
}
