/**
 * Live updates: the file tracker's watched roots and pause state (`watch/list`, `watch/add`,
 * `watch/remove`, `watch/pause`) and the transient toasts its events raise ("+3 lines in
 * MediaFormulationAgent"). Invariants: `list` is the latest answer of any watch call; toasts are
 * replaced, never mutated, and each leaves after TOAST_MS; a session's agent is looked up once.
 */
import { create } from 'zustand';
import type { SessionId } from '../../../shared/model/ids.js';
import type { WatchAppended, WatchImported, WatchList } from '../../../shared/model/watch.js';
import { api } from '../api/index.js';

export const TOAST_MS = 6000;

export interface Toast {
  id: number;
  text: string;
}

interface LiveStore {
  list: WatchList | null;
  error: string | null;
  busy: boolean;
  toasts: readonly Toast[];
  load(): Promise<void>;
  add(rootId: string): Promise<void>;
  remove(rootId: string): Promise<void>;
  setPaused(paused: boolean): Promise<void>;
  appended(e: WatchAppended): Promise<void>;
  imported(e: WatchImported): void;
  toast(text: string): void;
  dismiss(id: number): void;
}

/** "+1 line", "+3 lines". */
export const linesText = (n: number) => `+${n.toLocaleString('en-US')} line${n === 1 ? '' : 's'}`;

const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

/** Whether anything is being followed right now. */
export function liveState(list: WatchList | null): 'off' | 'live' | 'paused' {
  if (!list || !list.roots.some((r) => r.watched)) return 'off';
  return list.paused ? 'paused' : 'live';
}

const agents = new Map<SessionId, Promise<string | null>>();
function agentOf(id: SessionId): Promise<string | null> {
  let p = agents.get(id);
  if (!p) {
    p = api.call('sessions/detail', { session_id: id }).then(
      (d) => d?.agent_type || null,
      () => null,
    );
    agents.set(id, p);
  }
  return p;
}

let nextToast = 1;

export const useLiveStore = create<LiveStore>((set, get) => {
  async function call(work: () => Promise<WatchList>): Promise<void> {
    set({ busy: true });
    try {
      set({ list: await work(), error: null });
    } catch (e) {
      set({ error: (e as Error).message });
    } finally {
      set({ busy: false });
    }
  }
  return {
    list: null,
    error: null,
    busy: false,
    toasts: [],
    load: () => call(() => api.call('watch/list')),
    add: (root_id) => call(() => api.call('watch/add', { root_id })),
    remove: (root_id) => call(() => api.call('watch/remove', { root_id })),
    setPaused: (paused) => call(() => api.call('watch/pause', { paused })),
    async appended(e) {
      const first = e.session_ids[0];
      const agent = first ? await agentOf(first) : null;
      get().toast(`${linesText(e.lines)} in ${agent ?? e.folder}`);
      void get().load();
    },
    imported(e) {
      if (e.sources > 0)
        get().toast(
          `${e.folder ?? 'A watched folder'}: ${plural(e.sessions, 'session')}, ${plural(e.events, 'event')} imported`,
        );
      void get().load();
    },
    toast(text) {
      const id = nextToast++;
      set((s) => ({ toasts: [...s.toasts.slice(-3), { id, text }] }));
      setTimeout(() => get().dismiss(id), TOAST_MS);
    },
    dismiss(id) {
      set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) }));
    },
  };
});
