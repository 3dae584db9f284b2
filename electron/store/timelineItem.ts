import { asEventId, asSessionId } from '../../shared/model/ids.js';
import type { TimelineItemDetail } from '../../shared/model/timeline.js';
import { int, intOrNull, isoUtc, json, str } from './values.js';
import type { Workspace } from './workspace.js';

/** One event with the record it stands for and the other sessions that touch the same entities. */
export async function timelineItem(ws: Workspace, eventId: string): Promise<TimelineItemDetail | null> {
  const [e] = await ws.all(`SELECT * FROM provenance_events WHERE event_id = ?`, [eventId]);
  if (!e) return null;
  const record = async (table: string): Promise<ReturnType<typeof json> | null> => {
    const rows = await ws.all(`SELECT * FROM ${table} WHERE event_id = ? LIMIT 1`, [eventId]);
    if (!rows[0]) return null;
    return Object.fromEntries(
      Object.entries(rows[0]).map(([k, v]) => [
        k,
        typeof v === 'string' && /^[[{]/.test(v) ? json(v) : (v as never),
      ]),
    );
  };
  const sessionId = str(e.session_id);
  const links = await ws.all(
    `SELECT l.entity_table, l.entity_id, l.link_type,
            list(DISTINCT o.session_id) FILTER (WHERE o.session_id IS NOT NULL AND o.session_id <> l.session_id) AS others
     FROM provenance_entity_links l
     LEFT JOIN provenance_entity_links o ON o.entity_table = l.entity_table AND o.entity_id = l.entity_id
     WHERE l.session_id = ?
     GROUP BY l.entity_table, l.entity_id, l.link_type ORDER BY l.entity_table, l.entity_id`,
    [sessionId],
  );
  return {
    event_id: asEventId(str(e.event_id)),
    session_id: asSessionId(sessionId),
    event_type: str(e.event_type),
    event_name: str(e.event_name),
    timestamp: isoUtc(e.timestamp),
    sequence_number: int(e.sequence_number),
    duration_ms: intOrNull(e.duration_ms),
    details: json(e.details),
    tool_call: await record('provenance_tool_calls'),
    decision: await record('provenance_decisions'),
    transformation: await record('provenance_transformations'),
    entity_links: links.map((l) => ({
      entity_table: str(l.entity_table),
      entity_id: str(l.entity_id),
      link_type: str(l.link_type),
      other_sessions: ((l.others as string[] | null) ?? []).map(asSessionId),
    })),
  };
}
