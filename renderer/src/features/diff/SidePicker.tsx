/** Picks one side of the comparison: a workspace chain or a session's decision sequence. */
import { useEffect, useState } from 'react';
import type { ChainRef } from '../../../../shared/model/chainWorkspace.js';
import { useChainSide, useChainSideStore } from './sideContext.js';

const sameRef = (x: ChainRef | null, y: ChainRef) => x !== null && x.kind === y.kind && x.id === y.id;

export function SidePicker({ title }: { title: string }) {
  const store = useChainSideStore();
  const mode = useChainSide((s) => s.mode);
  const options = useChainSide((s) => s.options);
  const ref = useChainSide((s) => s.ref);
  const loading = useChainSide((s) => s.loading);
  const error = useChainSide((s) => s.error);
  const [text, setText] = useState('');

  useEffect(() => {
    void store.getState().search();
  }, [store]);
  useEffect(() => {
    const t = setTimeout(() => {
      if (text !== store.getState().query) store.getState().setQuery(text);
    }, 200);
    return () => clearTimeout(t);
  }, [text, store]);

  const chosen = options.findIndex((o) => sameRef(ref, o.ref));
  return (
    <fieldset style={{ flex: 1, minWidth: 0 }}>
      <legend>{title}</legend>
      <div style={{ display: 'flex', gap: 8, marginBottom: 6 }}>
        <label>
          <input
            type="radio"
            checked={mode === 'chain'}
            onChange={() => {
              setText('');
              store.getState().setMode('chain');
            }}
          />{' '}
          Chain
        </label>
        <label>
          <input
            type="radio"
            checked={mode === 'session'}
            onChange={() => {
              setText('');
              store.getState().setMode('session');
            }}
          />{' '}
          Session decisions
        </label>
      </div>
      <input
        type="search"
        placeholder={mode === 'chain' ? 'Search chains' : 'Search sessions'}
        value={text}
        onChange={(e) => setText(e.target.value)}
        style={{ width: '100%' }}
      />
      <select
        size={4}
        style={{ width: '100%' }}
        aria-label={`${title}: ${mode === 'chain' ? 'chains' : 'sessions'}`}
        value={chosen >= 0 ? String(chosen) : ''}
        onChange={(e) => {
          const o = options[Number(e.target.value)];
          if (o) store.getState().choose(o.ref);
        }}
      >
        {options.map((o, i) => (
          <option key={`${o.ref.kind}:${o.ref.id}`} value={String(i)} title={o.detail}>
            {o.label} — {o.detail}
          </option>
        ))}
      </select>
      <div style={{ fontSize: 12, color: 'var(--fg-muted)' }}>
        {loading ? 'Loading…' : ref ? `${ref.kind} ${ref.id}` : 'nothing chosen'}
        {error ? ` — ${error}` : ''}
      </div>
    </fieldset>
  );
}
