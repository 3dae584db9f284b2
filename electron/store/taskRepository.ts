/**
 * Task graphs in the workspace: save a whole graph (one transaction, Appender for the rows), read
 * it back as the DTO with exact bigint timestamps, list graphs, and edit a writable graph with the
 * reference's rules (shared/tasks). Graphs imported from extended-classic or journal files, or with
 * foreign lookup tables, are read-only and refuse every edit with a message saying why.
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type {
  AgentId,
  EdgeKind,
  Task,
  TaskComment,
  TaskEdge,
  TaskGraph,
  TaskGraphGeneration,
  TaskGraphId,
  TaskGraphSummary,
} from '../../shared/model/tasks.js';
import { buildTaskIndex } from '../../shared/tasks/graphIndex.js';
import { checkAddEdge, type EdgeRefusal } from '../../shared/tasks/edgeValidation.js';
import { isKnownName } from '../../shared/tasks/enums.js';
import { createUuidV7Generator } from '../../shared/tasks/ids.js';
import {
  closedTask,
  newComment,
  newTask,
  TaskError,
  updatedTask,
  type CreateTaskInput,
  type TaskClock,
  type TaskUpdate,
} from '../../shared/tasks/mutations.js';
import {
  activityFromRow,
  agentFromRow,
  appendGraphRows,
  commentFromRow,
  compareActivities,
  compareComments,
  compareEdges,
  compareLabels,
  compareTasks,
  edgeFromRow,
  labelFromRow,
  taskFromRow,
} from './taskGraphRows.js';
import { isoUtc, int, type Row } from './values.js';
import type { Param, Transaction, Workspace } from './workspace.js';

/** An edge refused by the reference's AddEdge checks; `path` names the cycle when there is one. */
export class TaskEdgeError extends Error {
  readonly code: EdgeRefusal['code'];
  readonly path: string[] | undefined;
  constructor(refusal: EdgeRefusal) {
    super(refusal.message);
    this.name = 'TaskEdgeError';
    this.code = refusal.code;
    this.path = refusal.code === 'cycle' ? refusal.path : undefined;
  }
}

/** Wall-clock nanoseconds (microsecond resolution) and a process-monotonic UUIDv7 source. */
export function systemTaskClock(): TaskClock {
  const nowNs = (): bigint => BigInt(Math.floor((performance.timeOrigin + performance.now()) * 1000)) * 1000n;
  return { nowNs, newUuid: createUuidV7Generator({ nowNs, randomBytes: (n) => randomBytes(n) }) };
}

const TABLES = [
  'tasks',
  'task_edges',
  'task_agents',
  'task_activities',
  'task_labels',
  'task_comments',
] as const;

export class TaskRepository {
  constructor(
    private readonly ws: Workspace,
    private readonly clock: TaskClock = systemTaskClock(),
  ) {}

  /** Stores a whole graph as a new workspace graph; returns its id. All or nothing. */
  async saveGraph(graph: TaskGraph, options: { sourceId?: number } = {}): Promise<TaskGraphId> {
    return this.ws.transaction(async (tx) => {
      const [row] = await tx.all(
        `INSERT INTO task_graphs (name, source_id, generation, read_only, created_at)
         VALUES (?, ?, ?, ?, CAST(now() AS TIMESTAMP)) RETURNING graph_id`,
        [graph.name, options.sourceId ?? null, graph.generation, graph.read_only],
      );
      const id = int(row?.graph_id);
      await appendGraphRows(tx.connection, id, graph);
      return id as TaskGraphId;
    });
  }

  /** A new, empty, writable graph for tasks made in the app. */
  async createGraph(name: string): Promise<TaskGraphId> {
    return this.saveGraph({
      name,
      generation: 'workspace',
      read_only: false,
      tasks: [],
      edges: [],
      agents: [],
      activities: [],
      labels: [],
      comments: [],
      warnings: [],
    });
  }

  /** Removes a graph and all its rows (for a re-import that replaces it). */
  async deleteGraph(graphId: TaskGraphId): Promise<void> {
    await this.ws.transaction(async (tx) => {
      for (const t of TABLES) await tx.exec(`DELETE FROM ${t} WHERE graph_id = ?`, [graphId]);
      await tx.exec(`DELETE FROM task_graphs WHERE graph_id = ?`, [graphId]);
    });
  }

  async listGraphs(): Promise<TaskGraphSummary[]> {
    const rows = await this.ws.all(
      `SELECT g.graph_id, g.name, g.generation, g.read_only, g.created_at,
              (SELECT count(*) FROM tasks t WHERE t.graph_id = g.graph_id) AS task_count,
              (SELECT count(*) FROM tasks t WHERE t.graph_id = g.graph_id AND t.status <> 'closed') AS open_count,
              (SELECT count(*) FROM task_edges e WHERE e.graph_id = g.graph_id) AS edge_count
         FROM task_graphs g ORDER BY g.graph_id`,
    );
    return rows.map((r) => ({
      graph_id: int(r.graph_id) as TaskGraphId,
      name: String(r.name),
      generation: String(r.generation) as TaskGraphGeneration,
      read_only: Boolean(r.read_only),
      created_at: isoUtc(r.created_at),
      task_count: int(r.task_count),
      edge_count: int(r.edge_count),
      open_count: int(r.open_count),
    }));
  }

  /** The whole graph as the DTO, in the order the SQLite reader uses; null when it does not exist. */
  async loadGraph(graphId: TaskGraphId): Promise<TaskGraph | null> {
    const q = (sql: string, params: Param[] = [graphId]): Promise<Row[]> => this.ws.all(sql, params);
    const [g] = await q(`SELECT name, generation, read_only FROM task_graphs WHERE graph_id = ?`);
    if (!g) return null;
    const [tasks, edges, agents, activities, labels, comments] = await Promise.all([
      q(`SELECT * FROM tasks WHERE graph_id = ?`),
      q(`SELECT * FROM task_edges WHERE graph_id = ?`),
      q(`SELECT * FROM task_agents WHERE graph_id = ? ORDER BY rowid`),
      q(`SELECT * FROM task_activities WHERE graph_id = ?`),
      q(`SELECT * FROM task_labels WHERE graph_id = ?`),
      q(`SELECT * FROM task_comments WHERE graph_id = ?`),
    ]);
    return {
      name: String(g.name),
      generation: String(g.generation) as TaskGraphGeneration,
      read_only: Boolean(g.read_only),
      tasks: tasks.map(taskFromRow).sort(compareTasks),
      edges: edges.map(edgeFromRow).sort(compareEdges),
      agents: agents.map(agentFromRow),
      activities: activities.map(activityFromRow).sort(compareActivities),
      labels: labels.map(labelFromRow).sort(compareLabels),
      comments: comments.map(commentFromRow).sort(compareComments),
      warnings: [],
    };
  }

  // --- edits (writable graphs only) -------------------------------------------------------------

  /** `Create` (§10.1). */
  async createTask(graphId: TaskGraphId, input: CreateTaskInput): Promise<Task> {
    return this.edit(graphId, async (tx) => {
      const task = newTask(input, this.clock);
      await tx.exec(`INSERT INTO tasks VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, [
        graphId,
        task.id,
        task.namespace,
        task.title,
        task.description,
        task.status,
        task.priority,
        task.type,
        task.phase,
        task.owner_id,
        task.notes,
        task.created_at,
        task.updated_at,
        task.closed_at,
        task.close_reason,
      ]);
      return task;
    });
  }

  /**
   * `AddEdge` (§9): blocked_by edges are validated (invalid id, missing task, duplicate, self-loop,
   * cycle with its path) and stored with the canonical target; other kinds are an insert-or-ignore.
   * Returns the stored edge, or null when a duplicate of another kind was ignored.
   */
  async addEdge(
    graphId: TaskGraphId,
    source: string,
    target: string,
    kind: EdgeKind,
  ): Promise<TaskEdge | null> {
    if (!isKnownName('EdgeKind', kind))
      throw new TaskError('invalid_value', `EdgeKind: unknown value '${kind}'`);
    return this.edit(graphId, async (tx) => {
      // The checks need task existence and the blocked_by edges only: read ids, not whole rows.
      const tasks = (await tx.all(`SELECT id FROM tasks WHERE graph_id = ?`, [graphId])).map((r) =>
        taskFromRow({ ...r, created_at: 0, updated_at: 0 }),
      );
      const edges = (
        await tx.all(
          `SELECT source_id, target_id, kind, 0 AS created_at FROM task_edges
            WHERE graph_id = ? AND (kind = 'blocked_by' OR source_id = ?)`,
          [graphId, source],
        )
      ).map(edgeFromRow);
      const check = checkAddEdge(buildTaskIndex(tasks, edges), source, target, kind);
      if (!check.ok) throw new TaskEdgeError(check);
      if (check.duplicate) return null;
      const edge: TaskEdge = {
        source_id: check.source_id,
        target_id: check.target_id,
        kind,
        created_at: this.clock.nowNs(),
      };
      await tx.exec(`INSERT OR IGNORE INTO task_edges VALUES (?, ?, ?, ?, ?)`, [
        graphId,
        edge.source_id,
        edge.target_id,
        edge.kind,
        edge.created_at,
      ]);
      return edge;
    });
  }

  /** `RemoveEdge` (§9.2): idempotent, nothing records the removal. */
  async removeEdge(graphId: TaskGraphId, source: string, target: string, kind: EdgeKind): Promise<void> {
    await this.edit(graphId, (tx) =>
      tx.exec(`DELETE FROM task_edges WHERE graph_id = ? AND source_id = ? AND target_id = ? AND kind = ?`, [
        graphId,
        source,
        target,
        kind,
      ]),
    );
  }

  /** `CloseTask` (§10.3): refused when already closed; edges untouched. */
  async closeTask(graphId: TaskGraphId, taskId: string, reason: string): Promise<Task> {
    return this.edit(graphId, async (tx) => {
      const task = closedTask(await this.task(tx, graphId, taskId), reason, this.clock.nowNs());
      await tx.exec(
        `UPDATE tasks SET status = ?, close_reason = ?, closed_at = ?, updated_at = ? WHERE graph_id = ? AND id = ?`,
        [task.status, task.close_reason, task.closed_at, task.updated_at, graphId, task.id],
      );
      return task;
    });
  }

  /** `Update` (§10.2) with its quirks: updated_at always bumped, closed_at/close_reason never touched. */
  async updateTask(graphId: TaskGraphId, taskId: string, fields: TaskUpdate): Promise<Task> {
    return this.edit(graphId, async (tx) => {
      const before = await this.task(tx, graphId, taskId);
      if (fields.owner_id !== undefined) await this.agent(tx, graphId, fields.owner_id);
      const t = updatedTask(before, fields, this.clock.nowNs());
      await tx.exec(
        `UPDATE tasks SET updated_at = ?, title = ?, description = ?, status = ?, priority = ?, phase = ?, notes = ?, owner_id = ?
          WHERE graph_id = ? AND id = ?`,
        [
          t.updated_at,
          t.title,
          t.description,
          t.status,
          t.priority,
          t.phase,
          t.notes,
          t.owner_id,
          graphId,
          t.id,
        ],
      );
      return t;
    });
  }

  /** `AddLabel` (§10.4): idempotent; the task must exist. */
  async addLabel(graphId: TaskGraphId, taskId: string, name: string): Promise<void> {
    await this.edit(graphId, async (tx) => {
      await this.task(tx, graphId, taskId);
      await tx.exec(`INSERT OR IGNORE INTO task_labels VALUES (?, ?, ?)`, [graphId, taskId, name]);
    });
  }

  /** `AddComment` (§10.4): task and author must exist; the id takes the task's namespace. */
  async addComment(
    graphId: TaskGraphId,
    taskId: string,
    authorId: string,
    body: string,
  ): Promise<TaskComment> {
    return this.edit(graphId, async (tx) => {
      const task = await this.task(tx, graphId, taskId);
      await this.agent(tx, graphId, authorId);
      const c = newComment(task, authorId as AgentId, body, this.clock);
      await tx.exec(`INSERT INTO task_comments VALUES (?, ?, ?, ?, ?, ?)`, [
        graphId,
        c.id,
        c.task_id,
        c.author_id,
        c.body,
        c.created_at,
      ]);
      return c;
    });
  }

  /** Runs an edit in one transaction after checking the graph exists and is writable. */
  private edit<T>(graphId: TaskGraphId, fn: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.ws.transaction(async (tx) => {
      const [g] = await tx.all(`SELECT name, generation, read_only FROM task_graphs WHERE graph_id = ?`, [
        graphId,
      ]);
      if (!g) throw new TaskError('not_found', `task graph ${graphId} not found`);
      if (g.read_only) {
        const why =
          g.generation === 'journal'
            ? 'it comes from a journal-generation file (provenance v0.0.3+), whose tasks are projections of an append-only journal'
            : g.generation === 'extended_classic'
              ? 'it comes from a file with post-v0.0.2 layers (plans, derivation qualifiers)'
              : 'it was imported read-only (see the import warnings)';
        throw new TaskError('read_only', `task graph '${String(g.name)}' (#${graphId}) is read-only: ${why}`);
      }
      return fn(tx);
    });
  }

  private async task(tx: Transaction, graphId: TaskGraphId, taskId: string): Promise<Task> {
    const [row] = await tx.all(`SELECT * FROM tasks WHERE graph_id = ? AND id = ?`, [graphId, taskId]);
    if (!row) throw new TaskError('not_found', `task not found: ${taskId}`);
    return taskFromRow(row);
  }

  private async agent(tx: Transaction, graphId: TaskGraphId, agentId: string): Promise<void> {
    const rows = await tx.all(`SELECT 1 FROM task_agents WHERE graph_id = ? AND id = ?`, [graphId, agentId]);
    if (rows.length === 0) throw new TaskError('not_found', `agent not found: ${agentId}`);
  }
}
