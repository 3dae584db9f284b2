/**
 * The chain list of the chains view.
 *
 * Invariants: `rows` answer the last request sent (an older answer arriving late is dropped, by
 * request number); `total` counts every match of `search`; `error` is null after a good answer.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ChainListItem } from '../../../shared/model/chainWorkspace.js';
import type { Api } from '../api/types.js';

export interface ChainListState {
  search: string;
  rows: ChainListItem[];
  total: number;
  loading: boolean;
  error: string | null;
  setSearch(search: string): void;
  load(): Promise<void>;
}

export type ChainListStore = StoreApi<ChainListState>;

export function createChainListStore(api: Pick<Api, 'call'>): ChainListStore {
  let request = 0;
  return createStore<ChainListState>((set, get) => ({
    search: '',
    rows: [],
    total: 0,
    loading: false,
    error: null,
    setSearch(search) {
      set({ search });
      void get().load();
    },
    async load() {
      const mine = ++request;
      const search = get().search.trim();
      set({ loading: true });
      try {
        const page = await api.call('chains/list', search ? { search, limit: 5000 } : { limit: 5000 });
        if (mine === request) set({ rows: page.rows, total: page.total, loading: false, error: null });
      } catch (e) {
        if (mine === request) set({ loading: false, error: (e as Error).message });
      }
    },
  }));
}
