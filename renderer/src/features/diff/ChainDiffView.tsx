/**
 * The diff view: pick two chains (or two sessions' decision sequences), then the reference diff
 * (match by id / content / position) and the aligned side-by-side view. The two pickers are two
 * instances of the one side store, each given to its picker through `ChainSideContext`.
 */
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { MatchBy } from '../../../../shared/model/chains.js';
import type { ChainRef } from '../../../../shared/model/chainWorkspace.js';
import { api } from '../../api/index.js';
import { createChainDiffStore } from '../../stores/chainDiffStore.js';
import { createChainSideStore } from '../../stores/chainSideStore.js';
import { ExportButton } from '../export/index.js';
import { AlignedView } from './AlignedView.js';
import { DiffSummary } from './DiffSummary.js';
import { ChainSideContext } from './sideContext.js';
import { SidePicker } from './SidePicker.js';

export interface ChainDiffViewProps {
  /** The sides to compare first (e.g. from the chains view); the user may pick others. */
  a?: ChainRef | null;
  b?: ChainRef | null;
  /** Told which pair is shown, so the shell can put it in its route. */
  onCompare?: (a: ChainRef, b: ChainRef) => void;
}

const MODES: MatchBy[] = ['auto', 'id', 'content', 'position'];

export function ChainDiffView({ a = null, b = null, onCompare }: ChainDiffViewProps) {
  const [left] = useState(() => createChainSideStore(api, a));
  const [right] = useState(() => createChainSideStore(api, b));
  const [diffStore] = useState(() => createChainDiffStore(api));
  const refA = useStore(left, (s) => s.ref);
  const refB = useStore(right, (s) => s.ref);
  const diff = useStore(diffStore, (s) => s.diff);
  const loading = useStore(diffStore, (s) => s.loading);
  const error = useStore(diffStore, (s) => s.error);
  const matchBy = useStore(diffStore, (s) => s.matchBy);

  // Props name new sides when the shell navigates.
  useEffect(() => {
    if (a) left.getState().choose(a);
    if (b) right.getState().choose(b);
  }, [a, b, left, right]);

  useEffect(() => {
    if (!refA || !refB) return;
    void diffStore.getState().compare(refA, refB);
    onCompare?.(refA, refB);
    // onCompare is a notification; a new function identity must not re-run the comparison.
  }, [refA, refB, diffStore]);

  return (
    <div className="diff-view" role="region" aria-label="Chain diff">
      <div style={{ display: 'flex', gap: 12 }}>
        <ChainSideContext.Provider value={left}>
          <SidePicker title="A (before)" />
        </ChainSideContext.Provider>
        <ChainSideContext.Provider value={right}>
          <SidePicker title="B (after)" />
        </ChainSideContext.Provider>
      </div>
      <div style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
        <span>Match events by</span>
        {MODES.map((m) => (
          <label key={m}>
            <input
              type="radio"
              name="match-by"
              checked={matchBy === m}
              onChange={() => void diffStore.getState().setMatchBy(m)}
            />{' '}
            {m}
          </label>
        ))}
        {loading ? <span className="muted">Comparing…</span> : null}
        {refA && refB ? (
          <span style={{ marginLeft: 'auto' }}>
            {/* The aligned diff as a flowchart, the reference HTML or JSON; sessions' decisions too. */}
            <ExportButton target={{ kind: 'diff', a: refA, b: refB }} label="Export diff…" />
          </span>
        ) : null}
      </div>
      {error ? <p role="alert">{error}</p> : null}
      {!refA || !refB ? <p className="muted">Choose two chains or two sessions.</p> : null}
      {diff ? <DiffSummary result={diff.result} /> : null}
      <AlignedView store={diffStore} />
    </div>
  );
}
