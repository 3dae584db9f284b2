import type { JsonObject, JsonValue } from '../../shared/model/json.js';
import { pyJsonLine } from './pyJson.js';
import type { EntityLinkRecord, TrackedEvent } from './records.js';
import { actionType, isReadOnly, mapTool, type ToolMap } from './toolMap.js';

/** How many of the latest entity links each line repeats (§5.1). */
export const LINE_LINK_WINDOW = 5;

/**
 * One line of `actions.jsonl` (§5.1), fields in the reference order. Differences from the
 * reference, as §12 requires: `status: "failure"` plus `error` for failures, and `duration_ms`
 * null (not 0) for events that were not timed.
 */
export function toActionLine(
  event: TrackedEvent,
  links: readonly EntityLinkRecord[],
  toolMap: ToolMap,
): JsonObject {
  const line: JsonObject = {
    timestamp: `${event.timestamp}Z`,
    action_id: event.sequence_number,
    type: actionType(event.event_type),
    tool: mapTool(event.event_name, toolMap),
    status: event.status,
  };
  if (event.status === 'failure') line.error = { message: event.error_message ?? 'Unknown error' };
  line.duration_ms = event.duration_ms;
  line.details = event.details;
  line.files_affected = [...event.files_affected];
  line.read_only = isReadOnly(event.event_type);
  line.database_event_id = event.event_id;
  if (links.length > 0) {
    line.entity_links = links.slice(-LINE_LINK_WINDOW).map((l) => ({
      entity_table: l.entity_table,
      entity_id: l.entity_id,
      link_type: l.link_type,
    }));
  }
  return line;
}

/** `json.dumps(action, ensure_ascii=False) + "\n"`. */
export function serializeActionLine(line: JsonObject): string {
  return `${pyJsonLine(line)}\n`;
}

/** `line.details[key]`, or null. */
export function lineDetail(line: JsonObject, key: string): JsonValue {
  const d = line.details;
  return d !== null && typeof d === 'object' && !Array.isArray(d) ? (d[key] ?? null) : null;
}

/** Python truthiness of a JSON value. */
export function isTruthy(v: JsonValue): boolean {
  if (v === null || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  return typeof v !== 'object' || Object.keys(v).length > 0;
}
