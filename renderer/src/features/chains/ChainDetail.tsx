/**
 * One chain: header (with its Export button), then its events (filters, table, detail),
 * relationship graph or training chart.
 */
import { useMemo } from 'react';
import { useStore } from 'zustand';
import { chainStatistics } from '../../../../shared/chains/statistics.js';
import { roundedText } from '../../../../shared/chains/numberText.js';
import type { ChainViewStore } from '../../stores/chainViewStore.js';
import { ExportButton } from '../export/index.js';
import { isTrainingChain } from '../../stores/trainingSeries.js';
import { ChainGraph } from './ChainGraph.js';
import { hasRelationships } from './chainGraphElements.js';
import { EventDetail } from './EventDetail.js';
import { EventFilters } from './EventFilters.js';
import { EventTable } from './EventTable.js';
import { TrainingChart } from './TrainingChart.js';
import { chip, muted, panel } from './styles.js';

/** An ISO time as the lists show it: date and time to the second, no zone letter. */
const when = (iso: string) => iso.replace('T', ' ').replace(/(\.\d+)?Z$/, '');

export function ChainDetail({ store }: { store: ChainViewStore }) {
  const stored = useStore(store, (s) => s.chain);
  const loading = useStore(store, (s) => s.loading);
  const error = useStore(store, (s) => s.error);
  const tab = useStore(store, (s) => s.tab);
  const selected = useStore(store, (s) => s.selected);
  const events = useMemo(() => stored?.chain.events ?? [], [stored]);
  const stats = useMemo(() => chainStatistics({ events }), [events]);
  const graphable = useMemo(() => hasRelationships(events), [events]);
  const training = useMemo(() => isTrainingChain(events), [events]);

  if (error) return <p role="alert">{error}</p>;
  if (loading) return <p style={muted}>Loading chain…</p>;
  if (!stored) return <p style={muted}>Choose a chain.</p>;
  const c = stored.chain;
  const select = (i: number) => store.getState().select(i);
  const openEvent = (id: string) => {
    const i = events.findIndex((e) => e.id === id);
    if (i >= 0) select(i);
  };

  return (
    <section style={panel} aria-label="Chain">
      <header>
        <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
          <h3 style={{ margin: '4px 0', flex: 1, minWidth: 0 }}>{c.name ?? stored.chain_id}</h3>
          {/* Its four diagrams, the CrucibleTrace files (JSON, markdown, CSV, viewer HTML) and PROV. */}
          <ExportButton target={{ kind: 'chain', chain_id: stored.chain_id }} />
        </div>
        {c.description ? <p style={{ margin: 0 }}>{c.description}</p> : null}
        <p style={muted}>
          {stored.chain_id} · created {when(c.created_at)} · updated {when(c.updated_at)} ·{' '}
          {stats.total_events} events
          {'avg_confidence' in stats
            ? ` · mean confidence ${roundedText(stats.avg_confidence, 2)} · ${stats.duration_seconds} s`
            : ''}
          {stored.source_path ? ` · ${stored.source_path}` : ''}
        </p>
      </header>
      <nav role="tablist" aria-label="Chain views" style={{ display: 'flex', gap: 6 }}>
        <button
          type="button"
          role="tab"
          aria-selected={tab === 'events'}
          style={chip(tab === 'events')}
          onClick={() => store.getState().setTab('events')}
        >
          Events
        </button>
        {graphable ? (
          <button
            type="button"
            role="tab"
            aria-selected={tab === 'graph'}
            style={chip(tab === 'graph')}
            onClick={() => store.getState().setTab('graph')}
          >
            Relationships
          </button>
        ) : null}
        {training ? (
          <button
            type="button"
            role="tab"
            aria-selected={tab === 'training'}
            style={chip(tab === 'training')}
            onClick={() => store.getState().setTab('training')}
          >
            Training
          </button>
        ) : null}
      </nav>
      {tab === 'graph' && graphable ? (
        <ChainGraph events={events} selected={selected} onSelect={select} />
      ) : tab === 'training' && training ? (
        <TrainingChart events={events} onSelect={select} />
      ) : (
        <>
          <EventFilters store={store} />
          <EventTable store={store} />
        </>
      )}
      {selected !== null && events[selected] ? (
        <EventDetail event={events[selected]} index={selected} onOpenEvent={openEvent} />
      ) : null}
    </section>
  );
}
