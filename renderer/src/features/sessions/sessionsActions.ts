/** What the keyboard commands do on the sessions list: move the selection, open the selected session. */
import { useRouteStore } from '../../stores/routeStore.js';
import { heldIndexOf, useSessionsStore } from '../../stores/sessionsStore.js';
import { timelineRoute } from '../../stores/urlState.js';

export async function moveSessionSelection(delta: number): Promise<void> {
  const { route, updateList } = useRouteStore.getState();
  if (route.view !== 'sessions') return;
  const store = useSessionsStore.getState();
  const current = heldIndexOf(store.pages, route.list.selected);
  const target = current < 0 ? store.visible[0] : current + delta;
  const total = store.total ?? 0;
  if (total === 0) return;
  const row = await store.loadRow(Math.max(0, Math.min(total - 1, target)));
  if (row) updateList({ selected: row.session_id }, { replace: true });
}

export function openSelectedSession(): void {
  const { route, navigate } = useRouteStore.getState();
  if (route.view === 'sessions' && route.list.selected) navigate(timelineRoute(route.list.selected));
}

/** Esc on the list: clear the search first, then the filters' selection. */
export function clearSessionsView(): void {
  const { route, updateList } = useRouteStore.getState();
  if (route.view !== 'sessions') return;
  if (route.list.search) updateList({ search: '' }, { replace: true });
  else if (route.list.selected) updateList({ selected: null }, { replace: true });
}
