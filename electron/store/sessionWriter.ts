import type { DuckDBConnection } from '@duckdb/node-api';
import { zeroCounts, type RowCounts, type SourceKind } from '../../shared/model/imports.js';
import type { SourceFragment } from '../../shared/model/provenanceRecords.js';
import {
  DECISIONS,
  ENTITY_LINKS,
  EVENTS,
  SESSIONS,
  TOOL_CALLS,
  TRANSFORMATIONS,
  type TableSpec,
} from './provenanceColumns.js';
import { assignLinkIds, mergeRows, mergeSessions, stageName, stageRows } from './stagingTables.js';
import {
  forgetSessionDerived,
  eventMergeHooks,
  markEventsToDelete,
  refreshMarkedSessions,
} from './sessionDerived.js';
import { pyJson } from './values.js';
import { upsertSource } from './sources.js';
import type { Workspace } from './workspace.js';
import { TEMP, withAppender } from './appender.js';

/**
 * Writes what one source contributes, in ONE transaction, with its bookkeeping:
 * `provex_sources` (one row per kind + path, with the content hash), `provex_row_sources`
 * (which source wrote which row) and `provex_session_info`.
 *
 * Merging: rows are keyed by their ids, never duplicated. A row described by several sources
 * is merged column by column: strong sources (JSON manifests, databases) overwrite with their
 * non-null values, weak ones (manifest.yaml, actions.jsonl) only fill what is missing.
 *
 * Replacing: the rows a source claimed last time and no longer contains lose its claim; rows
 * nobody claims any more are deleted. DuckDB quirk (measured with 1.5.6): deleting a session's
 * child rows and then the session in the SAME transaction fails the foreign key check
 * ("still referenced"), so sessions left unclaimed are returned and deleted by
 * `removeUnclaimedSessions` right after the commit, when their children are gone.
 */
export interface SourceRef {
  kind: SourceKind;
  path: string;
  hash: string;
  size: number;
  projectId: number | null;
}

export interface WriteResult {
  sourceId: number;
  status: 'imported' | 'replaced';
  counts: RowCounts;
  staleSessions: string[];
  missingParents: { session_id: string; parent_session_id: string }[];
}

export const CHILD_TABLES: readonly {
  spec: TableSpec;
  key: string;
  pick: (f: SourceFragment) => object[];
}[] = [
  { spec: EVENTS, key: 'event_id', pick: (f) => f.events },
  { spec: TOOL_CALLS, key: 'call_id', pick: (f) => f.toolCalls },
  { spec: DECISIONS, key: 'decision_id', pick: (f) => f.decisions },
  { spec: TRANSFORMATIONS, key: 'transformation_id', pick: (f) => f.transformations },
  { spec: ENTITY_LINKS, key: 'link_id', pick: (f) => f.entityLinks },
];

/** The last successful import of a source (kind + path), or null. */
export async function previousImport(
  ws: Workspace,
  kind: SourceKind,
  path: string,
): Promise<{ sourceId: number; hash: string | null } | null> {
  const [row] = await ws.all(
    `SELECT source_id, content_hash FROM provex_sources WHERE kind = ? AND path = ?`,
    [kind, path],
  );
  if (!row) return null;
  return {
    sourceId: Number(row.source_id),
    hash: row.content_hash === null ? null : String(row.content_hash),
  };
}

/** The project row for a root folder (or a name when there is no folder), created on first use. */
export async function ensureProject(ws: Workspace, name: string, rootPath: string | null): Promise<number> {
  return ws.transaction(async (tx) => {
    const found = await tx.all(
      rootPath === null
        ? `SELECT project_id FROM provex_projects WHERE root_path IS NULL AND name = ?`
        : `SELECT project_id FROM provex_projects WHERE root_path = ?`,
      [rootPath ?? name],
    );
    if (found[0]) return Number(found[0].project_id);
    const [row] = await tx.all(
      `INSERT INTO provex_projects (name, root_path) VALUES (?, ?) RETURNING project_id`,
      [name, rootPath],
    );
    return Number(row!.project_id);
  });
}

/**
 * Stages the (distinct) rows of one child table and merges them (entity links get their ids
 * first; events keep the derived per-session rows in step, see sessionDerived.ts).
 */
export async function mergeChildRows(
  conn: DuckDBConnection,
  t: (typeof CHILD_TABLES)[number],
  rows: readonly object[],
  strong: boolean,
): Promise<void> {
  await stageRows(conn, t.spec, rows);
  if (t.spec === ENTITY_LINKS) await assignLinkIds(conn, t.spec);
  if (rows.length === 0) return;
  const derived = t.spec === EVENTS ? eventMergeHooks(conn, `temp.${stageName(EVENTS)}`) : null;
  await mergeRows(conn, t.spec, strong, t.key, rows.length, derived?.beforeExistingChange);
  await derived?.afterMerge();
}

export async function writeFragment(
  ws: Workspace,
  src: SourceRef,
  frag: SourceFragment,
): Promise<WriteResult> {
  return ws.transaction(async (tx) => {
    const conn = tx.connection;
    const prev = await tx.all(`SELECT source_id FROM provex_sources WHERE kind = ? AND path = ?`, [
      src.kind,
      src.path,
    ]);
    const sourceId = await upsertSource(tx, src);

    const own = new Set(frag.sessions.map((s) => s.session_id));
    const context = dedupe(frag.contextSessions, (r) => r.session_id).filter((s) => !own.has(s.session_id));
    await stageRows(conn, SESSIONS, [...context, ...frag.sessions]);
    const { missingParents } = await mergeSessions(conn, SESSIONS, null);
    await stageRows(
      conn,
      SESSIONS,
      dedupe(frag.sessions, (r) => r.session_id),
    );
    await mergeSessions(conn, SESSIONS, frag.strong);
    for (const t of CHILD_TABLES) {
      const rows =
        t.spec === ENTITY_LINKS
          ? dedupe(frag.entityLinks, linkKey)
          : dedupe(t.pick(frag), (r) => rowKey(r, t.key));
      await mergeChildRows(conn, t, rows, frag.strong);
    }
    await writeSessionInfo(conn, frag, sourceId, src.projectId);
    const staleSessions = await replaceClaims(conn, sourceId);
    await refreshMarkedSessions(conn);
    return {
      sourceId,
      status: prev.length > 0 ? 'replaced' : 'imported',
      counts: {
        ...zeroCounts(),
        sessions: frag.sessions.length,
        events: frag.events.length,
        tool_calls: frag.toolCalls.length,
        decisions: frag.decisions.length,
        transformations: frag.transformations.length,
        entity_links: frag.entityLinks.length,
      },
      staleSessions,
      missingParents,
    };
  });
}

export async function writeSessionInfo(
  conn: DuckDBConnection,
  frag: SourceFragment,
  sourceId: number,
  projectId: number | null,
): Promise<void> {
  await writeSessionInfoRows(
    conn,
    dedupe(frag.sessionInfo, (r) => r.session_id).map((r) => ({ row: r, sourceId })),
    projectId,
  );
}

/** Session info rows, each with the source that wrote it (several sources in a batch). */
export async function writeSessionInfoRows(
  conn: DuckDBConnection,
  rows: readonly { row: SourceFragment['sessionInfo'][number]; sourceId: number }[],
  projectId: number | null,
): Promise<void> {
  if (rows.length === 0) return;
  await conn.run(
    `CREATE OR REPLACE TEMP TABLE provex_stage_info (session_id VARCHAR, folder VARCHAR, flavour VARCHAR, summary_md VARCHAR, manifest VARCHAR, source_id INTEGER)`,
  );
  await withAppender(
    conn,
    'provex_stage_info',
    (ap) => {
      for (const { row: r, sourceId } of rows) {
        for (const v of [
          r.session_id,
          r.folder,
          r.flavour,
          r.summary_md,
          r.manifest === undefined ? null : pyJson(r.manifest),
        ]) {
          if (v === null) ap.appendNull();
          else ap.appendVarchar(v);
        }
        ap.appendInteger(sourceId);
        ap.endRow();
      }
    },
    TEMP,
  );
  // The flavour of a folder (generated / hand-written) wins over what a JSON manifest or a
  // database can say; a database never moves a session to its own project.
  const project = projectId === null ? 'NULL' : String(projectId);
  await conn.run(
    `INSERT INTO provex_session_info (session_id, project_id, source_id, folder, flavour, summary_md, manifest)
     SELECT session_id, ${project}, source_id, folder, flavour, summary_md, CAST(manifest AS JSON) FROM temp.provex_stage_info
     ON CONFLICT (session_id) DO UPDATE SET
       project_id = CASE WHEN excluded.flavour = 'database' THEN COALESCE(provex_session_info.project_id, excluded.project_id)
                         ELSE COALESCE(excluded.project_id, provex_session_info.project_id) END,
       source_id = COALESCE(provex_session_info.source_id, excluded.source_id),
       folder = COALESCE(excluded.folder, provex_session_info.folder),
       flavour = CASE WHEN provex_session_info.flavour IN ('generated', 'hand-written') AND excluded.flavour NOT IN ('generated', 'hand-written')
                      THEN provex_session_info.flavour ELSE excluded.flavour END,
       summary_md = COALESCE(excluded.summary_md, provex_session_info.summary_md),
       manifest = COALESCE(excluded.manifest, provex_session_info.manifest)`,
  );
}

/** Swaps this source's claims for the staged rows; deletes rows nobody claims any more. */
async function replaceClaims(conn: DuckDBConnection, sourceId: number): Promise<string[]> {
  await conn.run(`CREATE TEMP TABLE IF NOT EXISTS provex_old_claims (table_name VARCHAR, row_key VARCHAR)`);
  await conn.run(`DELETE FROM temp.provex_old_claims`);
  await conn.run(
    `INSERT INTO temp.provex_old_claims SELECT table_name, row_key FROM provex_row_sources WHERE source_id = ${sourceId}`,
  );
  await conn.run(`DELETE FROM provex_row_sources WHERE source_id = ${sourceId}`);
  for (const spec of [SESSIONS, ...CHILD_TABLES.map((t) => t.spec)]) {
    await conn.run(
      `INSERT INTO provex_row_sources SELECT ${sourceId}, '${spec.table}', ${spec.keyExpr('s')} FROM temp.${stageName(spec)} s`,
    );
  }
  const unclaimed = (table: string): string =>
    `SELECT o.row_key FROM temp.provex_old_claims o WHERE o.table_name = '${table}'
       AND NOT EXISTS (SELECT 1 FROM provex_row_sources r WHERE r.table_name = o.table_name AND r.row_key = o.row_key)`;
  for (const t of CHILD_TABLES) {
    if (t.spec === EVENTS) await markEventsToDelete(conn, unclaimed(t.spec.table));
    await conn.run(
      `DELETE FROM ${t.spec.table} WHERE ${t.spec.keyExpr(t.spec.table)} IN (${unclaimed(t.spec.table)})`,
    );
  }
  const stale = await conn.runAndReadAll(unclaimed(SESSIONS.table));
  return stale.getRowsJson().map((r) => String(r[0]));
}

/**
 * Deletes sessions no source claims any more and nothing references (run after the commit that
 * removed their children: see the DuckDB quirk above). Returns how many were deleted.
 */
export async function removeUnclaimedSessions(ws: Workspace, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const list = `SELECT unnest(from_json(?, '["VARCHAR"]'))`;
  const free = `session_id IN (${list})
    AND NOT EXISTS (SELECT 1 FROM provex_row_sources r WHERE r.table_name = 'provenance_sessions' AND r.row_key = session_id)
    AND NOT EXISTS (SELECT 1 FROM provenance_events e WHERE e.session_id = provenance_sessions.session_id)
    AND NOT EXISTS (SELECT 1 FROM provenance_tool_calls e WHERE e.session_id = provenance_sessions.session_id)
    AND NOT EXISTS (SELECT 1 FROM provenance_decisions e WHERE e.session_id = provenance_sessions.session_id)
    AND NOT EXISTS (SELECT 1 FROM provenance_transformations e WHERE e.session_id = provenance_sessions.session_id)
    AND NOT EXISTS (SELECT 1 FROM provenance_entity_links e WHERE e.session_id = provenance_sessions.session_id)
    AND NOT EXISTS (SELECT 1 FROM provenance_sessions c WHERE c.parent_session_id = provenance_sessions.session_id)`;
  // A stale parent is free once its stale children are gone: one tree level per round (the
  // foreign key forbids deleting a parent and its child in one transaction, see above).
  let total = 0;
  for (let round = 0; round < 64; round++) {
    const n = await ws.transaction(async (tx) => {
      const gone = await tx.all(`SELECT session_id FROM provenance_sessions WHERE ${free}`, [
        JSON.stringify(ids),
      ]);
      if (gone.length === 0) return 0;
      const goneIds = JSON.stringify(gone.map((r) => String(r.session_id)));
      await tx.exec(`DELETE FROM provex_session_info WHERE session_id IN (${list})`, [goneIds]);
      // Their events went (and their derived rows with them) in an earlier refresh: be sure.
      await forgetSessionDerived(
        tx.connection,
        gone.map((r) => String(r.session_id)),
      );
      await tx.exec(`DELETE FROM provenance_sessions WHERE session_id IN (${list})`, [goneIds]);
      return gone.length;
    });
    if (n === 0) break;
    total += n;
  }
  return total;
}

function rowKey(r: object, key: string): string {
  return String((r as Record<string, unknown>)[key]);
}

export function linkKey(r: {
  session_id: string;
  entity_table: string;
  entity_id: string;
  link_type: string;
}): string {
  return [r.session_id, r.entity_table, r.entity_id, r.link_type].join('\u001f');
}

/** Last one wins: ON CONFLICT cannot touch one key twice in a statement. */
export function dedupe<T>(rows: readonly T[], key: (r: T) => string): T[] {
  const m = new Map<string, T>();
  for (const r of rows) m.set(key(r), r);
  return [...m.values()];
}
