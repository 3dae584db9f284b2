/** A confidence as a small bar with its value; colours follow the reference viewer's levels. */
import { roundedText } from '../../../shared/chains/numberText.js';
import { confidenceLevel, confidencePercent } from '../stores/chainEventFilters.js';

const COLOURS = { high: '#2e7d32', medium: '#ef6c00', low: '#c62828' } as const;

export function ConfidenceBar({ value, width = 80 }: { value: number; width?: number }) {
  const pct = confidencePercent(value);
  return (
    <span title={`confidence ${value}`} style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
      <span
        style={{ display: 'inline-block', width, height: 8, background: 'var(--border)', borderRadius: 4 }}
      >
        <span
          style={{
            display: 'block',
            width: `${pct}%`,
            height: '100%',
            borderRadius: 4,
            background: COLOURS[confidenceLevel(value)],
          }}
        />
      </span>
      <span style={{ fontVariantNumeric: 'tabular-nums', fontSize: 12 }}>{roundedText(value, 2)}</span>
    </span>
  );
}
