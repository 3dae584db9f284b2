/** A small horizontal bar chart in inline SVG (no chart library): one bar per group, a note beside it. */
export interface Bar {
  label: string;
  value: number;
  /** Part of the value drawn in the failure colour (e.g. failed sessions). */
  failed?: number;
  note: string;
}

export interface BarChartProps {
  title: string;
  bars: Bar[];
  width?: number;
  /** Bars shown at most; the rest are summed into "others". */
  max?: number;
}

const ROW = 16;
const LABEL = 150;
const NOTE = 150;

export function BarChart({ title, bars, width = 460, max = 4 }: BarChartProps) {
  const shown = bars.slice(0, max);
  const rest = bars.slice(max);
  if (rest.length) {
    shown.push({
      label: `${rest.length} more`,
      value: rest.reduce((a, b) => a + b.value, 0),
      failed: rest.reduce((a, b) => a + (b.failed ?? 0), 0),
      note: '',
    });
  }
  const top = Math.max(1, ...shown.map((b) => b.value));
  const barSpace = width - LABEL - NOTE;
  return (
    <figure>
      <figcaption>{title}</figcaption>
      <svg
        className="bar-chart"
        width={width}
        height={Math.max(1, shown.length) * ROW}
        role="img"
        aria-label={title}
      >
        {shown.map((b, i) => {
          const w = (b.value / top) * barSpace;
          const fw = ((b.failed ?? 0) / top) * barSpace;
          const y = i * ROW;
          return (
            <g key={b.label} transform={`translate(0, ${y})`}>
              <title>{`${b.label}: ${b.value} ${b.note}`}</title>
              <text x={0} y={12}>
                {b.label.length > 22 ? `${b.label.slice(0, 21)}…` : b.label}
              </text>
              <rect className="bar" x={LABEL} y={3} width={Math.max(1, w - fw)} height={10} />
              {fw > 0 && <rect className="bar-fail" x={LABEL + w - fw} y={3} width={fw} height={10} />}
              <text className="note" x={LABEL + barSpace + 6} y={12}>
                {b.note}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
