/**
 * The `export/*` and `sql/*` calls of the contract: each export returns its text or its bytes
 * (base64) with a suggested file name; no path crosses the contract (the CLI and save dialogs
 * write files themselves). Unknown ids are 404s, formats that do not exist for a subject 400s.
 *
 * Chain diagrams: over the contract (the app's Export panel previews and saves them) they are the
 * render-safe variant, so what is saved renders wherever Mermaid runs; the CLI asks for the
 * CrucibleTrace reference bytes unless given `--mermaid-safe`. Our other generators always render.
 */
import { asChainId } from '../shared/model/ids.js';
import type { Args, Result } from '../shared/ipc/contract.js';
import type { Chain } from '../shared/model/chains.js';
import {
  FORMAT_FILES,
  exportFileName,
  formatProblem,
  type ExportFormat,
  type ExportSubject,
  type ExportedFile,
} from '../shared/model/exports.js';
import type { TaskGraphId } from '../shared/model/tasks.js';
import {
  ExportFormatError,
  chainText,
  diffFileStem,
  diffText,
  sessionListText,
  sessionText,
  taskGraphText,
  type ChainTextOptions,
} from '../shared/export/exportText.js';
import { tableToCsv, tableToJson } from '../shared/export/tableExport.js';
import { getChain } from './store/chainRepository.js';
import {
  ExportNotFoundError,
  loadTraces,
  projectSessionIds,
  sessionTreeIds,
} from './exporters/claude/loadSessions.js';
import { claudeFolderTar } from './exporters/claude/writeFolder.js';
import { buildGoTasksSqlite } from './exporters/goTasksSqlite.js';
import { queryParquetBytes } from './exporters/parquet.js';
import { runReadOnlyQuery } from './store/readOnlyQuery.js';
import { deleteSavedQuery, listSavedQueries, saveQuery } from './store/savedQueries.js';
import { TaskRepository } from './store/taskRepository.js';
import type { Workspace } from './store/workspace.js';

function checkFormat(subject: ExportSubject, format: string): ExportFormat {
  const problem = formatProblem(subject, format);
  if (problem) throw new ExportFormatError(problem);
  return format as ExportFormat;
}

function textFile(stem: string, format: ExportFormat, content: string): ExportedFile {
  return {
    file_name: exportFileName(stem, format),
    mime: FORMAT_FILES[format].mime,
    encoding: 'text',
    content,
  };
}

function bytesFile(stem: string, format: ExportFormat, bytes: Uint8Array): ExportedFile {
  return {
    file_name: exportFileName(stem, format),
    mime: FORMAT_FILES[format].mime,
    encoding: 'base64',
    content: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'),
  };
}

export class ExportService {
  constructor(
    private readonly ws: Workspace,
    private readonly tasks: TaskRepository = new TaskRepository(ws),
  ) {}

  async session({
    session_id,
    format,
    with_children,
  }: Args<'export/session'>): Promise<Result<'export/session'>> {
    const f = checkFormat('session', format);
    const ids = with_children === false ? [session_id] : await sessionTreeIds(this.ws, session_id);
    if (ids.length === 0) throw new ExportNotFoundError(`no session '${session_id}'`);
    if (f === 'claude-provenance')
      return bytesFile(`session-${session_id}`, f, await claudeFolderTar(this.ws, ids));
    return textFile(`session-${session_id}`, f, sessionText(await loadTraces(this.ws, ids), f));
  }

  async project({ project, format }: Args<'export/project'>): Promise<Result<'export/project'>> {
    const f = checkFormat('project', format);
    const { name, ids } = await projectSessionIds(this.ws, project);
    if (f === 'claude-provenance') return bytesFile(name, f, await claudeFolderTar(this.ws, ids));
    return textFile(name, f, sessionListText(await loadTraces(this.ws, ids), f, name));
  }

  async taskGraph({ graph_id, format, task_ids }: Args<'export/tasks'>): Promise<Result<'export/tasks'>> {
    const f = checkFormat('tasks', format);
    const graph = await this.tasks.loadGraph(graph_id as TaskGraphId);
    if (graph === null) throw new ExportNotFoundError(`task graph ${graph_id} not found`);
    const stem = graph.name.replace(/\.(sqlite3?|db)$/i, '') || `task-graph-${graph_id}`;
    if (f === 'sqlite') return bytesFile(stem, f, await buildGoTasksSqlite(graph));
    return textFile(stem, f, taskGraphText(graph, f, task_ids ? { taskIds: task_ids } : {}));
  }

  /** `opts.compat`: `'mermaid'` (default) for diagrams that render, `'reference'` for CrucibleTrace's bytes. */
  async chain(
    { chain_id, format }: Args<'export/chain'>,
    opts: ChainTextOptions = {},
  ): Promise<Result<'export/chain'>> {
    const f = checkFormat('chain', format);
    const chain = await this.loadChain(chain_id);
    return textFile(chain.name || chain_id, f, chainText(chain, f, { compat: opts.compat ?? 'mermaid' }));
  }

  async diff({ a, b, format }: Args<'export/diff'>): Promise<Result<'export/diff'>> {
    const f = checkFormat('diff', format);
    const [left, right] = [await this.loadChain(a), await this.loadChain(b)];
    return textFile(diffFileStem(left, a, right, b), f, diffText(left, right, f));
  }

  async table({ sql, format, limit }: Args<'export/table'>): Promise<Result<'export/table'>> {
    const f = checkFormat('query', format);
    if (f === 'parquet') return bytesFile('query', f, await queryParquetBytes(this.ws, sql));
    const result = await runReadOnlyQuery(this.ws, sql, limit ?? 1_000_000);
    return textFile('query', f, f === 'csv' ? tableToCsv(result) : tableToJson(result));
  }

  savedQueries(): Promise<Result<'sql/saved'>> {
    return listSavedQueries(this.ws);
  }

  saveQuery(args: Args<'sql/save'>): Promise<Result<'sql/save'>> {
    return saveQuery(this.ws, args);
  }

  async deleteQuery({ id }: Args<'sql/delete'>): Promise<Result<'sql/delete'>> {
    return { deleted: await deleteSavedQuery(this.ws, id) };
  }

  private async loadChain(id: string): Promise<Chain> {
    const chain = (await getChain(this.ws, asChainId(id)))?.chain;
    if (!chain) throw new ExportNotFoundError(`no chain '${id}'`);
    return chain;
  }
}
