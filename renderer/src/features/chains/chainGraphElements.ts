/**
 * A chain's relationship graph as Cytoscape elements (pure, tested headless): one node per event,
 * an edge from each parent to its child and from each dependency to its dependent. Node ids are
 * event positions (`e0`, `e1`, ...) because event ids need not be unique; a relationship naming an
 * id that occurs twice points at its first event. Links to unknown ids are counted, not drawn.
 */
import type { ChainEvent } from '../../../../shared/model/chains.js';

export interface GraphNode {
  data: { id: string; label: string; type: string; index: number };
}

export interface GraphEdge {
  data: { id: string; source: string; target: string; kind: 'parent' | 'depends_on' };
}

export interface ChainGraphElements {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Relationships naming an event id that is not in the chain. */
  dangling: number;
}

const LABEL_MAX = 40;

function label(i: number, e: ChainEvent): string {
  const text = e.decision ?? e.type;
  const cut = [...text].length > LABEL_MAX ? `${[...text].slice(0, LABEL_MAX).join('')}…` : text;
  return `${i + 1}. ${cut}`;
}

export function toCyElements(events: readonly ChainEvent[]): ChainGraphElements {
  const first = new Map<string, number>();
  events.forEach((e, i) => {
    if (!first.has(e.id)) first.set(e.id, i);
  });
  const nodes = events.map((e, i) => ({ data: { id: `e${i}`, label: label(i, e), type: e.type, index: i } }));
  const edges: GraphEdge[] = [];
  let dangling = 0;
  events.forEach((e, i) => {
    if (e.parent_id !== null) {
      const p = first.get(e.parent_id);
      if (p === undefined) dangling++;
      else edges.push({ data: { id: `p${p}-${i}`, source: `e${p}`, target: `e${i}`, kind: 'parent' } });
    }
    e.depends_on.forEach((dep, k) => {
      const d = first.get(dep);
      if (d === undefined) dangling++;
      else
        edges.push({ data: { id: `d${d}-${i}-${k}`, source: `e${d}`, target: `e${i}`, kind: 'depends_on' } });
    });
  });
  return { nodes, edges, dangling };
}

/** Whether any event has a relationship (the graph tab is offered only then). */
export function hasRelationships(events: readonly ChainEvent[]): boolean {
  return events.some((e) => e.parent_id !== null || e.depends_on.length > 0);
}
