/**
 * One side of the chain diff: what the user picks (a workspace chain or a session's decision
 * sequence). The diff view holds TWO instances of this one store, one per side, through React
 * context (`features/diff`), never two copies of the code.
 *
 * Invariants: `options` answer the last search for the current `mode` (late answers dropped);
 * `ref` is null or of kind `mode` — switching mode clears it.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ChainRef } from '../../../shared/model/chainWorkspace.js';
import type { Api } from '../api/types.js';

export type SideMode = ChainRef['kind'];

export interface SideOption {
  ref: ChainRef;
  label: string;
  detail: string;
}

export interface ChainSideState {
  mode: SideMode;
  query: string;
  options: SideOption[];
  ref: ChainRef | null;
  loading: boolean;
  error: string | null;
  setMode(mode: SideMode): void;
  setQuery(query: string): void;
  search(): Promise<void>;
  choose(ref: ChainRef | null): void;
}

export type ChainSideStore = StoreApi<ChainSideState>;

async function findOptions(api: Pick<Api, 'call'>, mode: SideMode, query: string): Promise<SideOption[]> {
  const q = query.trim();
  if (mode === 'chain') {
    const page = await api.call('chains/list', q ? { search: q, limit: 200 } : { limit: 200 });
    return page.rows.map((c) => ({
      ref: { kind: 'chain', id: c.chain_id },
      label: c.name ?? c.chain_id,
      detail: `${c.event_count} events · ${c.chain_id}`,
    }));
  }
  const page = await api.call('sessions/list', q ? { search: q, limit: 200 } : { limit: 200 });
  return page.rows.map((s) => ({
    ref: { kind: 'session', id: s.session_id },
    label: `${s.agent_type}: ${s.query}`,
    detail: `${s.start_time} · ${s.session_id}`,
  }));
}

export function createChainSideStore(
  api: Pick<Api, 'call'>,
  initial: ChainRef | null = null,
): ChainSideStore {
  let request = 0;
  return createStore<ChainSideState>((set, get) => ({
    mode: initial?.kind ?? 'chain',
    query: '',
    options: [],
    ref: initial,
    loading: false,
    error: null,
    setMode(mode) {
      if (mode === get().mode) return;
      set({ mode, ref: null, options: [], query: '' });
      void get().search();
    },
    setQuery(query) {
      set({ query });
      void get().search();
    },
    async search() {
      const mine = ++request;
      const { mode, query } = get();
      set({ loading: true });
      try {
        const options = await findOptions(api, mode, query);
        if (mine === request) set({ options, loading: false, error: null });
      } catch (e) {
        if (mine === request) set({ loading: false, error: (e as Error).message });
      }
    },
    choose(ref) {
      const now = get().ref;
      // The same side again keeps its object, so subscribers do not compare twice.
      if (ref !== null && now !== null && ref.kind === now.kind && ref.id === now.id) return;
      if (ref !== null && ref.kind !== get().mode) set({ mode: ref.kind });
      set({ ref });
    },
  }));
}
