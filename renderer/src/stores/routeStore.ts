/**
 * The current route, mirrored from `location.hash`.
 * Invariants: `route` is always `parseHash(location.hash)` (canonical form); `navigate` is the only
 * writer of the hash from inside the app; replaced navigations (zoom, typing, selection) do not
 * add history entries, the rest do.
 */
import { create } from 'zustand';
import {
  DEFAULT_LIST,
  formatHash,
  parseHash,
  timelineRoute,
  type Route,
  type SessionListState,
  type TimelineState,
} from './urlState.js';

interface RouteStore {
  route: Route;
  /** The sessions list as last shown (filters, sort, selection): where Esc and "back" return to. */
  lastList: SessionListState;
  navigate(route: Route, options?: { replace?: boolean }): void;
  /** Patch the sessions list state (stays on the list). */
  updateList(patch: Partial<SessionListState>, options?: { replace?: boolean }): void;
  /** Patch the open timeline's state; ignored when no timeline is open. */
  updateTimeline(patch: Partial<TimelineState>, options?: { replace?: boolean }): void;
}

const currentHash = () => (typeof location === 'undefined' ? '' : location.hash);

const listOf = (route: Route, fallback: SessionListState) =>
  route.view === 'sessions' ? route.list : fallback;

const initialRoute = parseHash(currentHash());

export const useRouteStore = create<RouteStore>((set, get) => ({
  route: initialRoute,
  lastList: listOf(initialRoute, DEFAULT_LIST),
  navigate(route, options = {}) {
    const hash = formatHash(route);
    if (hash !== currentHash()) {
      if (options.replace) history.replaceState(history.state, '', hash);
      else location.hash = hash;
    }
    const next = parseHash(hash);
    set({ route: next, lastList: listOf(next, get().lastList) });
  },
  updateList(patch, options) {
    const { route } = get();
    const base = route.view === 'sessions' ? route.list : DEFAULT_LIST;
    get().navigate({ view: 'sessions', list: { ...base, ...patch } }, options);
  },
  updateTimeline(patch, options) {
    const { route } = get();
    if (route.view !== 'timeline') return;
    get().navigate(timelineRoute(route.timeline.session, { ...route.timeline, ...patch }), options);
  },
}));

if (typeof window !== 'undefined') {
  window.addEventListener('hashchange', () => {
    const route = parseHash(currentHash());
    const state = useRouteStore.getState();
    if (formatHash(route) !== formatHash(state.route)) {
      useRouteStore.setState({ route, lastList: listOf(route, state.lastList) });
    }
  });
}
