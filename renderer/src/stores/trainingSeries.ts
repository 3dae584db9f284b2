/**
 * A training chain's loss and metrics over epochs, with checkpoints and the early stop, for the
 * inline SVG chart (pure: no DOM). Sources (§10): `epoch_completed` metadata (`epoch` plus numeric
 * metrics), `loss_computed.loss_value`, `metric_recorded` (`metric_name`/`name` + `value`) at the
 * current epoch, `checkpoint_saved.epoch`, `early_stopped` at the current epoch.
 */
import type { ChainEvent, KeptJson } from '../../../shared/model/chains.js';
import { keptNumberValue } from '../../../shared/chains/numberText.js';

export interface SeriesPoint {
  x: number;
  y: number;
  /** Index of the event the point comes from. */
  event: number;
}

export interface Series {
  name: string;
  points: SeriesPoint[];
}

export interface Marker {
  x: number;
  label: string;
  event: number;
}

export interface TrainingSeries {
  series: Series[];
  checkpoints: Marker[];
  earlyStop: Marker | null;
  /** Smallest and largest x over points and markers ([0, 0] when empty). */
  xDomain: [number, number];
}

const TRAINING_TYPES = new Set([
  'training_started',
  'training_completed',
  'epoch_started',
  'epoch_completed',
  'batch_processed',
  'loss_computed',
  'metric_recorded',
  'checkpoint_saved',
  'early_stopped',
]);

/** Whether the chain has anything to chart (an epoch or a loss). */
export function isTrainingChain(events: readonly ChainEvent[]): boolean {
  return events.some((e) => e.type === 'epoch_completed' || e.type === 'loss_computed');
}

const num = (v: KeptJson | undefined): number | null => {
  const n = keptNumberValue(v);
  return n !== null && Number.isFinite(n) ? n : null;
};

export function trainingSeries(events: readonly ChainEvent[]): TrainingSeries {
  const byName = new Map<string, SeriesPoint[]>();
  const add = (name: string, x: number, y: number, event: number) => {
    const list = byName.get(name);
    if (list) list.push({ x, y, event });
    else byName.set(name, [{ x, y, event }]);
  };
  const checkpoints: Marker[] = [];
  let earlyStop: Marker | null = null;
  let epoch = 0;
  events.forEach((e, i) => {
    if (!TRAINING_TYPES.has(e.type)) return;
    const m = e.metadata;
    const at = num(m.epoch);
    if (e.type === 'epoch_completed') {
      epoch = at ?? epoch + 1;
      for (const [k, v] of Object.entries(m)) {
        const y = num(v);
        if (k !== 'epoch' && y !== null) add(k, epoch, y, i);
      }
    } else if (e.type === 'epoch_started' || e.type === 'batch_processed') {
      if (at !== null) epoch = at;
    } else if (e.type === 'loss_computed') {
      const y = num(m.loss_value);
      if (y !== null) add('loss_value', epoch, y, i);
    } else if (e.type === 'metric_recorded') {
      const name =
        typeof m.metric_name === 'string' ? m.metric_name : typeof m.name === 'string' ? m.name : 'metric';
      const y = num(m.value);
      if (y !== null) add(name, epoch, y, i);
    } else if (e.type === 'checkpoint_saved') {
      const path = typeof m.path === 'string' ? m.path : 'checkpoint';
      checkpoints.push({ x: at ?? epoch, label: path, event: i });
    } else if (e.type === 'early_stopped') {
      const best = num(m.best_epoch);
      earlyStop = {
        x: epoch,
        label: best === null ? 'early stop' : `early stop (best epoch ${best})`,
        event: i,
      };
    }
  });
  const series = [...byName].map(([name, points]) => ({ name, points }));
  const xs = [
    ...series.flatMap((s) => s.points.map((p) => p.x)),
    ...checkpoints.map((c) => c.x),
    ...(earlyStop ? [(earlyStop as Marker).x] : []),
  ];
  const xDomain: [number, number] = xs.length ? [Math.min(...xs), Math.max(...xs)] : [0, 0];
  return { series, checkpoints, earlyStop, xDomain };
}

/** A linear map from a domain to a range; a zero-width domain maps to the range's middle. */
export function linearScale(domain: [number, number], range: [number, number]): (v: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  if (d1 === d0) return () => (r0 + r1) / 2;
  return (v) => r0 + ((v - d0) / (d1 - d0)) * (r1 - r0);
}

/** The y domain of one series, padded 5% so lines do not touch the frame. */
export function yDomain(points: readonly SeriesPoint[]): [number, number] {
  if (!points.length) return [0, 1];
  let lo = Infinity;
  let hi = -Infinity;
  for (const p of points) {
    lo = Math.min(lo, p.y);
    hi = Math.max(hi, p.y);
  }
  const pad = hi === lo ? Math.abs(hi) * 0.05 || 1 : (hi - lo) * 0.05;
  return [lo - pad, hi + pad];
}

/** SVG path text `M x y L x y ...` for points already in pixels. */
export function polylinePath(points: readonly { x: number; y: number }[]): string {
  return points.map((p, i) => `${i ? 'L' : 'M'}${p.x.toFixed(1)} ${p.y.toFixed(1)}`).join(' ');
}
