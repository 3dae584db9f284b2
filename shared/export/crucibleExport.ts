/** `export(chain, format)` of §6: one entry point for every chain export format. */
import type { Chain } from '../model/chains.js';
import { writeChain } from '../chains/chainWriter.js';
import { toCrucibleCsv } from './crucibleCsv.js';
import { toCrucibleMarkdown } from './crucibleMarkdown.js';
import {
  toMermaidFlowchart,
  toMermaidGraph,
  toMermaidSequence,
  toMermaidTimeline,
  type FlowchartOptions,
  type GraphOptions,
  type SequenceOptions,
  type TimelineOptions,
} from './mermaidChains.js';

export const CHAIN_EXPORT_FORMATS = [
  'json',
  'markdown',
  'csv',
  'mermaid_flowchart',
  'mermaid_sequence',
  'mermaid_timeline',
  'mermaid_graph',
] as const;
export type ChainExportFormat = (typeof CHAIN_EXPORT_FORMATS)[number];

export type ChainExportOptions = FlowchartOptions & SequenceOptions & TimelineOptions & GraphOptions;

export function isChainExportFormat(f: string): f is ChainExportFormat {
  return (CHAIN_EXPORT_FORMATS as readonly string[]).includes(f);
}

/** The export text, or `{error: "Unsupported export format: x"}`. */
export function exportChain(
  chain: Chain,
  format: string,
  opts: ChainExportOptions = {},
): { ok: string } | { error: string } {
  switch (format) {
    case 'json':
      return { ok: writeChain(chain) };
    case 'markdown':
      return { ok: toCrucibleMarkdown(chain) };
    case 'csv':
      return { ok: toCrucibleCsv(chain) };
    case 'mermaid_flowchart':
      return { ok: toMermaidFlowchart(chain, opts) };
    case 'mermaid_sequence':
      return { ok: toMermaidSequence(chain, opts) };
    case 'mermaid_timeline':
      return { ok: toMermaidTimeline(chain, opts) };
    case 'mermaid_graph':
      return { ok: toMermaidGraph(chain, opts) };
    default:
      return { error: `Unsupported export format: ${format}` };
  }
}
