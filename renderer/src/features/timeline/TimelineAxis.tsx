/** The time axis above the rows: tick labels relative to the root session's start. */
import { formatOffset } from '../../components/format.js';
import { msToPx, ticks, type TimeRange } from '../../stores/timeScale.js';

export function TimelineAxis({ range, width }: { range: TimeRange; width: number }) {
  return (
    <div className="axis">
      <div className="label-col muted">Item</div>
      <div className="bar-col">
        <svg width={width} height={24} aria-label="Time axis">
          {ticks(range, width).map((t) => {
            const x = msToPx(t, range, width);
            return (
              <g key={t} transform={`translate(${x}, 0)`}>
                <line y1={16} y2={24} />
                <text x={3} y={13}>
                  {formatOffset(t)}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
    </div>
  );
}
