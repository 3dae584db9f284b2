/**
 * Action lines in the reference tracker's format (spec §5.1, like the fixture
 * sessions/2026-01-13-16-05/actions.jsonl): Python json.dumps spacing, a `Z` time, a fresh
 * `database_event_id` per line, `entity_links` from the first decision on.
 */
import { randomUUID } from 'node:crypto';
import { pyJson } from '../../../../electron/store/values.js';

export interface SessionShape {
  agentType: string;
  query: string;
}

export const SHAPE: SessionShape = {
  agentType: 'MediaFormulationAgent',
  query: 'Recommend MP medium variant for Methylorubrum extorquens AM-1 with Nd3+',
};

const LINKS = [
  { entity_table: 'ingredients', entity_id: 'CHEBI:33372', link_type: 'used' },
  { entity_table: 'media', entity_id: 'MP', link_type: 'derived_from' },
];

/** Line `seq` (1 = agent_start) of a session; `end` makes it the agent_end line. */
export function trackerLine(
  seq: number,
  shape: SessionShape = SHAPE,
  o: { end?: boolean; eventId?: string; extra?: Record<string, unknown> } = {},
): string {
  const base = {
    timestamp: new Date().toISOString().replace('Z', '000Z'),
    action_id: seq,
  };
  let body: Record<string, unknown>;
  if (seq === 1) {
    body = {
      type: 'execute',
      tool: 'AgentExecution',
      duration_ms: 0,
      details: { agent_type: shape.agentType, query: shape.query },
      read_only: true,
    };
  } else if (o.end) {
    body = {
      type: 'execute',
      tool: 'AgentExecution',
      duration_ms: 1019,
      details: { success: true, duration_ms: 1019 },
      read_only: true,
    };
  } else {
    const kinds: Record<string, unknown>[] = [
      { type: 'read', tool: 'log_info', duration_ms: 0, details: { message: `step ${seq}`, level: 'INFO' } },
      {
        type: 'query',
        tool: 'DuckDB',
        duration_ms: 18,
        details: { call_id: randomUUID(), cache_hit: false, duration_ms: 18 },
      },
      {
        type: 'decision',
        tool: 'lanthanide_supplementation',
        duration_ms: 0,
        details: { branch_taken: 'add_NdCl3', reason: 'xoxF present' },
      },
      { type: 'analyze', tool: 'DataAggregation', duration_ms: 27, details: { method: 'pandas.groupby' } },
    ];
    body = { ...kinds[seq % kinds.length]!, read_only: false };
  }
  const details = { ...(body.details as object), ...o.extra };
  const line: Record<string, unknown> = {
    ...base,
    type: body.type,
    tool: body.tool,
    status: 'success',
    duration_ms: body.duration_ms,
    details,
    files_affected: [],
    read_only: body.read_only,
    database_event_id: o.eventId ?? randomUUID(),
  };
  if (seq >= 4) line.entity_links = LINKS;
  return pyJson(line);
}

/** Lines 1..n of one session (the last one agent_end when `ended`), each ending in a newline. */
export function trackerLines(n: number, shape: SessionShape = SHAPE, ended = false): string {
  let text = '';
  for (let i = 1; i <= n; i++) text += trackerLine(i, shape, { end: ended && i === n && i > 1 }) + '\n';
  return text;
}

/** The `database_event_id` of each line of a text. */
export function eventIdsOf(text: string): string[] {
  return text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { database_event_id: string }).database_event_id);
}
