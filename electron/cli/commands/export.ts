/**
 * `provex export <subject> [ID...] --format F [-o PATH]`: every export of the app from the
 * terminal. Text formats go to stdout without -o; binary ones need -o (a `.claude/provenance`
 * export writes the tree under the -o folder; Parquet is written by DuckDB straight to -o).
 */
import { existsSync, writeFileSync } from 'node:fs';
import {
  EXPORT_SUBJECTS,
  SUBJECT_FORMATS,
  formatProblem,
  type ExportFormat,
  type ExportSubject,
} from '../../../shared/model/exports.js';
import { sessionListText } from '../../../shared/export/exportText.js';
import { writeClaudeFolder } from '../../exporters/claude/writeFolder.js';
import { loadTraces, projectSessionIds } from '../../exporters/claude/loadSessions.js';
import { writeQueryParquet } from '../../exporters/parquet.js';
import { ExportService } from '../../exportService.js';
import { asSessionId } from '../../../shared/model/ids.js';
import type { TaskGraphId } from '../../../shared/model/tasks.js';
import { TaskRepository } from '../../store/taskRepository.js';
import type { Workspace } from '../../store/workspace.js';
import {
  DB_HELP,
  DB_OPTION,
  UserError,
  stringOpt,
  type Command,
  type CommandContext,
  type Values,
} from '../command.js';
import { withWorkspace } from '../workspaceOption.js';

const USAGE_IDS: Record<ExportSubject, string> = {
  sessions: '[SESSION_ID...]',
  session: 'SESSION_ID',
  project: 'PROJECT',
  tasks: 'GRAPH',
  chain: 'CHAIN_ID',
  diff: 'CHAIN_A CHAIN_B',
  query: '"SQL"',
};

function subjectOf(word: string | undefined): ExportSubject {
  if (word && (EXPORT_SUBJECTS as readonly string[]).includes(word)) return word as ExportSubject;
  throw new UserError(
    `export needs a subject: one of ${EXPORT_SUBJECTS.join(', ')}${word ? ` (got '${word}')` : ''}`,
  );
}

function exactly(subject: ExportSubject, ids: string[], n: number): void {
  if (ids.length !== n) throw new UserError(`export ${subject} takes ${USAGE_IDS[subject]}`);
}

async function graphId(ws: Workspace, selector: string): Promise<TaskGraphId> {
  const graphs = await new TaskRepository(ws).listGraphs();
  const g =
    graphs.find((x) => /^\d+$/.test(selector) && x.graph_id === Number(selector)) ??
    graphs.find((x) => x.name === selector);
  if (!g)
    throw new UserError(
      `no task graph '${selector}' (graphs: ${graphs.map((x) => `#${x.graph_id} ${x.name}`).join(', ') || 'none'})`,
    );
  return g.graph_id;
}

/** The text, or the bytes, of one export (as the app would download it). */
async function produce(
  ws: Workspace,
  subject: ExportSubject,
  ids: string[],
  format: ExportFormat,
  mermaidSafe: boolean,
): Promise<{ content: string; encoding: 'text' | 'base64' }> {
  const service = new ExportService(ws);
  switch (subject) {
    case 'session':
      exactly(subject, ids, 1);
      return service.session({ session_id: asSessionId(ids[0]!), format: format as never });
    case 'sessions': {
      const all = ids.length
        ? ids
        : (
            await ws.all(
              `SELECT session_id FROM provenance_sessions ORDER BY coalesce(depth, 0), start_time, session_id`,
            )
          ).map((r) => String(r.session_id));
      return { encoding: 'text', content: sessionListText(await loadTraces(ws, all), format) };
    }
    case 'project':
      exactly(subject, ids, 1);
      return service.project({ project: ids[0]!, format: format as never });
    case 'tasks':
      exactly(subject, ids, 1);
      return service.taskGraph({ graph_id: await graphId(ws, ids[0]!), format: format as never });
    case 'chain':
      exactly(subject, ids, 1);
      return service.chain(
        { chain_id: ids[0]!, format: format as never },
        { compat: mermaidSafe ? 'mermaid' : 'reference' },
      );
    case 'diff':
      exactly(subject, ids, 2);
      return service.diff({ a: ids[0]!, b: ids[1]!, format: format as never });
    case 'query':
      if (!ids.join(' ').trim()) throw new UserError('export query takes the SQL text');
      return service.table({ sql: ids.join(' '), format: format as never });
  }
}

function refuseExisting(path: string, values: Values): void {
  if (existsSync(path) && !values.force) throw new UserError(`${path} exists (use --force to replace it)`);
}

export const exportCommand: Command = {
  name: 'export',
  summary:
    'Export sessions, projects, task graphs, chains, chain diffs and query results (Mermaid, PROV, source formats, tables).',
  usage: `export <${EXPORT_SUBJECTS.join('|')}> [ID...] --format FORMAT [-o PATH] [--force] [--mermaid-safe] [--db PATH]`,
  options: {
    ...DB_OPTION,
    format: { type: 'string', short: 'f' },
    output: { type: 'string', short: 'o' },
    force: { type: 'boolean' },
    'mermaid-safe': { type: 'boolean' },
  },
  optionHelp: {
    format: Object.entries(SUBJECT_FORMATS)
      .map(([s, fs]) => `${s}: ${fs.join(', ')}`)
      .join('; '),
    output: 'write here instead of stdout (a folder for claude-provenance; required for binary formats)',
    force: 'replace existing files',
    'mermaid-safe':
      'chain diagrams that Mermaid 12 renders (same structure, escaped for Mermaid) instead of the CrucibleTrace reference bytes; other diagrams always render',
    ...DB_HELP,
  },
  async run(ctx) {
    try {
      await runExport(ctx);
    } catch (e) {
      // Export and import errors marked user-facing (not found, bad format…) print as one line.
      if ((e as { userFacing?: unknown }).userFacing === true) throw new UserError((e as Error).message);
      throw e;
    }
  },
};

async function runExport({ values, positionals, stdout, stderr }: CommandContext): Promise<void> {
  const [word, ...ids] = positionals;
  const subject = subjectOf(word);
  const format = stringOpt(values, 'format');
  if (!format)
    throw new UserError(`export ${subject} needs --format: one of ${SUBJECT_FORMATS[subject].join(', ')}`);
  const problem = formatProblem(subject, format);
  if (problem) throw new UserError(problem);
  const f = format as ExportFormat;
  const out = stringOpt(values, 'output');

  if (f === 'claude-provenance') {
    if (!out) throw new UserError('claude-provenance writes a folder: give the project folder with -o');
    const written = await withWorkspace(values, async (ws) => {
      const sessionIds =
        subject === 'project'
          ? (exactly(subject, ids, 1), (await projectSessionIds(ws, ids[0]!)).ids)
          : subject === 'session'
            ? (exactly(subject, ids, 1), ids)
            : ids.length
              ? ids
              : (
                  await ws.all(
                    `SELECT session_id FROM provenance_sessions ORDER BY coalesce(depth, 0), start_time`,
                  )
                ).map((r) => String(r.session_id));
      return writeClaudeFolder(ws, sessionIds, out, { overwrite: Boolean(values.force) });
    });
    stderr(`wrote ${written.length} files under ${out}\n`);
    return;
  }
  if (f === 'parquet') {
    if (!out) throw new UserError('parquet is binary: give the output file with -o');
    refuseExisting(out, values);
    await withWorkspace(values, (ws) => writeQueryParquet(ws, ids.join(' '), out));
    stderr(`wrote ${out}\n`);
    return;
  }
  const result = await withWorkspace(values, (ws) =>
    produce(ws, subject, ids, f, values['mermaid-safe'] === true),
  );
  if (result.encoding === 'base64') {
    if (!out) throw new UserError(`${f} is binary: give the output file with -o`);
    refuseExisting(out, values);
    writeFileSync(out, Buffer.from(result.content, 'base64'));
    stderr(`wrote ${out}\n`);
  } else if (out) {
    refuseExisting(out, values);
    writeFileSync(out, result.content);
    stderr(`wrote ${out}\n`);
  } else {
    stdout(result.content);
  }
}
