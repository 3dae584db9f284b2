/** The relationship graph of a chain (parent and depends-on edges) in the Cytoscape wrapper. */
import type { StylesheetJson } from 'cytoscape';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Point } from '../../../../shared/tasks/layout.js';
import type { ChainEvent } from '../../../../shared/model/chains.js';
import { CytoscapeGraph } from '../../components/CytoscapeGraph.js';
import { createLayoutClient, type LayoutClient } from '../../components/layoutClient.js';
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
  { selector: 'node.selected', style: { 'border-width': 3, 'border-color': '#000' } },
  {
    selector: 'edge',
    style: { width: 1.5, 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', 'line-color': '#90a4ae' },
  },
  { selector: 'edge[kind = "depends_on"]', style: { 'line-style': 'dashed', 'line-color': '#1565c0' } },
];

export interface ChainGraphProps {
  events: readonly ChainEvent[];
  selected: number | null;
  onSelect: (index: number) => void;
}

/** Positions from the layered layout, computed off the main thread (a 10,000-event chain stays responsive). */
function usePositions(nodes: readonly string[], edges: readonly (readonly [string, string])[]) {
  const [positions, setPositions] = useState<Record<string, Point>>({});
  const client = useRef<LayoutClient | null>(null);
  useEffect(() => {
    client.current = createLayoutClient();
    return () => client.current?.dispose();
  }, []);
  useEffect(() => {
    void client.current?.layout({ nodes, edges }).then((p) => {
      if (p) setPositions(p);
    });
  }, [nodes, edges]);
  return positions;
}

export function ChainGraph({ events, selected, onSelect }: ChainGraphProps) {
  const graph = useMemo(() => toCyElements(events), [events]);
  const elements = useMemo(() => [...graph.nodes, ...graph.edges], [graph]);
  const nodes = useMemo(() => graph.nodes.map((n) => n.data.id!), [graph]);
  const edges = useMemo(
    () => graph.edges.map((e) => [String(e.data.source), String(e.data.target)] as const),
    [graph],
  );
  const positions = usePositions(nodes, edges);
  const overlay = useMemo(
    () => ({ classes: new Map(selected === null ? [] : [[`e${selected}`, 'selected']]), dimOthers: false }),
    [selected],
  );
  return (
    <div>
      <p style={muted}>
        Solid: parent → child. Dashed: dependency → dependent. {graph.edges.length} edges
        {graph.dangling ? `; ${graph.dangling} links name events not in this chain` : ''}.
      </p>
      <div style={{ height: 420 }}>
        <CytoscapeGraph
          elements={elements}
          positions={positions}
          overlay={overlay}
          stylesheet={STYLESHEET}
          fitKey={`${events.length}:${Object.keys(positions).length}`}
          onTap={(id) => {
            if (id?.startsWith('e')) onSelect(Number(id.slice(1)));
          }}
        />
      </div>
    </div>
  );
}
