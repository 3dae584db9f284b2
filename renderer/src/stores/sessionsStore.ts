/**
 * The sessions list: a bounded window of `sessions/list` pages around the viewport.
 * Invariants: every held page belongs to the current filter (`generation` is bumped on change and
 * late answers of an older generation are dropped); at most MAX_PAGES pages are held; maps and
 * sets are replaced, never mutated; `total` is null until the first page of a filter arrives.
 */
import { create } from 'zustand';
import type { SessionFilter, SessionSummary } from '../../../shared/model/sessions.js';
import { api } from '../api/index.js';
import { heldIndex, itemAt, pagesCovering, withArrivedPage } from './pagedWindow.js';
import { filterKey } from './sessionQuery.js';

export const SESSION_PAGE_SIZE = 100;
const MAX_PAGES = 6;

interface SessionsStore {
  filter: SessionFilter;
  key: string;
  generation: number;
  total: number | null;
  pages: ReadonlyMap<number, SessionSummary[]>;
  pending: ReadonlySet<number>;
  /** The rows the view shows now (for eviction): [first, last). */
  visible: [number, number];
  error: string | null;
  setFilter(filter: SessionFilter): void;
  ensureRange(first: number, last: number): void;
  /** Row `index`, loading its page when needed (keyboard navigation). */
  loadRow(index: number): Promise<SessionSummary | null>;
  refresh(): void;
}

export const useSessionsStore = create<SessionsStore>((set, get) => {
  async function loadPage(page: number): Promise<void> {
    const { generation, filter, pending } = get();
    if (pending.has(page)) return;
    set({ pending: new Set(pending).add(page) });
    try {
      const result = await api.call('sessions/list', {
        ...filter,
        offset: page * SESSION_PAGE_SIZE,
        limit: SESSION_PAGE_SIZE,
      });
      const state = get();
      if (state.generation !== generation) return;
      const pages = withArrivedPage(
        state.pages,
        page,
        result.rows,
        state.visible,
        SESSION_PAGE_SIZE,
        result.total,
        MAX_PAGES,
      );
      set({ total: result.total, pages, error: null });
    } catch (e) {
      if (get().generation === generation) set({ error: (e as Error).message });
    } finally {
      if (get().generation === generation) {
        const next = new Set(get().pending);
        next.delete(page);
        set({ pending: next });
      }
    }
  }

  return {
    filter: {},
    key: '',
    generation: 0,
    total: null,
    pages: new Map(),
    pending: new Set(),
    visible: [0, SESSION_PAGE_SIZE],
    error: null,
    setFilter(filter) {
      const key = filterKey(filter);
      if (key === get().key && get().generation > 0) return;
      set((s) => ({
        filter,
        key,
        generation: s.generation + 1,
        total: null,
        pages: new Map(),
        pending: new Set(),
        error: null,
      }));
      void loadPage(Math.floor(get().visible[0] / SESSION_PAGE_SIZE));
    },
    ensureRange(first, last) {
      set({ visible: [first, last] });
      const { total, pages } = get();
      for (const p of pagesCovering(first, last, SESSION_PAGE_SIZE, total ?? last)) {
        if (!pages.has(p)) void loadPage(p);
      }
    },
    async loadRow(index) {
      const { total } = get();
      if (index < 0 || (total !== null && index >= total)) return null;
      const held = itemAt(get().pages, SESSION_PAGE_SIZE, index);
      if (held) return held;
      await loadPage(Math.floor(index / SESSION_PAGE_SIZE));
      return itemAt(get().pages, SESSION_PAGE_SIZE, index) ?? null;
    },
    refresh() {
      const { filter } = get();
      set({ key: '' });
      get().setFilter(filter);
    },
  };
});

/** The index of a session among the held rows, or -1. */
export function heldIndexOf(pages: ReadonlyMap<number, SessionSummary[]>, id: string | null): number {
  return id === null ? -1 : heldIndex(pages, SESSION_PAGE_SIZE, (r) => r.session_id === id);
}
