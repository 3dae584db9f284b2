import { createHash } from 'node:crypto';
import { asEventId, asSessionId, type EventId, type SessionId } from '../../../shared/model/ids.js';
import type {
  EntityLinkRecord,
  EventRecord,
  SessionRecord,
} from '../../../shared/model/provenanceRecords.js';
import type { ActionLine } from './actionsJsonl.js';

/**
 * Turns the lines of one `actions.jsonl` into events, attributing each line to a session
 * (spec §5.5): a line has no session id, so
 * 1. `database_event_id` found in a `<uuid>.json` execution trace or the workspace wins;
 * 2. else the line belongs to the innermost session open at that point of the file: an
 *    `agent_start` line with `action_id` 1 opens a session (the folder manifest's session when
 *    agent type and query match, else an "orphan" session made from the line: the reference
 *    loses the parents of nested sessions, §12.1), its `agent_end` closes it;
 * 3. else the folder manifest's session, else one orphan session for the whole file.
 * An orphan open when a known session starts, whose parent id is known, takes that parent id.
 */
export interface AttributionContext {
  eventSession: ReadonlyMap<string, SessionId>;
  sessionById: (id: SessionId) => SessionRecord | undefined;
  folderSession: SessionRecord | null;
}

export interface AttributedActions {
  events: EventRecord[];
  entityLinks: EntityLinkRecord[];
  sessionIds: SessionId[];
  orphans: SessionRecord[];
}

interface Slot {
  id: string;
  orphan: boolean;
  renamed: boolean;
  parent: Slot | null;
  startLine: ActionLine | null;
  endLine: ActionLine | null;
}

export function attributeActions(
  path: string,
  lines: readonly ActionLine[],
  ctx: AttributionContext,
): AttributedActions {
  const fileKey = createHash('sha1').update(path).digest('hex').slice(0, 12);
  const stack: Slot[] = [];
  const slots = new Map<string, Slot>();
  const assigned: Slot[] = [];
  const orphanSlots: Slot[] = [];
  let folderSessionOpened = false;
  let fileOrphan: Slot | null = null;
  const slotFor = (id: string): Slot => {
    let s = slots.get(id);
    if (!s)
      slots.set(
        id,
        (s = { id, orphan: false, renamed: false, parent: null, startLine: null, endLine: null }),
      );
    return s;
  };

  /** An orphan open when a session with a known parent starts IS that parent (§12.1). */
  const adoptParent = (parent: string | null): void => {
    const top = stack.at(-1);
    if (!top || !top.orphan || top.renamed || !parent || slots.has(parent)) return;
    slots.delete(top.id);
    top.id = parent;
    top.renamed = true;
    slots.set(parent, top);
  };

  for (const l of lines) {
    const known = l.eventId ? ctx.eventSession.get(l.eventId) : undefined;
    let slot: Slot;
    if (known) {
      slot = slotFor(known);
      if (isAgentStart(l)) {
        adoptParent(ctx.sessionById(known)?.parent_session_id ?? null);
        stack.push(slot);
      }
    } else if (isAgentStart(l)) {
      const fs = ctx.folderSession;
      if (fs && !folderSessionOpened && !slots.has(fs.session_id) && startMatches(fs, l)) {
        slot = slotFor(fs.session_id);
        folderSessionOpened = true;
        adoptParent(fs.parent_session_id);
      } else {
        slot = slotFor(`orphan-${fileKey}-L${l.line}`);
        slot.orphan = true;
        slot.parent = stack.at(-1) ?? null;
        orphanSlots.push(slot);
      }
      slot.startLine = l;
      stack.push(slot);
    } else {
      const top = stack.at(-1);
      if (top) slot = top;
      else if (ctx.folderSession) slot = slotFor(ctx.folderSession.session_id);
      else {
        if (!fileOrphan) {
          fileOrphan = slotFor(`orphan-${fileKey}`);
          fileOrphan.orphan = true;
          fileOrphan.startLine = l;
          orphanSlots.push(fileOrphan);
        }
        slot = fileOrphan;
      }
    }
    assigned.push(slot);
    if (isAgentEnd(l)) {
      slot.endLine = l;
      const i = stack.lastIndexOf(slot);
      if (i >= 0) stack.splice(i, 1);
    }
  }

  const events: EventRecord[] = lines.map((l, i) => ({
    event_id: asEventId(l.eventId ?? `line:${fileKey}:${l.line}`),
    session_id: asSessionId(assigned[i]!.id),
    ...eventKind(l),
    timestamp: l.timestamp,
    sequence_number: l.actionId,
    details: l.details,
    duration_ms: null,
    related_event_id: null,
  }));
  return {
    events,
    entityLinks: linksFromLines(lines, events),
    sessionIds: [...new Set(assigned.map((s) => asSessionId(s.id)))],
    orphans: orphanSlots.filter((s) => assigned.includes(s) || s.renamed).map(orphanSession),
  };
}

function isAgentStart(l: ActionLine): boolean {
  return l.tool === 'AgentExecution' && l.actionId === 1;
}

function isAgentEnd(l: ActionLine): boolean {
  return l.tool === 'AgentExecution' && typeof l.details.success === 'boolean';
}

function startMatches(s: SessionRecord, l: ActionLine): boolean {
  const { agent_type, query } = l.details;
  return (
    (agent_type === undefined || agent_type === s.agent_type) && (query === undefined || query === s.query)
  );
}

/** Reverses the §5.2 / §5.3 mappings as far as they go (`tool` is the mapped name, not the event name). */
function eventKind(l: ActionLine): { event_type: string; event_name: string } {
  if (l.tool === 'AgentExecution' && l.type === 'execute')
    return {
      event_type: 'lifecycle',
      event_name: typeof l.details.success === 'boolean' ? 'agent_end' : 'agent_start',
    };
  if (l.type === 'read' && l.tool.startsWith('log_')) return { event_type: 'log', event_name: l.tool };
  if (l.type === 'query') return { event_type: 'tool_call', event_name: l.tool };
  if (l.type === 'decision') return { event_type: 'decision', event_name: l.tool };
  if (l.type === 'analyze') return { event_type: 'transformation', event_name: l.tool };
  return { event_type: l.type, event_name: l.tool };
}

/**
 * `entity_links` on a line is a rolling window of the last 5 links (§5.5.7), not a fact of that
 * line: a link is recorded once per session, at the first line showing it, attached to the
 * session's previous event (the one current when `link_entity` ran).
 */
function linksFromLines(lines: readonly ActionLine[], events: readonly EventRecord[]): EntityLinkRecord[] {
  const seen = new Set<string>();
  const lastEvent = new Map<string, EventId>();
  const out: EntityLinkRecord[] = [];
  lines.forEach((l, i) => {
    const e = events[i]!;
    for (const link of l.entityLinks) {
      const key = [e.session_id, link.entity_table, link.entity_id, link.link_type].join('\u001f');
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({
        session_id: e.session_id,
        event_id: lastEvent.get(e.session_id) ?? e.event_id,
        ...link,
        timestamp: l.timestamp,
      });
    }
    lastEvent.set(e.session_id, e.event_id);
  });
  return out;
}

function orphanSession(s: Slot): SessionRecord {
  const start = s.startLine;
  const end = s.endLine;
  const d = start?.details ?? {};
  return {
    session_id: asSessionId(s.id),
    agent_type: typeof d.agent_type === 'string' ? d.agent_type : 'unknown',
    agent_version: null,
    query: typeof d.query === 'string' ? d.query : '',
    start_time: start?.timestamp ?? '1970-01-01 00:00:00',
    end_time: end?.timestamp ?? null,
    duration_ms: end && typeof end.details.duration_ms === 'number' ? end.details.duration_ms : null,
    success: end && typeof end.details.success === 'boolean' ? end.details.success : null,
    error_message: null,
    python_version: null,
    db_path: null,
    parent_session_id: s.parent ? asSessionId(s.parent.id) : null,
    depth: null,
    created_at: null,
  };
}
