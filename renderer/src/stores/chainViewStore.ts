/**
 * The chain open in the chains view: the chain, the event filter and the selected event.
 *
 * Invariants: `chain` is null or the answer for `chainId` (late answers for another id are
 * dropped); `visible` is always `filterEventIndices(chain.events, filter)` (recomputed on every
 * change of either, never patched); `selected` is an event index of `chain` or null; the filter
 * resets when another chain opens; sets are replaced, never mutated.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { StoredChain } from '../../../shared/model/chainWorkspace.js';
import type { ChainId } from '../../../shared/model/ids.js';
import type { Api } from '../api/types.js';
import { filterEventIndices, NO_FILTER, toggleType, type EventFilter } from './chainEventFilters.js';

export type ChainTab = 'events' | 'graph' | 'training';

export interface ChainViewState {
  chainId: ChainId | null;
  chain: StoredChain | null;
  loading: boolean;
  error: string | null;
  filter: EventFilter;
  visible: number[];
  selected: number | null;
  tab: ChainTab;
  open(id: ChainId | null): Promise<void>;
  setFilter(patch: Partial<EventFilter>): void;
  toggleType(type: string): void;
  clearFilter(): void;
  select(index: number | null): void;
  setTab(tab: ChainTab): void;
}

export type ChainViewStore = StoreApi<ChainViewState>;

export function createChainViewStore(api: Pick<Api, 'call'>): ChainViewStore {
  return createStore<ChainViewState>((set, get) => {
    const refilter = (filter: EventFilter) => {
      const events = get().chain?.chain.events ?? [];
      set({ filter, visible: filterEventIndices(events, filter) });
    };
    return {
      chainId: null,
      chain: null,
      loading: false,
      error: null,
      filter: NO_FILTER,
      visible: [],
      selected: null,
      tab: 'events',
      async open(id) {
        if (id === get().chainId && (get().chain || get().loading)) return;
        set({
          chainId: id,
          chain: null,
          visible: [],
          selected: null,
          filter: NO_FILTER,
          error: null,
          tab: 'events',
        });
        if (id === null) return;
        set({ loading: true });
        try {
          const chain = await api.call('chains/get', { chain_id: id });
          if (get().chainId !== id) return;
          if (!chain) {
            set({ loading: false, error: `Chain ${id} is not in this workspace` });
            return;
          }
          set({ chain, loading: false });
          refilter(NO_FILTER);
        } catch (e) {
          if (get().chainId === id) set({ loading: false, error: (e as Error).message });
        }
      },
      setFilter(patch) {
        refilter({ ...get().filter, ...patch });
      },
      toggleType(type) {
        refilter({ ...get().filter, types: toggleType(get().filter.types, type) });
      },
      clearFilter() {
        refilter(NO_FILTER);
      },
      select(index) {
        const n = get().chain?.chain.events.length ?? 0;
        set({ selected: index !== null && index >= 0 && index < n ? index : null });
      },
      setTab(tab) {
        set({ tab });
      },
    };
  });
}
