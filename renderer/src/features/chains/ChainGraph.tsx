/** The relationship graph of a chain (parent and depends-on edges) in the Cytoscape wrapper. */
import type { LayoutOptions, StylesheetJson } from 'cytoscape';
import { useMemo } from 'react';
import type { ChainEvent } from '../../../../shared/model/chains.js';
import { CytoscapeGraph } from '../../components/CytoscapeGraph.js';
import { toCyElements } from './chainGraphElements.js';
import { muted, TYPE_COLOURS } from './styles.js';

const STYLESHEET: StylesheetJson = [
  {
    selector: 'node',
    style: {
      label: 'data(label)',
      'font-size': 10,
      'text-wrap': 'ellipsis',
      'text-max-width': '160px',
      'background-color': '#90a4ae',
      width: 14,
      height: 14,
    },
  },
  ...Object.entries(TYPE_COLOURS).map(([type, colour]) => ({
    selector: `node[type = "${type}"]`,
    style: { 'background-color': colour },
  })),
  { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#000' } },
  {
    selector: 'edge',
    style: { width: 1.5, 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', 'line-color': '#90a4ae' },
  },
  { selector: 'edge[kind = "depends_on"]', style: { 'line-style': 'dashed', 'line-color': '#1565c0' } },
];

const LAYOUT: LayoutOptions = { name: 'breadthfirst', directed: true, spacingFactor: 1.1, animate: false };

export interface ChainGraphProps {
  events: readonly ChainEvent[];
  selected: number | null;
  onSelect: (index: number) => void;
}

export function ChainGraph({ events, selected, onSelect }: ChainGraphProps) {
  const graph = useMemo(() => toCyElements(events), [events]);
  const elements = useMemo(() => [...graph.nodes, ...graph.edges], [graph]);
  return (
    <div>
      <p style={muted}>
        Solid: parent → child. Dashed: dependency → dependent. {graph.edges.length} edges
        {graph.dangling ? `; ${graph.dangling} links name events not in this chain` : ''}.
      </p>
      <CytoscapeGraph
        elements={elements}
        stylesheet={STYLESHEET}
        layout={LAYOUT}
        selectedId={selected === null ? null : `e${selected}`}
        onSelectNode={(id) => onSelect(Number(id.slice(1)))}
      />
    </div>
  );
}
