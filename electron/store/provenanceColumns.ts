import { pyJson } from './values.js';

/**
 * Column lists of the six `provenance_*` tables, with how each value is staged (as VARCHAR) and
 * cast back. The session writer stages rows in all-VARCHAR temp tables with the Appender, then
 * moves them with one INSERT ... SELECT per table.
 */
export type ColumnKind = 'text' | 'json' | 'ts' | 'int' | 'bool';
export interface Column {
  name: string;
  kind: ColumnKind;
}

const c = (name: string, kind: ColumnKind = 'text'): Column => ({ name, kind });

export interface TableSpec {
  table: string;
  /** SQL expression naming one row of alias `a` (also stored in provex_row_sources). */
  keyExpr: (a: string) => string;
  columns: readonly Column[];
}

export const SESSIONS: TableSpec = {
  table: 'provenance_sessions',
  keyExpr: (a) => `${a}.session_id`,
  columns: [
    c('session_id'),
    c('agent_type'),
    c('agent_version'),
    c('query'),
    c('kwargs', 'json'),
    c('user_context', 'json'),
    c('start_time', 'ts'),
    c('end_time', 'ts'),
    c('duration_ms', 'int'),
    c('success', 'bool'),
    c('result_summary', 'json'),
    c('error_message'),
    c('python_version'),
    c('dependencies', 'json'),
    c('db_path'),
    c('parent_session_id'),
    c('depth', 'int'),
    c('created_at', 'ts'),
  ],
};

export const EVENTS: TableSpec = {
  table: 'provenance_events',
  keyExpr: (a) => `${a}.event_id`,
  columns: [
    c('event_id'),
    c('session_id'),
    c('event_type'),
    c('event_name'),
    c('timestamp', 'ts'),
    c('sequence_number', 'int'),
    c('details', 'json'),
    c('duration_ms', 'int'),
    c('related_event_id'),
  ],
};

export const TOOL_CALLS: TableSpec = {
  table: 'provenance_tool_calls',
  keyExpr: (a) => `${a}.call_id`,
  columns: [
    c('call_id'),
    c('session_id'),
    c('event_id'),
    c('tool_type'),
    c('tool_name'),
    c('input_params', 'json'),
    c('output_data', 'json'),
    c('output_size_bytes', 'int'),
    c('call_time', 'ts'),
    c('duration_ms', 'int'),
    c('cache_hit', 'bool'),
    c('cache_key'),
    c('cache_source'),
    c('rate_limit_delay_ms', 'int'),
    c('retry_count', 'int'),
    c('success', 'bool'),
    c('error_type'),
    c('error_message'),
  ],
};

export const DECISIONS: TableSpec = {
  table: 'provenance_decisions',
  keyExpr: (a) => `${a}.decision_id`,
  columns: [
    c('decision_id'),
    c('session_id'),
    c('event_id'),
    c('decision_type'),
    c('decision_point'),
    c('input_values', 'json'),
    c('condition_evaluated'),
    c('branch_taken'),
    c('branches_available', 'json'),
    c('reason'),
    c('timestamp', 'ts'),
  ],
};

export const TRANSFORMATIONS: TableSpec = {
  table: 'provenance_transformations',
  keyExpr: (a) => `${a}.transformation_id`,
  columns: [
    c('transformation_id'),
    c('session_id'),
    c('event_id'),
    c('transformation_type'),
    c('transformation_name'),
    c('input_schema', 'json'),
    c('input_sample', 'json'),
    c('input_size', 'int'),
    c('output_schema', 'json'),
    c('output_sample', 'json'),
    c('output_size', 'int'),
    c('method'),
    c('parameters', 'json'),
    c('timestamp', 'ts'),
    c('duration_ms', 'int'),
  ],
};

/** Links are identified by what they link, not by `link_id` (which the writer assigns). */
export const ENTITY_LINKS: TableSpec = {
  table: 'provenance_entity_links',
  keyExpr: (a) => `concat_ws(chr(31), ${a}.session_id, ${a}.entity_table, ${a}.entity_id, ${a}.link_type)`,
  columns: [
    c('link_id', 'int'),
    c('session_id'),
    c('event_id'),
    c('entity_table'),
    c('entity_id'),
    c('link_type'),
    c('timestamp', 'ts'),
  ],
};

/** A record's value as staged text; undefined and null JSON-less values become SQL NULL. */
export function stageValue(kind: ColumnKind, v: unknown): string | null {
  if (kind === 'json') return v === undefined ? null : pyJson(v);
  if (v === null || v === undefined) return null;
  if (kind === 'bool') return v ? 'true' : 'false';
  return String(v);
}

export function castExpr(col: Column, from: string): string {
  const ref = `${from}.${col.name}`;
  switch (col.kind) {
    case 'ts':
      return `CAST(${ref} AS TIMESTAMP)`;
    case 'int':
      return `CAST(${ref} AS INTEGER)`;
    case 'bool':
      return `CAST(${ref} AS BOOLEAN)`;
    case 'json':
      return `CAST(${ref} AS JSON)`;
    default:
      return ref;
  }
}

/** Sources whose rows win column merges; the others only fill gaps in rows these claim. */
export const STRONG_SOURCE_KINDS = ['json-manifest', 'duckdb'] as const;

/** True (SQL) when a strong source claims row `a` of `spec`. */
export function strongClaim(spec: TableSpec, a: string): string {
  const kinds = STRONG_SOURCE_KINDS.map((k) => `'${k}'`).join(', ');
  return `EXISTS (SELECT 1 FROM provex_row_sources r JOIN provex_sources ps ON ps.source_id = r.source_id
    WHERE r.table_name = '${spec.table}' AND r.row_key = ${spec.keyExpr(a)} AND ps.kind IN (${kinds}))`;
}
