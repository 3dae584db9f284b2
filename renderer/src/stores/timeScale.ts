/**
 * The timeline's time axis: a visible range [from, to] in milliseconds since the root session's
 * start, zoomed around an anchor and panned within the session's span. Pure.
 */
export interface TimeRange {
  from: number;
  to: number;
}

/** The narrowest visible range (1 ms). */
export const MIN_RANGE_MS = 1;

/** The whole session (a zero span still gets a 1 ms wide range). */
export function fullRange(spanMs: number): TimeRange {
  return { from: 0, to: Math.max(MIN_RANGE_MS, spanMs) };
}

/** Keeps a range inside [0, max(span, width)] and at least MIN_RANGE_MS wide; never wider than the span. */
export function clampRange(r: TimeRange, spanMs: number): TimeRange {
  const full = fullRange(spanMs);
  let width = Math.max(MIN_RANGE_MS, Math.min(r.to - r.from, full.to));
  if (!Number.isFinite(width)) width = full.to;
  let from = Number.isFinite(r.from) ? r.from : 0;
  from = Math.max(0, Math.min(from, full.to - width));
  return { from, to: from + width };
}

/** Zoom by `factor` (< 1 zooms in) keeping `anchorMs` at the same screen position. */
export function zoomRange(r: TimeRange, factor: number, anchorMs: number, spanMs: number): TimeRange {
  const width = r.to - r.from;
  const anchor = Math.max(r.from, Math.min(r.to, anchorMs));
  const ratio = width > 0 ? (anchor - r.from) / width : 0.5;
  const nextWidth = Math.max(MIN_RANGE_MS, width * factor);
  const from = anchor - ratio * nextWidth;
  return clampRange({ from, to: from + nextWidth }, spanMs);
}

export function panRange(r: TimeRange, deltaMs: number, spanMs: number): TimeRange {
  return clampRange({ from: r.from + deltaMs, to: r.to + deltaMs }, spanMs);
}

/** A range of the same width centred on `centerMs` (the minimap drag). */
export function centerRange(r: TimeRange, centerMs: number, spanMs: number): TimeRange {
  const half = (r.to - r.from) / 2;
  return clampRange({ from: centerMs - half, to: centerMs + half }, spanMs);
}

export function msToPx(ms: number, r: TimeRange, widthPx: number): number {
  return ((ms - r.from) / (r.to - r.from)) * widthPx;
}

export function pxToMs(px: number, r: TimeRange, widthPx: number): number {
  return r.from + (px / Math.max(1, widthPx)) * (r.to - r.from);
}

/** A bar's left and width in px; points (no duration) and tiny bars stay visible. */
export function barGeometry(
  startMs: number,
  durationMs: number | null,
  r: TimeRange,
  widthPx: number,
  minWidthPx = 2,
): { x: number; w: number } {
  const x = msToPx(startMs, r, widthPx);
  const w =
    durationMs === null ? minWidthPx : Math.max(minWidthPx, msToPx(startMs + durationMs, r, widthPx) - x);
  return { x, w };
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
/** Clock-friendly steps from a second up to a day; below and above, 1-2-5 x 10^n. */
const CLOCK_STEPS = [1, 2, 5, 10, 15, 30]
  .map((s) => s * SECOND)
  .concat(
    [1, 2, 5, 10, 15, 30].map((m) => m * MINUTE),
    [1, 2, 3, 6, 12, 24].map((h) => h * HOUR),
  );

function decimalStep(raw: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(Math.max(raw, 1e-6)));
  for (const s of [1, 2, 5]) if (s * magnitude >= raw) return s * magnitude;
  return 10 * magnitude;
}

/** A readable tick step giving ticks at least `minSpacingPx` apart: 200 ms, 15 s, 30 m, 6 h… */
export function tickStep(r: TimeRange, widthPx: number, minSpacingPx = 80): number {
  const raw = ((r.to - r.from) * minSpacingPx) / Math.max(1, widthPx);
  if (raw <= SECOND || raw > 24 * HOUR)
    return raw > 24 * HOUR ? decimalStep(raw / (24 * HOUR)) * 24 * HOUR : decimalStep(raw);
  return CLOCK_STEPS.find((s) => s >= raw) ?? 24 * HOUR;
}

/** Tick positions (ms) inside the range, multiples of the step. */
export function ticks(r: TimeRange, widthPx: number, minSpacingPx = 80): number[] {
  const step = tickStep(r, widthPx, minSpacingPx);
  const out: number[] = [];
  for (let t = Math.ceil(r.from / step) * step; t <= r.to && out.length < 1000; t += step) {
    out.push(Number(t.toFixed(6)));
  }
  return out;
}
