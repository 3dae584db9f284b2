import type { ImportIssue } from '../../../shared/model/imports.js';
import type { JsonObject, JsonValue } from '../../../shared/model/json.js';
import { asEventId, asSessionId, type EventId } from '../../../shared/model/ids.js';
import type {
  DecisionRecord,
  EntityLinkRecord,
  EventRecord,
  SessionRecord,
  ToolCallRecord,
  TransformationRecord,
} from '../../../shared/model/provenanceRecords.js';
import { isObject } from './actionsJsonl.js';
import { SourceError, type SourceText } from './sourceFile.js';
import { diffMs, naiveTimestamp } from './timestamps.js';

/** A `<session_uuid>.json` (spec §7), as records of the six tables. */
export interface JsonManifest {
  session: SessionRecord;
  events: EventRecord[];
  toolCalls: ToolCallRecord[];
  decisions: DecisionRecord[];
  transformations: TransformationRecord[];
  entityLinks: EntityLinkRecord[];
  raw: JsonObject;
  warnings: ImportIssue[];
}

/**
 * Parses a JSON manifest. A broken file (the reference leaves truncated ones, §7) is refused
 * whole with file:line; the caller treats it as missing. Records whose event the reference never
 * stored get one: tool call via `details.call_id`, decision via `event_name = decision_point`,
 * transformation via `event_name = transformation_name`, entity link = the last event at or
 * before its time (§12.6).
 */
export function parseJsonManifest(src: SourceText): JsonManifest {
  let doc: unknown;
  try {
    doc = JSON.parse(src.text);
  } catch (e) {
    throw new SourceError(src.path, `invalid JSON: ${(e as Error).message}`, jsonErrorLine(src.text, e));
  }
  const bad = (what: string): never => {
    throw new SourceError(src.path, what);
  };
  if (!isObject(doc)) bad('expected a JSON object');
  const d = doc as JsonObject;
  const s = isObject(d.session) ? d.session : bad('session: expected an object');
  const sid =
    typeof s.session_id === 'string' && s.session_id
      ? s.session_id
      : bad('session.session_id: expected a string');
  const sessionId = asSessionId(sid);
  const start = naiveTimestamp(s.start_time) ?? bad(`session.start_time: expected an ISO date-time`);
  const end = naiveTimestamp(s.end_time);
  const env = isObject(s.environment) ? s.environment : isObject(d.environment) ? d.environment : {};
  const warnings: ImportIssue[] = [];

  const session: SessionRecord = {
    session_id: sessionId,
    agent_type: str(s.agent_type) ?? 'unknown',
    agent_version: null,
    query: str(s.query) ?? '',
    kwargs: s.kwargs ?? undefined,
    user_context: undefined,
    start_time: start,
    end_time: end,
    duration_ms: intOr(s.duration_ms) ?? diffMs(start, end),
    success: typeof s.success === 'boolean' ? s.success : null,
    result_summary: 'result_summary' in s ? s.result_summary : undefined,
    error_message: str(s.error_message),
    python_version: str(env.python_version),
    dependencies: isObject(env.dependencies) ? env.dependencies : undefined,
    db_path: null,
    parent_session_id: str(s.parent_session_id) === null ? null : asSessionId(str(s.parent_session_id)!),
    depth: intOr(s.depth),
    created_at: null,
  };

  const events: EventRecord[] = [];
  list(d.execution_trace).forEach((e, i) => {
    const ts = naiveTimestamp(e.timestamp);
    if (typeof e.event_id !== 'string' || ts === null || typeof e.event_name !== 'string') {
      warnings.push({
        path: src.path,
        message: `execution_trace[${i}]: missing event_id, event_name or timestamp; skipped`,
      });
      return;
    }
    events.push({
      event_id: asEventId(e.event_id),
      session_id: sessionId,
      event_type: str(e.event_type) ?? 'unknown',
      event_name: e.event_name,
      timestamp: ts,
      sequence_number: intOr(e.sequence_number) ?? i + 1,
      details: isObject(e.details) ? e.details : {},
      duration_ms: null,
      related_event_id: null,
    });
  });

  const used = new Set<string>();
  const claim = (pred: (e: EventRecord) => boolean): string => {
    const e = events.find((x) => !used.has(x.event_id) && pred(x));
    if (!e) return '';
    used.add(e.event_id);
    return e.event_id;
  };
  const skip = (what: string, i: number): void => {
    warnings.push({ path: src.path, message: `${what}[${i}]: missing id or time; skipped` });
  };

  const toolCalls: ToolCallRecord[] = [];
  list(d.tool_calls).forEach((t, i) => {
    const ts = naiveTimestamp(t.call_time);
    if (typeof t.call_id !== 'string' || ts === null) return skip('tool_calls', i);
    toolCalls.push({
      call_id: t.call_id,
      session_id: sessionId,
      event_id: claim((e) => isObject(e.details) && e.details.call_id === t.call_id),
      tool_type: str(t.tool_type) ?? '',
      tool_name: str(t.tool_name) ?? '',
      input_params: t.input_params ?? {},
      output_data: 'output_data' in t ? t.output_data : undefined,
      output_size_bytes: null,
      call_time: ts,
      duration_ms: intOr(t.duration_ms),
      cache_hit: typeof t.cache_hit === 'boolean' ? t.cache_hit : null,
      cache_key: null,
      cache_source: null,
      rate_limit_delay_ms: null,
      retry_count: null,
      success: t.success !== false,
      error_type: null,
      error_message: str(t.error_message),
    });
  });

  const decisions: DecisionRecord[] = [];
  list(d.decisions).forEach((x, i) => {
    const ts = naiveTimestamp(x.timestamp);
    if (typeof x.decision_id !== 'string' || ts === null) return skip('decisions', i);
    const point = str(x.decision_point) ?? '';
    decisions.push({
      decision_id: x.decision_id,
      session_id: sessionId,
      event_id: claim((e) => e.event_type === 'decision' && e.event_name === point),
      decision_type: str(x.decision_type) ?? '',
      decision_point: point,
      input_values: x.input_values ?? {},
      condition_evaluated: str(x.condition_evaluated),
      branch_taken: str(x.branch_taken),
      branches_available: x.branches_available ?? undefined,
      reason: str(x.reason),
      timestamp: ts,
    });
  });

  const transformations: TransformationRecord[] = [];
  list(d.transformations).forEach((x, i) => {
    const ts = naiveTimestamp(x.timestamp);
    if (typeof x.transformation_id !== 'string' || ts === null) return skip('transformations', i);
    const name = str(x.transformation_name) ?? '';
    transformations.push({
      transformation_id: x.transformation_id,
      session_id: sessionId,
      event_id: claim((e) => e.event_type === 'transformation' && e.event_name === name),
      transformation_type: str(x.transformation_type) ?? '',
      transformation_name: name,
      input_schema: x.input_schema ?? undefined,
      input_sample: x.input_sample ?? undefined,
      input_size: intOr(x.input_size),
      output_schema: x.output_schema ?? undefined,
      output_sample: x.output_sample ?? undefined,
      output_size: intOr(x.output_size),
      method: str(x.method),
      parameters: x.parameters ?? {},
      timestamp: ts,
      duration_ms: intOr(x.duration_ms),
    });
  });

  const entityLinks: EntityLinkRecord[] = [];
  list(d.entity_links).forEach((x, i) => {
    const ts = naiveTimestamp(x.timestamp);
    if (typeof x.entity_table !== 'string' || x.entity_id == null || ts === null)
      return skip('entity_links', i);
    entityLinks.push({
      session_id: sessionId,
      event_id: lastEventAtOrBefore(events, ts),
      entity_table: x.entity_table,
      entity_id: String(x.entity_id),
      link_type: str(x.link_type) ?? '',
      timestamp: ts,
    });
  });

  return { session, events, toolCalls, decisions, transformations, entityLinks, raw: d, warnings };
}

export function lastEventAtOrBefore(events: readonly EventRecord[], ts: string): EventId | null {
  let best: EventRecord | null = null;
  for (const e of events) if (e.timestamp <= ts && (!best || e.timestamp >= best.timestamp)) best = e;
  return best ? best.event_id : null;
}

function list(v: JsonValue | undefined): Record<string, JsonValue>[] {
  return Array.isArray(v) ? v.filter(isObject) : [];
}

function str(v: JsonValue | undefined): string | null {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null;
}

function intOr(v: JsonValue | undefined): number | null {
  return typeof v === 'number' && Number.isSafeInteger(v) ? v : null;
}

/** V8 reports "at position N" (or "line L column C"): turn it into a line number. */
export function jsonErrorLine(text: string, e: unknown): number | undefined {
  const msg = String((e as Error).message);
  const lc = /line (\d+) column/.exec(msg);
  if (lc) return Number(lc[1]);
  const pos = /position (\d+)/.exec(msg);
  const at = pos ? Number(pos[1]) : /Unexpected end/.test(msg) ? text.length : null;
  if (at === null) return undefined;
  let line = 1;
  for (let i = 0; i < at && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
