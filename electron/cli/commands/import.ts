import { IMPORT_KINDS, type ImportReport, type RowCounts } from '../../../shared/model/imports.js';
import { importPaths } from '../../importers/importPaths.js';
import { DB_HELP, DB_OPTION, UserError, oneOf, stringOpt, type Command } from '../command.js';
import { progressBar } from '../progressBar.js';
import { withWorkspace } from '../workspaceOption.js';

function countsText(c: RowCounts): string {
  const parts = Object.entries(c)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${n.toLocaleString('en-US')} ${k.replace(/_/g, ' ')}`);
  return parts.length ? parts.join(', ') : 'no rows';
}

/** The end-of-import report: what was imported, unchanged, replaced and rejected, with reasons. */
export function reportText(r: ImportReport): string {
  const lines: string[] = [];
  const by = (s: string) => r.sources.filter((x) => x.status === s);
  for (const status of ['imported', 'replaced', 'unchanged', 'rejected'] as const) {
    const group = by(status);
    if (!group.length) continue;
    lines.push(`${status}: ${group.length}`);
    for (const s of group) {
      const detail = status === 'rejected' ? s.reason : status === 'unchanged' ? '' : countsText(s.counts);
      lines.push(`  ${s.path}${detail ? `  (${detail})` : ''}`);
    }
  }
  const issues = [...r.sources.flatMap((s) => s.rejected), ...r.errors];
  if (issues.length) {
    lines.push(`rejected lines, rows or paths: ${issues.length}`);
    for (const i of issues.slice(0, 50)) {
      const where =
        i.line !== undefined
          ? `:${i.line}`
          : i.table
            ? ` (${i.table}${i.row !== undefined ? ` row ${i.row}` : ''})`
            : '';
      lines.push(`  ${i.path}${where}: ${i.message}`);
    }
    if (issues.length > 50) lines.push(`  … and ${issues.length - 50} more (--json lists all)`);
  }
  const warnings = r.sources.flatMap((s) => s.warnings);
  if (warnings.length) {
    lines.push(`warnings: ${warnings.length}`);
    for (const w of warnings.slice(0, 20))
      lines.push(`  ${w.path}${w.line !== undefined ? `:${w.line}` : ''}: ${w.message}`);
  }
  lines.push(`total: ${countsText(r.totals)}`);
  return lines.join('\n') + '\n';
}

export const importCommand: Command = {
  name: 'import',
  summary:
    'Import .claude/provenance folders, DuckDB provenance databases, Go task databases and CrucibleTrace chains (kind detected per path).',
  usage:
    'import <path>... [--kind claude|duckdb|tasks|chains|markup] [--project NAME] [--name NAME] [--json] [--db PATH]',
  options: {
    ...DB_OPTION,
    kind: { type: 'string' },
    project: { type: 'string' },
    name: { type: 'string' },
    json: { type: 'boolean' },
  },
  optionHelp: {
    kind: 'treat every path as this kind (text with <event> markup needs --kind markup)',
    project: 'project name for imported sessions (default: from the manifest, else the folder name)',
    name: 'chain name for markup input (default: the file name)',
    json: 'print the report as JSON',
    ...DB_HELP,
  },
  async run({ values, positionals, stdout }) {
    if (!positionals.length) throw new UserError('import needs at least one path');
    const kind =
      stringOpt(values, 'kind') === undefined ? undefined : oneOf(values, 'kind', IMPORT_KINDS, 'claude');
    const bar = values.json ? null : progressBar();
    const project = stringOpt(values, 'project');
    const name = stringOpt(values, 'name');
    const report = await withWorkspace(values, (ws) =>
      importPaths(ws, positionals, {
        ...(kind ? { kind } : {}),
        ...(project !== undefined ? { project } : {}),
        ...(name !== undefined ? { name } : {}),
        ...(bar ? { onProgress: bar.update } : {}),
      }),
    );
    bar?.done();
    stdout(values.json ? JSON.stringify(report, null, 2) + '\n' : reportText(report));
    const nothing = report.sources.length === 0 && report.errors.length > 0;
    if (nothing) throw new UserError(report.errors[0]!.message);
  },
};
