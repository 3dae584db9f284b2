import { asEventId, asProjectId, asSessionId } from '../../shared/model/ids.js';
import type {
  Decision,
  EntityLink,
  SessionDetail,
  SessionEvent,
  ToolCall,
  Transformation,
} from '../../shared/model/sessions.js';
import {
  boolOrNull,
  int,
  intOrNull,
  isoUtc,
  isoUtcOrNull,
  json,
  str,
  strOrNull,
  type Row,
} from './values.js';

/**
 * `SELECT *` rows of the six `provenance_*` tables -> DTOs. Columns a DB may lack a value for
 * (reference DBs leave many NULL) map to null; JSON columns are parsed.
 */

/** Facts about a session that live outside `provenance_sessions` (bookkeeping and counts). */
export interface SessionExtras {
  project: string | null;
  project_id: number | null;
  project_root: string | null;
  folder: string | null;
  summary_md: string | null;
  manifest: unknown;
  event_count: number;
  tool_call_count: number;
  cache_hits: number;
}

export function toSessionDetail(r: Row, x: SessionExtras): SessionDetail {
  return {
    session_id: asSessionId(str(r.session_id)),
    project: x.project,
    project_id: x.project_id === null ? null : asProjectId(x.project_id),
    agent_type: str(r.agent_type),
    query: str(r.query),
    start_time: isoUtc(r.start_time),
    end_time: isoUtcOrNull(r.end_time),
    duration_ms: intOrNull(r.duration_ms),
    success: boolOrNull(r.success),
    parent_session_id: r.parent_session_id == null ? null : asSessionId(str(r.parent_session_id)),
    depth: intOrNull(r.depth) ?? 0,
    event_count: x.event_count,
    tool_call_count: x.tool_call_count,
    cache_hits: x.cache_hits,
    agent_version: strOrNull(r.agent_version),
    kwargs: json(r.kwargs),
    user_context: json(r.user_context),
    result_summary: json(r.result_summary),
    error_message: strOrNull(r.error_message),
    python_version: strOrNull(r.python_version),
    dependencies: json(r.dependencies),
    db_path: strOrNull(r.db_path),
    created_at: isoUtcOrNull(r.created_at),
    project_root: x.project_root,
    folder: x.folder,
    summary_md: x.summary_md,
    manifest: json(x.manifest),
  };
}

export function toSessionEvent(r: Row): SessionEvent {
  return {
    event_id: asEventId(str(r.event_id)),
    session_id: asSessionId(str(r.session_id)),
    event_type: str(r.event_type),
    event_name: str(r.event_name),
    timestamp: isoUtc(r.timestamp),
    sequence_number: int(r.sequence_number),
    details: json(r.details),
    duration_ms: intOrNull(r.duration_ms),
    related_event_id: r.related_event_id == null ? null : asEventId(str(r.related_event_id)),
  };
}

export function toToolCall(r: Row): ToolCall {
  return {
    call_id: str(r.call_id),
    session_id: asSessionId(str(r.session_id)),
    event_id: r.event_id == null ? null : asEventId(str(r.event_id)),
    tool_type: str(r.tool_type),
    tool_name: str(r.tool_name),
    input_params: json(r.input_params),
    output_data: json(r.output_data),
    output_size_bytes: intOrNull(r.output_size_bytes),
    call_time: isoUtc(r.call_time),
    duration_ms: intOrNull(r.duration_ms),
    cache_hit: r.cache_hit === true,
    cache_key: strOrNull(r.cache_key),
    cache_source: strOrNull(r.cache_source),
    rate_limit_delay_ms: intOrNull(r.rate_limit_delay_ms),
    retry_count: intOrNull(r.retry_count) ?? 0,
    success: r.success === true,
    error_type: strOrNull(r.error_type),
    error_message: strOrNull(r.error_message),
  };
}

export function toDecision(r: Row): Decision {
  return {
    decision_id: str(r.decision_id),
    session_id: asSessionId(str(r.session_id)),
    event_id: r.event_id == null ? null : asEventId(str(r.event_id)),
    decision_type: str(r.decision_type),
    decision_point: str(r.decision_point),
    input_values: json(r.input_values),
    condition_evaluated: strOrNull(r.condition_evaluated),
    branch_taken: strOrNull(r.branch_taken),
    branches_available: json(r.branches_available),
    reason: strOrNull(r.reason),
    timestamp: isoUtc(r.timestamp),
  };
}

export function toTransformation(r: Row): Transformation {
  return {
    transformation_id: str(r.transformation_id),
    session_id: asSessionId(str(r.session_id)),
    event_id: r.event_id == null ? null : asEventId(str(r.event_id)),
    transformation_type: str(r.transformation_type),
    transformation_name: str(r.transformation_name),
    input_schema: json(r.input_schema),
    input_sample: json(r.input_sample),
    input_size: intOrNull(r.input_size),
    output_schema: json(r.output_schema),
    output_sample: json(r.output_sample),
    output_size: intOrNull(r.output_size),
    method: strOrNull(r.method),
    parameters: json(r.parameters),
    timestamp: isoUtc(r.timestamp),
    duration_ms: intOrNull(r.duration_ms),
  };
}

export function toEntityLink(r: Row): EntityLink {
  return {
    link_id: int(r.link_id),
    session_id: asSessionId(str(r.session_id)),
    event_id: r.event_id == null ? null : asEventId(str(r.event_id)),
    entity_table: str(r.entity_table),
    entity_id: str(r.entity_id),
    link_type: str(r.link_type),
    timestamp: isoUtc(r.timestamp),
  };
}
