/** What export calls return and which formats each subject has (the CLI and the contract share them). */

export const EXPORT_SUBJECTS = ['sessions', 'session', 'project', 'tasks', 'chain', 'diff', 'query'] as const;
export type ExportSubject = (typeof EXPORT_SUBJECTS)[number];

export const EXPORT_FORMATS = [
  'mermaid-flowchart',
  'mermaid-sequence',
  'mermaid-timeline',
  'mermaid-graph',
  'mermaid-gantt',
  'prov-json',
  'prov-n',
  'claude-provenance',
  'crucible-json',
  'crucible-markdown',
  'crucible-csv',
  'html',
  'csv',
  'json',
  'parquet',
  'sqlite',
] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The formats that exist for each subject; anything else is refused with a clear message. */
export const SUBJECT_FORMATS = {
  sessions: ['prov-json', 'prov-n', 'claude-provenance', 'csv', 'json'],
  session: ['mermaid-sequence', 'mermaid-gantt', 'prov-json', 'prov-n', 'claude-provenance', 'json'],
  project: ['prov-json', 'prov-n', 'claude-provenance', 'csv', 'json'],
  tasks: ['mermaid-flowchart', 'prov-json', 'prov-n', 'sqlite', 'json'],
  chain: [
    'mermaid-flowchart',
    'mermaid-sequence',
    'mermaid-timeline',
    'mermaid-graph',
    'prov-json',
    'prov-n',
    'crucible-json',
    'crucible-markdown',
    'crucible-csv',
    'html',
  ],
  diff: ['mermaid-flowchart', 'html', 'json'],
  query: ['csv', 'json', 'parquet'],
} as const satisfies Record<ExportSubject, readonly ExportFormat[]>;

export type SessionExportFormat = (typeof SUBJECT_FORMATS.session)[number];
export type ProjectExportFormat = (typeof SUBJECT_FORMATS.project)[number];
export type TaskExportFormat = (typeof SUBJECT_FORMATS.tasks)[number];
export type ChainExportFormatName = (typeof SUBJECT_FORMATS.chain)[number];
export type DiffExportFormat = (typeof SUBJECT_FORMATS.diff)[number];
export type TableExportFormat = (typeof SUBJECT_FORMATS.query)[number];

/** Formats whose content is bytes (base64 over the contract), not text. */
export const BINARY_FORMATS: ReadonlySet<ExportFormat> = new Set(['claude-provenance', 'parquet', 'sqlite']);

/** Null when `format` exists for `subject`, else the message to show. */
export function formatProblem(subject: ExportSubject, format: string): string | null {
  const allowed: readonly string[] = SUBJECT_FORMATS[subject];
  if (allowed.includes(format)) return null;
  const known = (EXPORT_FORMATS as readonly string[]).includes(format);
  return `${known ? `format '${format}' does not exist for ${subject}` : `unknown format '${format}'`}: choose one of ${allowed.join(', ')}`;
}

/** An export's content and a suggested file name (never a path: the user picks where it goes). */
export interface ExportedFile {
  file_name: string;
  mime: string;
  /** `text`: `content` is the text; `base64`: `content` is the bytes in base64. */
  encoding: 'text' | 'base64';
  content: string;
}

/** File extension and MIME type of each format. */
export const FORMAT_FILES: Readonly<Record<ExportFormat, { ext: string; mime: string }>> = {
  'mermaid-flowchart': { ext: 'mmd', mime: 'text/vnd.mermaid' },
  'mermaid-sequence': { ext: 'mmd', mime: 'text/vnd.mermaid' },
  'mermaid-timeline': { ext: 'mmd', mime: 'text/vnd.mermaid' },
  'mermaid-graph': { ext: 'mmd', mime: 'text/vnd.mermaid' },
  'mermaid-gantt': { ext: 'mmd', mime: 'text/vnd.mermaid' },
  'prov-json': { ext: 'prov.json', mime: 'application/json' },
  'prov-n': { ext: 'provn', mime: 'text/provenance-notation' },
  'claude-provenance': { ext: 'tar', mime: 'application/x-tar' },
  'crucible-json': { ext: 'json', mime: 'application/json' },
  'crucible-markdown': { ext: 'md', mime: 'text/markdown' },
  'crucible-csv': { ext: 'csv', mime: 'text/csv' },
  html: { ext: 'html', mime: 'text/html' },
  csv: { ext: 'csv', mime: 'text/csv' },
  json: { ext: 'json', mime: 'application/json' },
  parquet: { ext: 'parquet', mime: 'application/vnd.apache.parquet' },
  sqlite: { ext: 'sqlite', mime: 'application/vnd.sqlite3' },
};

/** `name` made safe for a file name, plus the format's extension. */
export function exportFileName(stem: string, format: ExportFormat): string {
  const safe = stem
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 80);
  const kind = format.startsWith('mermaid-') ? `.${format.slice(8)}` : '';
  return `${safe || 'export'}${kind}.${FORMAT_FILES[format].ext}`;
}
