/**
 * The comparison of the diff view: the reference diff and the aligned model of two refs, the match
 * mode, the "changes only" toggle and the change cursor (n / p).
 *
 * Invariants: `diff` and `aligned` answer the same pair (`pair`), and the last one asked (late
 * answers dropped); `cursor` is null or a row index of `aligned` that is a change; `visible` is
 * always `visibleRows(aligned.alignment, changesOnly)`.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { MatchBy } from '../../../shared/model/chains.js';
import type { ChainAlignment, ChainDiff, ChainRef } from '../../../shared/model/chainWorkspace.js';
import type { Api } from '../api/types.js';
import { stepChange, visibleRows } from './diffRows.js';

export interface ChainDiffState {
  pair: [ChainRef, ChainRef] | null;
  matchBy: MatchBy;
  diff: ChainDiff | null;
  aligned: ChainAlignment | null;
  loading: boolean;
  error: string | null;
  changesOnly: boolean;
  visible: number[];
  cursor: number | null;
  compare(a: ChainRef, b: ChainRef): Promise<void>;
  setMatchBy(m: MatchBy): Promise<void>;
  setChangesOnly(on: boolean): void;
  step(dir: 1 | -1): void;
}

export type ChainDiffStore = StoreApi<ChainDiffState>;

export function createChainDiffStore(api: Pick<Api, 'call'>): ChainDiffStore {
  let request = 0;
  return createStore<ChainDiffState>((set, get) => {
    const fetchDiff = async (a: ChainRef, b: ChainRef, matchBy: MatchBy) => {
      const mine = ++request;
      set({ loading: true, error: null });
      try {
        const [diff, aligned] = await Promise.all([
          api.call('chains/diff', { a, b, match_by: matchBy }),
          get().aligned && sameRefs(get().pair, [a, b])
            ? Promise.resolve(get().aligned!)
            : api.call('chains/align', { a, b }),
        ]);
        if (mine !== request) return;
        const first = aligned.alignment.firstDivergence;
        set({
          diff,
          aligned,
          loading: false,
          visible: visibleRows(aligned.alignment, get().changesOnly),
          cursor: sameRefs(get().pair, [a, b]) ? get().cursor : first,
          pair: [a, b],
        });
      } catch (e) {
        if (mine === request) set({ loading: false, error: (e as Error).message });
      }
    };
    return {
      pair: null,
      matchBy: 'auto',
      diff: null,
      aligned: null,
      loading: false,
      error: null,
      changesOnly: false,
      visible: [],
      cursor: null,
      async compare(a, b) {
        if (!sameRefs(get().pair, [a, b])) set({ aligned: null, diff: null, cursor: null, pair: null });
        await fetchDiff(a, b, get().matchBy);
      },
      async setMatchBy(matchBy) {
        set({ matchBy });
        const pair = get().pair;
        if (pair) await fetchDiff(pair[0], pair[1], matchBy);
      },
      setChangesOnly(changesOnly) {
        const aligned = get().aligned;
        set({ changesOnly, visible: aligned ? visibleRows(aligned.alignment, changesOnly) : [] });
      },
      step(dir) {
        const aligned = get().aligned;
        if (aligned) set({ cursor: stepChange(aligned.alignment.changeIndices, get().cursor, dir) });
      },
    };
  });
}

function sameRef(x: ChainRef, y: ChainRef): boolean {
  return x.kind === y.kind && x.id === y.id;
}

export function sameRefs(p: [ChainRef, ChainRef] | null, q: [ChainRef, ChainRef]): boolean {
  return p !== null && sameRef(p[0], q[0]) && sameRef(p[1], q[1]);
}
