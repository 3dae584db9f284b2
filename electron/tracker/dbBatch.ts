import { refreshSessionDerived } from '../store/sessionDerived.js';
import type { Param, Transaction } from '../store/workspace.js';
import { TEMP, withAppender } from '../store/appender.js';

/**
 * Rows waiting for the DB, in the column order of their INSERTs. One batch is written in one
 * transaction in dependency order: session rows, then their events and records, then the end-of-
 * session updates and bookkeeping, so a row never precedes the session (or parent) it references.
 */
export type SqlRow = Param[];

export const SESSION_INSERT_COLUMNS = [
  'session_id',
  'agent_type',
  'query',
  'kwargs',
  'user_context',
  'start_time',
  'python_version',
  'dependencies',
  'db_path',
  'parent_session_id',
  'depth',
  'created_at',
] as const;

export const EVENT_COLUMNS = [
  'event_id',
  'session_id',
  'event_type',
  'event_name',
  'timestamp',
  'sequence_number',
  'details',
  'duration_ms',
  'related_event_id',
] as const;

export const TOOL_CALL_COLUMNS = [
  'call_id',
  'session_id',
  'event_id',
  'tool_type',
  'tool_name',
  'input_params',
  'output_data',
  'output_size_bytes',
  'call_time',
  'duration_ms',
  'cache_hit',
  'retry_count',
  'success',
  'error_type',
  'error_message',
] as const;

export const DECISION_COLUMNS = [
  'decision_id',
  'session_id',
  'event_id',
  'decision_type',
  'decision_point',
  'input_values',
  'condition_evaluated',
  'branch_taken',
  'branches_available',
  'reason',
  'timestamp',
] as const;

export const TRANSFORMATION_COLUMNS = [
  'transformation_id',
  'session_id',
  'event_id',
  'transformation_type',
  'transformation_name',
  'input_schema',
  'input_sample',
  'input_size',
  'output_schema',
  'output_sample',
  'output_size',
  'method',
  'parameters',
  'timestamp',
  'duration_ms',
] as const;

/** Without `link_id`: it is assigned inside the writing transaction. */
export const LINK_COLUMNS = [
  'session_id',
  'event_id',
  'entity_table',
  'entity_id',
  'link_type',
  'timestamp',
] as const;

export interface SessionUpdate {
  sessionId: string;
  endTime: string;
  durationMs: number;
  success: boolean;
  resultSummary: string;
  errorMessage: string | null;
  userContext: string;
}

export interface SessionInfo {
  sessionId: string;
  folder: string | null;
  summaryMd: string | null;
  manifest: string;
}

export class Batch {
  sessions: SqlRow[] = [];
  events: SqlRow[] = [];
  toolCalls: SqlRow[] = [];
  decisions: SqlRow[] = [];
  transformations: SqlRow[] = [];
  links: SqlRow[] = [];
  updates: SessionUpdate[] = [];
  /** Latest bookkeeping row per session. */
  infos = new Map<string, SessionInfo>();

  get size(): number {
    return (
      this.sessions.length +
      this.events.length +
      this.toolCalls.length +
      this.decisions.length +
      this.transformations.length +
      this.links.length +
      this.updates.length +
      this.infos.size
    );
  }

  /** Puts an older (unwritten) batch in front of this one, keeping the order of both. */
  prepend(older: Batch): void {
    this.sessions = older.sessions.concat(this.sessions);
    this.events = older.events.concat(this.events);
    this.toolCalls = older.toolCalls.concat(this.toolCalls);
    this.decisions = older.decisions.concat(this.decisions);
    this.transformations = older.transformations.concat(this.transformations);
    this.links = older.links.concat(this.links);
    this.updates = older.updates.concat(this.updates);
    const infos = new Map(older.infos);
    for (const [k, v] of this.infos) infos.set(k, v);
    this.infos = infos;
  }

  /** Splits by session (column 1 of every row is the session id), keeping order within each. */
  splitBySession(): Batch[] {
    const parts = new Map<string, Batch>();
    const part = (id: string): Batch => {
      let b = parts.get(id);
      if (!b) parts.set(id, (b = new Batch()));
      return b;
    };
    for (const r of this.sessions) part(String(r[0])).sessions.push(r);
    const byCol1 = (rows: SqlRow[], pick: (b: Batch) => SqlRow[]): void => {
      for (const r of rows) pick(part(String(r[1]))).push(r);
    };
    byCol1(this.events, (b) => b.events);
    byCol1(this.toolCalls, (b) => b.toolCalls);
    byCol1(this.decisions, (b) => b.decisions);
    byCol1(this.transformations, (b) => b.transformations);
    for (const r of this.links) part(String(r[0])).links.push(r);
    for (const u of this.updates) part(u.sessionId).updates.push(u);
    for (const [k, v] of this.infos) part(k).infos.set(k, v);
    return [...parts.values()];
  }
}

/** Project and source rows of the tracker, upserted with each session's bookkeeping. */
export interface Bookkeeping {
  projectName: string;
  projectRoot: string;
  provenanceRoot: string;
}

/** Writes a batch inside an open transaction. */
export async function writeBatch(tx: Transaction, b: Batch, book: Bookkeeping, now: string): Promise<void> {
  await insertRows(tx, 'provenance_sessions', SESSION_INSERT_COLUMNS, b.sessions);
  await insertRows(tx, 'provenance_events', EVENT_COLUMNS, b.events);
  // Events are only ever inserted here: their sessions' counts and search runs follow in this transaction.
  if (b.events.length > 0)
    await refreshSessionDerived(
      tx.connection,
      b.events.map((r) => String(r[1])),
    );
  await insertRows(tx, 'provenance_tool_calls', TOOL_CALL_COLUMNS, b.toolCalls);
  await insertRows(tx, 'provenance_decisions', DECISION_COLUMNS, b.decisions);
  await insertRows(tx, 'provenance_transformations', TRANSFORMATION_COLUMNS, b.transformations);
  if (b.links.length > 0) {
    // Explicit ids (the reference omits link_id, so its inserts fail, §12.6); unique because
    // only one transaction writes this file at a time.
    const [row] = await tx.all(`SELECT COALESCE(MAX(link_id), 0) AS m FROM provenance_entity_links`);
    const base = Number(row?.m ?? 0);
    const rows = b.links.map((r, i): SqlRow => [base + i + 1, ...r]);
    await insertRows(tx, 'provenance_entity_links', ['link_id', ...LINK_COLUMNS], rows, false);
  }
  for (const u of b.updates) {
    await tx.exec(
      `UPDATE provenance_sessions SET end_time = ?, duration_ms = ?, success = ?, result_summary = ?, error_message = ?, user_context = ? WHERE session_id = ?`,
      [u.endTime, u.durationMs, u.success, u.resultSummary, u.errorMessage, u.userContext, u.sessionId],
    );
  }
  if (b.infos.size > 0) {
    const { projectId, sourceId } = await upsertProjectAndSource(tx, book, now);
    const rows = [...b.infos.values()].map((i): SqlRow => [
      i.sessionId,
      projectId,
      sourceId,
      i.folder,
      'generated',
      i.summaryMd,
      i.manifest,
    ]);
    await tx.exec(
      `INSERT OR REPLACE INTO provex_session_info (session_id, project_id, source_id, folder, flavour, summary_md, manifest) VALUES ${placeholders(7, rows.length)}`,
      rows.flat(),
    );
  }
}

async function upsertProjectAndSource(
  tx: Transaction,
  book: Bookkeeping,
  now: string,
): Promise<{ projectId: number; sourceId: number }> {
  await tx.exec(`INSERT INTO provex_projects (name, root_path) VALUES (?, ?) ON CONFLICT DO NOTHING`, [
    book.projectName,
    book.projectRoot,
  ]);
  const [p] = await tx.all(`SELECT project_id FROM provex_projects WHERE root_path = ?`, [book.projectRoot]);
  const projectId = Number(p?.project_id);
  await tx.exec(
    `INSERT INTO provex_sources (kind, path, project_id, imported_at, status) VALUES ('tracker', ?, ?, ?, 'ok')
     ON CONFLICT (kind, path) DO UPDATE SET imported_at = excluded.imported_at, project_id = excluded.project_id`,
    [book.provenanceRoot, projectId, now],
  );
  const [s] = await tx.all(`SELECT source_id FROM provex_sources WHERE kind = 'tracker' AND path = ?`, [
    book.provenanceRoot,
  ]);
  return { projectId, sourceId: Number(s?.source_id) };
}

/** Below this many rows a multi-row INSERT is cheaper than staging through the Appender. */
const APPENDER_MIN_ROWS = 32;

/**
 * Inserts rows. Many rows go through the Appender into a VARCHAR staging table and one
 * `INSERT … SELECT` (about 4x faster than parameterised multi-row INSERTs, and one prepared
 * statement per row would be ~1 ms a row); few rows use a multi-row INSERT. `OR IGNORE` makes a
 * retried batch idempotent should a commit have succeeded unseen.
 */
async function insertRows(
  tx: Transaction,
  table: string,
  columns: readonly string[],
  rows: SqlRow[],
  orIgnore = true,
): Promise<void> {
  if (rows.length === 0) return;
  const verb = `INSERT ${orIgnore ? 'OR IGNORE ' : ''}INTO ${table} (${columns.join(', ')})`;
  if (rows.length < APPENDER_MIN_ROWS) {
    await tx.exec(`${verb} VALUES ${placeholders(columns.length, rows.length)}`, rows.flat());
    return;
  }
  const stage = `provex_stage_${table}`;
  await tx.exec(`CREATE OR REPLACE TEMP TABLE ${stage} (${columns.map((c) => `${c} VARCHAR`).join(', ')})`);
  await withAppender(
    tx.connection,
    stage,
    (appender) => {
      for (const row of rows) {
        for (const v of row) {
          if (v === null) appender.appendNull();
          else appender.appendVarchar(String(v));
        }
        appender.endRow();
      }
    },
    TEMP,
  );
  await tx.exec(`${verb} SELECT * FROM ${stage}`);
  await tx.exec(`DROP TABLE ${stage}`);
}

function placeholders(columns: number, rows: number): string {
  const one = `(${Array.from({ length: columns }, () => '?').join(', ')})`;
  return Array.from({ length: rows }, () => one).join(', ');
}
