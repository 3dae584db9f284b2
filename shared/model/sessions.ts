import type { JsonObject, JsonValue } from './json.js';
import type { EventId, ProjectId, SessionId } from './ids.js';

/** One agent session, as listed (a row of `sessions/list`). Times are ISO-8601 UTC with `Z`. */
export interface SessionSummary {
  session_id: SessionId;
  project: string | null;
  project_id: ProjectId | null;
  agent_type: string;
  query: string;
  start_time: string;
  end_time: string | null;
  duration_ms: number | null;
  success: boolean | null;
  parent_session_id: SessionId | null;
  depth: number;
  event_count: number;
  tool_call_count: number;
  cache_hits: number;
}

/** A session's full record: the `provenance_sessions` row plus where it came from. */
export interface SessionDetail extends SessionSummary {
  agent_version: string | null;
  kwargs: JsonValue;
  user_context: JsonValue;
  result_summary: JsonValue;
  error_message: string | null;
  python_version: string | null;
  dependencies: JsonValue;
  db_path: string | null;
  created_at: string | null;
  project_root: string | null;
  folder: string | null;
  summary_md: string | null;
  manifest: JsonValue;
}

export interface SessionEvent {
  event_id: EventId;
  session_id: SessionId;
  event_type: string;
  event_name: string;
  timestamp: string;
  sequence_number: number;
  details: JsonValue;
  duration_ms: number | null;
  related_event_id: EventId | null;
}

export interface ToolCall {
  call_id: string;
  session_id: SessionId;
  event_id: EventId | null;
  tool_type: string;
  tool_name: string;
  input_params: JsonValue;
  output_data: JsonValue;
  output_size_bytes: number | null;
  call_time: string;
  duration_ms: number | null;
  cache_hit: boolean;
  cache_key: string | null;
  cache_source: string | null;
  rate_limit_delay_ms: number | null;
  retry_count: number;
  success: boolean;
  error_type: string | null;
  error_message: string | null;
}

export interface Decision {
  decision_id: string;
  session_id: SessionId;
  event_id: EventId | null;
  decision_type: string;
  decision_point: string;
  input_values: JsonValue;
  condition_evaluated: string | null;
  branch_taken: string | null;
  branches_available: JsonValue;
  reason: string | null;
  timestamp: string;
}

export interface Transformation {
  transformation_id: string;
  session_id: SessionId;
  event_id: EventId | null;
  transformation_type: string;
  transformation_name: string;
  input_schema: JsonValue;
  input_sample: JsonValue;
  input_size: number | null;
  output_schema: JsonValue;
  output_sample: JsonValue;
  output_size: number | null;
  method: string | null;
  parameters: JsonValue;
  timestamp: string;
  duration_ms: number | null;
}

export interface EntityLink {
  link_id: number;
  session_id: SessionId;
  event_id: EventId | null;
  entity_table: string;
  entity_id: string;
  link_type: string;
  timestamp: string;
}

/** Everything recorded for one session (the reference's `get_session_trace`). */
export interface SessionTrace {
  session: SessionDetail;
  events: SessionEvent[];
  tool_calls: ToolCall[];
  decisions: Decision[];
  transformations: Transformation[];
  entity_links: EntityLink[];
}

export interface SessionFilter {
  project?: string;
  agent?: string;
  success?: boolean;
  since?: string;
  until?: string;
  search?: string;
  parent?: SessionId | null;
  sort?: SessionSortKey;
  descending?: boolean;
  offset?: number;
  limit?: number;
}

export const sessionSortKeys = [
  'start_time',
  'project',
  'agent_type',
  'query',
  'duration_ms',
  'success',
  'event_count',
  'tool_call_count',
] as const;
export type SessionSortKey = (typeof sessionSortKeys)[number];

export interface SessionPage {
  total: number;
  offset: number;
  rows: SessionSummary[];
}

export interface GroupStats {
  key: string;
  sessions: number;
  succeeded: number;
  failed: number;
  /** succeeded / (succeeded + failed); null when none has ended. */
  success_rate: number | null;
  median_duration_ms: number | null;
}

export interface SessionStats {
  total: number;
  by_project: GroupStats[];
  by_agent: GroupStats[];
}

export interface Project {
  project_id: ProjectId;
  name: string;
  root_path: string | null;
  session_count: number;
}

export type { JsonObject };
