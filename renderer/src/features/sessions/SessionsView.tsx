/** The Sessions view: filters, summary charts, the virtualized table and a status line. */
import { ExportButton } from '../export/index.js';
import { sessionListSql } from '../../stores/sessionListSql.js';
import { useCallback, useEffect } from 'react';
import type { SessionSortKey, SessionSummary } from '../../../../shared/model/sessions.js';
import { formatCount } from '../../components/format.js';
import { useRouteStore } from '../../stores/routeStore.js';
import { toSessionFilter } from '../../stores/sessionQuery.js';
import { heldIndexOf, SESSION_PAGE_SIZE, useSessionsStore } from '../../stores/sessionsStore.js';
import { useSessionStatsStore } from '../../stores/sessionStatsStore.js';
import { useUiStore } from '../../stores/uiStore.js';
import { itemAt } from '../../stores/pagedWindow.js';
import { nextSort, timelineRoute, type SessionListState } from '../../stores/urlState.js';
import { SessionFilters } from './SessionFilters.js';
import { SessionCharts } from './SessionCharts.js';
import { SessionTable } from './SessionTable.js';

export function SessionsView({ list }: { list: SessionListState }) {
  const updateList = useRouteStore((s) => s.updateList);
  const navigate = useRouteStore((s) => s.navigate);
  const pages = useSessionsStore((s) => s.pages);
  const total = useSessionsStore((s) => s.total);
  const error = useSessionsStore((s) => s.error);
  const visible = useSessionsStore((s) => s.visible);
  const stats = useSessionStatsStore((s) => s.stats);
  const projects = useSessionStatsStore((s) => s.projects);
  const agents = useSessionStatsStore((s) => s.agents);
  const focusSignal = useUiStore((s) => s.focusSearchSignal);

  const filter = toSessionFilter(list);
  const filterJson = JSON.stringify(filter);
  useEffect(() => {
    const f = JSON.parse(filterJson) as typeof filter;
    useSessionsStore.getState().setFilter(f);
    void useSessionStatsStore.getState().load(f);
  }, [filterJson]);
  useEffect(() => {
    void useSessionStatsStore.getState().loadOptions();
  }, []);

  const onChange = useCallback(
    (patch: Partial<SessionListState>, replace: boolean) => updateList(patch, { replace }),
    [updateList],
  );
  const onRange = useCallback((first: number, last: number) => {
    useSessionsStore.getState().ensureRange(first, last);
  }, []);
  const onOpen = useCallback(
    (row: SessionSummary) => {
      // Remember the row in the list's URL, so Back returns to it.
      updateList({ selected: row.session_id }, { replace: true });
      navigate(timelineRoute(row.session_id));
    },
    [updateList, navigate],
  );
  const onSort = (column: SessionSortKey) => {
    const next = nextSort(list, column);
    updateList({ sort: next.sort, descending: next.descending });
  };

  const selectedIndex = heldIndexOf(pages, list.selected);
  return (
    <div className="sessions">
      <SessionFilters
        list={list}
        projects={projects}
        agents={agents}
        focusSignal={focusSignal}
        onChange={onChange}
      />
      <SessionCharts stats={stats} />
      <SessionTable
        total={total ?? 0}
        rowAt={(i) => itemAt(pages, SESSION_PAGE_SIZE, i)}
        sort={list.sort}
        descending={list.descending}
        selected={list.selected}
        revealIndex={selectedIndex >= 0 ? selectedIndex : null}
        onSort={onSort}
        onOpen={onOpen}
        onRange={onRange}
      />
      <div className="list-status" role="status">
        <ExportButton target={{ kind: 'table', sql: sessionListSql(list) }} label="Export list…" />
        <span data-testid="sessions-total">
          {total === null ? 'Loading…' : `${formatCount(total)} sessions`}
          {error && <span className="fail"> · {error}</span>}
        </span>
        <span>
          rows {formatCount(Math.min(visible[0] + 1, total ?? 0))}–
          {formatCount(Math.min(visible[1], total ?? 0))} · {pages.size} pages held
        </span>
      </div>
    </div>
  );
}
