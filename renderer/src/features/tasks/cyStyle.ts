/**
 * The task graph's Cytoscape stylesheet: colour by status, shape by task type, the priority badge
 * and Ready/Blocked in the label, a green border for Ready and a dashed red one for Blocked.
 * Cytoscape draws on a canvas and cannot read CSS variables, so the theme's colours are read from
 * the page (`readPalette`) and the stylesheet is rebuilt when the theme changes.
 */
import type { Css, StylesheetJson } from 'cytoscape';

/** The shell's theme colours a canvas needs (styles.css variables). */
export interface GraphPalette {
  fg: string;
  muted: string;
  bg: string;
  border: string;
  accent: string;
  ok: string;
  fail: string;
  warn: string;
}

export const LIGHT_PALETTE: GraphPalette = {
  fg: '#1c2230',
  muted: '#5b6476',
  bg: '#ffffff',
  border: '#dce1e8',
  accent: '#2c66d4',
  ok: '#1d7f46',
  fail: '#c62f2f',
  warn: '#a86b12',
};

/** The current theme's colours, from the CSS variables on <html> (light ones outside a page). */
export function readPalette(): GraphPalette {
  if (typeof document === 'undefined') return LIGHT_PALETTE;
  const css = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  const p = LIGHT_PALETTE;
  return {
    fg: v('--fg', p.fg),
    muted: v('--fg-muted', p.muted),
    bg: v('--bg', p.bg),
    border: v('--border', p.border),
    accent: v('--accent', p.accent),
    ok: v('--ok', p.ok),
    fail: v('--fail', p.fail),
    warn: v('--warn', p.warn),
  };
}

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

export function taskGraphStylesheet(p: GraphPalette = LIGHT_PALETTE): StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        color: p.fg,
        'text-wrap': 'wrap',
        'text-max-width': '150px',
        // Labels beside the node: rows can sit close together and the text stays large.
        'text-valign': 'center',
        'text-halign': 'right',
        'text-margin-x': 6,
        'font-size': 12,
        'text-background-color': p.bg,
        'text-background-opacity': 0.75,
        'text-background-padding': '1px',
        width: 26,
        height: 26,
        'background-color': '#6b7280',
      },
    },
    ...Object.entries(STATUS_COLOURS).map(([s, c]) => ({
      selector: `node.status-${s}`,
      style: { 'background-color': c },
    })),
    ...Object.entries(TYPE_SHAPES).map(([t, shape]) => ({ selector: `node.type-${t}`, style: { shape } })),
    { selector: 'node.ready', style: { 'border-width': 3, 'border-color': p.ok } },
    {
      selector: 'node.blocked',
      style: { 'border-width': 3, 'border-color': p.fail, 'border-style': 'dashed' },
    },
    { selector: 'node.priority-critical', style: { width: 34, height: 34, 'font-weight': 'bold' } },
    {
      selector: 'node.group',
      style: {
        shape: 'round-rectangle',
        width: 130,
        height: 50,
        'background-color': p.border,
        'border-width': 2,
        'border-color': p.muted,
        'text-halign': 'center',
        'text-margin-x': 0,
        'text-background-opacity': 0,
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
        'line-color': p.muted,
        'target-arrow-color': p.muted,
        label: 'data(label)',
        color: p.fg,
        'font-size': 10,
        opacity: 0.7,
      },
    },
    { selector: 'edge.kind-blocked_by', style: { opacity: 0.85 } },
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
      style: { 'line-style': 'dashed', 'line-color': p.fail, 'target-arrow-color': p.fail, width: 3 },
    },
    { selector: '.dimmed', style: { opacity: 0.15 } },
    {
      selector: 'node.selected',
      style: { 'border-width': 5, 'border-color': p.fg, 'border-style': 'solid', 'font-weight': 'bold' },
    },
    {
      selector: 'node.ancestor',
      style: { 'underlay-color': '#f97316', 'underlay-opacity': 0.5, 'underlay-padding': 6 } as never,
    },
    {
      selector: 'node.descendant',
      style: { 'underlay-color': '#0ea5e9', 'underlay-opacity': 0.5, 'underlay-padding': 6 } as never,
    },
    {
      selector: 'edge.related',
      style: { width: 3, opacity: 1, 'line-color': p.fg, 'target-arrow-color': p.fg },
    },
    {
      selector: 'edge.cycle',
      style: { 'line-color': p.fail, 'target-arrow-color': p.fail, width: 4, opacity: 1 },
    },
    {
      selector: 'node.cycle',
      style: { 'border-color': p.fail, 'border-width': 5, 'border-style': 'solid' },
    },
    {
      selector: 'node.focused',
      style: { 'outline-width': 3, 'outline-color': p.accent, 'outline-offset': 4 } as never,
    },
  ];
}
