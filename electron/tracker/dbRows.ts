import { pyJson } from '../store/values.js';
import type { JsonObject, JsonValue } from '../../shared/model/json.js';
import type { SqlRow } from './dbBatch.js';
import type { DecisionRecord, ToolCallRecord, TrackedEvent, TransformationRecord } from './records.js';
import type { SessionState } from './sessionState.js';

/**
 * Records -> rows of the `provenance_*` tables. JSON columns hold Python `json.dumps` text
 * (ASCII, `", "` / `": "`) as the reference stores it (§8.3); times are naive-UTC ISO text.
 */
export function sessionInsertRow(s: SessionState, userContext: JsonObject, dbPath: string | null): SqlRow {
  return [
    s.id,
    s.agentType,
    s.query,
    pyJson(s.kwargs),
    pyJson(userContext),
    s.startIso,
    s.environment.python_version,
    pyJson(s.environment.dependencies),
    dbPath,
    s.parentId,
    s.depth,
    // Explicit naive UTC: the column default would be the writer's local time (§12.7).
    s.startIso,
  ];
}

export function eventRow(e: TrackedEvent): SqlRow {
  return [
    e.event_id,
    e.session_id,
    e.event_type,
    e.event_name,
    e.timestamp,
    e.sequence_number,
    pyJson(e.details),
    e.duration_ms,
    e.related_event_id,
  ];
}

export function toolCallRow(
  c: ToolCallRecord,
  outputSizeBytes: number | null,
  errorType: string | null,
): SqlRow {
  return [
    c.call_id,
    c.session_id,
    c.event_id,
    c.tool_type,
    c.tool_name,
    pyJson(c.input_params),
    pyJson(c.output_data),
    outputSizeBytes,
    c.call_time,
    c.duration_ms,
    c.cache_hit,
    0,
    c.success,
    errorType,
    c.error_message,
  ];
}

export function decisionRow(d: DecisionRecord, conditionEvaluated: string | null): SqlRow {
  return [
    d.decision_id,
    d.session_id,
    d.event_id,
    d.decision_type,
    d.decision_point,
    pyJson(d.input_values),
    conditionEvaluated,
    d.branch_taken,
    pyJson(d.branches_available),
    d.reason,
    d.timestamp,
  ];
}

export function transformationRow(
  t: TransformationRecord,
  inputSize: number | null,
  outputSize: number | null,
): SqlRow {
  return [
    t.transformation_id,
    t.session_id,
    t.event_id,
    t.transformation_type,
    t.transformation_name,
    pyJson(t.input_schema),
    pyJson(t.input_sample),
    inputSize,
    pyJson(t.output_schema),
    pyJson(t.output_sample),
    outputSize,
    t.method,
    pyJson(t.parameters),
    t.timestamp,
    t.duration_ms,
  ];
}

/** Items in a list, keys of an object, else null: the `input_size` / `output_size` columns. */
export function sizeOf(v: JsonValue): number | null {
  if (Array.isArray(v)) return v.length;
  if (v !== null && typeof v === 'object') return Object.keys(v).length;
  return null;
}
