/**
 * The classic schema of the Go tracker, verbatim (§3, §4): the 33 DDL statements in the reference's
 * order, byte for byte (tabs included, no trailing semicolon), the 9 lookup seeds and the ml_models
 * seed. SQLite keeps each CREATE text minus `IF NOT EXISTS` in sqlite_master.sql, so a file written
 * with these statements is indistinguishable from one the reference created.
 */

/** Run by the reference on every open, before the DDL. */
export const REFERENCE_PRAGMAS: readonly string[] = [
  'PRAGMA journal_mode=WAL',
  'PRAGMA busy_timeout=5000',
  'PRAGMA foreign_keys=ON',
];

/** The 33 statements of §3, in order. */
export const REFERENCE_DDL: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS statuses (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE) STRICT`,
  `CREATE TABLE IF NOT EXISTS priorities (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE) STRICT`,
  `CREATE TABLE IF NOT EXISTS task_types (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE) STRICT`,
  `CREATE TABLE IF NOT EXISTS edge_kinds (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE) STRICT`,
  `CREATE TABLE IF NOT EXISTS agent_kinds (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE) STRICT`,
  `CREATE TABLE IF NOT EXISTS providers (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE) STRICT`,
  `CREATE TABLE IF NOT EXISTS roles (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE) STRICT`,
  `CREATE TABLE IF NOT EXISTS phases (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE) STRICT`,
  `CREATE TABLE IF NOT EXISTS stages (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE) STRICT`,
  `CREATE TABLE IF NOT EXISTS ml_models (
			id          INTEGER PRIMARY KEY,
			provider_id INTEGER NOT NULL REFERENCES providers(id),
			name        TEXT NOT NULL,
			UNIQUE (provider_id, name)
		) STRICT`,
  `CREATE TABLE IF NOT EXISTS agents (
			id      TEXT PRIMARY KEY,
			kind_id INTEGER NOT NULL REFERENCES agent_kinds(id)
		) STRICT`,
  `CREATE TABLE IF NOT EXISTS agents_human (
			agent_id TEXT PRIMARY KEY REFERENCES agents(id),
			name     TEXT NOT NULL,
			contact  TEXT NOT NULL DEFAULT ''
		) STRICT, WITHOUT ROWID`,
  `CREATE TABLE IF NOT EXISTS agents_ml (
			agent_id TEXT PRIMARY KEY REFERENCES agents(id),
			role_id  INTEGER NOT NULL REFERENCES roles(id),
			model_id INTEGER NOT NULL REFERENCES ml_models(id)
		) STRICT, WITHOUT ROWID`,
  `CREATE TABLE IF NOT EXISTS agents_software (
			agent_id TEXT PRIMARY KEY REFERENCES agents(id),
			name     TEXT NOT NULL,
			version  TEXT NOT NULL DEFAULT '',
			source   TEXT NOT NULL DEFAULT ''
		) STRICT, WITHOUT ROWID`,
  `CREATE TABLE IF NOT EXISTS tasks (
			id           TEXT PRIMARY KEY,
			namespace    TEXT NOT NULL,
			title        TEXT NOT NULL,
			description  TEXT NOT NULL DEFAULT '',
			status_id    INTEGER NOT NULL DEFAULT 0 REFERENCES statuses(id),
			priority_id  INTEGER NOT NULL DEFAULT 2 REFERENCES priorities(id),
			type_id      INTEGER NOT NULL DEFAULT 2 REFERENCES task_types(id),
			phase_id     INTEGER NOT NULL REFERENCES phases(id),
			owner_id     TEXT REFERENCES agents(id),
			notes        TEXT NOT NULL DEFAULT '',
			created_at   INTEGER NOT NULL,
			updated_at   INTEGER NOT NULL,
			closed_at    INTEGER,
			close_reason TEXT NOT NULL DEFAULT ''
		) STRICT`,
  `CREATE INDEX IF NOT EXISTS idx_tasks_namespace ON tasks (namespace)`,
  `CREATE INDEX IF NOT EXISTS idx_tasks_status    ON tasks (status_id)`,
  `CREATE INDEX IF NOT EXISTS idx_tasks_priority  ON tasks (priority_id)`,
  `CREATE INDEX IF NOT EXISTS idx_tasks_type      ON tasks (type_id)`,
  `CREATE INDEX IF NOT EXISTS idx_tasks_phase     ON tasks (phase_id)`,
  `CREATE INDEX IF NOT EXISTS idx_tasks_owner     ON tasks (owner_id)`,
  `CREATE TABLE IF NOT EXISTS edges (
			source_id  TEXT NOT NULL REFERENCES tasks(id),
			target_id  TEXT NOT NULL,
			kind_id    INTEGER NOT NULL REFERENCES edge_kinds(id),
			created_at INTEGER NOT NULL,
			PRIMARY KEY (source_id, target_id, kind_id)
		) STRICT, WITHOUT ROWID`,
  `CREATE INDEX IF NOT EXISTS idx_edges_source ON edges (source_id)`,
  `CREATE INDEX IF NOT EXISTS idx_edges_target ON edges (target_id)`,
  `CREATE INDEX IF NOT EXISTS idx_edges_kind   ON edges (kind_id)`,
  `CREATE TABLE IF NOT EXISTS activities (
			id         TEXT PRIMARY KEY,
			agent_id   TEXT NOT NULL REFERENCES agents(id),
			phase_id   INTEGER NOT NULL REFERENCES phases(id),
			stage_id   INTEGER NOT NULL REFERENCES stages(id),
			started_at INTEGER NOT NULL,
			ended_at   INTEGER,
			notes      TEXT NOT NULL DEFAULT ''
		) STRICT`,
  `CREATE INDEX IF NOT EXISTS idx_activities_agent ON activities (agent_id)`,
  `CREATE INDEX IF NOT EXISTS idx_activities_phase ON activities (phase_id)`,
  `CREATE TABLE IF NOT EXISTS labels (
			task_id TEXT NOT NULL REFERENCES tasks(id),
			name    TEXT NOT NULL,
			PRIMARY KEY (task_id, name)
		) STRICT, WITHOUT ROWID`,
  `CREATE INDEX IF NOT EXISTS idx_labels_name ON labels (name)`,
  `CREATE TABLE IF NOT EXISTS comments (
			id         TEXT PRIMARY KEY,
			task_id    TEXT NOT NULL REFERENCES tasks(id),
			author_id  TEXT NOT NULL REFERENCES agents(id),
			body       TEXT NOT NULL,
			created_at INTEGER NOT NULL
		) STRICT`,
  `CREATE INDEX IF NOT EXISTS idx_comments_task   ON comments (task_id)`,
  `CREATE INDEX IF NOT EXISTS idx_comments_author ON comments (author_id)`,
];

/** The 9 lookup-table seeds of §4, in order. */
export const REFERENCE_SEEDS: readonly string[] = [
  `INSERT OR IGNORE INTO statuses (id, name) VALUES (0,'open'),(1,'in_progress'),(2,'closed')`,
  `INSERT OR IGNORE INTO priorities (id, name) VALUES (0,'critical'),(1,'high'),(2,'medium'),(3,'low'),(4,'backlog')`,
  `INSERT OR IGNORE INTO task_types (id, name) VALUES (0,'bug'),(1,'feature'),(2,'task'),(3,'epic'),(4,'chore')`,
  `INSERT OR IGNORE INTO edge_kinds (id, name) VALUES (0,'blocked_by'),(1,'derived_from'),(2,'supersedes'),(3,'discovered_from'),(4,'generated_by'),(5,'attributed_to')`,
  `INSERT OR IGNORE INTO agent_kinds (id, name) VALUES (0,'human'),(1,'machine_learning'),(2,'software')`,
  `INSERT OR IGNORE INTO providers (id, name) VALUES (0,'anthropic'),(1,'google'),(2,'openai'),(3,'local')`,
  `INSERT OR IGNORE INTO roles (id, name) VALUES (0,'human'),(1,'architect'),(2,'supervisor'),(3,'worker'),(4,'reviewer')`,
  `INSERT OR IGNORE INTO phases (id, name) VALUES (0,'request'),(1,'elicit'),(2,'propose'),(3,'review'),(4,'plan_uat'),(5,'ratify'),(6,'handoff'),(7,'impl_plan'),(8,'worker_slices'),(9,'code_review'),(10,'impl_uat'),(11,'landing'),(12,'unscoped')`,
  `INSERT OR IGNORE INTO stages (id, name) VALUES (0,'not_started'),(1,'in_progress'),(2,'blocked'),(3,'complete')`,
];

/** Once per (provider, model): `?1` provider name, `?2` model id; unknown providers are a silent skip. */
export const ML_MODEL_SEED = `INSERT OR IGNORE INTO ml_models (provider_id, name) VALUES ((SELECT id FROM providers WHERE name = ?1), ?2)`;

/** The `sqlite_master.sql` text SQLite keeps for a statement run with `IF NOT EXISTS`. */
export function storedSchemaText(statement: string): string {
  return statement.replace(/^CREATE (TABLE|INDEX) IF NOT EXISTS /, 'CREATE $1 ');
}

/** Tables every provenance file has (§2.1 step 1). */
export const REQUIRED_TABLES: readonly string[] = [
  'tasks',
  'edges',
  'agents',
  'agents_human',
  'agents_ml',
  'agents_software',
  'activities',
  'labels',
  'comments',
  'ml_models',
  'statuses',
  'priorities',
  'task_types',
  'edge_kinds',
  'agent_kinds',
  'providers',
  'roles',
  'phases',
  'stages',
];
