/**
 * What a timeline window needs besides its rows: the lanes of the session tree (one small query,
 * cached per root), the row count of a collapse set derived from them, and the conversion of a
 * row to its DTO.
 */
import { asEventId, asSessionId, type SessionId } from '../../shared/model/ids.js';
import type { TimelineItemKind, TimelineLane, TimelineRow } from '../../shared/model/timeline.js';
import { TREE_CTE } from './timelineSql.js';
import { type Row, boolOrNull, int, str } from './values.js';
import { DERIVED_TABLE } from './sessionDerived.js';
import type { SideReader } from './workspace.js';

/** The cheap half of an overview: the lanes, the span and what the row queries need. */
export interface Head {
  lanes: TimelineLane[];
  /** Per lane, its ancestor chain below the root, itself included (the root's is empty). */
  chains: string[][];
  originUs: number;
  lastUs: number;
  maxDepth: number;
  /** The repository's generation when the lanes were read (stale after an `invalidate`). */
  generation?: number;
}

export async function loadHead(db: SideReader, root: SessionId): Promise<Head | null> {
  const tree = await db.all(
    `${TREE_CTE}
     SELECT t.session_id, t.parent_session_id, t.agent_type, t.query, t.depth, t.success, t.chain,
            epoch_us(t.start_time) AS start_us, epoch_us(t.end_time) AS end_us
     FROM tree t ORDER BY t.path`,
    [root],
  );
  // Each lane's count and last event from the per-session derived table (kept by every write,
  // see sessionDerived.ts): no scan of the events.
  const ids = [...new Set(tree.map((r) => str(r.session_id)))];
  const counts = new Map<string, Row>();
  if (ids.length) {
    const rows = await db.all(
      `SELECT session_id, event_count AS n, epoch_us(last_event_at) AS last_us FROM ${DERIVED_TABLE}
       WHERE session_id IN (${ids.map(() => '?').join(', ')})`,
      ids,
    );
    for (const r of rows) counts.set(str(r.session_id), r);
  }
  const laneRows = tree.map((r): Row => ({
    ...r,
    event_count: counts.get(str(r.session_id))?.n ?? 0,
    last_us: counts.get(str(r.session_id))?.last_us ?? null,
  }));
  if (!laneRows.length) return null;
  const originUs = Number(laneRows[0]!.start_us);
  const lanes: TimelineLane[] = laneRows.map((r) => ({
    session_id: asSessionId(str(r.session_id)),
    parent_session_id: r.parent_session_id ? asSessionId(str(r.parent_session_id)) : null,
    agent_type: str(r.agent_type),
    query: str(r.query),
    depth: int(r.depth),
    start_ms: (Number(r.start_us) - originUs) / 1000,
    end_ms: r.end_us === null ? null : (Number(r.end_us) - originUs) / 1000,
    event_count: int(r.event_count),
    success: boolOrNull(r.success),
  }));
  const lastUs = Math.max(
    originUs,
    ...laneRows.map((r) => Math.max(Number(r.end_us ?? 0), Number(r.last_us ?? 0))),
  );
  return {
    lanes,
    chains: laneRows.map((r) => (Array.isArray(r.chain) ? r.chain.map(String) : [])),
    originUs,
    lastUs,
    maxDepth: Math.max(0, ...lanes.map((l) => l.depth)),
  };
}

/** Rows of the ordering with `collapsed` folded: as the row query counts them, from the lanes. */
export function visibleRows(head: Head, collapsed: readonly string[]): number {
  const folded = new Set(collapsed);
  let n = 0;
  head.lanes.forEach((lane, i) => {
    const chain = head.chains[i] ?? [];
    if (!chain.slice(0, -1).some((s) => folded.has(s))) n++;
    if (!chain.some((s) => folded.has(s))) n += lane.event_count;
  });
  return n;
}

function kindOf(eventType: string): TimelineItemKind {
  switch (eventType) {
    case 'tool_call':
    case 'decision':
    case 'transformation':
    case 'log':
    case 'lifecycle':
      return eventType;
    default:
      return 'event';
  }
}

export function toRow(r: Row, originMs: number, onPath: ReadonlySet<string> | undefined): TimelineRow {
  const eventId = r.event_id ? asEventId(str(r.event_id)) : null;
  const eventType = r.event_type === null || r.event_type === undefined ? null : str(r.event_type);
  const duration = r.duration_ms === null || r.duration_ms === undefined ? null : Number(r.duration_ms);
  return {
    index: int(r.idx),
    kind: r.kind === 'session' ? 'session' : kindOf(str(r.kind)),
    session_id: asSessionId(str(r.session_id)),
    depth: int(r.depth),
    event_id: eventId,
    label: str(r.label),
    event_type: eventType,
    start_ms: Number(r.ts_us) / 1000 - originMs,
    duration_ms: duration === null || Number.isNaN(duration) ? null : duration,
    success: boolOrNull(r.success),
    cache_hit: boolOrNull(r.cache_hit),
    on_critical_path: eventId !== null && (onPath?.has(eventId) ?? false),
    has_children: Boolean(r.has_children),
  };
}
