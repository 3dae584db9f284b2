/**
 * Arguments and results of the `tasks/*` contract calls. Everything is plain JSON: timestamps
 * travel as decimal strings (`shared/tasks/wire.ts`), and no call takes a file path (the export
 * returns the bytes, the caller decides where they go).
 */
import type { SessionSummary } from './sessions.js';
import type {
  EdgeKind,
  Phase,
  Priority,
  Task,
  TaskComment,
  TaskEdge,
  TaskGraphId,
  TaskType,
} from './tasks.js';
import type { Wire } from '../tasks/wire.js';

export type TaskWire = Wire<Task>;
export type TaskEdgeWire = Wire<TaskEdge>;
export type TaskCommentWire = Wire<TaskComment>;

export interface CreateTaskArgs {
  graph_id: TaskGraphId;
  namespace: string;
  title: string;
  description?: string;
  type?: TaskType;
  priority?: Priority;
  phase: Phase;
}

export interface TaskEdgeArgs {
  graph_id: TaskGraphId;
  source_id: string;
  target_id: string;
  kind: EdgeKind;
}

/**
 * AddEdge's outcome. A refusal is a result, not an exception, so every transport carries the cycle
 * `path` (source, ..., source) the view highlights; `edge` is null when a duplicate of a
 * non-blocking kind was silently ignored (§9.2).
 */
export type AddEdgeResult =
  | { ok: true; edge: TaskEdgeWire | null }
  | {
      ok: false;
      code: 'invalid_id' | 'not_found' | 'duplicate' | 'cycle';
      message: string;
      /** The cycle the edge would close, starting and ending at the source; [] for other refusals. */
      path: string[];
    };

/** An agent session that references a task: how it was found. */
export interface TaskSessionLink extends SessionSummary {
  /** `entity_link`: a provenance_entity_links row (entity_table tasks/task); `event_details`: the id in an event's details. */
  via: ('entity_link' | 'event_details')[];
}

/** A task graph as a classic Go tracker file, for a download. */
export interface TaskSqliteExport {
  file_name: string;
  byte_length: number;
  base64: string;
}
