import assert from 'node:assert/strict';
import { test } from 'node:test';
import type * as US from '../../../../renderer/src/stores/urlState.js';
import type * as SQ from '../../../../renderer/src/stores/sessionQuery.js';
import type * as TH from '../../../../renderer/src/stores/theme.js';
import type { SessionId } from '../../../../shared/model/ids.js';
import { rendererJs } from '../../../helpers/rendererModule.js';

const us = (await import(rendererJs('stores/urlState.js'))) as typeof US;
const sq = (await import(rendererJs('stores/sessionQuery.js'))) as typeof SQ;
const th = (await import(rendererJs('stores/theme.js'))) as typeof TH;

test('an empty or unknown hash is the default sessions list, formatted without parameters', () => {
  for (const h of ['', '#', '#/', '#/nope', '#/sessions']) {
    assert.deepEqual(us.parseHash(h), { view: 'sessions', list: us.DEFAULT_LIST }, h);
  }
  assert.equal(us.formatHash({ view: 'sessions', list: us.DEFAULT_LIST }), '#/sessions');
  assert.deepEqual(us.parseHash('#/tasks'), { view: 'tasks' });
  assert.equal(us.formatHash({ view: 'sql' }), '#/sql');
});

test('list filters, search, sort and selection round-trip through the hash', () => {
  const list: US.SessionListState = {
    project: 'Micro Grow',
    agent: 'SQLAgent',
    success: false,
    since: '2026-01-01',
    until: '2026-01-31',
    search: 'a&b=c #1',
    sort: 'duration_ms',
    descending: false,
    selected: 's/1' as SessionId,
  };
  const hash = us.formatHash({ view: 'sessions', list });
  assert.match(hash, /^#\/sessions\?/);
  assert.deepEqual(us.parseHash(hash), { view: 'sessions', list });
  // The default direction of a column is left out.
  assert.equal(
    us.formatHash({ view: 'sessions', list: { ...us.DEFAULT_LIST, sort: 'query', descending: false } }),
    '#/sessions?sort=query',
  );
  assert.equal(us.parseHash('#/sessions?sort=bogus&success=maybe').view, 'sessions');
});

test('timeline state round-trips: session id with slashes, item, range, collapsed lanes, tab', () => {
  const route = us.timelineRoute('a/b c' as SessionId, {
    item: 'e-1' as never,
    from: 12.5,
    to: 3400,
    collapsed: ['x' as SessionId, 'y' as SessionId],
    tab: 'session',
  });
  const hash = us.formatHash(route);
  assert.ok(hash.startsWith('#/sessions/a%2Fb%20c?'), hash);
  assert.deepEqual(us.parseHash(hash), route);
  // A reversed or half range means "the whole session".
  const bad = us.parseHash('#/sessions/s?from=10&to=5');
  assert.equal(bad.view === 'timeline' && bad.timeline.from, null);
  const half = us.parseHash('#/sessions/s?from=10');
  assert.equal(half.view === 'timeline' && half.timeline.to, null);
});

test('clicking a header sorts by it, clicking again flips it', () => {
  const byQuery = us.nextSort(us.DEFAULT_LIST, 'query');
  assert.deepEqual([byQuery.sort, byQuery.descending], ['query', false]);
  assert.equal(us.nextSort(byQuery, 'query').descending, true);
  assert.equal(us.nextSort(byQuery, 'event_count').descending, true);
  assert.equal(us.sectionOf(us.timelineRoute('s' as SessionId)), 'sessions');
});

test('the list state becomes a sessions/list filter; a date-only until covers the day', () => {
  const f = sq.toSessionFilter({
    ...us.DEFAULT_LIST,
    project: 'p',
    success: true,
    since: '2026-01-01',
    until: '2026-01-02',
    search: '  pubchem ',
  });
  assert.deepEqual(f, {
    sort: 'start_time',
    descending: true,
    project: 'p',
    success: true,
    since: '2026-01-01T00:00:00Z',
    until: '2026-01-02T23:59:59.999Z',
    search: 'pubchem',
  });
  assert.equal(sq.filterKey({ ...f, offset: 100, limit: 5 }), sq.filterKey(f));
  assert.notEqual(sq.filterKey({ ...f, descending: false }), sq.filterKey(f));
  assert.deepEqual(sq.statsFilter(f), {
    project: 'p',
    success: true,
    since: '2026-01-01T00:00:00Z',
    until: '2026-01-02T23:59:59.999Z',
    search: 'pubchem',
  });
});

test('themes: stored preference, system fallback, toggle', () => {
  assert.equal(th.parseThemePreference('dark'), 'dark');
  assert.equal(th.parseThemePreference('purple'), 'system');
  assert.equal(th.parseThemePreference(null), 'system');
  assert.equal(th.resolveTheme('system', true), 'dark');
  assert.equal(th.resolveTheme('light', true), 'light');
  assert.equal(th.toggledTheme('dark'), 'light');
});
