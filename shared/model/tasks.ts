/**
 * Task graphs of the Go task tracker (formats/go-task-provenance.md): the plain DTO that crosses
 * the process boundary. Enums are carried by name (`'open'`, `'blocked_by'`); a stored integer
 * with no name is kept as Go's `String()` form, e.g. `'Status(7)'` (§5). Every `*_at` is Unix epoch
 * nanoseconds as `bigint` (values exceed 2^53); use `shared/tasks/wire.ts` where JSON is needed.
 */
import type { Brand, TaskId } from './ids.js';

export type { TaskId } from './ids.js';
export type AgentId = Brand<string, 'AgentId'>;
export type ActivityId = Brand<string, 'ActivityId'>;
export type CommentId = Brand<string, 'CommentId'>;
export type TaskGraphId = Brand<number, 'TaskGraphId'>;

export const asAgentId = (s: string): AgentId => s as AgentId;
export const asActivityId = (s: string): ActivityId => s as ActivityId;
export const asCommentId = (s: string): CommentId => s as CommentId;
export const asTaskGraphId = (n: number): TaskGraphId => n as TaskGraphId;

/** A stored integer without a name, in Go `String()` form: `Status(7)`. */
export type UnknownEnum = `${string}(${number})`;

export type StatusName = 'open' | 'in_progress' | 'closed';
export type PriorityName = 'critical' | 'high' | 'medium' | 'low' | 'backlog';
export type TaskTypeName = 'bug' | 'feature' | 'task' | 'epic' | 'chore';
export type EdgeKindName =
  'blocked_by' | 'derived_from' | 'supersedes' | 'discovered_from' | 'generated_by' | 'attributed_to';
export type AgentKindName = 'human' | 'machine_learning' | 'software';
export type ProviderName = 'anthropic' | 'google' | 'openai' | 'local';
export type RoleName = 'human' | 'architect' | 'supervisor' | 'worker' | 'reviewer';
export type PhaseName =
  | 'request'
  | 'elicit'
  | 'propose'
  | 'review'
  | 'plan_uat'
  | 'ratify'
  | 'handoff'
  | 'impl_plan'
  | 'worker_slices'
  | 'code_review'
  | 'impl_uat'
  | 'landing'
  | 'unscoped';
export type StageName = 'not_started' | 'in_progress' | 'blocked' | 'complete';

export type Status = StatusName | UnknownEnum;
export type Priority = PriorityName | UnknownEnum;
export type TaskType = TaskTypeName | UnknownEnum;
export type EdgeKind = EdgeKindName | UnknownEnum;
export type Role = RoleName | UnknownEnum;
export type Phase = PhaseName | UnknownEnum;
export type Stage = StageName | UnknownEnum;

/**
 * `classic` files may be written; `extended_classic` (post-v0.0.2 layers without a journal) and
 * `journal` (v0.0.3+) are read only (§2.1, §12). `workspace` = made in the app, never a file.
 */
export type TaskGraphGeneration = 'classic' | 'extended_classic' | 'journal' | 'workspace';

export interface Task {
  id: TaskId;
  namespace: string;
  title: string;
  description: string;
  status: Status;
  priority: Priority;
  type: TaskType;
  phase: Phase;
  owner_id: AgentId | null;
  notes: string;
  created_at: bigint;
  updated_at: bigint;
  /** Written only by CloseTask and never cleared: an open task may carry it (§7.1). */
  closed_at: bigint | null;
  close_reason: string;
}

/**
 * `source_id` is always a task. `target_id` is a task (kinds blocked_by, derived_from, supersedes,
 * discovered_from), an activity (generated_by) or an agent (attributed_to); only blocked_by targets
 * are validated, so other kinds may dangle (§7.2).
 */
export interface TaskEdge {
  source_id: TaskId;
  target_id: string;
  kind: EdgeKind;
  created_at: bigint;
}

export interface HumanAgent {
  kind: 'human';
  id: AgentId;
  name: string;
  contact: string;
}

/** Provider and model resolved through `agents_ml.model_id -> ml_models -> providers` (§7.3). */
export interface MlAgent {
  kind: 'machine_learning';
  id: AgentId;
  role: Role;
  provider: string;
  model: string;
}

export interface SoftwareAgent {
  kind: 'software';
  id: AgentId;
  name: string;
  version: string;
  source: string;
}

export type TaskAgent = HumanAgent | MlAgent | SoftwareAgent;

export interface TaskActivity {
  id: ActivityId;
  agent_id: AgentId;
  phase: Phase;
  stage: Stage;
  started_at: bigint;
  /** NULL while running; EndActivity never changes the stage (§10.5). */
  ended_at: bigint | null;
  notes: string;
}

export interface TaskLabel {
  task_id: TaskId;
  name: string;
}

export interface TaskComment {
  id: CommentId;
  task_id: TaskId;
  author_id: AgentId;
  body: string;
  created_at: bigint;
}

/** A whole task graph: one tracker file, or one graph of the workspace. */
export interface TaskGraph {
  name: string;
  generation: TaskGraphGeneration;
  read_only: boolean;
  tasks: Task[];
  edges: TaskEdge[];
  agents: TaskAgent[];
  activities: TaskActivity[];
  labels: TaskLabel[];
  comments: TaskComment[];
  /** What the reader noticed and worked around: invalid ids, unknown enum values, a WAL file. */
  warnings: string[];
}

/** One row of the workspace's graph list. */
export interface TaskGraphSummary {
  graph_id: TaskGraphId;
  name: string;
  generation: TaskGraphGeneration;
  read_only: boolean;
  created_at: string;
  task_count: number;
  edge_count: number;
  open_count: number;
}
