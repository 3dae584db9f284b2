/** What an import did, per source, and how far it got (for the CLI's progress bar and the UI). */

export type SourceKind =
  | 'manifest-yaml'
  | 'actions-jsonl'
  | 'summary-md'
  | 'json-manifest'
  | 'duckdb'
  | 'folder'
  | 'task-db'
  | 'chain-json'
  | 'markup';

/** What `provex import --kind` names: one importer each. */
export const IMPORT_KINDS = ['claude', 'duckdb', 'tasks', 'chains', 'markup'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export type SourceStatus = 'imported' | 'unchanged' | 'replaced' | 'rejected';

export interface RowCounts {
  sessions: number;
  events: number;
  tool_calls: number;
  decisions: number;
  transformations: number;
  entity_links: number;
  tasks: number;
  task_edges: number;
  chains: number;
  chain_events: number;
}

/** A problem inside a source: `line` for text files, `table` + `row` for databases. */
export interface ImportIssue {
  path: string;
  line?: number;
  table?: string;
  row?: number;
  message: string;
}

export interface SourceOutcome {
  path: string;
  kind: SourceKind;
  status: SourceStatus;
  /** Why the whole source was rejected (status 'rejected'). */
  reason?: string;
  /** Rows written by this source (0 when unchanged or rejected). */
  counts: RowCounts;
  /** Lines or rows skipped while the rest of the source was imported. */
  rejected: ImportIssue[];
  warnings: ImportIssue[];
}

export interface ImportReport {
  sources: SourceOutcome[];
  totals: RowCounts;
  /** Problems not tied to one file (a path that does not exist, a symlink loop, ...). */
  errors: ImportIssue[];
}

export interface ImportProgress {
  filesDone: number;
  filesTotal: number;
  sessionsDone: number;
  eventsDone: number;
  currentPath: string;
}

export interface ImportOptions {
  /** Project name for every session imported (default: manifest / root folder name). */
  project?: string;
  onProgress?: (p: ImportProgress) => void;
}

export function zeroCounts(): RowCounts {
  return {
    sessions: 0,
    events: 0,
    tool_calls: 0,
    decisions: 0,
    transformations: 0,
    entity_links: 0,
    tasks: 0,
    task_edges: 0,
    chains: 0,
    chain_events: 0,
  };
}

export function addCounts(a: RowCounts, b: RowCounts): RowCounts {
  return {
    sessions: a.sessions + b.sessions,
    events: a.events + b.events,
    tool_calls: a.tool_calls + b.tool_calls,
    decisions: a.decisions + b.decisions,
    transformations: a.transformations + b.transformations,
    entity_links: a.entity_links + b.entity_links,
    tasks: a.tasks + b.tasks,
    task_edges: a.task_edges + b.task_edges,
    chains: a.chains + b.chains,
    chain_events: a.chain_events + b.chain_events,
  };
}
