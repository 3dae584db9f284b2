/**
 * Every text export by subject and format name (the names of `shared/model/exports.ts`), so the
 * CLI and the service produce the same bytes. Binary formats (a `.claude/provenance` tar, SQLite,
 * Parquet) are made in electron/ and are not here.
 */
import type { Chain } from '../model/chains.js';
import type { SessionTrace } from '../model/sessions.js';
import type { TaskGraph } from '../model/tasks.js';
import { alignChains } from '../chains/diff/alignChains.js';
import { compareChains } from '../chains/diff/compareChains.js';
import { diffToHtml } from '../chains/diff/diffHtml.js';
import { toWire } from '../tasks/wire.js';
import { toChainViewerHtml } from './chainViewerHtml.js';
import { exportChain } from './crucibleExport.js';
import type { MermaidCompat } from './mermaidChains.js';
import { toAlignmentFlowchart } from './mermaidDiff.js';
import { toSessionGantt, toSessionSequence } from './mermaidSession.js';
import { toTaskFlowchart, type TaskFlowchartOptions } from './mermaidTasks.js';
import { chainToProv } from './prov/chainProv.js';
import type { ProvDocument } from './prov/provDocument.js';
import { toProvJson } from './prov/provJson.js';
import { toProvN } from './prov/provN.js';
import { sessionsToProv } from './prov/sessionProv.js';
import { taskGraphToProv } from './prov/taskProv.js';
import { tableToCsv, tableToJson } from './tableExport.js';

export class ExportFormatError extends Error {
  readonly userFacing = true;
  readonly status = 400;
}

function prov(doc: () => ProvDocument, format: string): string | null {
  if (format === 'prov-json') return toProvJson(doc());
  if (format === 'prov-n') return toProvN(doc());
  return null;
}

const unsupported = (subject: string, format: string): never => {
  throw new ExportFormatError(`format '${format}' does not exist for ${subject}`);
};

/** A session tree: `traces[0]` is the root, the rest its descendants. */
export function sessionText(traces: readonly SessionTrace[], format: string): string {
  const [root, ...rest] = traces;
  if (!root) throw new ExportFormatError('no session to export');
  if (format === 'mermaid-sequence') return toSessionSequence(root, rest);
  if (format === 'mermaid-gantt') return toSessionGantt(root, rest);
  if (format === 'json') return JSON.stringify(traces, null, 2) + '\n';
  return prov(() => sessionsToProv(traces), format) ?? unsupported('session', format);
}

const SESSION_COLUMNS = [
  'session_id',
  'project',
  'agent_type',
  'query',
  'start_time',
  'end_time',
  'duration_ms',
  'success',
  'parent_session_id',
  'depth',
  'event_count',
  'tool_call_count',
] as const;

/** Many sessions (a project, or a list): PROV of all of them, or their summary rows. */
export function sessionListText(
  traces: readonly SessionTrace[],
  format: string,
  project: string | null = null,
): string {
  if (format === 'csv' || format === 'json') {
    const table = {
      columns: SESSION_COLUMNS.map((name) => ({ name })),
      rows: traces.map((t) => SESSION_COLUMNS.map((c) => t.session[c])),
    };
    return format === 'csv' ? tableToCsv(table) : tableToJson(table);
  }
  return (
    prov(() => sessionsToProv(traces, { project }), format) ??
    unsupported(project ? 'project' : 'sessions', format)
  );
}

export function taskGraphText(graph: TaskGraph, format: string, opts: TaskFlowchartOptions = {}): string {
  if (format === 'mermaid-flowchart') return toTaskFlowchart(graph, opts);
  if (format === 'json') return JSON.stringify(toWire(graph), null, 2) + '\n';
  return prov(() => taskGraphToProv(graph), format) ?? unsupported('tasks', format);
}

const CRUCIBLE: Record<string, string> = {
  'mermaid-flowchart': 'mermaid_flowchart',
  'mermaid-sequence': 'mermaid_sequence',
  'mermaid-timeline': 'mermaid_timeline',
  'mermaid-graph': 'mermaid_graph',
  'crucible-json': 'json',
  'crucible-markdown': 'markdown',
  'crucible-csv': 'csv',
};

export interface ChainTextOptions {
  /**
   * The chain diagrams' rules: `'reference'` (default) is byte-exact with CrucibleTrace, whose
   * sequence and timeline Mermaid 12 refuses; `'mermaid'` is the same diagram in text that renders.
   */
  compat?: MermaidCompat;
}

export function chainText(chain: Chain, format: string, opts: ChainTextOptions = {}): string {
  if (format === 'html') return toChainViewerHtml(chain);
  const crucible = CRUCIBLE[format];
  if (crucible) {
    const r = exportChain(chain, crucible, opts.compat ? { compat: opts.compat } : {});
    if ('ok' in r) return r.ok;
    throw new ExportFormatError(r.error);
  }
  return prov(() => chainToProv(chain), format) ?? unsupported('chain', format);
}

/** The file name stem of a diff export: `diff-{a}-vs-{b}`, each side by its name, else its key. */
export function diffFileStem(a: Chain, aKey: string, b: Chain, bKey: string): string {
  return `diff-${a.name || aKey}-vs-${b.name || bKey}`;
}

/** Chain `a` against chain `b`: our aligned flowchart, the reference's HTML, or the diff as JSON. */
export function diffText(a: Chain, b: Chain, format: string): string {
  if (format === 'mermaid-flowchart') return toAlignmentFlowchart(a, b, alignChains(a, b));
  if (format === 'html') return diffToHtml(compareChains(a, b), a, b);
  if (format === 'json') return JSON.stringify(compareChains(a, b), null, 2) + '\n';
  return unsupported('diff', format);
}
