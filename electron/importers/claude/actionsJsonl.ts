import type { ImportIssue } from '../../../shared/model/imports.js';
import type { JsonObject, JsonValue } from '../../../shared/model/json.js';
import type { SourceText } from './sourceFile.js';
import { naiveTimestamp } from './timestamps.js';

/** One line of `actions.jsonl` (spec §5), checked. */
export interface ActionLine {
  line: number;
  timestamp: string;
  actionId: number;
  type: string;
  tool: string;
  status: string;
  durationMs: number | null;
  details: JsonObject;
  eventId: string | null;
  entityLinks: { entity_table: string; entity_id: string; link_type: string }[];
  /** The line as written, for fields we do not map (hand-written `context`, `error`, ...). */
  raw: JsonObject;
}

export interface ParsedActions {
  lines: ActionLine[];
  /** Number of the last line ending in a newline (0 for none): a torn last line is not counted. */
  through: number;
  rejected: ImportIssue[];
  warnings: ImportIssue[];
}

/** A line longer than this is refused (it cannot be a real action line). */
export const MAX_LINE_CHARS = 10 * 1024 * 1024;

/**
 * Parses an action log. Blank lines are skipped. A line that is not valid JSON, or lacks the
 * required fields of metadata-schema.json, is rejected with file:line and the REST OF THE FILE
 * IS KEPT (one bad line must not lose a session). An unparsable last line without its newline is
 * a truncated write (the tracker appends): skipped with a warning.
 */
export function parseActions(src: SourceText): ParsedActions {
  const text = src.text;
  const endsWithNewline = text.endsWith('\n');
  const rawLines = text.split('\n');
  if (endsWithNewline) rawLines.pop();
  return parseActionLines(src.path, rawLines, 1, !endsWithNewline);
}

/**
 * Parses complete lines (without their newline) starting at line number `firstLine`: the whole
 * file (above), or the lines appended since the last read (the file tracker).
 * `tornLast`: the last line had no newline, so a parse failure there is a truncated write.
 */
export function parseActionLines(
  path: string,
  rawLines: readonly string[],
  firstLine: number,
  tornLast = false,
): ParsedActions {
  const out: ParsedActions = {
    lines: [],
    through: firstLine - 1 + rawLines.length - (tornLast ? 1 : 0),
    rejected: [],
    warnings: [],
  };
  rawLines.forEach((raw, i) => {
    const line = firstLine + i;
    const isLast = i === rawLines.length - 1;
    const s = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (s.trim() === '') return;
    if (s.length > MAX_LINE_CHARS) {
      out.rejected.push({ path, line, message: `line too long (${s.length} characters)` });
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(s);
    } catch (e) {
      if (isLast && tornLast) {
        out.warnings.push({ path, line, message: 'truncated last line skipped' });
      } else {
        out.rejected.push({ path, line, message: `invalid JSON: ${(e as Error).message}` });
      }
      return;
    }
    const checked = checkLine(value, line);
    if (typeof checked === 'string') out.rejected.push({ path, line, message: checked });
    else out.lines.push(checked);
  });
  return out;
}

function checkLine(v: unknown, line: number): ActionLine | string {
  if (!isObject(v)) return 'not a JSON object';
  const ts = naiveTimestamp(v.timestamp);
  if (ts === null) return `timestamp: expected an ISO-8601 date-time, got ${show(v.timestamp)}`;
  if (!Number.isSafeInteger(v.action_id)) return `action_id: expected an integer, got ${show(v.action_id)}`;
  for (const k of ['type', 'tool', 'status'] as const) {
    if (typeof v[k] !== 'string') return `${k}: expected a string, got ${show(v[k])}`;
  }
  const d = v.duration_ms;
  if (d !== undefined && d !== null && !Number.isSafeInteger(d))
    return `duration_ms: expected an integer or null, got ${show(d)}`;
  if (v.details !== undefined && !isObject(v.details))
    return `details: expected an object, got ${show(v.details)}`;
  const eventId = v.database_event_id;
  if (eventId !== undefined && eventId !== null && typeof eventId !== 'string')
    return `database_event_id: expected a string, got ${show(eventId)}`;
  const links: ActionLine['entityLinks'] = [];
  if (Array.isArray(v.entity_links)) {
    for (const l of v.entity_links) {
      if (
        isObject(l) &&
        typeof l.entity_table === 'string' &&
        l.entity_id != null &&
        typeof l.link_type === 'string'
      )
        links.push({ entity_table: l.entity_table, entity_id: String(l.entity_id), link_type: l.link_type });
    }
  }
  return {
    line,
    timestamp: ts,
    actionId: v.action_id as number,
    type: v.type as string,
    tool: v.tool as string,
    status: v.status as string,
    durationMs: (d ?? null) as number | null,
    details: (v.details ?? {}) as JsonObject,
    eventId: (eventId ?? null) as string | null,
    entityLinks: links,
    raw: v as JsonObject,
  };
}

export function isObject(v: unknown): v is Record<string, JsonValue> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function show(v: unknown): string {
  const s = JSON.stringify(v);
  return s === undefined ? 'nothing' : s.length > 40 ? `${s.slice(0, 40)}...` : s;
}
