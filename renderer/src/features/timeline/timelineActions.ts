/** What the timeline's controls and keyboard commands do: select, collapse, zoom, pan, leave. */
import type { SessionId } from '../../../../shared/model/ids.js';
import type { TimelineRow } from '../../../../shared/model/timeline.js';
import { useRouteStore } from '../../stores/routeStore.js';
import { useTimeRangeStore } from '../../stores/timeRangeStore.js';
import { centerRange, fullRange, panRange, zoomRange, type TimeRange } from '../../stores/timeScale.js';
import { heldRowIndex, useTimelineStore } from '../../stores/timelineStore.js';

export const ZOOM_STEP = 1.6;

function span(): number | null {
  return useTimelineStore.getState().spanMs;
}

export function currentRange(): TimeRange | null {
  const s = span();
  return s === null ? null : (useTimeRangeStore.getState().range ?? fullRange(s));
}

export function setRange(range: TimeRange | null): void {
  const s = span();
  if (s !== null) useTimeRangeStore.getState().setRange(range, s);
}

/** factor < 1 zooms in; the anchor (default: the centre) stays in place. */
export function zoomBy(factor: number, anchorMs?: number): void {
  const r = currentRange();
  const s = span();
  if (r === null || s === null) return;
  setRange(zoomRange(r, factor, anchorMs ?? (r.from + r.to) / 2, s));
}

/** Pan by a fraction of the visible width (negative: earlier). */
export function panBy(fraction: number): void {
  const r = currentRange();
  const s = span();
  if (r === null || s === null) return;
  setRange(panRange(r, fraction * (r.to - r.from), s));
}

export function fitAll(): void {
  setRange(null);
}

/** Brings a moment into view without changing the zoom. */
function revealTime(ms: number): void {
  const r = currentRange();
  const s = span();
  if (r !== null && s !== null && (ms < r.from || ms > r.to)) setRange(centerRange(r, ms, s));
}

export function selectRow(row: TimelineRow): void {
  if (row.event_id === null) return;
  useTimelineStore.getState().select(row.index);
  useRouteStore.getState().updateTimeline({ item: row.event_id, tab: 'item' }, { replace: true });
}

/** j / k: the next or previous item row (session headers are skipped). */
export async function moveTimelineSelection(delta: 1 | -1): Promise<void> {
  const { route } = useRouteStore.getState();
  if (route.view !== 'timeline') return;
  const store = useTimelineStore.getState();
  const known = store.selectedIndex ?? heldRowIndex(store.chunks, route.timeline.item);
  let index = known < 0 ? store.visible[0] - delta : known;
  for (let guard = 0; guard < 1000; guard++) {
    index += delta;
    const row = await useTimelineStore.getState().loadRow(index);
    if (row === null) return;
    if (row.event_id !== null) {
      selectRow(row);
      revealTime(row.start_ms);
      return;
    }
  }
}

export function toggleLane(sessionId: SessionId): void {
  const { route, updateTimeline } = useRouteStore.getState();
  if (route.view !== 'timeline') return;
  const collapsed = route.timeline.collapsed;
  updateTimeline({
    collapsed: collapsed.includes(sessionId)
      ? collapsed.filter((c) => c !== sessionId)
      : [...collapsed, sessionId],
  });
}

/** Esc: clear the selected item first, then go back to the sessions list. */
export function leaveTimeline(): void {
  const { route, updateTimeline, navigate, lastList } = useRouteStore.getState();
  if (route.view !== 'timeline') return;
  if (route.timeline.item) {
    useTimelineStore.getState().select(null);
    updateTimeline({ item: null }, { replace: true });
    return;
  }
  navigate({ view: 'sessions', list: { ...lastList, selected: route.timeline.session } });
}
