/**
 * The chains view: the workspace's chains with search, and the open chain. Navigation belongs to
 * the app shell: `chainId` says which chain is open, `onOpenChain` asks to open another, and
 * `onOpenDiff` asks for the diff of the two chains ticked in the list.
 */
import { useEffect, useState } from 'react';
import type { ChainRef } from '../../../../shared/model/chainWorkspace.js';
import type { ChainId } from '../../../../shared/model/ids.js';
import { api } from '../../api/index.js';
import { createChainListStore } from '../../stores/chainListStore.js';
import { createChainViewStore } from '../../stores/chainViewStore.js';
import { ChainDetail } from './ChainDetail.js';
import { ChainList } from './ChainList.js';

export interface ChainsViewProps {
  /** The open chain (controlled by the shell's route); without it the view keeps its own. */
  chainId?: ChainId | null;
  onOpenChain?: (id: ChainId) => void;
  onOpenDiff?: (a: ChainRef, b: ChainRef) => void;
}

export function ChainsView({ chainId, onOpenChain, onOpenDiff }: ChainsViewProps) {
  const [list] = useState(() => createChainListStore(api));
  const [view] = useState(() => createChainViewStore(api));
  const [own, setOwn] = useState<ChainId | null>(null);
  const [marked, setMarked] = useState<ChainId[]>([]);
  const open = chainId === undefined ? own : chainId;

  useEffect(() => {
    void list.getState().load();
    // Imports and the watcher change the workspace: refresh the list (and the open chain).
    return api.on('store/changed', ({ tables }) => {
      if (!tables.some((t) => t.startsWith('chain'))) return;
      void list.getState().load();
    });
  }, [list]);

  useEffect(() => {
    void view.getState().open(open);
  }, [open, view]);

  const choose = (id: ChainId) => {
    if (chainId === undefined) setOwn(id);
    onOpenChain?.(id);
  };
  // Ticking a third chain drops the oldest tick: a diff compares two.
  const mark = (id: ChainId) =>
    setMarked((m) => (m.includes(id) ? m.filter((x) => x !== id) : [...m, id].slice(-2)));

  return (
    <div className="chains-view" aria-label="Reasoning chains" role="region">
      <ChainList store={list} selected={open} onOpen={choose} marked={marked} onMark={mark} />
      {onOpenDiff ? (
        <div className="chains-compare">
          <button
            type="button"
            className={marked.length === 2 ? 'primary' : undefined}
            disabled={marked.length !== 2}
            onClick={() => onOpenDiff({ kind: 'chain', id: marked[0]! }, { kind: 'chain', id: marked[1]! })}
          >
            Compare the two ticked chains
          </button>
          <span className="muted">
            {marked.length === 2 ? 'ready to compare' : `tick ${2 - marked.length} more to compare`}
          </span>
        </div>
      ) : null}
      <ChainDetail store={view} />
    </div>
  );
}
