/**
 * The view's state lives in the URL hash, so any view can be bookmarked, shared or reloaded:
 *   #/sessions?project=p&agent=a&success=false&since=2026-01-01&until=…&q=text&sort=duration_ms&dir=asc&sel=<id>
 *   #/sessions/<session id>?item=<event id>&from=<ms>&to=<ms>&collapsed=<id>&collapsed=<id>&tab=session
 *   #/tasks  #/chains  #/sql
 * Defaults are left out, so `formatHash(parseHash(h))` is the canonical form of `h`. Pure.
 */
import {
  asChainId,
  asEventId,
  asSessionId,
  type ChainId,
  type EventId,
  type SessionId,
} from '../../../shared/model/ids.js';
import type { ChainRef } from '../../../shared/model/chainWorkspace.js';
import { sessionSortKeys, type SessionSortKey } from '../../../shared/model/sessions.js';

export interface SessionListState {
  project: string | null;
  agent: string | null;
  success: boolean | null;
  /** Dates or ISO times, as typed in the date inputs. */
  since: string | null;
  until: string | null;
  search: string;
  sort: SessionSortKey;
  descending: boolean;
  selected: SessionId | null;
}

export type DetailTab = 'item' | 'session';

export interface TimelineState {
  session: SessionId;
  item: EventId | null;
  /** Visible time range in ms since the root's start; null = the whole session. */
  from: number | null;
  to: number | null;
  collapsed: SessionId[];
  tab: DetailTab;
}

export type Route =
  | { view: 'sessions'; list: SessionListState }
  | { view: 'timeline'; timeline: TimelineState }
  | { view: 'tasks' }
  | { view: 'chains'; chain: ChainId | null }
  | { view: 'diff'; a: ChainRef | null; b: ChainRef | null }
  | { view: 'sql' };

export type View = Route['view'];

export const DEFAULT_LIST: SessionListState = {
  project: null,
  agent: null,
  success: null,
  since: null,
  until: null,
  search: '',
  sort: 'start_time',
  descending: true,
  selected: null,
};

/** Newest first for times and numbers, A to Z for text. */
export function defaultDescending(sort: SessionSortKey): boolean {
  return sort === 'start_time' || sort === 'duration_ms' || sort.endsWith('_count');
}

/** Clicking a column header: the same column flips direction, another starts at its default. */
export function nextSort(list: SessionListState, column: SessionSortKey): SessionListState {
  if (list.sort === column) return { ...list, descending: !list.descending };
  return { ...list, sort: column, descending: defaultDescending(column) };
}

export function timelineRoute(session: SessionId, patch: Partial<TimelineState> = {}): Route {
  return {
    view: 'timeline',
    timeline: { session, item: null, from: null, to: null, collapsed: [], tab: 'item', ...patch },
  };
}

const finite = (s: string | null): number | null => {
  if (s === null || s.trim() === '') return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
};

function parseList(q: URLSearchParams): SessionListState {
  const sortParam = q.get('sort');
  const sort = sessionSortKeys.find((k) => k === sortParam) ?? DEFAULT_LIST.sort;
  const dir = q.get('dir');
  const success = q.get('success');
  return {
    project: q.get('project') || null,
    agent: q.get('agent') || null,
    success: success === 'true' ? true : success === 'false' ? false : null,
    since: q.get('since') || null,
    until: q.get('until') || null,
    search: q.get('q') ?? '',
    sort,
    descending: dir === 'asc' ? false : dir === 'desc' ? true : defaultDescending(sort),
    selected: q.get('sel') ? asSessionId(q.get('sel')!) : null,
  };
}

function parseTimeline(session: string, q: URLSearchParams): TimelineState {
  let from = finite(q.get('from'));
  let to = finite(q.get('to'));
  if (from === null || to === null || !(to > from)) from = to = null;
  return {
    session: asSessionId(session),
    item: q.get('item') ? asEventId(q.get('item')!) : null,
    from,
    to,
    collapsed: [...new Set(q.getAll('collapsed').filter(Boolean))].map(asSessionId),
    tab: q.get('tab') === 'session' ? 'session' : 'item',
  };
}

export function parseHash(hash: string): Route {
  const text = hash.replace(/^#/, '');
  const qAt = text.indexOf('?');
  const path = qAt < 0 ? text : text.slice(0, qAt);
  const q = new URLSearchParams(qAt < 0 ? '' : text.slice(qAt + 1));
  const segments = path.split('/').filter(Boolean);
  const [head, id] = segments;
  if (head === 'tasks' || head === 'sql') return { view: head };
  if (head === 'chains') return { view: 'chains', chain: id ? asChainId(safeDecode(id)) : null };
  if (head === 'diff') return { view: 'diff', a: parseRef(q.get('a')), b: parseRef(q.get('b')) };
  if (head === 'sessions' && id !== undefined) {
    let session: string;
    try {
      session = decodeURIComponent(id);
    } catch {
      session = id;
    }
    return { view: 'timeline', timeline: parseTimeline(session, q) };
  }
  return { view: 'sessions', list: parseList(q) };
}

/** Milliseconds with at most 3 decimals: short URLs, stable round trips. */
const ms = (n: number) => String(Math.round(n * 1000) / 1000);

export function formatHash(route: Route): string {
  const q = new URLSearchParams();
  let path: string;
  if (route.view === 'sessions') {
    const l = route.list;
    path = '/sessions';
    if (l.project) q.set('project', l.project);
    if (l.agent) q.set('agent', l.agent);
    if (l.success !== null) q.set('success', String(l.success));
    if (l.since) q.set('since', l.since);
    if (l.until) q.set('until', l.until);
    if (l.search) q.set('q', l.search);
    if (l.sort !== DEFAULT_LIST.sort) q.set('sort', l.sort);
    if (l.descending !== defaultDescending(l.sort)) q.set('dir', l.descending ? 'desc' : 'asc');
    if (l.selected) q.set('sel', l.selected);
  } else if (route.view === 'timeline') {
    const t = route.timeline;
    path = `/sessions/${encodeURIComponent(t.session)}`;
    if (t.item) q.set('item', t.item);
    if (t.from !== null && t.to !== null && t.to > t.from) {
      q.set('from', ms(t.from));
      q.set('to', ms(t.to));
    }
    for (const c of t.collapsed) q.append('collapsed', c);
    if (t.tab !== 'item') q.set('tab', t.tab);
  } else if (route.view === 'chains') {
    path = route.chain ? `/chains/${encodeURIComponent(route.chain)}` : '/chains';
  } else if (route.view === 'diff') {
    path = '/diff';
    if (route.a) q.set('a', `${route.a.kind}:${route.a.id}`);
    if (route.b) q.set('b', `${route.b.kind}:${route.b.id}`);
  } else {
    path = `/${route.view}`;
  }
  const query = q.toString();
  return `#${path}${query ? `?${query}` : ''}`;
}

/** The nav section a route belongs to (a timeline is part of Sessions, a diff of Chains). */
export function sectionOf(route: Route): 'sessions' | 'tasks' | 'chains' | 'sql' {
  if (route.view === 'timeline') return 'sessions';
  if (route.view === 'diff') return 'chains';
  return route.view;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** `chain:<id>` or `session:<id>`: one side of a diff. */
function parseRef(text: string | null): ChainRef | null {
  const m = text ? /^(chain|session):(.+)$/.exec(text) : null;
  if (!m) return null;
  return m[1] === 'chain'
    ? { kind: 'chain', id: asChainId(m[2]!) }
    : { kind: 'session', id: asSessionId(m[2]!) };
}
