import type { DuckDBConnection } from '@duckdb/node-api';
import type { SourceFragment } from '../../shared/model/provenanceRecords.js';
import { ENTITY_LINKS, EVENTS, SESSIONS, type TableSpec } from './provenanceColumns.js';
import { addInsertedEvents, markSessions, refreshMarkedSessions } from './sessionDerived.js';
import { writeSessionInfo, type SourceRef } from './sessionWriter.js';
import { upsertSource } from './sources.js';
import {
  assignLinkIds,
  insertNewRows,
  mergeRows,
  mergeSessions,
  stageName,
  stageRows,
} from './stagingTables.js';
import type { Transaction, Workspace } from './workspace.js';

/**
 * The file tracker's write: the rows of lines appended to an action log, in ONE transaction,
 * ADDED to that log's claims in `provex_row_sources` (an import replaces a source's claims; an
 * append extends them), with the log's new hash and size. A live session appends a line at each
 * event, so only what the lines touch is written: events are inserted when new (a line seen twice
 * changes nothing), provisional sessions and entity links are merged as an action log's are
 * (store/sessionWriter.ts), context sessions are inserted only when absent.
 */
export async function appendRows(ws: Workspace, src: SourceRef, frag: SourceFragment): Promise<number> {
  return ws.transaction(async (tx) => {
    const conn = tx.connection;
    const sourceId = await touchSource(tx, src);
    if (frag.sessions.length || frag.contextSessions.length) {
      const own = new Set<string>(frag.sessions.map((s) => s.session_id));
      const context = dedupe(frag.contextSessions, (s) => s.session_id).filter((s) => !own.has(s.session_id));
      await stageRows(conn, SESSIONS, [...context, ...frag.sessions]);
      await mergeSessions(conn, SESSIONS, null);
      if (frag.sessions.length) {
        await stageRows(
          conn,
          SESSIONS,
          dedupe(frag.sessions, (s) => s.session_id),
        );
        await mergeSessions(conn, SESSIONS, false);
        await addClaims(conn, sourceId, SESSIONS);
      }
    }
    if (frag.events.length) {
      await stageRows(
        conn,
        EVENTS,
        dedupe(frag.events, (e) => e.event_id),
      );
      const stage = `temp.${stageName(EVENTS)}`;
      // Existing events are left as they are: new ones add to their sessions' derived rows; when
      // some line was seen before, its sessions are recomputed instead.
      if (await insertNewRows(conn, EVENTS, 'event_id')) await addInsertedEvents(conn, stage);
      else await markSessions(conn, `SELECT DISTINCT session_id FROM ${stage}`);
      await addClaims(conn, sourceId, EVENTS);
      await refreshMarkedSessions(conn);
    }
    if (frag.entityLinks.length) {
      await stageRows(
        conn,
        ENTITY_LINKS,
        dedupe(frag.entityLinks, (l) =>
          [l.session_id, l.entity_table, l.entity_id, l.link_type].join('\u001f'),
        ),
      );
      await assignLinkIds(conn, ENTITY_LINKS);
      await mergeRows(conn, ENTITY_LINKS, false, 'link_id');
      await addClaims(conn, sourceId, ENTITY_LINKS);
    }
    if (frag.sessionInfo.length) await writeSessionInfo(conn, frag, sourceId, src.projectId);
    return sourceId;
  });
}

/** The log's source row takes the new hash and size (created when the log was never imported). */
async function touchSource(tx: Transaction, src: SourceRef): Promise<number> {
  const [row] = await tx.all(
    `UPDATE provex_sources SET content_hash = ?, size_bytes = ?, imported_at = CAST(now() AS TIMESTAMP), status = 'ok', message = NULL
     WHERE kind = ? AND path = ? RETURNING source_id`,
    [src.hash, src.size, src.kind, src.path],
  );
  return row ? Number(row.source_id) : upsertSource(tx, src);
}

/** Adds the staged rows of one table to the source's claims (each row claimed once). */
async function addClaims(conn: DuckDBConnection, sourceId: number, spec: TableSpec): Promise<void> {
  const key = spec.keyExpr('s');
  await conn.run(
    `INSERT INTO provex_row_sources SELECT DISTINCT ${sourceId}, '${spec.table}', ${key} FROM temp.${stageName(spec)} s
     WHERE NOT EXISTS (SELECT 1 FROM provex_row_sources r
       WHERE r.source_id = ${sourceId} AND r.table_name = '${spec.table}' AND r.row_key = ${key})`,
  );
}

function dedupe<T>(rows: readonly T[], key: (r: T) => string): T[] {
  const m = new Map<string, T>();
  for (const r of rows) m.set(key(r), r);
  return [...m.values()];
}
