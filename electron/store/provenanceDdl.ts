/**
 * The six `provenance_*` tables and their indexes, verbatim from the reference schema
 * (formats/claude-provenance.md §8). A workspace and a MicroGrowAgents / PFAS database
 * therefore answer the same SQL. Never edit these statements: fix defects in the writers.
 */
export const PROVENANCE_TABLES: readonly { name: string; sql: string }[] = [
  {
    name: 'provenance_sessions',
    sql: `CREATE TABLE IF NOT EXISTS provenance_sessions (
    session_id VARCHAR PRIMARY KEY,
    agent_type VARCHAR NOT NULL,
    agent_version VARCHAR,
    query TEXT NOT NULL,
    kwargs JSON,
    user_context JSON,
    start_time TIMESTAMP NOT NULL,
    end_time TIMESTAMP,
    duration_ms INTEGER,
    success BOOLEAN,
    result_summary JSON,
    error_message TEXT,
    python_version VARCHAR,
    dependencies JSON,
    db_path VARCHAR,
    parent_session_id VARCHAR,
    depth INTEGER DEFAULT 0,
    created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
    FOREIGN KEY (parent_session_id) REFERENCES provenance_sessions(session_id)
)`,
  },
  {
    name: 'provenance_events',
    sql: `CREATE TABLE IF NOT EXISTS provenance_events (
    event_id VARCHAR PRIMARY KEY,
    session_id VARCHAR NOT NULL,
    event_type VARCHAR NOT NULL,
    event_name VARCHAR NOT NULL,
    timestamp TIMESTAMP NOT NULL,
    sequence_number INTEGER NOT NULL,
    details JSON NOT NULL,
    duration_ms INTEGER,
    related_event_id VARCHAR,
    FOREIGN KEY (session_id) REFERENCES provenance_sessions(session_id)
)`,
  },
  {
    name: 'provenance_tool_calls',
    sql: `CREATE TABLE IF NOT EXISTS provenance_tool_calls (
    call_id VARCHAR PRIMARY KEY,
    session_id VARCHAR NOT NULL,
    event_id VARCHAR NOT NULL,
    tool_type VARCHAR NOT NULL,
    tool_name VARCHAR NOT NULL,
    input_params JSON NOT NULL,
    output_data JSON,
    output_size_bytes INTEGER,
    call_time TIMESTAMP NOT NULL,
    duration_ms INTEGER,
    cache_hit BOOLEAN DEFAULT FALSE,
    cache_key VARCHAR,
    cache_source VARCHAR,
    rate_limit_delay_ms INTEGER,
    retry_count INTEGER DEFAULT 0,
    success BOOLEAN NOT NULL,
    error_type VARCHAR,
    error_message TEXT,
    FOREIGN KEY (session_id) REFERENCES provenance_sessions(session_id)
)`,
  },
  {
    name: 'provenance_decisions',
    sql: `CREATE TABLE IF NOT EXISTS provenance_decisions (
    decision_id VARCHAR PRIMARY KEY,
    session_id VARCHAR NOT NULL,
    event_id VARCHAR NOT NULL,
    decision_type VARCHAR NOT NULL,
    decision_point VARCHAR NOT NULL,
    input_values JSON NOT NULL,
    condition_evaluated TEXT,
    branch_taken VARCHAR,
    branches_available JSON,
    reason TEXT,
    timestamp TIMESTAMP NOT NULL,
    FOREIGN KEY (session_id) REFERENCES provenance_sessions(session_id)
)`,
  },
  {
    name: 'provenance_transformations',
    sql: `CREATE TABLE IF NOT EXISTS provenance_transformations (
    transformation_id VARCHAR PRIMARY KEY,
    session_id VARCHAR NOT NULL,
    event_id VARCHAR NOT NULL,
    transformation_type VARCHAR NOT NULL,
    transformation_name VARCHAR NOT NULL,
    input_schema JSON,
    input_sample JSON,
    input_size INTEGER,
    output_schema JSON,
    output_sample JSON,
    output_size INTEGER,
    method VARCHAR,
    parameters JSON,
    timestamp TIMESTAMP NOT NULL,
    duration_ms INTEGER,
    FOREIGN KEY (session_id) REFERENCES provenance_sessions(session_id)
)`,
  },
  {
    name: 'provenance_entity_links',
    sql: `CREATE TABLE IF NOT EXISTS provenance_entity_links (
    link_id INTEGER PRIMARY KEY,
    session_id VARCHAR NOT NULL,
    event_id VARCHAR,
    entity_table VARCHAR NOT NULL,
    entity_id VARCHAR NOT NULL,
    link_type VARCHAR NOT NULL,
    timestamp TIMESTAMP NOT NULL,
    FOREIGN KEY (session_id) REFERENCES provenance_sessions(session_id)
)`,
  },
];

export const PROVENANCE_INDEXES: readonly { name: string; sql: string }[] = [
  ['idx_prov_sessions_agent', 'provenance_sessions(agent_type, created_at)'],
  ['idx_prov_events_session', 'provenance_events(session_id, sequence_number)'],
  ['idx_prov_tools_session', 'provenance_tool_calls(session_id, call_time)'],
  ['idx_prov_decisions_session', 'provenance_decisions(session_id, timestamp)'],
  ['idx_prov_transformations_session', 'provenance_transformations(session_id, timestamp)'],
  ['idx_prov_entity_links_entity', 'provenance_entity_links(entity_table, entity_id)'],
].map(([name, on]) => ({ name: name!, sql: `CREATE INDEX IF NOT EXISTS ${name} ON ${on}` }));
