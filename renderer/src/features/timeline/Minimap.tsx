/**
 * The whole session at a glance: event density over time, with the visible range drawn as a
 * window that can be dragged (or clicked) to move the view.
 */
import { useRef } from 'react';
import { formatDuration } from '../../components/format.js';
import type { TimeRange } from '../../stores/timeScale.js';

export interface MinimapProps {
  density: number[];
  spanMs: number;
  range: TimeRange;
  width: number;
  onCenter(ms: number): void;
}

const HEIGHT = 34;

export function Minimap({ density, spanMs, range, width, onCenter }: MinimapProps) {
  const svg = useRef<SVGSVGElement>(null);
  const top = Math.max(1, ...density);
  const bucket = width / Math.max(1, density.length);
  const span = Math.max(1, spanMs);
  const x = (range.from / span) * width;
  const w = Math.max(4, ((range.to - range.from) / span) * width);

  const msAt = (clientX: number) => {
    const rect = svg.current!.getBoundingClientRect();
    return ((clientX - rect.left) / Math.max(1, rect.width)) * span;
  };
  const onPointerDown = (e: React.PointerEvent<SVGSVGElement>) => {
    e.currentTarget.setPointerCapture(e.pointerId);
    onCenter(msAt(e.clientX));
  };
  const onPointerMove = (e: React.PointerEvent<SVGSVGElement>) => {
    if (e.currentTarget.hasPointerCapture(e.pointerId)) onCenter(msAt(e.clientX));
  };

  return (
    <div className="minimap">
      <div
        className="label-col muted"
        style={{ width: 'var(--label-width)', padding: '4px 8px', fontSize: 11 }}
      >
        Overview · {formatDuration(spanMs)}
      </div>
      <svg
        ref={svg}
        width={width}
        height={HEIGHT}
        role="slider"
        aria-label="Visible range"
        aria-valuemin={0}
        aria-valuemax={Math.round(span)}
        aria-valuenow={Math.round((range.from + range.to) / 2)}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
      >
        {density.map((n, i) =>
          n > 0 ? (
            <rect
              key={i}
              className="density"
              x={i * bucket}
              width={Math.max(1, bucket - 0.5)}
              y={HEIGHT - 2 - (n / top) * (HEIGHT - 6)}
              height={(n / top) * (HEIGHT - 6)}
            />
          ) : null,
        )}
        <rect
          className="viewport"
          data-testid="minimap-window"
          x={x}
          y={1}
          width={w}
          height={HEIGHT - 2}
          rx={2}
        />
      </svg>
    </div>
  );
}
