/**
 * A session tree flattened into the time-ordered items the session diagrams draw: the root's
 * events (tool calls resolved to their tool, decisions, transformations, logs) and the start and
 * end of each child session. Pure: reads the `SessionTrace` DTOs only.
 */
import type { SessionTrace, ToolCall } from '../model/sessions.js';

/** Sortable text of an ISO instant: fraction padded to 6 digits, so `…05Z` sorts before `…05.1Z`. */
export function instantKey(iso: string): string {
  const m = /^(\d{4}-\d\d-\d\d)[T ](\d\d:\d\d:\d\d)(?:\.(\d+))?/.exec(iso);
  if (!m) return iso;
  return `${m[1]}T${m[2]}.${(m[3] ?? '').padEnd(6, '0').slice(0, 6)}`;
}

/** Milliseconds between two ISO instants (microseconds dropped). */
export function msBetween(from: string, to: string): number {
  return Date.parse(withZone(to)) - Date.parse(withZone(from)) || 0;
}

function withZone(iso: string): string {
  const t = iso.replace(' ', 'T');
  const trimmed = t.replace(/(\.\d{3})\d+/, '$1');
  return /Z$|[+-]\d\d:\d\d$/.test(trimmed) ? trimmed : `${trimmed}Z`;
}

export type SessionItem =
  | {
      kind: 'tool';
      at: string;
      tool: string;
      label: string;
      call: ToolCall | null;
      durationMs: number | null;
    }
  | { kind: 'decision'; at: string; point: string; branch: string | null; reason: string | null }
  | { kind: 'transformation'; at: string; name: string; method: string | null; durationMs: number | null }
  | { kind: 'log'; at: string; level: string; message: string }
  | { kind: 'lifecycle'; at: string; name: string; success: boolean | null }
  | { kind: 'other'; at: string; name: string; durationMs: number | null }
  | { kind: 'child-start'; at: string; child: SessionTrace; parentId: string }
  | { kind: 'child-end'; at: string; child: SessionTrace; parentId: string };

/** The tool a call used: `tool_type.tool_name`, else the event name. */
export function toolName(call: ToolCall | null, eventName: string): string {
  if (!call) return eventName;
  return call.tool_type ? `${call.tool_type}.${call.tool_name}` : call.tool_name;
}

function detail(details: unknown, key: string): unknown {
  return details !== null && typeof details === 'object' && !Array.isArray(details)
    ? (details as Record<string, unknown>)[key]
    : undefined;
}

/** The root session's own events as items, in sequence order. */
export function eventItems(trace: SessionTrace): SessionItem[] {
  const callByEvent = new Map<string, ToolCall>();
  const callById = new Map<string, ToolCall>();
  for (const c of trace.tool_calls) {
    if (c.event_id) callByEvent.set(c.event_id, c);
    callById.set(c.call_id, c);
  }
  const decisionByEvent = new Map(trace.decisions.filter((d) => d.event_id).map((d) => [d.event_id!, d]));
  const transformByEvent = new Map(
    trace.transformations.filter((t) => t.event_id).map((t) => [t.event_id!, t]),
  );
  const events = [...trace.events].sort((a, b) => a.sequence_number - b.sequence_number);
  return events.map((e): SessionItem => {
    const at = e.timestamp;
    switch (e.event_type) {
      case 'tool_call': {
        const callId = detail(e.details, 'call_id');
        const call =
          callByEvent.get(e.event_id) ?? (typeof callId === 'string' ? callById.get(callId) : undefined);
        const dur = call?.duration_ms ?? e.duration_ms;
        return {
          kind: 'tool',
          at,
          tool: toolName(call ?? null, e.event_name),
          label: e.event_name,
          call: call ?? null,
          durationMs: dur,
        };
      }
      case 'decision': {
        const d = decisionByEvent.get(e.event_id);
        const branch = d?.branch_taken ?? detail(e.details, 'branch_taken');
        const reason = d?.reason ?? detail(e.details, 'reason');
        return {
          kind: 'decision',
          at,
          point: d?.decision_point ?? e.event_name,
          branch: typeof branch === 'string' ? branch : null,
          reason: typeof reason === 'string' ? reason : null,
        };
      }
      case 'transformation': {
        const t = transformByEvent.get(e.event_id);
        return {
          kind: 'transformation',
          at,
          name: t?.transformation_name ?? e.event_name,
          method: t?.method ?? null,
          durationMs: t?.duration_ms ?? e.duration_ms,
        };
      }
      case 'log': {
        const level = detail(e.details, 'level');
        const message = detail(e.details, 'message');
        return {
          kind: 'log',
          at,
          level: typeof level === 'string' ? level : e.event_name.replace(/^log_/, '').toUpperCase(),
          message: typeof message === 'string' ? message : e.event_name,
        };
      }
      case 'lifecycle': {
        const success = detail(e.details, 'success');
        return {
          kind: 'lifecycle',
          at,
          name: e.event_name,
          success: typeof success === 'boolean' ? success : null,
        };
      }
      default:
        return { kind: 'other', at, name: e.event_name, durationMs: e.duration_ms };
    }
  });
}

/**
 * The root's events and its descendants' starts and ends, by time (a stable sort: events of one
 * instant keep their sequence order, a child's start comes after the event that spawned it).
 */
export function sessionItems(root: SessionTrace, descendants: readonly SessionTrace[]): SessionItem[] {
  const items = eventItems(root);
  for (const child of descendants) {
    const parentId = child.session.parent_session_id ?? root.session.session_id;
    items.push({ kind: 'child-start', at: child.session.start_time, child, parentId });
    if (child.session.end_time)
      items.push({ kind: 'child-end', at: child.session.end_time, child, parentId });
  }
  const keyed = items.map((item, i) => ({ item, i, key: instantKey(item.at) }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.i - b.i));
  return keyed.map((k) => k.item);
}
