/** From the URL's list state to the `sessions/list` filter, and a key that says when it changed. Pure. */
import type { SessionFilter } from '../../../shared/model/sessions.js';
import type { SessionListState } from './urlState.js';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** The filter without paging; a date-only `until` includes that whole day (UTC). */
export function toSessionFilter(list: SessionListState): SessionFilter {
  const f: SessionFilter = { sort: list.sort, descending: list.descending };
  if (list.project) f.project = list.project;
  if (list.agent) f.agent = list.agent;
  if (list.success !== null) f.success = list.success;
  if (list.since) f.since = DATE_ONLY.test(list.since) ? `${list.since}T00:00:00Z` : list.since;
  if (list.until) f.until = DATE_ONLY.test(list.until) ? `${list.until}T23:59:59.999Z` : list.until;
  if (list.search.trim()) f.search = list.search.trim();
  return f;
}

/** Equal keys mean the same rows in the same order (paging and selection excluded). */
export function filterKey(f: SessionFilter): string {
  const { offset: _o, limit: _l, ...rest } = f;
  return JSON.stringify(Object.entries(rest).sort(([a], [b]) => a.localeCompare(b)));
}

/** Summary charts ignore the sort order: only the rows that match. */
export function statsFilter(f: SessionFilter): SessionFilter {
  const { sort: _s, descending: _d, offset: _o, limit: _l, ...rest } = f;
  return rest;
}
