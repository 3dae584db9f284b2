import type { JsonObject, JsonValue } from '../../shared/model/json.js';
import { pyJsonIndent2, toJsonSafe } from './pyJson.js';
import type { SessionState } from './sessionState.js';

/**
 * `<session uuid>.json` (§7): keys in the reference order. `action_count` counts every event
 * (§12.13), so it equals `sequence_counter`.
 */
export function buildJsonManifest(s: SessionState): JsonObject {
  const env = toJsonSafe(s.environment);
  return {
    manifest_version: '1.0',
    session: {
      session_id: s.id,
      agent_type: s.agentType,
      query: s.query,
      kwargs: s.kwargs,
      start_time: s.startIso,
      parent_session_id: s.parentId,
      depth: s.depth,
      sequence_counter: s.counter,
      environment: env,
      end_time: s.end?.iso ?? null,
      duration_ms: s.end?.durationMs ?? null,
      success: s.end?.success ?? null,
      result_summary: s.end?.resultSummary ?? null,
      error_message: s.end?.errorMessage ?? null,
      action_count: s.events.length,
    },
    environment: env,
    execution_trace: s.events.map((e) => ({
      event_id: e.event_id,
      session_id: e.session_id,
      event_type: e.event_type,
      event_name: e.event_name,
      timestamp: e.timestamp,
      sequence_number: e.sequence_number,
      details: e.details,
    })),
    tool_calls: s.toolCalls.map((c) => ({
      call_id: c.call_id,
      session_id: c.session_id,
      tool_type: c.tool_type,
      tool_name: c.tool_name,
      call_time: c.call_time,
      input_params: c.input_params,
      output_data: c.output_data,
      duration_ms: c.duration_ms,
      cache_hit: c.cache_hit,
      success: c.success,
      error_message: c.error_message,
    })),
    decisions: s.decisions.map((d) => ({
      decision_id: d.decision_id,
      session_id: d.session_id,
      decision_type: d.decision_type,
      decision_point: d.decision_point,
      input_values: d.input_values,
      branch_taken: d.branch_taken,
      branches_available: d.branches_available,
      reason: d.reason,
      timestamp: d.timestamp,
    })),
    transformations: s.transformations.map((t) => ({
      transformation_id: t.transformation_id,
      session_id: t.session_id,
      transformation_type: t.transformation_type,
      transformation_name: t.transformation_name,
      input_schema: t.input_schema,
      input_sample: t.input_sample,
      output_schema: t.output_schema,
      output_sample: t.output_sample,
      method: t.method,
      parameters: t.parameters,
      timestamp: t.timestamp,
      duration_ms: t.duration_ms,
    })),
    entity_links: s.links.map((l): JsonValue => ({
      entity_table: l.entity_table,
      entity_id: l.entity_id,
      link_type: l.link_type,
      timestamp: l.timestamp,
    })),
  };
}

/** `json.dump(m, f, indent=2)`: ASCII only, no trailing newline. */
export function serializeJsonManifest(m: JsonObject): string {
  return pyJsonIndent2(m);
}
