/**
 * TaskGraph rows <-> the workspace tables (`tasks`, `task_edges`, `task_agents`, ...). Bulk writes
 * go through the DuckDB Appender (one call per value, no SQL per row); nanosecond timestamps are
 * appended and read as BIGINT, so they stay exact (`getRowObjectsJson` gives them as strings).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type {
  ActivityId,
  AgentId,
  CommentId,
  Role,
  Task,
  TaskActivity,
  TaskAgent,
  TaskComment,
  TaskEdge,
  TaskGraph,
  TaskId,
  TaskLabel,
} from '../../shared/model/tasks.js';
import { enumValue } from '../../shared/tasks/enums.js';
import { compareUtf8 } from '../../shared/tasks/ids.js';
import type { Row } from './values.js';
import { withAppender } from './appender.js';

type Cell = string | bigint | number | null;

async function append(conn: DuckDBConnection, table: string, rows: Iterable<Cell[]>): Promise<void> {
  await withAppender(conn, table, (appender) => {
    for (const row of rows) {
      for (const v of row) {
        if (v === null) appender.appendNull();
        else if (typeof v === 'bigint') appender.appendBigInt(v);
        else if (typeof v === 'number') appender.appendInteger(v);
        else appender.appendVarchar(v);
      }
      appender.endRow();
    }
  });
}

/** Appends every row of `graph` under `graphId` (the caller holds the transaction). */
export async function appendGraphRows(conn: DuckDBConnection, graphId: number, g: TaskGraph): Promise<void> {
  // The Appender wants values per column type: graph_id is INTEGER, so it is appended as a number.
  const gid = graphId;
  const withId = (rows: Cell[][]): Cell[][] => rows.map((r) => [gid, ...r]);
  await append(
    conn,
    'tasks',
    withId(
      g.tasks.map((t) => [
        t.id,
        t.namespace,
        t.title,
        t.description,
        t.status,
        t.priority,
        t.type,
        t.phase,
        t.owner_id,
        t.notes,
        t.created_at,
        t.updated_at,
        t.closed_at,
        t.close_reason,
      ]),
    ),
  );
  await append(
    conn,
    'task_edges',
    withId(g.edges.map((e) => [e.source_id, e.target_id, e.kind, e.created_at])),
  );
  await append(conn, 'task_agents', withId(g.agents.map(agentCells)));
  await append(
    conn,
    'task_activities',
    withId(g.activities.map((a) => [a.id, a.agent_id, a.phase, a.stage, a.started_at, a.ended_at, a.notes])),
  );
  await append(conn, 'task_labels', withId(g.labels.map((l) => [l.task_id, l.name])));
  await append(
    conn,
    'task_comments',
    withId(g.comments.map((c) => [c.id, c.task_id, c.author_id, c.body, c.created_at])),
  );
}

/** id, kind, name, contact, role, provider, model, version, source */
export function agentCells(a: TaskAgent): Cell[] {
  switch (a.kind) {
    case 'human':
      return [a.id, a.kind, a.name, a.contact, null, null, null, null, null];
    case 'machine_learning':
      return [a.id, a.kind, null, null, a.role, a.provider, a.model, null, null];
    case 'software':
      return [a.id, a.kind, a.name, null, null, null, null, a.version, a.source];
  }
}

const big = (v: unknown): bigint => BigInt(String(v));
const bigOrNull = (v: unknown): bigint | null => (v === null || v === undefined ? null : BigInt(String(v)));
const s = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

export function taskFromRow(r: Row): Task {
  return {
    id: s(r.id) as TaskId,
    namespace: s(r.namespace),
    title: s(r.title),
    description: s(r.description),
    status: s(r.status) as Task['status'],
    priority: s(r.priority) as Task['priority'],
    type: s(r.type) as Task['type'],
    phase: s(r.phase) as Task['phase'],
    owner_id: r.owner_id === null ? null : (s(r.owner_id) as AgentId),
    notes: s(r.notes),
    created_at: big(r.created_at),
    updated_at: big(r.updated_at),
    closed_at: bigOrNull(r.closed_at),
    close_reason: s(r.close_reason),
  };
}

export function edgeFromRow(r: Row): TaskEdge {
  return {
    source_id: s(r.source_id) as TaskId,
    target_id: s(r.target_id),
    kind: s(r.kind) as TaskEdge['kind'],
    created_at: big(r.created_at),
  };
}

export function agentFromRow(r: Row): TaskAgent {
  const id = s(r.id) as AgentId;
  switch (r.kind) {
    case 'human':
      return { kind: 'human', id, name: s(r.name), contact: s(r.contact) };
    case 'machine_learning':
      return {
        kind: 'machine_learning',
        id,
        role: s(r.role) as Role,
        provider: s(r.provider),
        model: s(r.model),
      };
    default:
      return { kind: 'software', id, name: s(r.name), version: s(r.version), source: s(r.source) };
  }
}

export function activityFromRow(r: Row): TaskActivity {
  return {
    id: s(r.id) as ActivityId,
    agent_id: s(r.agent_id) as AgentId,
    phase: s(r.phase) as TaskActivity['phase'],
    stage: s(r.stage) as TaskActivity['stage'],
    started_at: big(r.started_at),
    ended_at: bigOrNull(r.ended_at),
    notes: s(r.notes),
  };
}

export function labelFromRow(r: Row): TaskLabel {
  return { task_id: s(r.task_id) as TaskId, name: s(r.name) };
}

export function commentFromRow(r: Row): TaskComment {
  return {
    id: s(r.id) as CommentId,
    task_id: s(r.task_id) as TaskId,
    author_id: s(r.author_id) as AgentId,
    body: s(r.body),
    created_at: big(r.created_at),
  };
}

const cmpBig = (a: bigint, b: bigint): number => (a < b ? -1 : a > b ? 1 : 0);

/** The order the SQLite reader returns edges in: created_at, source, target, kind integer. */
export function compareEdges(a: TaskEdge, b: TaskEdge): number {
  return (
    cmpBig(a.created_at, b.created_at) ||
    compareUtf8(a.source_id, b.source_id) ||
    compareUtf8(a.target_id, b.target_id) ||
    (enumValue('EdgeKind', a.kind) ?? 0) - (enumValue('EdgeKind', b.kind) ?? 0)
  );
}

export const compareTasks = (a: Task, b: Task): number =>
  cmpBig(a.created_at, b.created_at) || compareUtf8(a.id, b.id);
export const compareActivities = (a: TaskActivity, b: TaskActivity): number =>
  cmpBig(a.started_at, b.started_at) || compareUtf8(a.id, b.id);
export const compareComments = (a: TaskComment, b: TaskComment): number =>
  cmpBig(a.created_at, b.created_at) || compareUtf8(a.id, b.id);
export const compareLabels = (a: TaskLabel, b: TaskLabel): number =>
  compareUtf8(a.task_id, b.task_id) || compareUtf8(a.name, b.name);
