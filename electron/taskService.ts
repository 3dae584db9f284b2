/**
 * The `tasks/*` calls of the contract over the workspace: the TaskRepository for graphs and edits,
 * the SQLite exporter for downloads, and session lookups. Results are plain JSON (wire form).
 * Errors the user can act on (not found, already closed, read-only graph, invalid value) are marked
 * `userFacing` with an HTTP-like status so every transport shows their message.
 */
import type { Args, Result } from '../shared/ipc/contract.js';
import type { TaskGraphId } from '../shared/model/tasks.js';
import { TaskError, type TaskErrorCode } from '../shared/tasks/mutations.js';
import { toWire, toWireValue } from '../shared/tasks/wire.js';
import { buildGoTasksSqlite, TaskExportError } from './exporters/goTasksSqlite.js';
import { TaskEdgeError, TaskRepository } from './store/taskRepository.js';
import { sessionsForTask } from './store/taskSessions.js';
import type { Workspace } from './store/workspace.js';

const STATUS: Record<TaskErrorCode, number> = {
  not_found: 404,
  already_closed: 409,
  read_only: 409,
  invalid_id: 400,
  invalid_value: 400,
};

/** Marks the errors of task edits user-facing; anything else propagates unchanged (a 500). */
async function userFacing<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof TaskError) throw Object.assign(e, { userFacing: true, status: STATUS[e.code] });
    if (e instanceof TaskExportError) throw Object.assign(e, { userFacing: true, status: 422 });
    throw e;
  }
}

/** A file name for a graph: its name without a SQLite extension or unsafe characters, `.sqlite`. */
export function exportFileName(graphName: string, graphId: number): string {
  const stem = graphName
    .replace(/\.(sqlite3?|db)$/i, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  return `${stem || `task-graph-${graphId}`}.sqlite`;
}

export class TaskService {
  readonly repo: TaskRepository;

  constructor(
    private readonly ws: Workspace,
    /** Called after every successful edit, with the tables it touched. */
    private readonly changed: (tables: string[]) => void = () => undefined,
    repo?: TaskRepository,
  ) {
    this.repo = repo ?? new TaskRepository(ws);
  }

  graphs(): Promise<Result<'tasks/graphs'>> {
    return this.repo.listGraphs();
  }

  async graph({ graph_id }: Args<'tasks/graph'>): Promise<Result<'tasks/graph'>> {
    const g = await this.repo.loadGraph(graph_id);
    return g === null ? null : toWire(g);
  }

  createTask({ graph_id, ...input }: Args<'tasks/createTask'>): Promise<Result<'tasks/createTask'>> {
    return this.edit(['tasks'], async () => toWireValue(await this.repo.createTask(graph_id, input)));
  }

  async addEdge(a: Args<'tasks/addEdge'>): Promise<Result<'tasks/addEdge'>> {
    try {
      const edge = await this.edit(['task_edges'], () =>
        this.repo.addEdge(a.graph_id, a.source_id, a.target_id, a.kind),
      );
      return { ok: true, edge: edge === null ? null : toWireValue(edge) };
    } catch (e) {
      if (!(e instanceof TaskEdgeError)) throw e;
      return { ok: false, code: e.code, message: e.message, path: e.path ?? [] };
    }
  }

  async removeEdge(a: Args<'tasks/removeEdge'>): Promise<Result<'tasks/removeEdge'>> {
    await this.edit(['task_edges'], () => this.repo.removeEdge(a.graph_id, a.source_id, a.target_id, a.kind));
    return { removed: true };
  }

  close({ graph_id, task_id, reason }: Args<'tasks/close'>): Promise<Result<'tasks/close'>> {
    return this.edit(['tasks'], async () =>
      toWireValue(await this.repo.closeTask(graph_id, task_id, reason)),
    );
  }

  async addLabel({ graph_id, task_id, name }: Args<'tasks/addLabel'>): Promise<Result<'tasks/addLabel'>> {
    await this.edit(['task_labels'], () => this.repo.addLabel(graph_id, task_id, name));
    return { task_id, name };
  }

  addComment(a: Args<'tasks/addComment'>): Promise<Result<'tasks/addComment'>> {
    return this.edit(['task_comments'], async () =>
      toWireValue(await this.repo.addComment(a.graph_id, a.task_id, a.author_id, a.body)),
    );
  }

  sessions({ task_id }: Args<'tasks/sessions'>): Promise<Result<'tasks/sessions'>> {
    return sessionsForTask(this.ws, task_id);
  }

  async exportSqlite({ graph_id }: Args<'tasks/exportSqlite'>): Promise<Result<'tasks/exportSqlite'>> {
    return userFacing(async () => {
      const graph = await this.repo.loadGraph(graph_id as TaskGraphId);
      if (graph === null) throw new TaskError('not_found', `task graph ${graph_id} not found`);
      const bytes = await buildGoTasksSqlite(graph);
      return {
        file_name: exportFileName(graph.name, graph_id),
        byte_length: bytes.length,
        base64: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'),
      };
    });
  }

  private async edit<T>(tables: string[], fn: () => Promise<T>): Promise<T> {
    const result = await userFacing(fn);
    this.changed(tables);
    return result;
  }
}
