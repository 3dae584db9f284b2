/**
 * Mermaid diagrams of a chain (§7): flowchart, sequence, timeline, graph. Labels are truncated in
 * graphemes, then escaped; edges follow list order, never the relationships (a format quirk).
 * `safe` additionally escapes `[ ] ( ) { } |`, which can break a diagram (§12).
 */
import type { Chain } from '../model/chains.js';
import { roundedText } from '../chains/numberText.js';
import { graphemeLength, takeGraphemes } from '../chains/text.js';

export interface LabelOptions {
  /** Also escape `[ ] ( ) { } |` as numeric entities (off: byte-identical to the reference). */
  safe?: boolean;
}

export function truncateLabel(text: string | null, max: number): string {
  if (text === null) return '';
  return graphemeLength(text) <= max ? text : takeGraphemes(text, max) + '...';
}

const SAFE: Record<string, string> = {
  '[': '&#91;',
  ']': '&#93;',
  '(': '&#40;',
  ')': '&#41;',
  '{': '&#123;',
  '}': '&#125;',
  '|': '&#124;',
};

export function escapeLabel(text: string | null, opts: LabelOptions = {}): string {
  if (text === null) return '';
  let out = text.replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/#/g, '&#35;');
  if (opts.safe) out = out.replace(/[[\](){}|]/g, (c) => SAFE[c] ?? c);
  // LF goes last so the `<br/>` it becomes is not escaped itself.
  return out.replace(/\n/g, '<br/>');
}

export const CLASSDEFS =
  '    classDef hypothesis_formed fill:#e8f5e9,stroke:#2e7d32,stroke-width:2px\n' +
  '    classDef alternative_rejected fill:#ffebee,stroke:#c62828,stroke-width:2px\n' +
  '    classDef constraint_evaluated fill:#fff3e0,stroke:#ef6c00,stroke-width:2px\n' +
  '    classDef pattern_applied fill:#e3f2fd,stroke:#1565c0,stroke-width:2px\n' +
  '    classDef ambiguity_flagged fill:#fff9c4,stroke:#f57f17,stroke-width:2px\n' +
  '    classDef confidence_updated fill:#f3e5f5,stroke:#6a1b9a,stroke-width:2px\n';

export interface FlowchartOptions extends LabelOptions {
  includeConfidence?: boolean;
  colorByType?: boolean;
  maxLabelLength?: number;
  /** Accepted for compatibility; has no effect (as in the reference). */
  showAlternatives?: boolean;
}

export function toMermaidFlowchart(chain: Chain, opts: FlowchartOptions = {}): string {
  const { includeConfidence = false, colorByType = true, maxLabelLength = 60 } = opts;
  if (chain.events.length === 0) return 'flowchart TD\n    Start[No events in chain]\n';
  const nodes = chain.events.map((e, i) => {
    let label = truncateLabel(e.decision, maxLabelLength);
    if (includeConfidence) label += ` (${roundedText(e.confidence, 2)})`;
    return `    E${i}[${escapeLabel(label, opts)}]:::${e.type}`;
  });
  const edges = chain.events.slice(1).map((_, i) => `    E${i} --> E${i + 1}`);
  const styles = colorByType ? `\n${CLASSDEFS}\n` : '';
  return `flowchart TD\n${nodes.join('\n')}\n${edges.join('\n')}${styles}\n`;
}

export interface SequenceOptions extends LabelOptions {
  showAlternatives?: boolean;
  maxLabelLength?: number;
}

const SEQUENCE_CODES: Record<string, string> = {
  hypothesis_formed: 'HYP',
  alternative_rejected: 'REJ',
  constraint_evaluated: 'CON',
  pattern_applied: 'PAT',
  ambiguity_flagged: 'AMB',
  confidence_updated: 'UPD',
};

export function toMermaidSequence(chain: Chain, opts: SequenceOptions = {}): string {
  const { showAlternatives = true, maxLabelLength = 60 } = opts;
  const steps = chain.events.map((e) => {
    const code = SEQUENCE_CODES[e.type] ?? 'EVT';
    let step = `    participant ${code} as ${escapeLabel(truncateLabel(e.decision, maxLabelLength), opts)}`;
    if (showAlternatives && e.alternatives.length) {
      step += `\n    Note over ${code}: Alternatives: ${escapeLabel(e.alternatives.join(', '), opts)}`;
    }
    return step;
  });
  return `sequenceDiagram\n${steps.join('\n')}\n`;
}

export interface TimelineOptions extends LabelOptions {
  /** Default: the chain name. Escaped, never truncated. */
  title?: string;
}

/** Labels truncate at a fixed 40 graphemes; the first item keeps the reference's 16-space indent. */
export function toMermaidTimeline(chain: Chain, opts: TimelineOptions = {}): string {
  const title = escapeLabel(opts.title ?? chain.name ?? '', opts);
  if (chain.events.length === 0) {
    return `timeline\n    title ${title}\n    section No Events\n        Empty : No events recorded\n`;
  }
  const items = chain.events.map((e) => `        ${escapeLabel(truncateLabel(e.decision, 40), opts)}`);
  return `timeline\n    title ${title}\n    section Reasoning Chain\n        ${items.join(' : \n')}\n`;
}

export interface GraphOptions extends LabelOptions {
  maxLabelLength?: number;
  colorByType?: boolean;
}

/** Node ids: the first 8 graphemes of the event id, or the full id where prefixes collide (§12). */
export function graphNodeIds(chain: Chain): string[] {
  const owners = new Map<string, Set<string>>();
  const prefixes = chain.events.map((e) => takeGraphemes(e.id, 8));
  prefixes.forEach((p, i) => {
    const set = owners.get(p) ?? new Set<string>();
    set.add(chain.events[i]!.id);
    owners.set(p, set);
  });
  return prefixes.map((p, i) => (owners.get(p)!.size > 1 ? chain.events[i]!.id : p));
}

export function toMermaidGraph(chain: Chain, opts: GraphOptions = {}): string {
  const { maxLabelLength = 60, colorByType = true } = opts;
  if (chain.events.length === 0) return 'graph TD\n    Start[No events in chain]\n';
  const ids = graphNodeIds(chain);
  const nodes = chain.events.map(
    (e, i) => `    ${ids[i]}[${escapeLabel(truncateLabel(e.decision, maxLabelLength), opts)}]:::${e.type}`,
  );
  const edges = ids.slice(1).map((id, i) => `    ${ids[i]} --> ${id}`);
  return `graph TD\n${nodes.join('\n')}\n${edges.join('\n')}${colorByType ? `\n${CLASSDEFS}` : ''}\n`;
}
