/**
 * The rows the reference's write calls produce (§10), as pure functions: callers persist them.
 * Quirks kept on purpose: Update bumps updated_at even with no field, closing through Update sets
 * neither closed_at nor close_reason, reopening clears neither, EndActivity keeps the stage.
 */
import type {
  ActivityId,
  AgentId,
  CommentId,
  Phase,
  Priority,
  Stage,
  Status,
  Task,
  TaskActivity,
  TaskComment,
  TaskId,
  TaskType,
} from '../model/tasks.js';
import { isKnownName, type EnumKind } from './enums.js';
import { formatId, InvalidIdError, parseId } from './ids.js';

/** "now" and a UUID source; the reference takes now first, then the UUIDv7. */
export interface TaskClock {
  nowNs: () => bigint;
  newUuid: () => string;
}

export type TaskErrorCode = 'not_found' | 'already_closed' | 'invalid_id' | 'invalid_value' | 'read_only';

export class TaskError extends Error {
  constructor(
    readonly code: TaskErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'TaskError';
  }
}

export interface CreateTaskInput {
  namespace: string;
  title: string;
  description?: string;
  type?: TaskType;
  priority?: Priority;
  phase: Phase;
}

/** `Create`: status open, no owner, empty notes, created_at = updated_at = now, never closed. */
export function newTask(input: CreateTaskInput, clock: TaskClock): Task {
  if (input.namespace === '')
    throw new TaskError('invalid_id', 'invalid id: a task namespace must not be empty');
  const type = input.type ?? 'task';
  const priority = input.priority ?? 'medium';
  checkEnum('TaskType', type);
  checkEnum('Priority', priority);
  checkEnum('Phase', input.phase);
  const now = clock.nowNs();
  return {
    id: formatId(input.namespace, clock.newUuid()) as TaskId,
    namespace: input.namespace,
    title: input.title,
    description: input.description ?? '',
    status: 'open',
    priority,
    type,
    phase: input.phase,
    owner_id: null,
    notes: '',
    created_at: now,
    updated_at: now,
    closed_at: null,
    close_reason: '',
  };
}

export interface TaskUpdate {
  title?: string;
  description?: string;
  status?: Status;
  priority?: Priority;
  phase?: Phase;
  notes?: string;
  /** Must be an existing agent; the owner cannot be cleared (absent = unchanged). */
  owner_id?: AgentId;
}

/** `Update`: the supplied fields only, updated_at always bumped, no state machine (§10.2). */
export function updatedTask(task: Task, fields: TaskUpdate, nowNs: bigint): Task {
  if (fields.status !== undefined) checkEnum('Status', fields.status);
  if (fields.priority !== undefined) checkEnum('Priority', fields.priority);
  if (fields.phase !== undefined) checkEnum('Phase', fields.phase);
  const next: Task = { ...task, updated_at: nowNs };
  for (const k of ['title', 'description', 'status', 'priority', 'phase', 'notes', 'owner_id'] as const) {
    if (fields[k] !== undefined) (next as unknown as Record<string, unknown>)[k] = fields[k];
  }
  return next;
}

/** `CloseTask`: refused when already closed; closed_at = updated_at = now; edges untouched. */
export function closedTask(task: Task, reason: string, nowNs: bigint): Task {
  if (task.status === 'closed') throw new TaskError('already_closed', `task already closed: ${task.id}`);
  return { ...task, status: 'closed', close_reason: reason, closed_at: nowNs, updated_at: nowNs };
}

/** `AddComment`: the id takes the TASK's namespace (not the author's). */
export function newComment(task: Task, author: AgentId, body: string, clock: TaskClock): TaskComment {
  const now = clock.nowNs();
  return {
    id: formatId(namespaceOf(task.id), clock.newUuid()) as CommentId,
    task_id: task.id,
    author_id: author,
    body,
    created_at: now,
  };
}

/** `StartActivity`: the id takes the AGENT's namespace; ended_at NULL. */
export function newActivity(
  agent: AgentId,
  phase: Phase,
  stage: Stage,
  notes: string,
  clock: TaskClock,
): TaskActivity {
  checkEnum('Phase', phase);
  checkEnum('Stage', stage);
  const now = clock.nowNs();
  return {
    id: formatId(namespaceOf(agent), clock.newUuid()) as ActivityId,
    agent_id: agent,
    phase,
    stage,
    started_at: now,
    ended_at: null,
    notes,
  };
}

/** `EndActivity`: sets ended_at only (not idempotent: a second call overwrites it). */
export function endedActivity(activity: TaskActivity, nowNs: bigint): TaskActivity {
  return { ...activity, ended_at: nowNs };
}

/** The namespace of an id; an agent registered with an empty namespace has none and fails here. */
export function namespaceOf(id: string): string {
  try {
    return parseId(id).namespace;
  } catch (e) {
    if (e instanceof InvalidIdError) throw new TaskError('invalid_id', e.message);
    throw e;
  }
}

/** Writes accept only the names the reference defines: lookup-table foreign keys refuse the rest. */
function checkEnum(kind: EnumKind, name: string): void {
  if (!isKnownName(kind, name)) throw new TaskError('invalid_value', `${kind}: unknown value '${name}'`);
}
