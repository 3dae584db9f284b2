/**
 * Reads every table of an open tracker database into the TaskGraph DTO. Integers that are
 * timestamps are selected as TEXT and turned into bigint, so values past 2^53 stay exact (sql.js
 * would otherwise return a rounded double). Enums are decoded to names; rows the reference would
 * choke on (unparsable ids, unknown enum values) are kept and reported in `warnings` (§5, §6.1).
 */
import type {
  ActivityId,
  AgentId,
  CommentId,
  Role,
  Task,
  TaskActivity,
  TaskAgent,
  TaskComment,
  TaskEdge,
  TaskId,
  TaskLabel,
} from '../../../shared/model/tasks.js';
import { enumName, type EnumKind } from '../../../shared/tasks/enums.js';
import { parseId } from '../../../shared/tasks/ids.js';
import { rowsOf, type SqlJsDatabase } from './sqlJs.js';

export interface GraphRows {
  tasks: Task[];
  edges: TaskEdge[];
  agents: TaskAgent[];
  activities: TaskActivity[];
  labels: TaskLabel[];
  comments: TaskComment[];
  warnings: string[];
}

type Row = Record<string, unknown>;

export function readGraphRows(db: SqlJsDatabase): GraphRows {
  const warnings: string[] = [];
  const decode = (kind: EnumKind, value: unknown, where: string): string => {
    const name = enumName(kind, Number(value));
    if (name.endsWith(')'))
      warnings.push(`${where}: unknown ${kind} value ${String(value)}, shown as ${name}`);
    return name;
  };
  const checkId = (id: string, what: string): void => {
    try {
      parseId(id);
    } catch (e) {
      warnings.push(`${what}: ${(e as Error).message}`);
    }
  };

  const tasks = rowsOf(
    db,
    `SELECT id, namespace, title, description, status_id, priority_id, type_id, phase_id, owner_id, notes,
            CAST(created_at AS TEXT) AS created_at, CAST(updated_at AS TEXT) AS updated_at,
            CAST(closed_at AS TEXT) AS closed_at, close_reason
       FROM tasks ORDER BY created_at ASC, id ASC`,
  ).map((r): Task => {
    const id = String(r.id);
    const where = `task ${id}`;
    checkId(id, where);
    const ns = String(r.namespace);
    if (!id.startsWith(`${ns}--`) || id.lastIndexOf('--') !== ns.length) {
      warnings.push(`${where}: namespace column '${ns}' differs from the id's namespace`);
    }
    return {
      id: id as TaskId,
      namespace: ns,
      title: String(r.title),
      description: String(r.description),
      status: decode('Status', r.status_id, where) as Task['status'],
      priority: decode('Priority', r.priority_id, where) as Task['priority'],
      type: decode('TaskType', r.type_id, where) as Task['type'],
      phase: decode('Phase', r.phase_id, where) as Task['phase'],
      owner_id: r.owner_id === null ? null : (String(r.owner_id) as AgentId),
      notes: String(r.notes),
      created_at: big(r.created_at),
      updated_at: big(r.updated_at),
      closed_at: bigOrNull(r.closed_at),
      close_reason: String(r.close_reason),
    };
  });

  const edges = rowsOf(
    db,
    `SELECT source_id, target_id, kind_id, CAST(created_at AS TEXT) AS created_at
       FROM edges ORDER BY created_at ASC, source_id, target_id, kind_id`,
  ).map((r): TaskEdge => ({
    source_id: String(r.source_id) as TaskId,
    target_id: String(r.target_id),
    kind: decode(
      'EdgeKind',
      r.kind_id,
      `edge ${String(r.source_id)} -> ${String(r.target_id)}`,
    ) as TaskEdge['kind'],
    created_at: big(r.created_at),
  }));

  const agents = readAgents(db, warnings, decode, checkId);

  const activities = rowsOf(
    db,
    `SELECT id, agent_id, phase_id, stage_id, CAST(started_at AS TEXT) AS started_at,
            CAST(ended_at AS TEXT) AS ended_at, notes
       FROM activities ORDER BY started_at ASC, id ASC`,
  ).map((r): TaskActivity => {
    const id = String(r.id);
    checkId(id, `activity ${id}`);
    return {
      id: id as ActivityId,
      agent_id: String(r.agent_id) as AgentId,
      phase: decode('Phase', r.phase_id, `activity ${id}`) as TaskActivity['phase'],
      stage: decode('Stage', r.stage_id, `activity ${id}`) as TaskActivity['stage'],
      started_at: big(r.started_at),
      ended_at: bigOrNull(r.ended_at),
      notes: String(r.notes),
    };
  });

  const labels = rowsOf(db, `SELECT task_id, name FROM labels ORDER BY task_id, name`).map(
    (r): TaskLabel => ({ task_id: String(r.task_id) as TaskId, name: String(r.name) }),
  );

  const comments = rowsOf(
    db,
    `SELECT id, task_id, author_id, body, CAST(created_at AS TEXT) AS created_at
       FROM comments ORDER BY created_at ASC, id ASC`,
  ).map((r): TaskComment => {
    const id = String(r.id);
    checkId(id, `comment ${id}`);
    return {
      id: id as CommentId,
      task_id: String(r.task_id) as TaskId,
      author_id: String(r.author_id) as AgentId,
      body: String(r.body),
      created_at: big(r.created_at),
    };
  });

  return { tasks, edges, agents, activities, labels, comments, warnings };
}

/** One agents row + its subtype row; ML provider and model resolved by join, never by id (§4). */
function readAgents(
  db: SqlJsDatabase,
  warnings: string[],
  decode: (kind: EnumKind, value: unknown, where: string) => string,
  checkId: (id: string, what: string) => void,
): TaskAgent[] {
  const rows: Row[] = rowsOf(
    db,
    `SELECT a.id, a.kind_id,
            h.agent_id AS h_id, h.name AS h_name, h.contact,
            s.agent_id AS s_id, s.name AS s_name, s.version, s.source,
            m.agent_id AS m_id, m.role_id, m.model_id, mm.name AS model, p.name AS provider
       FROM agents a
       LEFT JOIN agents_human h ON h.agent_id = a.id
       LEFT JOIN agents_software s ON s.agent_id = a.id
       LEFT JOIN agents_ml m ON m.agent_id = a.id
       LEFT JOIN ml_models mm ON mm.id = m.model_id
       LEFT JOIN providers p ON p.id = mm.provider_id
      ORDER BY a.rowid`,
  );
  const agents: TaskAgent[] = [];
  for (const r of rows) {
    const id = String(r.id) as AgentId;
    const where = `agent ${id}`;
    checkId(id, where);
    const kind = decode('AgentKind', r.kind_id, where);
    if (kind === 'human' && r.h_id !== null) {
      agents.push({ kind, id, name: String(r.h_name), contact: String(r.contact) });
    } else if (kind === 'software' && r.s_id !== null) {
      agents.push({ kind, id, name: String(r.s_name), version: String(r.version), source: String(r.source) });
    } else if (kind === 'machine_learning' && r.m_id !== null && r.model !== null && r.provider !== null) {
      agents.push({
        kind,
        id,
        role: decode('Role', r.role_id, where) as Role,
        provider: String(r.provider),
        model: String(r.model),
      });
    } else {
      warnings.push(`${where}: no ${kind} row (or its model is missing); the agent is left out`);
    }
  }
  return agents;
}

function big(v: unknown): bigint {
  return BigInt(String(v));
}

function bigOrNull(v: unknown): bigint | null {
  return v === null || v === undefined ? null : BigInt(String(v));
}
