/**
 * The expensive half of a timeline overview: event density for the minimap and the critical path,
 * both over every event of the session tree. DuckDB sorts the timed items by (end, start) and
 * hands them over as columns; the walk itself is a binary search per step (shared/sessions).
 */
import { asEventId, type EventId } from '../../shared/model/ids.js';
import { criticalPathOfSorted } from '../../shared/sessions/criticalPath.js';
import { int } from './values.js';
import type { SideReader } from './workspace.js';

export const DENSITY_BUCKETS = 200;

export interface TimelineAnalysis {
  density: number[];
  criticalPath: EventId[];
  /** The same ids, for flagging window rows. */
  onPath: ReadonlySet<string>;
}

export async function analyseTimeline(
  db: SideReader,
  sessionIds: readonly string[],
  originUs: number,
  lastUs: number,
): Promise<TimelineAnalysis> {
  const placeholders = sessionIds.map(() => '?').join(',');
  const dens = await db.all(
    `SELECT LEAST(${DENSITY_BUCKETS - 1}, CAST(FLOOR((epoch_us(timestamp) - ?) / ? * ${DENSITY_BUCKETS}) AS INTEGER)) AS b,
            COUNT(*) AS n
     FROM provenance_events WHERE session_id IN (${placeholders}) GROUP BY b`,
    [originUs, Math.max(1, lastUs - originUs), ...sessionIds],
  );
  const density = new Array<number>(DENSITY_BUCKETS).fill(0);
  for (const d of dens) {
    const b = Math.max(0, int(d.b ?? 0));
    density[b] = (density[b] ?? 0) + int(d.n);
  }
  const [ids = [], starts = [], ends = []] = await db.columns(
    `SELECT event_id, s, s + d AS e FROM (
       SELECT event_id, (epoch_us(timestamp) - ?) / 1000.0 AS s,
              COALESCE(duration_ms, TRY_CAST(json_extract_string(details, '$.duration_ms') AS DOUBLE), 0) AS d
       FROM provenance_events WHERE session_id IN (${placeholders}) AND event_name <> 'agent_end'
     ) ORDER BY e, s, event_id`,
    [originUs, ...sessionIds],
  );
  const path = criticalPathOfSorted(starts as number[], ends as number[]).map((p) =>
    asEventId(String(ids[p])),
  );
  return { density, criticalPath: path, onPath: new Set(path) };
}
