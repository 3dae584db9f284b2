/** The relationship graph of a chain (parent and depends-on edges) in the Cytoscape wrapper. */
import type { Core, StylesheetJson } from 'cytoscape';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Point } from '../../../../shared/tasks/layout.js';
import type { ChainEvent } from '../../../../shared/model/chains.js';
import { CytoscapeGraph } from '../../components/CytoscapeGraph.js';
import { createLayoutClient, type LayoutClient } from '../../components/layoutClient.js';
import { useThemeStore } from '../../stores/themeStore.js';
import { GraphStateProbe, readPalette, type GraphPalette } from '../tasks/index.js';
import { toCyElements } from './chainGraphElements.js';
import { muted, TYPE_COLOURS } from './styles.js';

/** Colours from the theme (a canvas cannot read CSS variables), rebuilt when the theme changes. */
function stylesheet(p: GraphPalette): StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        color: p.fg,
        'font-size': 11,
        'text-wrap': 'ellipsis',
        'text-max-width': '180px',
        'text-valign': 'center',
        'text-halign': 'right',
        'text-margin-x': 6,
        'background-color': '#90a4ae',
        width: 16,
        height: 16,
      },
    },
    ...Object.entries(TYPE_COLOURS).map(([type, colour]) => ({
      selector: `node[type = "${type}"]`,
      style: { 'background-color': colour },
    })),
    { selector: 'node.selected', style: { 'border-width': 3, 'border-color': p.fg, 'font-weight': 'bold' } },
    {
      selector: 'edge',
      style: {
        width: 1.5,
        'curve-style': 'bezier',
        'target-arrow-shape': 'triangle',
        'line-color': p.muted,
        'target-arrow-color': p.muted,
      },
    },
    {
      selector: 'edge[kind = "depends_on"]',
      style: { 'line-style': 'dashed', 'line-color': p.accent, 'target-arrow-color': p.accent },
    },
  ];
}

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
  const theme = useThemeStore((s) => s.theme);
  const style = useMemo(() => stylesheet(readPalette()), [theme]);
  const [cy, setCy] = useState<Core | null>(null);
  return (
    <div>
      <p style={muted}>
        Solid: parent → child. Dashed: dependency → dependent. {graph.edges.length} edges
        {graph.dangling ? `; ${graph.dangling} links name events not in this chain` : ''}. Click an event to
        see it below.
      </p>
      <div className="chain-graph" style={{ height: 420, position: 'relative' }}>
        <CytoscapeGraph
          elements={elements}
          positions={positions}
          overlay={overlay}
          stylesheet={style}
          fitKey={`${events.length}:${Object.keys(positions).length}`}
          onTap={(id) => {
            if (id?.startsWith('e')) onSelect(Number(id.slice(1)));
          }}
          onReady={setCy}
        />
        <GraphStateProbe cy={cy} testId="chain-graph-state" />
      </div>
    </div>
  );
}
