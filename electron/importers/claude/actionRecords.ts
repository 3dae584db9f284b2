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

/** What the workspace knows beyond the context (the file tracker looks new lines' event ids up). */
export interface KnownSessions {
  eventSession: ReadonlyMap<string, SessionId>;
  /** Parent of each session in `eventSession` (null: a root session). */
  parents: ReadonlyMap<string, SessionId | null>;
}

export interface AttributedActions {
  events: EventRecord[];
  entityLinks: EntityLinkRecord[];
  sessionIds: SessionId[];
  /** Sessions rebuilt from lines (no manifest); for a chunk, those its lines touched. */
  orphans: SessionRecord[];
}

/** One `add`: the rows of those lines, and whether it renamed an orphan whose rows were already handed out. */
export interface ChunkAttribution extends AttributedActions {
  renamedEarlier: boolean;
}

interface Slot {
  id: string;
  orphan: boolean;
  renamed: boolean;
  parent: Slot | null;
  startLine: ActionLine | null;
  endLine: ActionLine | null;
}

/**
 * The attribution state of one file, fed its lines in order: the whole file at once (the
 * importer), or chunk by chunk as lines are appended (the file tracker). Both give the same rows,
 * except when an orphan is renamed after its rows were handed out (`renamedEarlier`): the caller
 * then re-imports the file.
 */
export class ActionAttributor {
  private readonly fileKey: string;
  private readonly stack: Slot[] = [];
  private readonly slots = new Map<string, Slot>();
  private readonly orphanSlots: Slot[] = [];
  private folderSessionOpened = false;
  private fileOrphan: Slot | null = null;
  private readonly seenLinks = new Set<string>();
  private readonly lastEvent = new Map<string, EventId>();
  /** Slots whose rows an earlier `add` returned. */
  private readonly handedOut = new Set<Slot>();
  /** The orphan records returned so far (an unchanged one is not returned again). */
  private readonly orphanShown = new Map<Slot, string>();
  /** The last line number consumed (fed, or skipped as blank or rejected). */
  private last = 0;

  constructor(
    readonly path: string,
    private readonly ctx: AttributionContext,
  ) {
    this.fileKey = createHash('sha1').update(path).digest('hex').slice(0, 12);
  }

  get lastLine(): number {
    return this.last;
  }

  /** Marks lines up to `line` as consumed (blank or rejected lines produce no rows). */
  skipTo(line: number): void {
    this.last = Math.max(this.last, line);
  }

  /** The best record of a session these lines use: an orphan's, else the context's. */
  sessionRecord(id: SessionId): SessionRecord | undefined {
    const slot = this.slots.get(id);
    if (slot?.orphan) return orphanSession(slot);
    return this.ctx.sessionById(id);
  }

  add(lines: readonly ActionLine[], known?: KnownSessions): ChunkAttribution {
    const eventSession = (id: string): SessionId | undefined =>
      known?.eventSession.get(id) ?? this.ctx.eventSession.get(id);
    // The manifests' word on a parent first: a workspace row may have lost it (its parent was
    // unknown when it was inserted, and the column cannot be set later).
    const parentOf = (id: SessionId): SessionId | null =>
      this.ctx.sessionById(id)?.parent_session_id ?? known?.parents.get(id) ?? null;
    const assigned: Slot[] = [];
    const renamedNow = new Set<Slot>();
    let renamedEarlier = false;

    /** An orphan open when a session with a known parent starts IS that parent (§12.1). */
    const adoptParent = (parent: string | null): void => {
      const top = this.stack.at(-1);
      if (!top || !top.orphan || top.renamed || !parent || this.slots.has(parent)) return;
      this.slots.delete(top.id);
      top.id = parent;
      top.renamed = true;
      this.slots.set(parent, top);
      renamedNow.add(top);
      if (this.handedOut.has(top)) renamedEarlier = true;
    };

    for (const l of lines) {
      this.last = Math.max(this.last, l.line);
      const knownId = l.eventId ? eventSession(l.eventId) : undefined;
      let slot: Slot;
      if (knownId) {
        slot = this.slotFor(knownId);
        if (isAgentStart(l)) {
          adoptParent(parentOf(knownId));
          this.stack.push(slot);
        }
      } else if (isAgentStart(l)) {
        const fs = this.ctx.folderSession;
        if (fs && !this.folderSessionOpened && !this.slots.has(fs.session_id) && startMatches(fs, l)) {
          slot = this.slotFor(fs.session_id);
          this.folderSessionOpened = true;
          adoptParent(fs.parent_session_id);
        } else {
          slot = this.slotFor(`orphan-${this.fileKey}-L${l.line}`);
          slot.orphan = true;
          slot.parent = this.stack.at(-1) ?? null;
          this.orphanSlots.push(slot);
        }
        slot.startLine = l;
        this.stack.push(slot);
      } else {
        slot = this.stack.at(-1) ?? this.fallbackSlot(l);
      }
      assigned.push(slot);
      if (isAgentEnd(l)) {
        slot.endLine = l;
        const i = this.stack.lastIndexOf(slot);
        if (i >= 0) this.stack.splice(i, 1);
      }
    }

    const events: EventRecord[] = lines.map((l, i) => ({
      event_id: asEventId(l.eventId ?? `line:${this.fileKey}:${l.line}`),
      session_id: asSessionId(assigned[i]!.id),
      ...eventKind(l),
      timestamp: l.timestamp,
      sequence_number: l.actionId,
      details: l.details,
      duration_ms: null,
      related_event_id: null,
    }));
    const touched = new Set(assigned);
    for (const s of touched) this.handedOut.add(s);
    return {
      events,
      entityLinks: this.linksFromLines(lines, events),
      sessionIds: [...new Set(assigned.map((s) => asSessionId(s.id)))],
      orphans: this.changedOrphans(touched, renamedNow),
      renamedEarlier,
    };
  }

  /** Orphan sessions these lines touched whose record differs from the one returned before. */
  private changedOrphans(touched: ReadonlySet<Slot>, renamed: ReadonlySet<Slot>): SessionRecord[] {
    const out: SessionRecord[] = [];
    for (const slot of this.orphanSlots) {
      if (!touched.has(slot) && !renamed.has(slot)) continue;
      const record = orphanSession(slot);
      const shown = JSON.stringify(record);
      if (this.orphanShown.get(slot) === shown) continue;
      this.orphanShown.set(slot, shown);
      out.push(record);
    }
    return out;
  }

  private slotFor(id: string): Slot {
    let s = this.slots.get(id);
    if (!s)
      this.slots.set(
        id,
        (s = { id, orphan: false, renamed: false, parent: null, startLine: null, endLine: null }),
      );
    return s;
  }

  /** No session open: the folder manifest's session, else one orphan for the whole file. */
  private fallbackSlot(l: ActionLine): Slot {
    if (this.ctx.folderSession) return this.slotFor(this.ctx.folderSession.session_id);
    if (!this.fileOrphan) {
      this.fileOrphan = this.slotFor(`orphan-${this.fileKey}`);
      this.fileOrphan.orphan = true;
      this.fileOrphan.startLine = l;
      this.orphanSlots.push(this.fileOrphan);
    }
    return this.fileOrphan;
  }

  /**
   * `entity_links` on a line is a rolling window of the last 5 links (§5.5.7), not a fact of that
   * line: a link is recorded once per session, at the first line showing it, attached to the
   * session's previous event (the one current when `link_entity` ran).
   */
  private linksFromLines(lines: readonly ActionLine[], events: readonly EventRecord[]): EntityLinkRecord[] {
    const out: EntityLinkRecord[] = [];
    lines.forEach((l, i) => {
      const e = events[i]!;
      for (const link of l.entityLinks) {
        const key = [e.session_id, link.entity_table, link.entity_id, link.link_type].join('\u001f');
        if (this.seenLinks.has(key)) continue;
        this.seenLinks.add(key);
        out.push({
          session_id: e.session_id,
          event_id: this.lastEvent.get(e.session_id) ?? e.event_id,
          ...link,
          timestamp: l.timestamp,
        });
      }
      this.lastEvent.set(e.session_id, e.event_id);
    });
    return out;
  }
}

/** Attributes a whole file at once (the importer). */
export function attributeActions(
  path: string,
  lines: readonly ActionLine[],
  ctx: AttributionContext,
): AttributedActions & { attributor: ActionAttributor } {
  const attributor = new ActionAttributor(path, ctx);
  const { events, entityLinks, sessionIds, orphans } = attributor.add(lines);
  return { events, entityLinks, sessionIds, orphans, attributor };
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
