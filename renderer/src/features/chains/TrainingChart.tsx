/**
 * Loss and metrics over epochs for a training chain, one small inline-SVG chart per series sharing
 * the x axis, with checkpoints (dashed) and the early stop (red) marked. Clicking a point selects
 * its event.
 */
import { useMemo } from 'react';
import type { ChainEvent } from '../../../../shared/model/chains.js';
import { formatFloat } from '../../../../shared/chains/numberText.js';
import {
  linearScale,
  polylinePath,
  trainingSeries,
  yDomain,
  type Series,
} from '../../stores/trainingSeries.js';
import { muted } from './styles.js';

const W = 520;
const H = 150;
const M = { left: 56, right: 12, top: 24, bottom: 22 };
const LINE = 'var(--k-transformation)';
const CHECKPOINT = 'var(--accent)';
const EARLY_STOP = 'var(--fail)';

/** Marker labels near an edge of the plot grow inwards, so they are never cut off. */
const anchor = (px: number) => (px > W - 50 ? 'end' : px < M.left + 40 ? 'start' : 'middle');

export interface TrainingChartProps {
  events: readonly ChainEvent[];
  onSelect: (index: number) => void;
}

export function TrainingChart({ events, onSelect }: TrainingChartProps) {
  const data = useMemo(() => trainingSeries(events), [events]);
  if (!data.series.length) return <p style={muted}>No loss or metric values in this chain.</p>;
  const x = linearScale(data.xDomain, [M.left, W - M.right]);
  return (
    <div>
      <p style={muted} aria-label="Chart legend">
        <span style={{ color: CHECKPOINT }}>┆ checkpoint</span>
        {data.checkpoints.length
          ? ` at epoch ${data.checkpoints.map((c) => c.x).join(', ')}`
          : ': none'} · <span style={{ color: EARLY_STOP }}>│ early stop</span>
        {data.earlyStop
          ? ` at epoch ${data.earlyStop.x} ${data.earlyStop.label.replace(/^early stop\s*/i, '')}`
          : ': none'}{' '}
        · click a point to see its event
      </p>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12 }}>
        {data.series.map((s) => (
          <SeriesChart key={s.name} series={s} x={x} data={data} onSelect={onSelect} />
        ))}
      </div>
    </div>
  );
}

function SeriesChart({
  series,
  x,
  data,
  onSelect,
}: {
  series: Series;
  x: (v: number) => number;
  data: ReturnType<typeof trainingSeries>;
  onSelect: (index: number) => void;
}) {
  const [lo, hi] = yDomain(series.points);
  const y = linearScale([lo, hi], [H - M.bottom, M.top]);
  const px = series.points.map((p) => ({ x: x(p.x), y: y(p.y), event: p.event, v: p.y, epoch: p.x }));
  return (
    <figure style={{ margin: 0 }}>
      <figcaption style={{ fontSize: 12, fontWeight: 600 }}>{series.name}</figcaption>
      <svg
        width={W}
        height={H}
        role="img"
        aria-label={`${series.name} over epochs`}
        style={{ fill: 'var(--fg-muted)', fontSize: 10 }}
      >
        <rect
          x={M.left}
          y={M.top}
          width={W - M.left - M.right}
          height={H - M.top - M.bottom}
          fill="var(--bg-soft)"
          stroke="var(--border)"
        />
        <text x={M.left - 4} y={M.top + 8} fontSize={10} textAnchor="end">
          {formatFloat(Number(hi.toPrecision(4)))}
        </text>
        <text x={M.left - 4} y={H - M.bottom} fontSize={10} textAnchor="end">
          {formatFloat(Number(lo.toPrecision(4)))}
        </text>
        <text x={M.left} y={H - 6} fontSize={10}>
          epoch {data.xDomain[0]}
        </text>
        <text x={W - M.right} y={H - 6} fontSize={10} textAnchor="end">
          {data.xDomain[1]}
        </text>
        {data.checkpoints.map((c) => (
          <g key={`c${c.event}`} data-marker="checkpoint" data-epoch={c.x}>
            <line
              x1={x(c.x)}
              x2={x(c.x)}
              y1={M.top}
              y2={H - M.bottom}
              stroke={CHECKPOINT}
              strokeDasharray="4 3"
            />
            <text x={x(c.x)} y={M.top - 4} textAnchor={anchor(x(c.x))} style={{ fill: CHECKPOINT }}>
              checkpoint
            </text>
            <title>{`checkpoint: ${c.label}`}</title>
          </g>
        ))}
        {data.earlyStop ? (
          <g data-marker="early-stop" data-epoch={data.earlyStop.x}>
            <line
              x1={x(data.earlyStop.x)}
              x2={x(data.earlyStop.x)}
              y1={M.top}
              y2={H - M.bottom}
              stroke={EARLY_STOP}
              strokeWidth={2}
            />
            <text
              x={x(data.earlyStop.x)}
              y={M.top - 4}
              textAnchor={anchor(x(data.earlyStop.x))}
              style={{ fill: EARLY_STOP }}
            >
              early stop
            </text>
            <title>{data.earlyStop.label}</title>
          </g>
        ) : null}
        <path d={polylinePath(px)} fill="none" stroke={LINE} strokeWidth={1.5} />
        {px.map((p, i) => (
          <circle
            key={i}
            cx={p.x}
            cy={p.y}
            r={3}
            style={{ cursor: 'pointer', fill: LINE }}
            data-epoch={p.epoch}
            onClick={() => onSelect(p.event)}
          >
            <title>{`epoch ${p.epoch}: ${formatFloat(p.v)}`}</title>
          </circle>
        ))}
      </svg>
    </figure>
  );
}
