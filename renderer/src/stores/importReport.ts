/**
 * The import report as the panel shows it, and the progress line: pure transforms of the
 * contract's ImportReport and ImportProgressEvent. Paths are shown relative to the folder the
 * report's files share (the full path stays available as a tooltip); messages lose the path
 * prefix the importers put in front of them, since the file is named beside them already.
 */
import type { ImportIssue, ImportReport, RowCounts, SourceStatus } from '../../../shared/model/imports.js';
import { addCounts, zeroCounts } from '../../../shared/model/imports.js';

export const STATUS_ORDER: readonly SourceStatus[] = ['imported', 'replaced', 'unchanged', 'rejected'];

export interface ReportSource {
  path: string;
  /** The path relative to the report's common folder. */
  shown: string;
  kind: string;
  /** What the source wrote ("3 sessions, 28 events"), '' when nothing. */
  rows: string;
  /** Why a rejected source was rejected (without the path prefix). */
  reason: string | null;
}

export interface ReportIssue {
  /** `file:line`, `file (table row N)` or just the file. */
  where: string;
  path: string;
  message: string;
}

export interface ReportView {
  counts: Record<SourceStatus, number>;
  /** Rows written by the whole import ("3 sessions, 28 events, …"), or 'nothing new'. */
  written: string;
  groups: { status: SourceStatus; sources: ReportSource[] }[];
  /** Lines or rows skipped inside imported sources, and problems not tied to one source. */
  rejected: ReportIssue[];
  warnings: ReportIssue[];
  /** Nothing went wrong: no rejected source, line or error. */
  clean: boolean;
}

const COUNT_LABELS: [keyof RowCounts, string][] = [
  ['sessions', 'sessions'],
  ['events', 'events'],
  ['tool_calls', 'tool calls'],
  ['decisions', 'decisions'],
  ['transformations', 'transformations'],
  ['entity_links', 'entity links'],
  ['tasks', 'tasks'],
  ['task_edges', 'task edges'],
  ['chains', 'chains'],
  ['chain_events', 'chain events'],
];

/** "3 sessions, 28 events" — only the non-zero counts. */
export function describeCounts(c: RowCounts): string {
  return COUNT_LABELS.filter(([k]) => c[k] > 0)
    .map(([k, label]) => `${c[k].toLocaleString('en-US')} ${c[k] === 1 ? label.replace(/s$/, '') : label}`)
    .join(', ');
}

const lastSep = (s: string, before: number) =>
  Math.max(s.lastIndexOf('/', before), s.lastIndexOf('\\', before));

/** The longest folder prefix (ending in a separator) all paths share; '' when none. */
export function commonDir(paths: readonly string[]): string {
  if (paths.length === 0) return '';
  let prefix = paths[0]!.slice(0, lastSep(paths[0]!, paths[0]!.length) + 1);
  for (const p of paths) {
    while (prefix && !p.startsWith(prefix)) {
      const cut = prefix.length >= 2 ? lastSep(prefix, prefix.length - 2) : -1;
      prefix = cut < 0 ? '' : prefix.slice(0, cut + 1);
    }
  }
  return prefix;
}

export function relativeTo(path: string, base: string): string {
  return base && path.startsWith(base) && path.length > base.length ? path.slice(base.length) : path;
}

/** The importers prefix messages with `path:` or `path:line:`; the panel names the file beside it. */
export function stripPathPrefix(message: string, path: string): string {
  if (!path || !message.startsWith(path)) return message;
  return message.slice(path.length).replace(/^(:\d+)?:\s*/, '');
}

function issueOf(i: ImportIssue, base: string): ReportIssue {
  const file = relativeTo(i.path, base);
  let where = file;
  if (i.line !== undefined) where = `${file}:${i.line}`;
  else if (i.table !== undefined) where = `${file} (${i.table}${i.row !== undefined ? ` row ${i.row}` : ''})`;
  return { where, path: i.path, message: stripPathPrefix(i.message, i.path) };
}

export function groupReport(report: ImportReport): ReportView {
  const paths = [
    ...report.sources.map((s) => s.path),
    ...report.errors.map((e) => e.path),
    ...report.sources.flatMap((s) => [...s.rejected, ...s.warnings].map((i) => i.path)),
  ].filter(Boolean);
  const base = commonDir(paths);
  const counts = { imported: 0, replaced: 0, unchanged: 0, rejected: 0 };
  for (const s of report.sources) counts[s.status]++;
  const groups = STATUS_ORDER.map((status) => ({
    status,
    sources: report.sources
      .filter((s) => s.status === status)
      .map((s) => ({
        path: s.path,
        shown: relativeTo(s.path, base),
        kind: s.kind,
        rows: describeCounts(s.counts),
        reason: s.reason === undefined ? null : stripPathPrefix(s.reason, s.path),
      })),
  })).filter((g) => g.sources.length > 0);
  // A rejected source's reason is shown with it; its issue list repeats it only when it says more.
  const rejected = [
    ...report.sources.flatMap((s) =>
      s.rejected
        .filter((i) => s.status !== 'rejected' || i.message !== s.reason)
        .map((i) => issueOf(i, base)),
    ),
    ...report.errors.map((e) => issueOf(e, base)),
  ];
  const warnings = report.sources.flatMap((s) => s.warnings.map((i) => issueOf(i, base)));
  return {
    counts,
    written: describeCounts(report.totals) || 'nothing new',
    groups,
    rejected,
    warnings,
    clean: counts.rejected === 0 && rejected.length === 0,
  };
}

/** One report of several (a drop of several items is uploaded one item per call). */
export function mergeReports(reports: readonly ImportReport[]): ImportReport {
  return {
    sources: reports.flatMap((r) => r.sources),
    totals: reports.reduce((t, r) => addCounts(t, r.totals), zeroCounts()),
    errors: reports.flatMap((r) => r.errors),
  };
}

/**
 * Where an uploaded file sits under the uploads folder (`<uploads>/<ms>-<item>/<relative>`):
 * its name relative to the drop, which is what the user knows it by; other paths unchanged.
 */
export function uploadedName(path: string): string {
  const stamp = /[\\/]\d{12,}-[^\\/]*[\\/]/.exec(path);
  return stamp ? path.slice(stamp.index + stamp[0].length) : path;
}

/** A report of uploaded files with each path (and the messages naming it) as the drop named it. */
export function relabelUploads(report: ImportReport): ImportReport {
  const issue = (i: ImportIssue): ImportIssue => {
    const path = uploadedName(i.path);
    return { ...i, path, message: i.message.split(i.path).join(path) };
  };
  return {
    ...report,
    sources: report.sources.map((s) => ({
      ...s,
      path: uploadedName(s.path),
      ...(s.reason === undefined ? {} : { reason: s.reason.split(s.path).join(uploadedName(s.path)) }),
      rejected: s.rejected.map(issue),
      warnings: s.warnings.map(issue),
    })),
    errors: report.errors.map(issue),
  };
}

/** A failed call (an upload refused, a folder gone) as a report line, so the rest still shows. */
export function failureReport(path: string, message: string): ImportReport {
  return { sources: [], totals: zeroCounts(), errors: [{ path, message }] };
}

export interface ProgressFigures {
  filesDone: number;
  filesTotal: number;
  sessionsDone: number;
  eventsDone: number;
  currentPath: string;
}

export interface ProgressView {
  /** 0..1, or null while the number of files is not known yet. */
  fraction: number | null;
  text: string;
  current: string;
}

/** The progress bar's figures; `elapsedMs` since the import started gives the rate. */
export function progressView(p: ProgressFigures, elapsedMs: number): ProgressView {
  const fraction = p.filesTotal > 0 ? Math.min(1, p.filesDone / p.filesTotal) : null;
  const parts = [
    p.filesTotal > 0 ? `${p.filesDone} / ${p.filesTotal} files` : `${p.filesDone} files`,
    `${p.sessionsDone.toLocaleString('en-US')} sessions`,
    `${p.eventsDone.toLocaleString('en-US')} events`,
  ];
  if (elapsedMs >= 200 && p.eventsDone > 0)
    parts.push(`${Math.round((p.eventsDone * 1000) / elapsedMs).toLocaleString('en-US')} events/s`);
  return { fraction, text: parts.join(' · '), current: p.currentPath };
}
