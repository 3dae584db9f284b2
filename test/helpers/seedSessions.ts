/**
 * Seeds a workspace with agent sessions for UI and service tests: three projects, a nested session
 * tree (root -> child -> grandchild) with tool calls (one cache hit, one failure with retries), a
 * decision with its branches, a transformation with schemas and samples, entity links shared
 * between sessions, a summary.md holding markup that must stay text, a batch of small sessions
 * (more than one list page) and one large session of `largeEvents` events. Bulk rows are made by
 * SQL (`range()`), never row by row.
 */
import { rebuildSessionDerived } from '../../electron/store/sessionDerived.js';
import type { Workspace } from '../../electron/store/workspace.js';

export const SEED = {
  root: 's-root',
  child: 's-child',
  grand: 's-grand',
  pfasFailed: 's-pfas-1',
  pfasShared: 's-pfas-2',
  large: 's-large',
  /** Events of the root session, by role. */
  events: {
    query: 'e-root-query',
    cacheHit: 'e-root-pubchem',
    decision: 'e-root-decision',
    failure: 'e-root-kegg',
    transformation: 'e-root-aggregate',
  },
  batch: 240,
  rootQuery: 'Design a lanthanide-supplemented medium for M. extorquens',
  summaryMarkup: '<img src=x onerror="window.__pwned=1"> **not bold**',
} as const;

const PROJECTS = `INSERT INTO provex_projects (project_id, name, root_path) VALUES
  (1, 'MicroGrowAgents', '/projects/MicroGrowAgents'),
  (2, 'PFASCommunityAgents', '/projects/PFASCommunityAgents'),
  (3, 'provex-demo', '/projects/provex-demo')`;

const SESSION_COLUMNS = `INSERT INTO provenance_sessions
  (session_id, agent_type, agent_version, query, kwargs, user_context, start_time, end_time, duration_ms, success,
   result_summary, error_message, python_version, dependencies, db_path, parent_session_id, depth) VALUES`;

const SESSIONS = `${SESSION_COLUMNS}
  ('s-root', 'MediaFormulationAgent', '1.2.0', '${SEED.rootQuery}', '{"organism": "M. extorquens"}', '{}',
   '2026-01-13 16:05:00', '2026-01-13 16:05:12', 12000, true, '{"media": "MP-1"}', NULL, '3.11.7', '{}', 'data/mga.duckdb', NULL, 0),
  ('s-pfas-1', 'GenomeAnnotationAgent', '0.9.1', 'Annotate PFAS degradation genes', '{}', '{}',
   '2026-01-12 09:00:00', '2026-01-12 09:02:00', 120000, false, 'null', 'annotation service unavailable', '3.12.1', '{}', NULL, NULL, 0),
  ('s-pfas-2', 'GenomeAnnotationAgent', '0.9.1', 'Find media used by PFAS degraders', '{}', '{}',
   '2026-01-11 10:00:00', '2026-01-11 10:00:30', 30000, true, 'null', NULL, '3.12.1', '{}', NULL, NULL, 0)`;

const CHILD_SESSION = `${SESSION_COLUMNS}
  ('s-child', 'PathwayAnalysisAgent', '1.2.0', 'Which pathways need lanthanides?', '{}', '{}',
   '2026-01-13 16:05:04', '2026-01-13 16:05:07', 3000, true, 'null', NULL, '3.11.7', '{}', NULL, 's-root', 1)`;

const GRANDCHILD_SESSION = `${SESSION_COLUMNS}
  ('s-grand', 'SQLAgent', '1.2.0', 'SELECT enzymes for map00680', '{}', '{}',
   '2026-01-13 16:05:05', '2026-01-13 16:05:06', 1000, false, 'null', 'query timed out', '3.11.7', '{}', NULL, 's-child', 2)`;

const ROOT_EVENTS = `INSERT INTO provenance_events VALUES
  ('e-root-start', 's-root', 'lifecycle', 'agent_start', '2026-01-13 16:05:00', 1, '{"query": "${SEED.rootQuery}"}', NULL, NULL),
  ('e-root-query', 's-root', 'tool_call', 'database.duckdb_query', '2026-01-13 16:05:01', 2,
   '{"call_id": "c-query", "success": true, "cache_hit": false, "duration_ms": 400}', NULL, NULL),
  ('e-root-pubchem', 's-root', 'tool_call', 'api.pubchem_compound_lookup', '2026-01-13 16:05:02', 3,
   '{"call_id": "c-pubchem", "success": true, "cache_hit": true, "duration_ms": 5}', NULL, NULL),
  ('e-root-decision', 's-root', 'decision', 'medium_type', '2026-01-13 16:05:03', 4,
   '{"decision_id": "d-1", "branch_taken": "defined_medium"}', NULL, NULL),
  ('e-root-kegg', 's-root', 'tool_call', 'api.kegg_pathway_lookup', '2026-01-13 16:05:08', 5,
   '{"call_id": "c-kegg", "success": false, "cache_hit": false, "duration_ms": 1500}', NULL, NULL),
  ('e-root-aggregate', 's-root', 'transformation', 'aggregate_variant_table', '2026-01-13 16:05:09', 6,
   '{"transformation_id": "t-1", "method": "groupby", "duration_ms": 300}', NULL, NULL),
  ('e-root-warn', 's-root', 'log', 'log_warning', '2026-01-13 16:05:10', 7, '{"message": "2 variants dropped"}', NULL, NULL),
  ('e-root-end', 's-root', 'lifecycle', 'agent_end', '2026-01-13 16:05:12', 8, '{"success": true, "duration_ms": 12000}', NULL, 'e-root-start'),
  ('e-child-start', 's-child', 'lifecycle', 'agent_start', '2026-01-13 16:05:04', 1, '{}', NULL, NULL),
  ('e-child-kegg', 's-child', 'tool_call', 'api.kegg_pathway_lookup', '2026-01-13 16:05:04.5', 2,
   '{"call_id": "c-child-kegg", "success": true, "cache_hit": false, "duration_ms": 2000}', NULL, NULL),
  ('e-child-end', 's-child', 'lifecycle', 'agent_end', '2026-01-13 16:05:07', 3, '{"success": true, "duration_ms": 3000}', NULL, 'e-child-start'),
  ('e-grand-start', 's-grand', 'lifecycle', 'agent_start', '2026-01-13 16:05:05', 1, '{}', NULL, NULL),
  ('e-grand-error', 's-grand', 'log', 'log_error', '2026-01-13 16:05:05.8', 2, '{"message": "query timed out"}', NULL, NULL),
  ('e-grand-end', 's-grand', 'lifecycle', 'agent_end', '2026-01-13 16:05:06', 3, '{"success": false, "duration_ms": 1000}', NULL, 'e-grand-start'),
  ('e-pfas1-start', 's-pfas-1', 'lifecycle', 'agent_start', '2026-01-12 09:00:00', 1, '{}', NULL, NULL),
  ('e-pfas2-start', 's-pfas-2', 'lifecycle', 'agent_start', '2026-01-11 10:00:00', 1, '{}', NULL, NULL),
  ('e-pfas2-media', 's-pfas-2', 'tool_call', 'database.duckdb_query', '2026-01-11 10:00:10', 2,
   '{"call_id": "c-pfas2", "success": true, "cache_hit": false, "duration_ms": 50}', NULL, NULL)`;

const TOOL_CALLS = `INSERT INTO provenance_tool_calls VALUES
  ('c-query', 's-root', 'e-root-query', 'database', 'duckdb_query', '{"sql": "SELECT * FROM media WHERE id = ''MP-1''"}',
   '{"rows": 3}', 120, '2026-01-13 16:05:01', 400, false, NULL, NULL, NULL, 0, true, NULL, NULL),
  ('c-pubchem', 's-root', 'e-root-pubchem', 'api', 'pubchem_compound_lookup', '{"name": "lanthanum chloride"}',
   '{"cid": 24380}', 40, '2026-01-13 16:05:02', 5, true, 'pubchem:lanthanum chloride', 'disk', NULL, 0, true, NULL, NULL),
  ('c-kegg', 's-root', 'e-root-kegg', 'api', 'kegg_pathway_lookup', '{"pathway": "map00680"}',
   'null', NULL, '2026-01-13 16:05:08', 1500, false, NULL, NULL, 250, 2, false, 'HTTPError', '503 Service Unavailable'),
  ('c-child-kegg', 's-child', 'e-child-kegg', 'api', 'kegg_pathway_lookup', '{"pathway": "map00680"}',
   '{"genes": 12}', 300, '2026-01-13 16:05:04.5', 2000, false, NULL, NULL, NULL, 0, true, NULL, NULL)`;

const DECISION = `INSERT INTO provenance_decisions VALUES
  ('d-1', 's-root', 'e-root-decision', 'route', 'medium_type', '{"organism": "M. extorquens", "lanthanide_dependent": true}',
   'lanthanide_dependent == True', 'defined_medium', '["defined_medium", "complex_medium", "skip"]',
   'Lanthanide-dependent methylotroph: a defined medium controls La3+ exactly', '2026-01-13 16:05:03')`;

const TRANSFORMATION = `INSERT INTO provenance_transformations VALUES
  ('t-1', 's-root', 'e-root-aggregate', 'aggregation', 'aggregate_variant_table',
   '{"gene": "str", "variant": "str", "count": "int"}', '[{"gene": "xoxF", "variant": "A12T", "count": 3}]', 42,
   '{"gene": "str", "variants": "int"}', '[{"gene": "xoxF", "variants": 2}]', 7, 'groupby', '{"by": "gene"}',
   '2026-01-13 16:05:09', 300)`;

const LINKS = `INSERT INTO provenance_entity_links VALUES
  (1, 's-root', 'e-root-decision', 'media', 'MP-1', 'derived_from', '2026-01-13 16:05:03'),
  (2, 's-pfas-2', 'e-pfas2-media', 'media', 'MP-1', 'used', '2026-01-11 10:00:10'),
  (3, 's-child', 'e-child-kegg', 'pathway', 'map00680', 'analyzed', '2026-01-13 16:05:04.5')`;

const INFO = `INSERT INTO provex_session_info (session_id, project_id, folder, flavour, summary_md, manifest) VALUES
  ('s-root', 1, 'sessions/2026-01-13-16-05', 'generated',
   '# Agent Session Summary\n\n${SEED.summaryMarkup}\n\n- 3 tool calls, 1 cache hit',
   '{"session": {"session_id": "s-root", "agent_type": "MediaFormulationAgent"}, "results": {"api_calls_made": 3, "cache_hits": 1}, "files": ["a.csv", "b.csv"]}'),
  ('s-child', 1, NULL, NULL, NULL, NULL),
  ('s-grand', 1, NULL, NULL, NULL, NULL),
  ('s-pfas-1', 2, NULL, NULL, NULL, NULL),
  ('s-pfas-2', 2, NULL, NULL, NULL, NULL)`;

/** Small finished sessions, one a minute, alternating agents; every 5th fails. */
function batchSessions(n: number): string[] {
  return [
    `INSERT INTO provenance_sessions (session_id, agent_type, query, kwargs, user_context, start_time, end_time, duration_ms, success, depth)
     SELECT printf('s-batch-%04d', i), CASE WHEN i % 2 = 0 THEN 'ExperimentRunner' ELSE 'ReportWriter' END,
            printf('Batch run %d of the growth screen', i), '{}', '{}',
            TIMESTAMP '2026-01-01 00:00:00' + to_minutes(i), TIMESTAMP '2026-01-01 00:00:00' + to_minutes(i) + to_milliseconds(100 + i * 10),
            100 + i * 10, i % 5 <> 0, 0
     FROM range(${n}) t(i)`,
    `INSERT INTO provenance_events
     SELECT printf('e-batch-%04d', i), printf('s-batch-%04d', i), 'lifecycle', 'agent_start',
            TIMESTAMP '2026-01-01 00:00:00' + to_minutes(i), 1, '{}', NULL, NULL
     FROM range(${n}) t(i)`,
    `INSERT INTO provex_session_info (session_id, project_id) SELECT printf('s-batch-%04d', i), 3 FROM range(${n}) t(i)`,
  ];
}

/** One session with `n` events 10 ms apart: tool calls (every 7th a cache hit, every 97th failing), decisions, logs. */
function largeSession(n: number): string[] {
  return [
    `INSERT INTO provenance_sessions (session_id, agent_type, query, kwargs, user_context, start_time, end_time, duration_ms, success, depth)
     VALUES ('s-large', 'BulkScreeningAgent', 'Screen every strain in the collection', '{}', '{}',
             '2026-01-14 08:00:00', TIMESTAMP '2026-01-14 08:00:00' + to_milliseconds(${n * 10}), ${n * 10}, true, 0)`,
    `INSERT INTO provenance_events
     SELECT printf('e-large-%06d', i), 's-large',
            CASE WHEN i % 10 = 9 THEN 'decision' WHEN i % 10 = 5 THEN 'log' ELSE 'tool_call' END,
            CASE WHEN i % 10 = 9 THEN 'next_strain' WHEN i % 10 = 5 THEN 'log_info' ELSE printf('api.strain_lookup_%d', i % 3) END,
            TIMESTAMP '2026-01-14 08:00:00' + to_milliseconds(i * 10), i + 1,
            printf('{"success": %s, "cache_hit": %s, "duration_ms": %d}',
                   CASE WHEN i % 97 = 0 THEN 'false' ELSE 'true' END, CASE WHEN i % 7 = 0 THEN 'true' ELSE 'false' END, 5 + i % 20),
            NULL, NULL
     FROM range(${n}) t(i)`,
    `INSERT INTO provex_session_info (session_id, project_id) VALUES ('s-large', 3)`,
  ];
}

export interface SeedOptions {
  /** Events of the large session (default 5,000). */
  largeEvents?: number;
  /** Small batch sessions (default SEED.batch). */
  batch?: number;
}

export async function seedSessions(ws: Workspace, options: SeedOptions = {}): Promise<void> {
  const statements = [
    PROJECTS,
    SESSIONS,
    CHILD_SESSION,
    GRANDCHILD_SESSION,
    ROOT_EVENTS,
    TOOL_CALLS,
    DECISION,
    TRANSFORMATION,
    LINKS,
    INFO,
    ...batchSessions(options.batch ?? SEED.batch),
    ...largeSession(options.largeEvents ?? 5000),
  ];
  // One statement at a time, outside a transaction: DuckDB checks foreign keys against committed
  // rows, and a child session references its parent in the same table.
  for (const sql of statements) await ws.exec(sql);
  // Raw inserts bypass the writers, which keep the per-session derived rows: build them here.
  await ws.transaction((tx) => rebuildSessionDerived(tx.connection));
}
