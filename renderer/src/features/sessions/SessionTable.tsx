/** The virtualized sessions table: sortable headers and one fixed-height row per session. */
import type { CSSProperties } from 'react';
import type { SessionSortKey, SessionSummary } from '../../../../shared/model/sessions.js';
import { VirtualList } from '../../components/VirtualList.js';
import {
  formatCount,
  formatDateTime,
  formatDuration,
  formatHitRate,
  formatSuccess,
} from '../../components/format.js';

export const SESSION_ROW_HEIGHT = 28;

const COLUMNS: { label: string; sort: SessionSortKey | null; numeric?: boolean }[] = [
  { label: 'Project', sort: 'project' },
  { label: 'Agent', sort: 'agent_type' },
  { label: 'Query', sort: 'query' },
  { label: 'Start (UTC)', sort: 'start_time' },
  { label: 'Duration', sort: 'duration_ms', numeric: true },
  { label: 'Result', sort: 'success' },
  { label: 'Events', sort: 'event_count', numeric: true },
  { label: 'Tools', sort: 'tool_call_count', numeric: true },
  { label: 'Cache', sort: null, numeric: true },
];

export interface SessionTableProps {
  total: number;
  rowAt(index: number): SessionSummary | undefined;
  sort: SessionSortKey;
  descending: boolean;
  selected: string | null;
  revealIndex: number | null;
  onSort(column: SessionSortKey): void;
  onOpen(row: SessionSummary): void;
  onRange(first: number, last: number): void;
}

function Row({
  row,
  style,
  selected,
  onOpen,
}: {
  row: SessionSummary;
  style: CSSProperties;
  selected: boolean;
  onOpen(row: SessionSummary): void;
}) {
  const child = row.parent_session_id !== null;
  return (
    <div
      className="vrow session-row"
      style={style}
      role="row"
      aria-selected={selected}
      data-session-id={row.session_id}
      onClick={() => onOpen(row)}
    >
      <span>{row.project ?? <span className="muted">—</span>}</span>
      <span title={row.agent_type}>{row.agent_type}</span>
      <span title={row.query} style={{ paddingLeft: Math.min(row.depth, 6) * 12 }}>
        {child && (
          <span className="child-mark" title={`child of ${row.parent_session_id}`}>
            ↳
          </span>
        )}
        {row.query}
      </span>
      <span className="mono">{formatDateTime(row.start_time)}</span>
      <span className="num">{formatDuration(row.duration_ms)}</span>
      <span className={row.success === false ? 'fail' : row.success ? 'ok' : 'muted'}>
        {formatSuccess(row.success)}
      </span>
      <span className="num">{formatCount(row.event_count)}</span>
      <span className="num">{formatCount(row.tool_call_count)}</span>
      <span className="num">{formatHitRate(row.cache_hits, row.tool_call_count)}</span>
    </div>
  );
}

export function SessionTable(props: SessionTableProps) {
  return (
    <>
      <div className="table-head" role="row">
        {COLUMNS.map((c) =>
          c.sort === null ? (
            <span key={c.label} className={c.numeric ? 'num' : ''} title="Cache hits / tool calls">
              {c.label}
            </span>
          ) : (
            <button
              key={c.label}
              type="button"
              className={c.numeric ? 'num' : ''}
              aria-sort={props.sort === c.sort ? (props.descending ? 'descending' : 'ascending') : undefined}
              onClick={() => props.onSort(c.sort!)}
            >
              {c.label}
            </button>
          ),
        )}
      </div>
      <VirtualList
        label="Sessions"
        role="grid"
        rowCount={props.total}
        rowHeight={SESSION_ROW_HEIGHT}
        revealIndex={props.revealIndex}
        onRangeChange={props.onRange}
        renderRow={(i, style) => {
          const row = props.rowAt(i);
          if (!row) {
            return (
              <div key={i} className="vrow session-row muted" style={style} role="row">
                <span>…</span>
              </div>
            );
          }
          return (
            <Row
              key={row.session_id}
              row={row}
              style={style}
              selected={row.session_id === props.selected}
              onOpen={props.onOpen}
            />
          );
        }}
      />
    </>
  );
}
