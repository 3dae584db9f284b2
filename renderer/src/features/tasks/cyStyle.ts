/**
 * The task graph's Cytoscape stylesheet: colour by status, shape by task type, the priority badge
 * and Ready/Blocked in the label, a green border for Ready and a dashed red one for Blocked.
 */
import type { Css, StylesheetJson } from 'cytoscape';

export const STATUS_COLOURS: Record<string, string> = {
  open: '#3b82f6',
  in_progress: '#f59e0b',
  closed: '#9ca3af',
};
export const TYPE_SHAPES: Record<string, Css.NodeShape> = {
  bug: 'triangle',
  feature: 'round-rectangle',
  task: 'rectangle',
  epic: 'hexagon',
  chore: 'ellipse',
};

export const taskGraphStylesheet: StylesheetJson = [
  {
    selector: 'node',
    style: {
      label: 'data(label)',
      'text-wrap': 'wrap',
      'text-max-width': '160px',
      'text-valign': 'bottom',
      'text-margin-y': 4,
      'font-size': 10,
      width: 36,
      height: 36,
      'background-color': '#6b7280',
    },
  },
  ...Object.entries(STATUS_COLOURS).map(([s, c]) => ({
    selector: `node.status-${s}`,
    style: { 'background-color': c },
  })),
  ...Object.entries(TYPE_SHAPES).map(([t, shape]) => ({ selector: `node.type-${t}`, style: { shape } })),
  { selector: 'node.ready', style: { 'border-width': 4, 'border-color': '#16a34a' } },
  {
    selector: 'node.blocked',
    style: { 'border-width': 4, 'border-color': '#dc2626', 'border-style': 'dashed' },
  },
  { selector: 'node.priority-critical', style: { width: 48, height: 48, 'font-weight': 'bold' } },
  {
    selector: 'node.group',
    style: {
      shape: 'round-rectangle',
      width: 120,
      height: 50,
      'background-color': '#e5e7eb',
      'border-width': 2,
      'border-color': '#6b7280',
      'text-valign': 'center',
      'text-margin-y': 0,
    },
  },
  { selector: 'node.agent', style: { shape: 'pentagon', 'background-color': '#8b5cf6' } },
  { selector: 'node.activity', style: { shape: 'diamond', 'background-color': '#14b8a6' } },
  {
    selector: 'edge',
    style: {
      width: 1.5,
      'curve-style': 'bezier',
      'target-arrow-shape': 'triangle',
      'line-color': '#9ca3af',
      'target-arrow-color': '#9ca3af',
      label: 'data(label)',
      'font-size': 9,
    },
  },
  { selector: 'edge.kind-blocked_by', style: { 'line-color': '#4b5563', 'target-arrow-color': '#4b5563' } },
  {
    selector: 'edge.kind-derived_from, edge.kind-supersedes, edge.kind-discovered_from',
    style: { 'line-style': 'dotted' },
  },
  {
    selector: 'edge.kind-generated_by, edge.kind-attributed_to, edge.kind-associated_with',
    style: { 'line-style': 'dashed', 'line-color': '#a78bfa', 'target-arrow-color': '#a78bfa' },
  },
  { selector: 'edge.aggregate', style: { width: 3 } },
  {
    selector: 'edge.proposed',
    style: { 'line-style': 'dashed', 'line-color': '#dc2626', 'target-arrow-color': '#dc2626', width: 3 },
  },
  { selector: '.dimmed', style: { opacity: 0.15 } },
  {
    selector: 'node.selected',
    style: { 'border-width': 6, 'border-color': '#111827', 'border-style': 'solid' },
  },
  {
    selector: 'node.ancestor',
    style: { 'overlay-color': '#f97316', 'overlay-opacity': 0.25, 'overlay-padding': 4 },
  },
  {
    selector: 'node.descendant',
    style: { 'overlay-color': '#0ea5e9', 'overlay-opacity': 0.25, 'overlay-padding': 4 },
  },
  { selector: 'edge.related', style: { width: 3, 'line-color': '#111827', 'target-arrow-color': '#111827' } },
  { selector: 'edge.cycle', style: { 'line-color': '#dc2626', 'target-arrow-color': '#dc2626', width: 4 } },
  {
    selector: 'node.cycle',
    style: { 'border-color': '#dc2626', 'border-width': 6, 'border-style': 'solid' },
  },
  {
    selector: 'node.focused',
    style: { 'outline-width': 3, 'outline-color': '#facc15', 'outline-offset': 4 } as never,
  },
];
