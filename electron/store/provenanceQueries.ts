import { referenceSql } from '../../shared/sql/referenceQueries.js';
import { asSessionId } from '../../shared/model/ids.js';
import type { JsonValue } from '../../shared/model/json.js';
import type {
  AgentStatistics,
  DecisionPattern,
  EntityProvenance,
  QueryError,
  RecentSession,
  SessionComparison,
  SessionHierarchyNode,
  TimeWindow,
  ToolCallStatistics,
} from '../../shared/model/provenanceQueries.js';
import type { SessionTrace } from '../../shared/model/sessions.js';
import {
  toDecision,
  toEntityLink,
  toSessionDetail,
  toSessionEvent,
  toToolCall,
  toTransformation,
} from './provenanceRows.js';
import { boolOrNull, int, intOrNull, isoUtc, isoUtcOrNull, str, strOrNull, type Row } from './values.js';
import type { Workspace } from './workspace.js';

/**
 * The reference `ProvenanceQueries` (formats/claude-provenance.md §9), statement for statement, so
 * a workspace and a MicroGrowAgents / PFAS database give the same answers. One fix (§12.7): the
 * time-window cutoff is computed in UTC, like every stored time.
 */
export type Queryable = Pick<Workspace, 'all'>;

/** Everything recorded for one session. */
export async function getSessionTrace(db: Queryable, sessionId: string): Promise<SessionTrace | QueryError> {
  const [session] = await db.all(referenceSql('session'), [sessionId]);
  if (!session) return { error: `Session ${sessionId} not found` };
  const events = await db.all(referenceSql('events'), [sessionId]);
  const toolCalls = await db.all(referenceSql('tool_calls'), [sessionId]);
  const decisions = await db.all(referenceSql('decisions'), [sessionId]);
  const transformations = await db.all(`SELECT * FROM provenance_transformations WHERE session_id = ?`, [
    sessionId,
  ]);
  const links = await db.all(`SELECT * FROM provenance_entity_links WHERE session_id = ?`, [sessionId]);
  const [info] = await sessionInfo(db, sessionId);
  return {
    session: toSessionDetail(session, {
      project: strOrNull(info?.project),
      project_id: intOrNull(info?.project_id),
      project_root: strOrNull(info?.root_path),
      folder: strOrNull(info?.folder),
      summary_md: strOrNull(info?.summary_md),
      manifest: info?.manifest ?? null,
      event_count: events.length,
      tool_call_count: toolCalls.length,
      cache_hits: toolCalls.filter((c) => c.cache_hit === true).length,
    }),
    events: events.map(toSessionEvent),
    tool_calls: toolCalls.map(toToolCall),
    decisions: decisions.map(toDecision),
    transformations: transformations.map(toTransformation),
    entity_links: links.map(toEntityLink),
  };
}

/** Our bookkeeping; absent in a reference DB, so an empty answer there. */
async function sessionInfo(db: Queryable, sessionId: string): Promise<Row[]> {
  try {
    return await db.all(
      `SELECT i.folder, i.summary_md, i.manifest, p.project_id, p.name AS project, p.root_path
       FROM provex_session_info i LEFT JOIN provex_projects p ON p.project_id = i.project_id WHERE i.session_id = ?`,
      [sessionId],
    );
  } catch {
    return [];
  }
}

/** Executions, durations, successes and failures per agent type since the cutoff (on `created_at`). */
export async function getAgentStatistics(
  db: Queryable,
  options: TimeWindow & { agentType?: string } = {},
): Promise<AgentStatistics[]> {
  const cutoff = utcCutoff(options);
  const rows = options.agentType
    ? await db.all(referenceSql('agent_stats_one'), [options.agentType, cutoff])
    : await db.all(referenceSql('agent_stats'), [cutoff]);
  return rows.map((r) => ({
    agent_type: str(r.agent_type),
    executions: int(r.executions),
    avg_duration_ms: numOrNull(r.avg_duration_ms),
    max_duration_ms: intOrNull(r.max_duration_ms),
    min_duration_ms: intOrNull(r.min_duration_ms),
    successful: int(r.successful ?? 0),
    failed: int(r.failed ?? 0),
  }));
}

/** Sessions linked to one domain entity, newest link first. */
export async function findEntityProvenance(
  db: Queryable,
  entityTable: string,
  entityId: string,
): Promise<EntityProvenance[]> {
  const rows = await db.all(referenceSql('entity'), [entityTable, entityId]);
  return rows.map((r) => ({
    session_id: asSessionId(str(r.session_id)),
    agent_type: str(r.agent_type),
    query: str(r.query),
    start_time: isoUtc(r.start_time),
    duration_ms: intOrNull(r.duration_ms),
    success: boolOrNull(r.success),
    link_type: str(r.link_type),
    timestamp: isoUtc(r.timestamp),
  }));
}

/** Calls, durations, cache hits and failures per tool since the cutoff (on `call_time`). */
export async function getToolCallStatistics(
  db: Queryable,
  options: TimeWindow = {},
): Promise<ToolCallStatistics[]> {
  const rows = await db.all(referenceSql('tool_stats'), [utcCutoff(options)]);
  return rows.map((r) => ({
    tool_type: str(r.tool_type),
    tool_name: str(r.tool_name),
    call_count: int(r.call_count),
    avg_duration_ms: numOrNull(r.avg_duration_ms),
    cache_hits: int(r.cache_hits ?? 0),
    cache_misses: int(r.cache_misses ?? 0),
    successful: int(r.successful ?? 0),
    failed: int(r.failed ?? 0),
  }));
}

/** How often each branch was taken, per agent type and decision type, since the cutoff. */
export async function getDecisionPatterns(
  db: Queryable,
  options: TimeWindow & { agentType?: string } = {},
): Promise<DecisionPattern[]> {
  const cutoff = utcCutoff(options);
  const rows = options.agentType
    ? await db.all(referenceSql('decision_patterns_one'), [options.agentType, cutoff])
    : await db.all(referenceSql('decision_patterns'), [cutoff]);
  return rows.map((r) => ({
    agent_type: str(r.agent_type),
    decision_type: str(r.decision_type),
    branch_taken: strOrNull(r.branch_taken),
    count: int(r.count),
  }));
}

/** The root session and all its descendants, `level` counted from the root. */
export async function getSessionHierarchy(
  db: Queryable,
  rootSessionId: string,
): Promise<SessionHierarchyNode[]> {
  const rows = await db.all(referenceSql('hierarchy'), [rootSessionId]);
  return rows.map((r) => ({
    session_id: asSessionId(str(r.session_id)),
    agent_type: str(r.agent_type),
    query: str(r.query),
    parent_session_id: r.parent_session_id == null ? null : asSessionId(str(r.parent_session_id)),
    depth: intOrNull(r.depth) ?? 0,
    duration_ms: intOrNull(r.duration_ms),
    success: boolOrNull(r.success),
    level: int(r.level),
  }));
}

/** The newest sessions by `created_at`. */
export async function getRecentSessions(
  db: Queryable,
  options: { agentType?: string; limit?: number } = {},
): Promise<RecentSession[]> {
  const limit = options.limit ?? 10;
  const rows = options.agentType
    ? await db.all(referenceSql('recent_one'), [options.agentType, limit])
    : await db.all(referenceSql('recent'), [limit]);
  return rows.map((r) => ({
    session_id: asSessionId(str(r.session_id)),
    agent_type: str(r.agent_type),
    query: str(r.query),
    start_time: isoUtc(r.start_time),
    end_time: isoUtcOrNull(r.end_time),
    duration_ms: intOrNull(r.duration_ms),
    success: boolOrNull(r.success),
    error_message: strOrNull(r.error_message),
  }));
}

/** Two sessions side by side: inputs, agent, duration, outcome and record counts. */
export async function compareSessions(
  db: Queryable,
  sessionId1: string,
  sessionId2: string,
): Promise<SessionComparison | QueryError> {
  const t1 = await getSessionTrace(db, sessionId1);
  const t2 = await getSessionTrace(db, sessionId2);
  if ('error' in t1 || 'error' in t2) return { error: 'One or both sessions not found' };
  const a = t1.session;
  const b = t2.session;
  return {
    inputs_differ: a.query !== b.query || !sameJson(a.kwargs, b.kwargs),
    agent_types_match: a.agent_type === b.agent_type,
    duration_diff_ms: a.duration_ms === null || b.duration_ms === null ? null : a.duration_ms - b.duration_ms,
    both_successful: a.success === true && b.success === true,
    event_count_diff: t1.events.length - t2.events.length,
    tool_call_count_diff: t1.tool_calls.length - t2.tool_calls.length,
    decision_count_diff: t1.decisions.length - t2.decisions.length,
    session_1: {
      session_id: a.session_id,
      agent_type: a.agent_type,
      duration_ms: a.duration_ms,
      success: a.success,
    },
    session_2: {
      session_id: b.session_id,
      agent_type: b.agent_type,
      duration_ms: b.duration_ms,
      success: b.success,
    },
  };
}

/** `now − days` as naive-UTC ISO text, the form the tables store (§12.7). */
export function utcCutoff(options: TimeWindow = {}): string {
  const now = options.now ? new Date(options.now) : new Date();
  const cutoff = new Date(now.getTime() - (options.days ?? 7) * 86_400_000);
  return cutoff.toISOString().replace('Z', '');
}

function numOrNull(v: unknown): number | null {
  return v === null || v === undefined ? null : Number(v);
}

/** Structural equality of two JSON values (key order ignored). */
function sameJson(a: JsonValue, b: JsonValue): boolean {
  return canonical(a) === canonical(b);
}

function canonical(v: JsonValue): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  const keys = Object.keys(v).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(v[k] ?? null)}`).join(',')}}`;
}
