/**
 * The session timeline: toolbar, minimap, time axis and virtualized Gantt rows on the left, the
 * detail panel on the right. Rows come in windows of CHUNK_ROWS around the viewport.
 */
import { useCallback, useEffect, useLayoutEffect, useRef } from 'react';
import { formatCount } from '../../components/format.js';
import { itemAt } from '../../stores/pagedWindow.js';
import { useRouteStore } from '../../stores/routeStore.js';
import { useTimeRangeStore } from '../../stores/timeRangeStore.js';
import { fullRange } from '../../stores/timeScale.js';
import { CHUNK_ROWS, useTimelineStore } from '../../stores/timelineStore.js';
import { useTimelineItemStore } from '../../stores/timelineItemStore.js';
import { formatHash, type TimelineState } from '../../stores/urlState.js';
import { DetailPanel } from './DetailPanel.js';
import { Minimap } from './Minimap.js';
import { TimelineAxis } from './TimelineAxis.js';
import { TimelineRows } from './TimelineRows.js';
import { TimelineToolbar } from './TimelineToolbar.js';
import { ExportButton } from '../export/index.js';
import { fitAll, selectRow, setRange, toggleLane, ZOOM_STEP, zoomBy } from './timelineActions.js';
import { useTimelinePointer } from './useTimelinePointer.js';

const LABEL_WIDTH = 280;
const URL_WRITE_DELAY_MS = 200;
const KINDS = ['session', 'tool_call', 'decision', 'transformation', 'log', 'lifecycle', 'event'];

/** Keeps the URL's from/to and the range store in step (the URL written after a pause). */
function useRangeInUrl(state: TimelineState, ready: boolean) {
  const range = useTimeRangeStore((s) => s.range);
  const updateTimeline = useRouteStore((s) => s.updateTimeline);
  useEffect(() => {
    if (ready) setRange(state.from !== null && state.to !== null ? { from: state.from, to: state.to } : null);
  }, [state.session, state.from, state.to, ready]);
  useEffect(() => {
    if (!ready) return;
    const from = range?.from ?? null;
    const to = range?.to ?? null;
    if (from === state.from && to === state.to) return;
    const timer = setTimeout(() => updateTimeline({ from, to }, { replace: true }), URL_WRITE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [range, ready, state.from, state.to, updateTimeline]);
}

export function TimelineView({ state }: { state: TimelineState }) {
  const overview = useTimelineStore((s) => s.overview);
  const spanMs = useTimelineStore((s) => s.spanMs);
  const status = useTimelineStore((s) => s.status);
  const error = useTimelineStore((s) => s.error);
  const total = useTimelineStore((s) => s.total);
  const chunks = useTimelineStore((s) => s.chunks);
  const selectedIndex = useTimelineStore((s) => s.selectedIndex);
  const sessionOpen = useTimelineStore((s) => s.sessionId);
  const range = useTimeRangeStore((s) => s.range);
  const barWidth = useTimeRangeStore((s) => s.barWidth);
  const lastList = useRouteStore((s) => s.lastList);
  const grid = useRef<HTMLDivElement>(null);

  const collapsedKey = state.collapsed.join('\u0000');
  useEffect(() => {
    void useTimelineStore.getState().open(state.session, state.collapsed);
    // The collapse set is compared by value.
  }, [state.session, collapsedKey]);
  useEffect(() => void useTimelineItemStore.getState().select(state.item), [state.item]);
  // Rows can show before the overview (density, critical path) lands: the first window has the span.
  const ready = status === 'ready' && sessionOpen === state.session && spanMs !== null;
  // The session panel's detail is asked for once rows show: on a large session it would compete
  // with the first window for the workspace.
  useEffect(() => {
    if (ready) void useTimelineItemStore.getState().loadSession(state.session);
  }, [state.session, ready]);
  useRangeInUrl(state, ready);

  useLayoutEffect(() => {
    const el = grid.current;
    if (!el) return;
    const measure = () => {
      const list = el.querySelector<HTMLElement>('.vlist');
      useTimeRangeStore.getState().setBarWidth((list?.clientWidth ?? el.clientWidth) - LABEL_WIDTH);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ready]);
  useTimelinePointer(grid, barWidth, LABEL_WIDTH);

  const onRange = useCallback((first: number, last: number) => {
    useTimelineStore.getState().ensureRange(first, last);
  }, []);

  const backHref = formatHash({ view: 'sessions', list: { ...lastList, selected: state.session } });
  if (!ready || spanMs === null) {
    return (
      <div className="panel-center">
        {status === 'missing' ? (
          <p>No session {state.session} in this workspace.</p>
        ) : status === 'error' ? (
          <p className="fail">{error}</p>
        ) : (
          <p className="muted">Loading the timeline…</p>
        )}
        <a href={backHref}>← Sessions</a>
      </div>
    );
  }
  const visible = range ?? fullRange(spanMs);
  return (
    <div className="timeline">
      <div className="timeline-main">
        <TimelineToolbar
          root={overview?.lanes[0]}
          spanMs={spanMs}
          range={visible}
          backHref={backHref}
          onZoomIn={() => zoomBy(1 / ZOOM_STEP)}
          onZoomOut={() => zoomBy(ZOOM_STEP)}
          onFit={fitAll}
        />
        <div className="timeline-export">
          <ExportButton target={{ kind: 'session', session_id: state.session }} />
        </div>
        <div className="timeline-grid" ref={grid} style={{ ['--label-width' as string]: `${LABEL_WIDTH}px` }}>
          <Minimap
            density={overview?.density ?? []}
            spanMs={spanMs}
            range={visible}
            width={barWidth}
            onCenter={(ms) =>
              setRange({
                from: ms - (visible.to - visible.from) / 2,
                to: ms + (visible.to - visible.from) / 2,
              })
            }
          />
          <TimelineAxis range={visible} width={barWidth} />
          <TimelineRows
            total={total ?? 0}
            rowAt={(i) => itemAt(chunks, CHUNK_ROWS, i)}
            range={visible}
            width={barWidth}
            selectedEvent={state.item}
            collapsed={state.collapsed}
            revealIndex={selectedIndex}
            onRange={onRange}
            onSelect={selectRow}
            onToggle={toggleLane}
          />
        </div>
        <div className="legend">
          {KINDS.map((k) => (
            <span key={k}>
              <span className={`swatch kind-${k}`} />
              {k.replace('_', ' ')}
            </span>
          ))}
          <span>
            <span className="swatch" style={{ boxShadow: '0 0 0 2px var(--critical)' }} />
            critical path
          </span>
          <span className="fail">✕ failed</span>
          <span style={{ color: 'var(--cache)' }}>● cache hit</span>
          <span style={{ marginLeft: 'auto' }} data-testid="timeline-rows">
            {formatCount(total ?? 0)} rows · {chunks.size} windows of {CHUNK_ROWS} held
          </span>
        </div>
      </div>
      <DetailPanel tab={state.tab} />
    </div>
  );
}
