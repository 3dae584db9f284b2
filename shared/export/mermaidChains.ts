/**
 * Mermaid diagrams of a chain (§7): flowchart, sequence, timeline, graph. Labels are truncated in
 * graphemes, then escaped; edges follow list order, never the relationships (a format quirk).
 * `safe` additionally escapes `[ ] ( ) { } |`, which can break a diagram (§12).
 *
 * `compat: 'reference'` (the default) writes the reference's bytes, two of which Mermaid 12
 * refuses: its HTML entities end a sequence statement at `;`, and its timeline leaves a dangling
 * ` : ` on each line. `compat: 'mermaid'` keeps the diagrams' structure (the same nodes, edges,
 * participants, notes, classes and items in the same order) but writes what Mermaid parses:
 * labels in Mermaid's own entity codes (see mermaidText.ts), flowchart labels quoted, one
 * timeline period a line, and node ids and class names from imported data only where they parse.
 */
import type { Chain } from '../model/chains.js';
import { roundedText } from '../chains/numberText.js';
import { takeGraphemes } from '../chains/text.js';
import { breakingLabel, flowchartClass, flowchartIds, timelineLabel, truncateLabel } from './mermaidText.js';

export { truncateLabel };

/** Whose rules the text follows: the reference's bytes, or what Mermaid 12 renders. */
export type MermaidCompat = 'reference' | 'mermaid';

export interface LabelOptions {
  /** Also escape `[ ] ( ) { } |` as numeric entities (off: byte-identical to the reference). */
  safe?: boolean;
  /** Default `'reference'` (byte-exact); `'mermaid'` for text that renders (see above). */
  compat?: MermaidCompat;
}

const renderable = (opts: LabelOptions): boolean => opts.compat === 'mermaid';

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

/** `[label]` as the reference writes it, or `["label"]` coded for Mermaid (never empty: `[""]` does not parse). */
function nodeShape(label: string, opts: LabelOptions): string {
  return renderable(opts) ? `["${breakingLabel(label) || ' '}"]` : `[${escapeLabel(label, opts)}]`;
}

/** `:::type` for every type in the reference; for Mermaid, a parseable class name or none. */
function classSuffix(type: string, opts: LabelOptions): string {
  if (!renderable(opts)) return `:::${type}`;
  const name = flowchartClass(type);
  return name === null ? '' : `:::${name}`;
}

/** Sequence participant aliases and notes. */
function sequenceLabel(text: string, opts: LabelOptions): string {
  return renderable(opts) ? breakingLabel(text) : escapeLabel(text, opts);
}

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
    return `    E${i}${nodeShape(label, opts)}${classSuffix(e.type, opts)}`;
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
    let step = `    participant ${code} as ${sequenceLabel(truncateLabel(e.decision, maxLabelLength), opts)}`;
    if (showAlternatives && e.alternatives.length) {
      step += `\n    Note over ${code}: Alternatives: ${sequenceLabel(e.alternatives.join(', '), opts)}`;
    }
    return step;
  });
  return `sequenceDiagram\n${steps.join('\n')}\n`;
}

export interface TimelineOptions extends LabelOptions {
  /** Default: the chain name. Escaped, never truncated. */
  title?: string;
}

/**
 * Labels truncate at a fixed 40 graphemes; the first item keeps the reference's 16-space indent.
 * For Mermaid: one period a line without the dangling ` : `, and no title line when it is empty.
 */
export function toMermaidTimeline(chain: Chain, opts: TimelineOptions = {}): string {
  if (renderable(opts)) return renderableTimeline(chain, opts.title ?? chain.name ?? '');
  const title = escapeLabel(opts.title ?? chain.name ?? '', opts);
  if (chain.events.length === 0) {
    return `timeline\n    title ${title}\n    section No Events\n        Empty : No events recorded\n`;
  }
  const items = chain.events.map((e) => `        ${escapeLabel(truncateLabel(e.decision, 40), opts)}`);
  return `timeline\n    title ${title}\n    section Reasoning Chain\n        ${items.join(' : \n')}\n`;
}

function renderableTimeline(chain: Chain, title: string): string {
  const head = `timeline\n${title.trim() ? `    title ${timelineLabel(title)}\n` : ''}`;
  if (chain.events.length === 0) return `${head}    section No Events\n        Empty : No events recorded\n`;
  const items = chain.events.map((e) => `        ${timelineLabel(truncateLabel(e.decision, 40))}\n`);
  return `${head}    section Reasoning Chain\n${items.join('')}`;
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
  const ids = renderable(opts) ? flowchartIds(graphNodeIds(chain)) : graphNodeIds(chain);
  const nodes = chain.events.map(
    (e, i) =>
      `    ${ids[i]}${nodeShape(truncateLabel(e.decision, maxLabelLength), opts)}${classSuffix(e.type, opts)}`,
  );
  const edges = ids.slice(1).map((id, i) => `    ${ids[i]} --> ${id}`);
  return `graph TD\n${nodes.join('\n')}\n${edges.join('\n')}${colorByType ? `\n${CLASSDEFS}` : ''}\n`;
}
