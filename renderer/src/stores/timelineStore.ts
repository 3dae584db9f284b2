/**
 * The open timeline: the session tree's overview and a bounded window of row chunks
 * (`timeline/window`, CHUNK_ROWS rows each) around the viewport; never the whole session.
 * Opening asks for the overview and the first rows at once, and is 'ready' with whichever comes
 * first (a window carries the span): on a large session the overview's density and critical path
 * take longer than the first rows. Rows that came before the critical path was known are asked
 * again when the overview lands.
 * Invariants: held chunks belong to (`sessionId`, `collapsedKey`) — `generation` is bumped when
 * either changes and older answers are dropped; at most MAX_CHUNKS chunks are held; `selectedIndex`
 * is an index in the current ordering (reset when the collapse set changes).
 */
import { create } from 'zustand';
import type { SessionId } from '../../../shared/model/ids.js';
import type { TimelineOverview, TimelineRow } from '../../../shared/model/timeline.js';
import { api } from '../api/index.js';
import { heldIndex, itemAt, pagesCovering, withArrivedPage } from './pagedWindow.js';

export const CHUNK_ROWS = 200;
const MAX_CHUNKS = 6;

type Status = 'idle' | 'loading' | 'ready' | 'missing' | 'error';

interface TimelineStore {
  sessionId: SessionId | null;
  overview: TimelineOverview | null;
  /** The overview's span, known from the first window already. */
  spanMs: number | null;
  /** Some held chunks were served before the critical path was known (their flags are all off). */
  flagsStale: boolean;
  status: Status;
  error: string | null;
  collapsed: SessionId[];
  collapsedKey: string;
  generation: number;
  total: number | null;
  chunks: ReadonlyMap<number, TimelineRow[]>;
  pending: ReadonlySet<number>;
  visible: [number, number];
  selectedIndex: number | null;
  open(sessionId: SessionId, collapsed: readonly SessionId[]): Promise<void>;
  ensureRange(first: number, last: number): void;
  loadRow(index: number): Promise<TimelineRow | null>;
  select(index: number | null): void;
  refresh(): void;
}

const keyOf = (ids: readonly SessionId[]) => [...ids].sort().join('\u0000');

export const useTimelineStore = create<TimelineStore>((set, get) => {
  async function loadChunk(chunk: number): Promise<void> {
    const { generation, sessionId, collapsed, pending } = get();
    if (sessionId === null || pending.has(chunk)) return;
    set({ pending: new Set(pending).add(chunk) });
    try {
      const w = await api.call('timeline/window', {
        session_id: sessionId,
        offset: chunk * CHUNK_ROWS,
        limit: CHUNK_ROWS,
        collapsed,
      });
      const s = get();
      if (s.generation !== generation) return;
      if (s.status === 'loading' && w.total_rows > 0 && w.span_ms !== undefined)
        set({ status: 'ready', spanMs: w.span_ms });
      const chunks = withArrivedPage(
        s.chunks,
        chunk,
        w.rows,
        s.visible,
        CHUNK_ROWS,
        w.total_rows,
        MAX_CHUNKS,
      );
      set({ total: w.total_rows, chunks });
      if (w.critical_path_ready === false) {
        // Served before the critical path was known: the overview's arrival asks again, or,
        // when it has arrived already (this answer was overtaken), ask again now.
        if (get().overview) void refetchHeld(sessionId, generation);
        else set({ flagsStale: true });
      }
    } catch (e) {
      if (get().generation === generation) set({ error: (e as Error).message });
    } finally {
      if (get().generation === generation) {
        const next = new Set(get().pending);
        next.delete(chunk);
        set({ pending: next });
      }
    }
  }

  /**
   * Rows changed under an open timeline (the watcher appended lines): the overview and the rows
   * in view are fetched again and swapped in when they have all arrived, so the view never goes
   * back to "Loading" and keeps its place and selection while new rows appear.
   */
  async function refreshQuietly(): Promise<void> {
    const { sessionId, collapsed, visible } = get();
    if (sessionId === null) return;
    const generation = get().generation + 1;
    set({ generation, pending: new Set() });
    try {
      const overview = await api.call('timeline/overview', { session_id: sessionId });
      if (get().generation !== generation) return;
      if (!overview) return set({ overview: null, status: 'missing', chunks: new Map(), total: null });
      const wanted = pagesCovering(visible[0], visible[1], CHUNK_ROWS, Number.MAX_SAFE_INTEGER);
      const windows = await Promise.all(
        wanted.map((c) =>
          api.call('timeline/window', {
            session_id: sessionId,
            offset: c * CHUNK_ROWS,
            limit: CHUNK_ROWS,
            collapsed,
          }),
        ),
      );
      if (get().generation !== generation) return;
      const chunks = new Map<number, TimelineRow[]>();
      wanted.forEach((c, i) => {
        if (windows[i]!.rows.length) chunks.set(c, windows[i]!.rows);
      });
      set({
        overview,
        spanMs: overview.span_ms,
        chunks,
        total: windows[0]?.total_rows ?? get().total,
        flagsStale: windows.some((w) => w.critical_path_ready === false),
      });
    } catch (e) {
      if (get().generation === generation) set({ error: (e as Error).message });
    }
  }

  /** The overview of a newly opened session; held rows served before it are asked again. */
  async function loadOverview(sessionId: SessionId, generation: number): Promise<void> {
    try {
      const overview = await api.call('timeline/overview', { session_id: sessionId });
      if (get().generation !== generation) return;
      if (!overview) return set({ overview: null, status: 'missing', chunks: new Map(), total: null });
      set({ overview, spanMs: overview.span_ms, status: 'ready' });
      if (get().flagsStale) await refetchHeld(sessionId, generation);
    } catch (e) {
      if (get().generation === generation) set({ status: 'error', error: (e as Error).message });
    }
  }

  async function refetchHeld(sessionId: SessionId, generation: number): Promise<void> {
    set({ flagsStale: false });
    const { collapsed } = get();
    const held = [...get().chunks.keys()];
    const windows = await Promise.all(
      held.map((c) =>
        api.call('timeline/window', {
          session_id: sessionId,
          offset: c * CHUNK_ROWS,
          limit: CHUNK_ROWS,
          collapsed,
        }),
      ),
    );
    const s = get();
    if (s.generation !== generation) return;
    const chunks = new Map(s.chunks);
    held.forEach((c, i) => {
      if (chunks.has(c) && windows[i]!.rows.length) chunks.set(c, windows[i]!.rows);
    });
    set({ chunks, flagsStale: s.flagsStale || windows.some((w) => w.critical_path_ready === false) });
  }

  return {
    sessionId: null,
    overview: null,
    spanMs: null,
    flagsStale: false,
    status: 'idle',
    error: null,
    collapsed: [],
    collapsedKey: '',
    generation: 0,
    total: null,
    chunks: new Map(),
    pending: new Set(),
    visible: [0, CHUNK_ROWS],
    selectedIndex: null,
    async open(sessionId, collapsed) {
      const s = get();
      const collapsedKey = keyOf(collapsed);
      const sameSession = s.sessionId === sessionId && s.status !== 'error';
      if (sameSession && s.collapsedKey === collapsedKey) return;
      const generation = s.generation + 1;
      set({
        sessionId,
        collapsed: [...collapsed],
        collapsedKey,
        generation,
        total: null,
        chunks: new Map(),
        pending: new Set(),
        selectedIndex: null,
        error: null,
        flagsStale: false,
        ...(sameSession
          ? {}
          : { overview: null, spanMs: null, status: 'loading' as Status, visible: [0, CHUNK_ROWS] }),
      });
      const [first, last] = get().visible;
      const loads = pagesCovering(first, last, CHUNK_ROWS, Number.MAX_SAFE_INTEGER).map((c) => loadChunk(c));
      if (!sameSession) await loadOverview(sessionId, generation);
      await Promise.all(loads);
    },
    ensureRange(first, last) {
      set({ visible: [first, last] });
      const { total, chunks, status } = get();
      if (status !== 'ready' || total === null) return;
      for (const c of pagesCovering(first, last, CHUNK_ROWS, total)) if (!chunks.has(c)) void loadChunk(c);
    },
    async loadRow(index) {
      const { total } = get();
      if (index < 0 || (total !== null && index >= total)) return null;
      const held = itemAt(get().chunks, CHUNK_ROWS, index);
      if (held) return held;
      await loadChunk(Math.floor(index / CHUNK_ROWS));
      return itemAt(get().chunks, CHUNK_ROWS, index) ?? null;
    },
    select(selectedIndex) {
      set({ selectedIndex });
    },
    refresh() {
      const { sessionId, collapsed, status } = get();
      if (sessionId === null) return;
      if (status === 'ready') return void refreshQuietly();
      set({ sessionId: null, status: 'idle' });
      void get().open(sessionId, collapsed);
    },
  };
});

/** The index of an event among the held rows, or -1. */
export function heldRowIndex(chunks: ReadonlyMap<number, TimelineRow[]>, eventId: string | null): number {
  return eventId === null ? -1 : heldIndex(chunks, CHUNK_ROWS, (r) => r.event_id === eventId);
}
