import type { JsonValue } from './json.js';
import type { EventId, SessionId } from './ids.js';

/**
 * Normalized rows of the six `provenance_*` tables, as importers produce them and the session
 * writer stores them. Conventions:
 * - Timestamps are naive text `YYYY-MM-DD HH:MM:SS[.ffffff]` (UTC for generated data; for
 *   hand-written manifests the digits exactly as written, see importers/claude/timestamps.ts).
 * - `null` means "not known from this source": when two sources describe one row, the writer
 *   merges column by column (see store/sessionWriter.ts). JSON columns hold parsed values;
 *   `undefined` leaves the column SQL NULL, `null` stores the JSON text `null`.
 */
export interface SessionRecord {
  session_id: SessionId;
  agent_type: string;
  agent_version: string | null;
  query: string;
  kwargs?: JsonValue;
  user_context?: JsonValue;
  start_time: string;
  end_time: string | null;
  duration_ms: number | null;
  success: boolean | null;
  result_summary?: JsonValue;
  error_message: string | null;
  python_version: string | null;
  dependencies?: JsonValue;
  db_path: string | null;
  parent_session_id: SessionId | null;
  depth: number | null;
  created_at: string | null;
}

export interface EventRecord {
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

export interface ToolCallRecord {
  call_id: string;
  session_id: SessionId;
  /** '' when no event of the session could be matched (the column is NOT NULL). */
  event_id: string;
  tool_type: string;
  tool_name: string;
  input_params: JsonValue;
  output_data?: JsonValue;
  output_size_bytes: number | null;
  call_time: string;
  duration_ms: number | null;
  cache_hit: boolean | null;
  cache_key: string | null;
  cache_source: string | null;
  rate_limit_delay_ms: number | null;
  retry_count: number | null;
  success: boolean;
  error_type: string | null;
  error_message: string | null;
}

export interface DecisionRecord {
  decision_id: string;
  session_id: SessionId;
  event_id: string;
  decision_type: string;
  decision_point: string;
  input_values: JsonValue;
  condition_evaluated: string | null;
  branch_taken: string | null;
  branches_available?: JsonValue;
  reason: string | null;
  timestamp: string;
}

export interface TransformationRecord {
  transformation_id: string;
  session_id: SessionId;
  event_id: string;
  transformation_type: string;
  transformation_name: string;
  input_schema?: JsonValue;
  input_sample?: JsonValue;
  input_size: number | null;
  output_schema?: JsonValue;
  output_sample?: JsonValue;
  output_size: number | null;
  method: string | null;
  parameters?: JsonValue;
  timestamp: string;
  duration_ms: number | null;
}

/**
 * An entity link. Its identity is (session_id, entity_table, entity_id, link_type): the writer
 * assigns `link_id` (reusing the id of an existing row with that identity, else MAX + 1).
 */
export interface EntityLinkRecord {
  session_id: SessionId;
  event_id: EventId | null;
  entity_table: string;
  entity_id: string;
  link_type: string;
  timestamp: string;
}

/** Per-session facts the reference tables have no column for (`provex_session_info`). */
export interface SessionInfoRecord {
  session_id: SessionId;
  folder: string | null;
  flavour: 'generated' | 'hand-written' | 'json-manifest' | 'actions-only' | 'database';
  summary_md: string | null;
  manifest?: JsonValue;
}

/** Everything one source file (or database) contributes; `strong` sources win column merges. */
export interface SourceFragment {
  strong: boolean;
  /**
   * Sessions this source refers to but does not describe (a line's session, a child's parent):
   * written first and only where missing, so the foreign keys hold; never claimed by the source.
   */
  contextSessions: SessionRecord[];
  sessions: SessionRecord[];
  events: EventRecord[];
  toolCalls: ToolCallRecord[];
  decisions: DecisionRecord[];
  transformations: TransformationRecord[];
  entityLinks: EntityLinkRecord[];
  sessionInfo: SessionInfoRecord[];
}

export function emptyFragment(strong: boolean): SourceFragment {
  return {
    strong,
    contextSessions: [],
    sessions: [],
    events: [],
    toolCalls: [],
    decisions: [],
    transformations: [],
    entityLinks: [],
    sessionInfo: [],
  };
}
