import { asEventId, asSessionId, type EventId, type SessionId } from '../../shared/model/ids.js';
import type {
  TimelineItemKind,
  TimelineLane,
  TimelineOverview,
  TimelineRow,
  TimelineWindow,
  TimelineWindowArgs,
} from '../../shared/model/timeline.js';
import { criticalPath } from '../../shared/sessions/criticalPath.js';
import { DERIVED_TABLE } from './sessionDerived.js';
import { type Row, boolOrNull, int, isoUtc, str } from './values.js';
import type { Workspace } from './workspace.js';

const DENSITY_BUCKETS = 200;

/** The session tree below a root, with each session's ancestor chain (root excluded) for ordering. */
const TREE_CTE = `
  WITH RECURSIVE tree AS (
    SELECT session_id, parent_session_id, agent_type, query, start_time, end_time, success, 0 AS depth,
           []::VARCHAR[] AS chain, []::BIGINT[] AS path
    FROM provenance_sessions WHERE session_id = ?
    UNION ALL
    SELECT s.session_id, s.parent_session_id, s.agent_type, s.query, s.start_time, s.end_time, s.success, t.depth + 1,
           list_append(t.chain, s.session_id), list_concat(t.path, [epoch_us(s.start_time), -1])
    FROM provenance_sessions s JOIN tree t ON s.parent_session_id = t.session_id
    WHERE t.depth < 64
  )`;

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

interface Materialized {
  table: string;
  total: number;
}

/**
 * Timeline reads. Row order is a lexicographic sort on each row's "time path" (the start times of
 * its ancestor sessions, then its own time), so a child session's rows sit under its header at the
 * moment it starts. The ordering of a (root, collapsed set) is materialised once into a temp table
 * with a dense index, so a window is a range scan however large the session.
 */
export class TimelineRepository {
  private readonly cache = new Map<string, Materialized>();
  private readonly overviews = new Map<string, TimelineOverview>();
  private seq = 0;

  constructor(private readonly ws: Workspace) {}

  /** Forget cached orderings (after an import, the tracker or the watcher changed rows). */
  invalidate(): void {
    for (const m of this.cache.values())
      void this.ws.all(`DROP TABLE IF EXISTS ${m.table}`).catch(() => undefined);
    this.cache.clear();
    this.overviews.clear();
  }

  async overview(root: SessionId): Promise<TimelineOverview | null> {
    const cached = this.overviews.get(root);
    if (cached) return cached;
    const laneRows = await this.ws.all(
      `${TREE_CTE}
       SELECT t.session_id, t.parent_session_id, t.agent_type, t.query, t.depth, t.success,
              epoch_us(t.start_time) AS start_us, epoch_us(t.end_time) AS end_us,
              COALESCE(d.event_count, 0) AS event_count, epoch_us(d.last_event_at) AS last_us
       FROM tree t LEFT JOIN ${DERIVED_TABLE} d ON d.session_id = t.session_id ORDER BY t.path`,
      [root],
    );
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
    const spanMs = (lastUs - originUs) / 1000;
    const ids = lanes.map((l) => l.session_id);
    const placeholders = ids.map(() => '?').join(',');
    const dens = await this.ws.all(
      `SELECT LEAST(${DENSITY_BUCKETS - 1}, CAST(FLOOR((epoch_us(timestamp) - ?) / ? * ${DENSITY_BUCKETS}) AS INTEGER)) AS b,
              COUNT(*) AS n
       FROM provenance_events WHERE session_id IN (${placeholders}) GROUP BY b`,
      [originUs, Math.max(1, lastUs - originUs), ...ids],
    );
    const density = new Array<number>(DENSITY_BUCKETS).fill(0);
    for (const d of dens) {
      const b = Math.max(0, int(d.b ?? 0));
      density[b] = (density[b] ?? 0) + int(d.n);
    }
    const timed = await this.ws.table(
      `SELECT event_id, (epoch_us(timestamp) - ?) / 1000.0 AS s,
              COALESCE(duration_ms, TRY_CAST(json_extract_string(details, '$.duration_ms') AS DOUBLE), 0) AS d
       FROM provenance_events WHERE session_id IN (${placeholders}) AND event_name <> 'agent_end'`,
      [originUs, ...ids],
    );
    const items = timed.rows.map((r) => ({
      id: String(r[0]),
      start: Number(r[1]),
      end: Number(r[1]) + Number(r[2]),
    }));
    const overview: TimelineOverview = {
      root,
      origin: isoUtc(new Date(originUs / 1000).toISOString()),
      span_ms: spanMs,
      lanes,
      total_rows: lanes.length + lanes.reduce((a, l) => a + l.event_count, 0),
      density,
      critical_path: criticalPath(items).map(asEventId),
    };
    this.overviews.set(root, overview);
    return overview;
  }

  async window(args: TimelineWindowArgs): Promise<TimelineWindow> {
    const overview = await this.overview(args.session_id);
    if (!overview) return { total_rows: 0, offset: 0, rows: [] };
    const m = await this.materialize(args.session_id, args.collapsed ?? []);
    const offset = Math.max(0, Math.floor(args.offset));
    const limit = Math.max(0, Math.min(2000, Math.floor(args.limit)));
    const rows = await this.ws.all(`SELECT * FROM ${m.table} WHERE idx >= ? AND idx < ? ORDER BY idx`, [
      offset,
      offset + limit,
    ]);
    const onPath = new Set<EventId>(overview.critical_path);
    const originMs = Date.parse(overview.origin);
    return { total_rows: m.total, offset, rows: rows.map((r) => toRow(r, originMs, onPath)) };
  }

  private async materialize(root: SessionId, collapsed: SessionId[]): Promise<Materialized> {
    const key = `${root}\u0000${[...collapsed].sort().join('\u0000')}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const table = `provex_timeline_${++this.seq}`;
    const list = sqlStringList(collapsed);
    const hidden = collapsed.length ? `AND NOT list_has_any(t.chain, ${list})` : '';
    const headerHidden = collapsed.length
      ? `AND NOT list_has_any(list_slice(t.chain, 1, len(t.chain) - 1), ${list})`
      : '';
    await this.ws.all(
      `CREATE OR REPLACE TEMP TABLE ${table} AS
       ${TREE_CTE},
       rows AS (
         SELECT t.path AS k, 'session' AS kind, t.session_id, t.depth, NULL::VARCHAR AS event_id, t.agent_type AS label,
                NULL::VARCHAR AS event_type, t.start_time AS ts,
                CAST(epoch_ms(t.end_time) - epoch_ms(t.start_time) AS DOUBLE) AS duration_ms, t.success,
                NULL::BOOLEAN AS cache_hit,
                EXISTS (SELECT 1 FROM provenance_sessions c WHERE c.parent_session_id = t.session_id) AS has_children
         FROM tree t WHERE TRUE ${headerHidden}
         UNION ALL
         SELECT list_concat(t.path, [epoch_us(e.timestamp), e.sequence_number]), e.event_type, e.session_id, t.depth,
                e.event_id, e.event_name, e.event_type, e.timestamp,
                COALESCE(CAST(e.duration_ms AS DOUBLE), TRY_CAST(json_extract_string(e.details, '$.duration_ms') AS DOUBLE)),
                COALESCE(tc.success, TRY_CAST(json_extract_string(e.details, '$.success') AS BOOLEAN)),
                TRY_CAST(json_extract_string(e.details, '$.cache_hit') AS BOOLEAN), FALSE
         FROM provenance_events e JOIN tree t ON e.session_id = t.session_id
         LEFT JOIN provenance_tool_calls tc ON tc.event_id = e.event_id
         WHERE TRUE ${hidden}
       )
       SELECT CAST(row_number() OVER (ORDER BY k, event_id NULLS FIRST) - 1 AS BIGINT) AS idx, kind, session_id, depth,
              event_id, label, event_type, epoch_us(ts) AS ts_us, duration_ms, success, cache_hit, has_children
       FROM rows ORDER BY idx`,
      [root],
    );
    const [c] = await this.ws.all(`SELECT COUNT(*) AS n FROM ${table}`);
    const m = { table, total: int(c?.n ?? 0) };
    if (this.cache.size >= 8) {
      const [oldKey, old] = this.cache.entries().next().value as [string, Materialized];
      this.cache.delete(oldKey);
      await this.ws.all(`DROP TABLE IF EXISTS ${old.table}`).catch(() => undefined);
    }
    this.cache.set(key, m);
    return m;
  }
}

function toRow(r: Row, originMs: number, onPath: Set<EventId>): TimelineRow {
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
    on_critical_path: eventId !== null && onPath.has(eventId),
    has_children: Boolean(r.has_children),
  };
}

/** A VARCHAR[] literal; every value quoted and escaped (ids come from the renderer). */
function sqlStringList(values: readonly string[]): string {
  return `[${values.map((v) => `'${String(v).replace(/'/g, "''")}'`).join(', ')}]::VARCHAR[]`;
}
