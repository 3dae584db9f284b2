/**
 * Writes a TaskGraph as a classic Go tracker file (§10.6): the reference pragmas, its 33 DDL
 * statements and 9 seeds verbatim, ml_models seeded for every (provider, model) an ML agent uses
 * (ids read back by name, never assumed), then the rows in one transaction with foreign keys on.
 * Timestamps are bound as decimal text under `CAST(? AS INTEGER)`: sql.js has no int64 binding and a
 * double would round nanoseconds.
 */
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import type { TaskGraph } from '../../shared/model/tasks.js';
import { isKnownName, requireEnumValue, type EnumKind } from '../../shared/tasks/enums.js';
import {
  ML_MODEL_SEED,
  REFERENCE_DDL,
  REFERENCE_PRAGMAS,
  REFERENCE_SEEDS,
} from '../importers/goTasks/referenceSchema.js';
import { loadSqlJs, rowsOf, type SqlJsDatabase } from '../importers/goTasks/sqlJs.js';

export class TaskExportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TaskExportError';
  }
}

/** The file image of `graph` in the classic schema. */
export async function buildGoTasksSqlite(graph: TaskGraph): Promise<Uint8Array> {
  checkEnums(graph);
  const SQL = await loadSqlJs();
  const db = new SQL.Database();
  try {
    for (const p of REFERENCE_PRAGMAS) db.exec(p);
    for (const s of REFERENCE_DDL) db.run(s);
    for (const s of REFERENCE_SEEDS) db.run(s);
    const modelIds = seedModels(db, graph);
    db.run('BEGIN');
    try {
      insertRows(db, graph, modelIds);
      db.run('COMMIT');
    } catch (e) {
      db.run('ROLLBACK');
      throw new TaskExportError(`cannot write the task graph: ${(e as Error).message}`);
    }
    const broken = rowsOf(db, 'PRAGMA foreign_key_check');
    if (broken.length > 0) {
      throw new TaskExportError(`foreign key check failed: ${JSON.stringify(broken.slice(0, 5))}`);
    }
    return db.export();
  } finally {
    db.close();
  }
}

/** Writes the file (atomically, through a temp file); an existing file is kept unless `overwrite`. */
export async function writeGoTasksSqlite(
  graph: TaskGraph,
  path: string,
  options: { overwrite?: boolean } = {},
): Promise<void> {
  if (!options.overwrite && existsSync(path)) throw new TaskExportError(`${path}: file exists`);
  for (const side of [`${path}-wal`, `${path}-shm`]) {
    if (existsSync(side))
      throw new TaskExportError(`${side}: a SQLite side file is in the way; remove it first`);
  }
  const bytes = await buildGoTasksSqlite(graph);
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, path);
}

function seedModels(db: SqlJsDatabase, graph: TaskGraph): Map<string, number> {
  const ids = new Map<string, number>();
  for (const a of graph.agents) {
    if (a.kind !== 'machine_learning') continue;
    const key = `${a.provider}\u0000${a.model}`;
    if (ids.has(key)) continue;
    db.run(ML_MODEL_SEED, [a.provider, a.model]);
    const [row] = rowsOf(
      db,
      `SELECT m.id FROM ml_models m JOIN providers p ON p.id = m.provider_id WHERE p.name = ? AND m.name = ?`,
      [a.provider, a.model],
    );
    if (!row) {
      throw new TaskExportError(
        `agent ${a.id}: provider '${a.provider}' is not one of the reference's providers, so model '${a.model}' cannot be stored`,
      );
    }
    ids.set(key, Number(row.id));
  }
  return ids;
}

const ns = (v: bigint | null): string | null => (v === null ? null : v.toString());

function insertRows(db: SqlJsDatabase, g: TaskGraph, modelIds: Map<string, number>): void {
  const run = (sql: string, rows: (string | number | null)[][]): void => {
    const stmt = db.prepare(sql);
    try {
      for (const r of rows) stmt.run(r);
    } finally {
      stmt.free();
    }
  };
  const agentKind = (k: string): number => requireEnumValue('AgentKind', k);
  run(
    'INSERT INTO agents (id, kind_id) VALUES (?1, ?2)',
    g.agents.map((a) => [a.id, agentKind(a.kind)]),
  );
  const humans = g.agents.flatMap((a) => (a.kind === 'human' ? [[a.id, a.name, a.contact]] : []));
  run('INSERT INTO agents_human (agent_id, name, contact) VALUES (?1, ?2, ?3)', humans);
  const software = g.agents.flatMap((a) =>
    a.kind === 'software' ? [[a.id, a.name, a.version, a.source]] : [],
  );
  run('INSERT INTO agents_software (agent_id, name, version, source) VALUES (?1, ?2, ?3, ?4)', software);
  const ml = g.agents.flatMap((a) =>
    a.kind === 'machine_learning'
      ? [[a.id, requireEnumValue('Role', a.role), modelIds.get(`${a.provider}\u0000${a.model}`)!]]
      : [],
  );
  run('INSERT INTO agents_ml (agent_id, role_id, model_id) VALUES (?1, ?2, ?3)', ml);

  run(
    `INSERT INTO tasks
			(id, namespace, title, description, status_id, priority_id, type_id,
			 phase_id, owner_id, notes, created_at, updated_at, closed_at, close_reason)
		 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, CAST(?11 AS INTEGER), CAST(?12 AS INTEGER), CAST(?13 AS INTEGER), ?14)`,
    g.tasks.map((t) => [
      t.id,
      t.namespace,
      t.title,
      t.description,
      requireEnumValue('Status', t.status),
      requireEnumValue('Priority', t.priority),
      requireEnumValue('TaskType', t.type),
      requireEnumValue('Phase', t.phase),
      t.owner_id,
      t.notes,
      ns(t.created_at),
      ns(t.updated_at),
      ns(t.closed_at),
      t.close_reason,
    ]),
  );
  run(
    `INSERT INTO activities (id, agent_id, phase_id, stage_id, started_at, ended_at, notes)
		 VALUES (?1, ?2, ?3, ?4, CAST(?5 AS INTEGER), CAST(?6 AS INTEGER), ?7)`,
    g.activities.map((a) => [
      a.id,
      a.agent_id,
      requireEnumValue('Phase', a.phase),
      requireEnumValue('Stage', a.stage),
      ns(a.started_at),
      ns(a.ended_at),
      a.notes,
    ]),
  );
  run(
    'INSERT INTO edges (source_id, target_id, kind_id, created_at) VALUES (?1, ?2, ?3, CAST(?4 AS INTEGER))',
    g.edges.map((e) => [e.source_id, e.target_id, requireEnumValue('EdgeKind', e.kind), ns(e.created_at)]),
  );
  run(
    'INSERT INTO labels (task_id, name) VALUES (?1, ?2)',
    g.labels.map((l) => [l.task_id, l.name]),
  );
  run(
    'INSERT INTO comments (id, task_id, author_id, body, created_at) VALUES (?1, ?2, ?3, ?4, CAST(?5 AS INTEGER))',
    g.comments.map((c) => [c.id, c.task_id, c.author_id, c.body, ns(c.created_at)]),
  );
}

/** Lookup-table foreign keys refuse integers without a name: say which row instead of failing in SQL. */
function checkEnums(g: TaskGraph): void {
  const check = (kind: EnumKind, value: string, where: string): void => {
    if (!isKnownName(kind, value)) {
      throw new TaskExportError(`${where}: ${kind} '${value}' has no row in the reference's lookup tables`);
    }
  };
  for (const t of g.tasks) {
    check('Status', t.status, `task ${t.id}`);
    check('Priority', t.priority, `task ${t.id}`);
    check('TaskType', t.type, `task ${t.id}`);
    check('Phase', t.phase, `task ${t.id}`);
  }
  for (const e of g.edges) check('EdgeKind', e.kind, `edge ${e.source_id} -> ${e.target_id}`);
  for (const a of g.activities) {
    check('Phase', a.phase, `activity ${a.id}`);
    check('Stage', a.stage, `activity ${a.id}`);
  }
  for (const a of g.agents) if (a.kind === 'machine_learning') check('Role', a.role, `agent ${a.id}`);
}
