/**
 * The timeline's visible time range and the bar area's width in px.
 * Invariants: `range` is null for "the whole session" or a range already clamped to the span of
 * the open session; the URL's from/to follow it (TimelineView writes them, debounced, so a drag
 * does not flood the history API), and a changed URL (back button, link) sets it.
 */
import { create } from 'zustand';
import { clampRange, type TimeRange } from './timeScale.js';

interface TimeRangeStore {
  range: TimeRange | null;
  barWidth: number;
  setRange(range: TimeRange | null, spanMs: number): void;
  setBarWidth(px: number): void;
}

export const useTimeRangeStore = create<TimeRangeStore>((set, get) => ({
  range: null,
  barWidth: 600,
  setRange(range, spanMs) {
    const next = range === null ? null : clampRange(range, spanMs);
    const full = next !== null && next.from <= 0 && next.to >= spanMs;
    const current = get().range;
    const value = full ? null : next;
    if (value?.from === current?.from && value?.to === current?.to) return;
    set({ range: value });
  },
  setBarWidth(barWidth) {
    if (barWidth > 0 && barWidth !== get().barWidth) set({ barWidth });
  },
}));
