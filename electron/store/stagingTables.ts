import type { DuckDBConnection } from '@duckdb/node-api';
import { castExpr, stageValue, strongClaim, type TableSpec } from './provenanceColumns.js';
import { TEMP, withAppender } from './appender.js';

/**
 * Bulk staging: rows go into an all-VARCHAR temp table through the Appender, then one
 * INSERT ... SELECT moves them (never a prepared statement per row).
 */
export function stageName(spec: TableSpec): string {
  return `provex_stage_${spec.table}`;
}

export async function stageRows(
  conn: DuckDBConnection,
  spec: TableSpec,
  rows: readonly object[],
): Promise<void> {
  const name = stageName(spec);
  const cols = spec.columns.map((c) => `${c.name} VARCHAR`).join(', ');
  // Replaced, not emptied: DuckDB keeps the memory of deleted rows of a temp table.
  await conn.run(`CREATE OR REPLACE TEMP TABLE ${name} (${cols})`);
  if (rows.length === 0) return;
  await withAppender(
    conn,
    name,
    (appender) => {
      for (const row of rows) {
        const r = row as Record<string, unknown>;
        for (const col of spec.columns) {
          const v = stageValue(col.kind, r[col.name]);
          if (v === null) appender.appendNull();
          else appender.appendVarchar(v);
        }
        appender.endRow();
      }
    },
    TEMP,
  );
}

/**
 * Moves staged rows into the table. Strong sources: ON CONFLICT DO UPDATE with their non-null
 * values. Weak sources: insert new rows, then update the rows no strong source claims (so a
 * changed actions.jsonl still replaces its own rows), leaving strongly claimed rows alone.
 */
export async function mergeRows(
  conn: DuckDBConnection,
  spec: TableSpec,
  strong: boolean,
  conflictKey: string,
  /** How many (distinct) rows are staged: when the insert took them all, nothing is left to update. */
  staged?: number,
  /** Runs before rows already in the table may change (never when every staged row is new). */
  beforeExistingChange?: () => Promise<void>,
): Promise<void> {
  const names = spec.columns.map((c) => c.name);
  const select = spec.columns.map((c) => castExpr(c, 's')).join(', ');
  const head = `INSERT INTO ${spec.table} (${names.join(', ')}) SELECT ${select} FROM temp.${stageName(spec)} s`;
  const others = spec.columns.filter((c) => c.name !== conflictKey);
  if (strong) {
    await beforeExistingChange?.();
    const sets = others
      .map((c) => `${c.name} = COALESCE(excluded.${c.name}, ${spec.table}.${c.name})`)
      .join(', ');
    await conn.run(`${head} ON CONFLICT (${conflictKey}) DO UPDATE SET ${sets}`);
    return;
  }
  const inserted = await conn.run(`${head} ON CONFLICT (${conflictKey}) DO NOTHING`);
  // The update joins the whole table; on a fresh import every row is new and it would rewrite
  // each just-inserted row with its own values.
  if (staged !== undefined && inserted.rowsChanged === staged) return;
  await beforeExistingChange?.();
  const sets = others.map((c) => `${c.name} = COALESCE(${castExpr(c, 's')}, t.${c.name})`).join(', ');
  await conn.run(
    `UPDATE ${spec.table} AS t SET ${sets} FROM temp.${stageName(spec)} s
     WHERE t.${conflictKey} = ${castExpr(
       spec.columns.find((c) => c.name === conflictKey)!,
       's',
     )} AND NOT ${strongClaim(spec, 't')}`,
  );
}

async function stagedCount(conn: DuckDBConnection, spec: TableSpec): Promise<number> {
  const r = await conn.runAndReadAll(`SELECT COUNT(*) FROM temp.${stageName(spec)}`);
  return Number(r.getRowsJson()[0]?.[0] ?? 0);
}

/**
 * Inserts the staged rows that are new; existing rows are left exactly as they are. Returns true
 * when every staged row was new.
 */
export async function insertNewRows(
  conn: DuckDBConnection,
  spec: TableSpec,
  conflictKey: string,
): Promise<boolean> {
  const names = spec.columns.map((c) => c.name);
  const select = spec.columns.map((c) => castExpr(c, 's')).join(', ');
  const res = await conn.run(
    `INSERT INTO ${spec.table} (${names.join(', ')}) SELECT ${select} FROM temp.${stageName(spec)} s ON CONFLICT (${conflictKey}) DO NOTHING`,
  );
  return res.rowsChanged === (await stagedCount(conn, spec));
}

/**
 * Sessions cannot use ON CONFLICT DO UPDATE: DuckDB rewrites an update of an indexed column
 * (agent_type and created_at are in idx_prov_sessions_agent; parent_session_id carries the FK
 * index) as delete + insert, which the foreign keys of the session's events refuse, even when
 * the value does not change. So: insert new sessions, then update the other columns in place.
 * Parents are inserted before children (a child's FK needs its parent row).
 */
export async function mergeSessions(
  conn: DuckDBConnection,
  spec: TableSpec,
  /** null: insert missing rows only (context rows), no update. */
  strong: boolean | null,
): Promise<{ missingParents: { session_id: string; parent_session_id: string }[] }> {
  const stage = `temp.${stageName(spec)}`;
  const names = spec.columns.map((c) => c.name);
  const insertCols = names.join(', ');
  const selectWith = (parent: string): string =>
    spec.columns
      .map((c) => {
        if (c.name === 'parent_session_id') return parent;
        if (c.name === 'created_at') return `COALESCE(${castExpr(c, 's')}, CAST(s.start_time AS TIMESTAMP))`;
        if (c.name === 'depth') return `COALESCE(${castExpr(c, 's')}, 0)`;
        return castExpr(c, 's');
      })
      .join(', ');
  const isNew = `NOT EXISTS (SELECT 1 FROM provenance_sessions t WHERE t.session_id = s.session_id)`;
  const parentReady = `(s.parent_session_id IS NULL OR s.parent_session_id = s.session_id OR EXISTS (SELECT 1 FROM provenance_sessions p WHERE p.session_id = s.parent_session_id))`;
  // One level of the tree per round; the loop ends when a round inserts nothing.
  for (;;) {
    const parent = `CASE WHEN s.parent_session_id = s.session_id THEN NULL ELSE s.parent_session_id END`;
    const res = await conn.run(
      `INSERT INTO provenance_sessions (${insertCols}) SELECT ${selectWith(parent)} FROM ${stage} s WHERE ${isNew} AND ${parentReady}`,
    );
    if (res.rowsChanged === 0) break;
  }
  const missing = await conn.runAndReadAll(
    `SELECT s.session_id, s.parent_session_id FROM ${stage} s WHERE ${isNew}`,
  );
  const missingParents = (missing.getRowObjectsJson() as Record<string, string>[]).map((r) => ({
    session_id: String(r.session_id),
    parent_session_id: String(r.parent_session_id),
  }));
  if (missingParents.length > 0) {
    await conn.run(
      `INSERT INTO provenance_sessions (${insertCols}) SELECT ${selectWith('NULL')} FROM ${stage} s WHERE ${isNew}`,
    );
  }
  if (strong === null) return { missingParents };
  const fixed = new Set(['session_id', 'agent_type', 'created_at', 'parent_session_id']);
  const cols = spec.columns.filter((c) => !fixed.has(c.name));
  const prefer = (mine: boolean): string =>
    cols
      .map((c) =>
        mine
          ? `${c.name} = COALESCE(${castExpr(c, 's')}, t.${c.name})`
          : `${c.name} = COALESCE(t.${c.name}, ${castExpr(c, 's')})`,
      )
      .join(', ');
  const match = `FROM ${stage} s WHERE t.session_id = s.session_id`;
  if (strong) await conn.run(`UPDATE provenance_sessions AS t SET ${prefer(true)} ${match}`);
  else {
    // Weak sources own the sessions no strong source describes (hand-written ones, say).
    await conn.run(
      `UPDATE provenance_sessions AS t SET ${prefer(true)} ${match} AND NOT ${strongClaim(spec, 't')}`,
    );
    await conn.run(
      `UPDATE provenance_sessions AS t SET ${prefer(false)} ${match} AND ${strongClaim(spec, 't')}`,
    );
  }
  return { missingParents };
}

/**
 * Entity links have no id in any source we trust: reuse the `link_id` of the row that links the
 * same (session, table, entity, link type), else allocate MAX + 1 upwards.
 */
export async function assignLinkIds(conn: DuckDBConnection, spec: TableSpec): Promise<void> {
  const stage = `temp.${stageName(spec)}`;
  await conn.run(
    `UPDATE ${stage} AS s SET link_id = CAST(l.link_id AS VARCHAR) FROM provenance_entity_links l
     WHERE l.session_id = s.session_id AND l.entity_table = s.entity_table AND l.entity_id = s.entity_id AND l.link_type = s.link_type`,
  );
  await conn.run(
    `UPDATE ${stage} AS s SET link_id = CAST(n.id AS VARCHAR) FROM (
       SELECT rowid AS rid, (SELECT COALESCE(MAX(link_id), 0) FROM provenance_entity_links) + row_number() OVER (ORDER BY rowid) AS id
       FROM ${stage} WHERE link_id IS NULL) n
     WHERE s.rowid = n.rid`,
  );
}
