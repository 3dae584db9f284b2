import type { JsonObject, JsonValue } from '../../shared/model/json.js';

/**
 * What the tracker records, in the shape of the `<uuid>.json` lists (§7) plus what the DB and the
 * action lines need beside it. Times are naive-UTC ISO text (Python `isoformat()`).
 */
export interface TrackedEvent {
  event_id: string;
  session_id: string;
  event_type: string;
  event_name: string;
  timestamp: string;
  sequence_number: number;
  details: JsonObject;
  /** Measured duration of a timed event (tool call, transformation, agent_end), else null. */
  duration_ms: number | null;
  related_event_id: string | null;
  /** Only failed tool calls and the end of a failed session are failures (§12.8). */
  status: 'success' | 'failure';
  error_message: string | null;
  files_affected: string[];
}

export interface ToolCallRecord {
  call_id: string;
  session_id: string;
  event_id: string;
  tool_type: string;
  tool_name: string;
  call_time: string;
  input_params: JsonObject;
  output_data: JsonValue;
  duration_ms: number | null;
  cache_hit: boolean;
  success: boolean;
  error_message: string | null;
}

export interface DecisionRecord {
  decision_id: string;
  session_id: string;
  event_id: string;
  decision_type: string;
  decision_point: string;
  input_values: JsonObject;
  branch_taken: string | null;
  branches_available: JsonValue[];
  reason: string | null;
  timestamp: string;
}

export interface TransformationRecord {
  transformation_id: string;
  session_id: string;
  event_id: string;
  transformation_type: string;
  transformation_name: string;
  input_schema: JsonValue;
  input_sample: JsonValue;
  output_schema: JsonValue;
  output_sample: JsonValue;
  method: string | null;
  parameters: JsonObject;
  timestamp: string;
  duration_ms: number | null;
}

export interface EntityLinkRecord {
  entity_table: string;
  entity_id: string;
  link_type: string;
  timestamp: string;
  /** The session's last event when the link was made (§12.6). */
  event_id: string | null;
}

/** The runtime the session ran in (`environment` of §7; `python_version` names our runtime). */
export interface RuntimeEnvironment {
  python_version: string;
  platform: string;
  hostname: string;
  dependencies: Record<string, string>;
}
