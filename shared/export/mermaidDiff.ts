/**
 * A chain comparison as a Mermaid flowchart. Two inputs: our aligned model (`alignChains`: one
 * node per alignment row, in order, classed same / modified / added / removed / moved, moves
 * joined by a dotted edge) and the reference diff (`compareChains`: the added, removed and
 * modified events in three subgraphs). Labels are event decisions, truncated and escaped.
 */
import type { Alignment, Chain, ChainEvent, DiffResult } from '../model/chains.js';
import { classDefs, nodeLabel } from './mermaidText.js';

export const DIFF_STYLES = {
  same: 'fill:#f5f5f5,stroke:#9e9e9e',
  added: 'fill:#e8f5e9,stroke:#2e7d32,stroke-width:2px',
  removed: 'fill:#ffebee,stroke:#c62828,stroke-width:2px,stroke-dasharray:5 3',
  modified: 'fill:#fff9c4,stroke:#f57f17,stroke-width:2px',
  moved: 'fill:#e3f2fd,stroke:#1565c0,stroke-width:2px',
} as const;

export interface DiffFlowchartOptions {
  maxLabelLength?: number;
  /** Leave out unchanged rows (a run of them becomes one "N unchanged" node); default false. */
  changesOnly?: boolean;
}

const decisionOf = (e: ChainEvent | undefined): string => e?.decision ?? '';

/** The aligned model of chains `a` and `b` as a top-down flowchart. */
export function toAlignmentFlowchart(
  a: Chain,
  b: Chain,
  alignment: Alignment,
  opts: DiffFlowchartOptions = {},
): string {
  const max = opts.maxLabelLength ?? 50;
  if (alignment.rows.length === 0) return 'flowchart TD\n    Empty[Both chains are empty]\n';
  const nodes: string[] = [];
  /** The node of each row (null when hidden in a run), and every node in display order. */
  const rowNode: (string | null)[] = [];
  const sequence: string[] = [];
  let run = 0;
  const flushRun = (): void => {
    if (run === 0) return;
    const id = `U${sequence.length}`;
    nodes.push(`    ${id}["${run} unchanged"]:::same`);
    sequence.push(id);
    run = 0;
  };
  alignment.rows.forEach((r, i) => {
    if (opts.changesOnly && r.kind === 'same') {
      run++;
      rowNode.push(null);
      return;
    }
    flushRun();
    const left = r.left === null ? undefined : a.events[r.left];
    const right = r.right === null ? undefined : b.events[r.right];
    let suffix = '';
    if (r.kind === 'modified') suffix = ` (changed: ${r.changedFields.join(', ')})`;
    if (r.kind === 'moved') suffix = ` (moved ${r.left === null ? 'here' : 'away'})`;
    nodes.push(
      `    R${i}["${nodeLabel(decisionOf(right ?? left), max)}${nodeLabel(suffix, 200)}"]:::${r.kind}`,
    );
    rowNode.push(`R${i}`);
    sequence.push(`R${i}`);
  });
  flushRun();
  const edges = sequence.slice(1).map((id, i) => `    ${sequence[i]} --> ${id}`);
  alignment.rows.forEach((r, i) => {
    const partner = r.partner === null ? null : rowNode[r.partner];
    if (r.kind === 'moved' && r.left !== null && rowNode[i] && partner) {
      edges.push(`    ${rowNode[i]} -.-|moved| ${partner}`);
    }
  });
  return `flowchart TD\n${nodes.join('\n')}\n${edges.length ? edges.join('\n') + '\n' : ''}${classDefs(DIFF_STYLES)}`;
}

/** The reference diff (`compareChains`) as three subgraphs: added, removed, modified. */
export function toDiffResultFlowchart(diff: DiffResult, opts: DiffFlowchartOptions = {}): string {
  const max = opts.maxLabelLength ?? 50;
  const out = [
    'flowchart LR',
    `    Summary["${nodeLabel(`${diff.summary}, similarity ${diff.similarity.toFixed(2)}`, 80)}"]`,
  ];
  const group = (name: string, title: string, nodes: string[]): void => {
    if (nodes.length === 0) return;
    out.push(`    subgraph ${name}["${title}"]`, ...nodes.map((n) => `    ${n}`), '    end');
  };
  group(
    'Added',
    `Added (${diff.added.length})`,
    diff.added.map((e, i) => `    D${i}["${nodeLabel(decisionOf(e), max)}"]:::added`),
  );
  group(
    'Removed',
    `Removed (${diff.removed.length})`,
    diff.removed.map((e, i) => `    X${i}["${nodeLabel(decisionOf(e), max)}"]:::removed`),
  );
  group(
    'Modified',
    `Modified (${diff.modified.length})`,
    diff.modified.map((m, i) => {
      const fields = m.changes.map((c) => c.field).join(', ');
      return `    M${i}["${nodeLabel(decisionOf(m.after), max)}${nodeLabel(` (changed: ${fields})`, 200)}"]:::modified`;
    }),
  );
  return `${out.join('\n')}\n${classDefs(DIFF_STYLES)}`;
}
