/**
 * The Gantt rows: a label column (lanes indented, child-session headers with a collapse toggle)
 * and a bar per item on the time axis. Virtualized: only rows near the viewport exist.
 */
import type { CSSProperties } from 'react';
import type { SessionId } from '../../../../shared/model/ids.js';
import type { TimelineRow } from '../../../../shared/model/timeline.js';
import { VirtualList } from '../../components/VirtualList.js';
import { formatDuration, formatOffset } from '../../components/format.js';
import { barGeometry, type TimeRange } from '../../stores/timeScale.js';

export const TIMELINE_ROW_HEIGHT = 24;

export interface TimelineRowsProps {
  total: number;
  rowAt(index: number): TimelineRow | undefined;
  range: TimeRange;
  width: number;
  selectedEvent: string | null;
  collapsed: readonly SessionId[];
  revealIndex: number | null;
  onRange(first: number, last: number): void;
  onSelect(row: TimelineRow): void;
  onToggle(sessionId: SessionId): void;
}

function describe(row: TimelineRow): string {
  const parts = [row.label, row.kind.replace('_', ' '), `at ${formatOffset(row.start_ms)}`];
  if (row.duration_ms !== null) parts.push(`for ${formatDuration(row.duration_ms)}`);
  if (row.success === false) parts.push('FAILED');
  if (row.cache_hit) parts.push('cache hit');
  if (row.on_critical_path) parts.push('on the critical path');
  return parts.join(' · ');
}

function Bar({ row, range, width }: { row: TimelineRow; range: TimeRange; width: number }) {
  const { x, w } = barGeometry(row.start_ms, row.duration_ms, range, width);
  if (x + w < -20 || x > width + 20) return null;
  const classes = ['bar', `kind-${row.kind}`, row.kind === 'session' ? 'session' : ''];
  if (row.on_critical_path) classes.push('critical');
  if (row.success === false) classes.push('failed');
  return (
    <>
      <div className={classes.join(' ')} style={{ left: x, width: w }} />
      {row.success === false && (
        <span className="marker fail" style={{ left: x + w + 3 }} aria-label="failed">
          ✕
        </span>
      )}
      {row.cache_hit && (
        <span
          className="marker cache"
          style={{ left: x + w + (row.success === false ? 14 : 3) }}
          aria-label="cache hit"
        >
          ● cache
        </span>
      )}
    </>
  );
}

function Row(props: TimelineRowsProps & { row: TimelineRow; style: CSSProperties }) {
  const { row, style } = props;
  const header = row.kind === 'session';
  const isCollapsed = header && props.collapsed.includes(row.session_id);
  const canToggle = header && row.depth > 0;
  return (
    <div
      className={`vrow tl-row${header ? ' session-header' : ''}`}
      style={style}
      role="row"
      aria-selected={row.event_id !== null && row.event_id === props.selectedEvent}
      data-kind={row.kind}
      data-event-id={row.event_id ?? undefined}
      data-session-id={row.session_id}
      title={describe(row)}
      onClick={() => (header ? canToggle && props.onToggle(row.session_id) : props.onSelect(row))}
    >
      <div className="label-col" style={{ paddingLeft: 8 + row.depth * 14 }}>
        {canToggle ? (
          <button
            type="button"
            className="toggle"
            aria-expanded={!isCollapsed}
            aria-label={`${isCollapsed ? 'Expand' : 'Collapse'} ${row.label}`}
            onClick={(e) => {
              e.stopPropagation();
              props.onToggle(row.session_id);
            }}
          >
            {isCollapsed ? '▸' : '▾'}
          </button>
        ) : (
          <span className={`kind-dot kind-${row.kind}`} />
        )}
        <span>{row.label}</span>
        {header && row.success === false && <span className="fail"> ✕</span>}
      </div>
      <div className="bar-col">
        <Bar row={row} range={props.range} width={props.width} />
      </div>
    </div>
  );
}

export function TimelineRows(props: TimelineRowsProps) {
  return (
    <VirtualList
      label="Timeline rows"
      role="grid"
      rowCount={props.total}
      rowHeight={TIMELINE_ROW_HEIGHT}
      overscan={15}
      revealIndex={props.revealIndex}
      onRangeChange={props.onRange}
      renderRow={(i, style) => {
        const row = props.rowAt(i);
        if (!row) {
          return (
            <div key={`pending-${i}`} className="vrow tl-row muted" style={style}>
              <div className="label-col">…</div>
            </div>
          );
        }
        return <Row key={row.index} {...props} row={row} style={style} />;
      }}
    />
  );
}
