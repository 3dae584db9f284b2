/**
 * A session's decisions (`provenance_decisions`) as a CrucibleTrace chain, so two sessions'
 * decision sequences can be compared with the chain diff and the aligned view. One event per
 * decision, in time order:
 *
 * | chain event      | from the decision                                         |
 * |------------------|-----------------------------------------------------------|
 * | id               | decision_id                                               |
 * | type             | `decision_made` (a producer type outside the 26, kept as is) |
 * | decision         | `{decision_point}: {branch_taken}` (or the point alone)   |
 * | reasoning        | reason (null when none)                                   |
 * | alternatives     | branches_available (non-strings as their JSON text)       |
 * | confidence       | 1.0 (decisions carry none)                                |
 * | metadata         | decision_type, decision_point, branch_taken, input_values, condition_evaluated |
 *
 * The decision text joins point and branch so that the same point taking another branch shows as an
 * edit (word diff on the branch) in the aligned view, and as removed + added in the reference's
 * content matching, which is what the reference would report. Nothing session-specific (the
 * session's event id) goes into the metadata: the aligned view compares metadata, and the same
 * decision in two sessions must align as the same.
 */
import type { Chain, ChainEvent, KeptJson, KeptObject } from '../../shared/model/chains.js';
import { parseKeptJson } from '../../shared/chains/keptJson.js';
import { normalizeTimestamp } from '../../shared/chains/timestamps.js';
import type { SessionId } from '../../shared/model/ids.js';
import { isoUtc, type Row } from './values.js';
import type { Workspace } from './workspace.js';

const textOrNull = (x: unknown): string | null => (x === null || x === undefined ? null : String(x));

function kept(x: unknown): KeptJson {
  if (x === null || x === undefined) return null;
  try {
    return parseKeptJson(String(x));
  } catch {
    return String(x);
  }
}

/** DuckDB's naive UTC timestamp text -> the chain's ISO form (digits as stored). */
function iso(x: unknown): string {
  const s = isoUtc(x);
  return normalizeTimestamp(s) ?? s;
}

function alternatives(x: unknown): string[] {
  const v = kept(x);
  if (!Array.isArray(v)) return [];
  return v.map((b) => (typeof b === 'string' ? b : JSON.stringify(b)));
}

export function decisionEvent(r: Row): ChainEvent {
  const point = String(r.decision_point);
  const branch = textOrNull(r.branch_taken);
  const metadata: KeptObject = {
    decision_type: String(r.decision_type),
    decision_point: point,
    branch_taken: branch,
    input_values: kept(r.input_values),
    condition_evaluated: textOrNull(r.condition_evaluated),
  };
  return {
    id: String(r.decision_id),
    timestamp: iso(r.timestamp),
    type: 'decision_made',
    decision: branch === null ? point : `${point}: ${branch}`,
    reasoning: textOrNull(r.reason),
    alternatives: alternatives(r.branches_available),
    confidence: 1.0,
    code_section: null,
    spec_reference: null,
    metadata,
    parent_id: null,
    depends_on: [],
    stage_id: null,
    experiment_id: null,
  };
}

/** The decision sequence of one session, or null when the session does not exist. */
export async function sessionDecisionChain(ws: Workspace, sessionId: SessionId): Promise<Chain | null> {
  const [s] = await ws.all(
    `SELECT session_id, agent_type, query, start_time, end_time FROM provenance_sessions WHERE session_id = ?`,
    [sessionId],
  );
  if (!s) return null;
  const rows = await ws.all(
    `SELECT * FROM provenance_decisions WHERE session_id = ? ORDER BY timestamp, decision_id`,
    [sessionId],
  );
  const created = iso(s.start_time);
  return {
    id: `session:${sessionId}`,
    name: `${String(s.agent_type)}: ${String(s.query)}`,
    description: `Decisions of session ${sessionId}`,
    events: rows.map(decisionEvent),
    metadata: { session_id: String(sessionId), agent_type: String(s.agent_type) },
    created_at: created,
    updated_at: s.end_time === null ? created : iso(s.end_time),
  };
}
