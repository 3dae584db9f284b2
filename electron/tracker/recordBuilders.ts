import { randomUUID } from 'node:crypto';
import { pyJson } from '../store/values.js';
import { now, pyIso } from './clock.js';
import type { SqlRow } from './dbBatch.js';
import { decisionRow, sizeOf, toolCallRow, transformationRow } from './dbRows.js';
import { toJsonObject, toJsonSafe } from './pyJson.js';
import type { DecisionRecord, EntityLinkRecord, ToolCallRecord, TransformationRecord } from './records.js';
import type { SessionState } from './sessionState.js';
import {
  errorText,
  toMs,
  type AnnouncingEvent,
  type DecisionOptions,
  type ToolCallOptions,
  type TransformationOptions,
} from './trackerTypes.js';
import { inferSchema, trimData, type DetailLevel } from './trim.js';

/**
 * Records as the reference makes them (§7, §11): the record, its DB row, and the event that
 * announces it. The event id is made here, so the row's `event_id` is the event's (§12.6).
 */
export interface Built<R> {
  record: R;
  row: SqlRow;
  event: AnnouncingEvent;
}

export function buildToolCall(
  s: SessionState,
  toolType: string,
  toolName: string,
  inputParams: unknown,
  o: ToolCallOptions,
  level: DetailLevel,
): Built<ToolCallRecord> {
  const hasError = o.error !== undefined && o.error !== null;
  const success = o.success ?? !hasError;
  const errorMessage = hasError ? errorText(o.error) : success ? null : 'tool call failed';
  const output = toJsonSafe(o.output);
  const durationMs = toMs(o.durationMs);
  const cacheHit = o.cacheHit ?? false;
  const eventId = randomUUID();
  const record: ToolCallRecord = {
    call_id: randomUUID(),
    session_id: s.id,
    event_id: eventId,
    tool_type: toolType,
    tool_name: toolName,
    call_time: pyIso(now()),
    input_params: toJsonObject(inputParams),
    output_data: trimData(output, level),
    duration_ms: durationMs,
    cache_hit: cacheHit,
    success,
    error_message: errorMessage,
  };
  const size = output === null ? null : Buffer.byteLength(pyJson(output));
  const errorType = o.error instanceof Error ? o.error.name : null;
  return {
    record,
    row: toolCallRow(record, size, errorType),
    event: {
      type: 'tool_call',
      name: `${toolType}.${toolName}`,
      details: { call_id: record.call_id, cache_hit: cacheHit, duration_ms: durationMs },
      extras: { eventId, durationMs, error: success ? null : errorMessage },
    },
  };
}

export function buildDecision(
  s: SessionState,
  decisionType: string,
  decisionPoint: string,
  inputValues: unknown,
  branchTaken: string | null,
  branchesAvailable: readonly unknown[],
  reason: string | null,
  o: DecisionOptions,
): Built<DecisionRecord> {
  const eventId = randomUUID();
  const record: DecisionRecord = {
    decision_id: randomUUID(),
    session_id: s.id,
    event_id: eventId,
    decision_type: decisionType,
    decision_point: decisionPoint,
    input_values: toJsonObject(inputValues),
    branch_taken: branchTaken,
    branches_available: branchesAvailable.map((x) => toJsonSafe(x)),
    reason,
    timestamp: pyIso(now()),
  };
  return {
    record,
    row: decisionRow(record, o.conditionEvaluated ?? null),
    event: {
      type: 'decision',
      name: decisionPoint,
      details: { branch_taken: branchTaken, reason },
      extras: { eventId },
    },
  };
}

export function buildTransformation(
  s: SessionState,
  transformationType: string,
  transformationName: string,
  inputData: unknown,
  outputData: unknown,
  method: string | null,
  o: TransformationOptions,
  level: DetailLevel,
): Built<TransformationRecord> {
  const input = toJsonSafe(inputData);
  const output = toJsonSafe(outputData);
  const durationMs = toMs(o.durationMs);
  const eventId = randomUUID();
  const record: TransformationRecord = {
    transformation_id: randomUUID(),
    session_id: s.id,
    event_id: eventId,
    transformation_type: transformationType,
    transformation_name: transformationName,
    input_schema: inferSchema(input),
    input_sample: trimData(input, level),
    output_schema: inferSchema(output),
    output_sample: trimData(output, level),
    method,
    parameters: toJsonObject(o.parameters ?? {}),
    timestamp: pyIso(now()),
    duration_ms: durationMs,
  };
  return {
    record,
    row: transformationRow(record, sizeOf(input), sizeOf(output)),
    event: {
      type: 'transformation',
      name: transformationName,
      details: { method, duration_ms: durationMs },
      extras: { eventId, durationMs },
    },
  };
}

/** A link carries the session's latest event id; it has no event of its own. */
export function buildLink(
  s: SessionState,
  entityTable: string,
  entityId: string,
  linkType: string,
): { record: EntityLinkRecord; row: SqlRow } {
  const record: EntityLinkRecord = {
    entity_table: entityTable,
    entity_id: entityId,
    link_type: linkType,
    timestamp: pyIso(now()),
    event_id: s.lastEventId,
  };
  return { record, row: [s.id, record.event_id, entityTable, entityId, linkType, record.timestamp] };
}
