import { PROVENANCE_INDEXES, PROVENANCE_TABLES } from '../provenanceDdl.js';
import type { Migration } from './index.js';

/**
 * The first workspace schema: the six reference tables (verbatim), then our own bookkeeping,
 * task-graph and chain tables. Our tables are prefixed so they never collide with a host
 * project's tables when `provex migrate` runs on a MicroGrowAgents or PFAS database.
 */
export const initial: Migration = {
  version: 1,
  name: 'provenance tables, sources, projects, task graphs, chains',
  statements: [
    ...PROVENANCE_TABLES.map((t) => t.sql),
    ...PROVENANCE_INDEXES.map((i) => i.sql),

    // Where rows came from: one row per imported file / database / tracker root.
    `CREATE SEQUENCE IF NOT EXISTS provex_source_seq START 1`,
    `CREATE TABLE IF NOT EXISTS provex_sources (
      source_id INTEGER PRIMARY KEY DEFAULT nextval('provex_source_seq'),
      kind VARCHAR NOT NULL,
      path VARCHAR NOT NULL,
      project_id INTEGER,
      content_hash VARCHAR,
      size_bytes BIGINT,
      imported_at TIMESTAMP NOT NULL,
      status VARCHAR NOT NULL DEFAULT 'ok',
      message VARCHAR,
      UNIQUE (kind, path)
    )`,
    `CREATE SEQUENCE IF NOT EXISTS provex_project_seq START 1`,
    `CREATE TABLE IF NOT EXISTS provex_projects (
      project_id INTEGER PRIMARY KEY DEFAULT nextval('provex_project_seq'),
      name VARCHAR NOT NULL,
      root_path VARCHAR,
      UNIQUE (root_path)
    )`,
    // Per-session facts the reference tables have no column for (project, folder, summary, manifest).
    `CREATE TABLE IF NOT EXISTS provex_session_info (
      session_id VARCHAR PRIMARY KEY,
      project_id INTEGER,
      source_id INTEGER,
      folder VARCHAR,
      flavour VARCHAR,
      summary_md TEXT,
      manifest JSON
    )`,
    // Which source wrote which row of the provenance_* tables, so a changed file replaces exactly its rows.
    `CREATE TABLE IF NOT EXISTS provex_row_sources (
      source_id INTEGER NOT NULL,
      table_name VARCHAR NOT NULL,
      row_key VARCHAR NOT NULL
    )`,

    // Task graphs (formats/go-task-provenance.md): enums stored by name, *_at as epoch nanoseconds.
    `CREATE SEQUENCE IF NOT EXISTS task_graph_seq START 1`,
    `CREATE TABLE IF NOT EXISTS task_graphs (
      graph_id INTEGER PRIMARY KEY DEFAULT nextval('task_graph_seq'),
      name VARCHAR NOT NULL,
      source_id INTEGER,
      generation VARCHAR NOT NULL DEFAULT 'classic',
      read_only BOOLEAN NOT NULL DEFAULT FALSE,
      created_at TIMESTAMP NOT NULL
    )`,
    `CREATE TABLE IF NOT EXISTS tasks (
      graph_id INTEGER NOT NULL,
      id VARCHAR NOT NULL,
      namespace VARCHAR NOT NULL,
      title VARCHAR NOT NULL,
      description VARCHAR NOT NULL DEFAULT '',
      status VARCHAR NOT NULL,
      priority VARCHAR NOT NULL,
      type VARCHAR NOT NULL,
      phase VARCHAR NOT NULL,
      owner_id VARCHAR,
      notes VARCHAR NOT NULL DEFAULT '',
      created_at BIGINT NOT NULL,
      updated_at BIGINT NOT NULL,
      closed_at BIGINT,
      close_reason VARCHAR NOT NULL DEFAULT '',
      PRIMARY KEY (graph_id, id)
    )`,
    `CREATE TABLE IF NOT EXISTS task_edges (
      graph_id INTEGER NOT NULL,
      source_id VARCHAR NOT NULL,
      target_id VARCHAR NOT NULL,
      kind VARCHAR NOT NULL,
      created_at BIGINT NOT NULL,
      PRIMARY KEY (graph_id, source_id, target_id, kind)
    )`,
    `CREATE TABLE IF NOT EXISTS task_agents (
      graph_id INTEGER NOT NULL,
      id VARCHAR NOT NULL,
      kind VARCHAR NOT NULL,
      name VARCHAR,
      contact VARCHAR,
      role VARCHAR,
      provider VARCHAR,
      model VARCHAR,
      version VARCHAR,
      source VARCHAR,
      PRIMARY KEY (graph_id, id)
    )`,
    `CREATE TABLE IF NOT EXISTS task_activities (
      graph_id INTEGER NOT NULL,
      id VARCHAR NOT NULL,
      agent_id VARCHAR NOT NULL,
      phase VARCHAR NOT NULL,
      stage VARCHAR NOT NULL,
      started_at BIGINT NOT NULL,
      ended_at BIGINT,
      notes VARCHAR NOT NULL DEFAULT '',
      PRIMARY KEY (graph_id, id)
    )`,
    `CREATE TABLE IF NOT EXISTS task_labels (
      graph_id INTEGER NOT NULL,
      task_id VARCHAR NOT NULL,
      name VARCHAR NOT NULL,
      PRIMARY KEY (graph_id, task_id, name)
    )`,
    `CREATE TABLE IF NOT EXISTS task_comments (
      graph_id INTEGER NOT NULL,
      id VARCHAR NOT NULL,
      task_id VARCHAR NOT NULL,
      author_id VARCHAR NOT NULL,
      body VARCHAR NOT NULL,
      created_at BIGINT NOT NULL,
      PRIMARY KEY (graph_id, id)
    )`,

    // CrucibleTrace chains (formats/crucible-chains.md). Timestamps keep their text, whose precision is
    // part of the value; a TIMESTAMP copy serves filters and sorting. metadata keeps number lexemes.
    `CREATE TABLE IF NOT EXISTS chains (
      chain_id VARCHAR PRIMARY KEY,
      name VARCHAR NOT NULL,
      description VARCHAR,
      metadata JSON NOT NULL,
      created_at_text VARCHAR NOT NULL,
      updated_at_text VARCHAR NOT NULL,
      created_at TIMESTAMP,
      updated_at TIMESTAMP,
      source_id INTEGER
    )`,
    `CREATE TABLE IF NOT EXISTS chain_events (
      chain_id VARCHAR NOT NULL,
      position INTEGER NOT NULL,
      id VARCHAR NOT NULL,
      timestamp_text VARCHAR NOT NULL,
      timestamp TIMESTAMP,
      type VARCHAR NOT NULL,
      decision VARCHAR NOT NULL,
      reasoning VARCHAR NOT NULL,
      alternatives JSON NOT NULL,
      confidence DOUBLE NOT NULL,
      code_section VARCHAR,
      spec_reference VARCHAR,
      metadata JSON NOT NULL,
      parent_id VARCHAR,
      depends_on JSON NOT NULL,
      stage_id VARCHAR,
      experiment_id VARCHAR,
      PRIMARY KEY (chain_id, position)
    )`,
  ],
};
