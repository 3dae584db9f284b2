import type { DuckDBConnection } from '@duckdb/node-api';
import { zeroCounts } from '../../shared/model/imports.js';
import type { SourceFragment } from '../../shared/model/provenanceRecords.js';
import { ENTITY_LINKS, SESSIONS } from './provenanceColumns.js';
import { refreshMarkedSessions } from './sessionDerived.js';
import {
  CHILD_TABLES,
  dedupe,
  linkKey,
  mergeChildRows,
  writeSessionInfoRows,
  type SourceRef,
  type WriteResult,
} from './sessionWriter.js';
import { mergeSessions, stageRows } from './stagingTables.js';
import type { Workspace } from './workspace.js';
import { TEMP, withAppender } from './appender.js';

/**
 * Writes many NEW sources (never imported before) in one transaction, with exactly the rows,
 * claims and session info that `writeFragment` would write for each in turn. A statement costs
 * milliseconds whatever its size, so one file per transaction (some 40 statements) made a
 * 10,000-folder import take most of an hour; a batch pays them once.
 *
 * The equivalence holds because a batch only takes sources that are new (no old claims to
 * drop, nothing to delete) and whose rows touch disjoint keys (`BatchPlanner`): then each
 * file's merge sees the same rows with or without the others, link ids are allocated in the same
 * order, and parents staged in the batch are inserted before their children as they would be
 * after an earlier commit. A batch that fails is rolled back and the caller writes its files one
 * by one (each then fails or succeeds on its own, as before).
 */
export interface BatchItem {
  src: SourceRef;
  frag: SourceFragment;
}

/**
 * Decides which fragments may share a batch: the same strength, no shared row keys, and the same
 * record wherever two fragments give a session (a child's fragment carries its parent as context;
 * the context insert is then a no-op or writes what the parent's own source writes, either way
 * the order of the two no longer matters).
 */
export class BatchPlanner {
  private readonly keys = new Set<string>();
  /** Every session row (own or context) in the batch, as its JSON. */
  private readonly sessions = new Map<string, string>();
  /** Parents named by the batch's sessions that no source of the batch brings (yet). */
  private readonly unresolved = new Set<string>();
  private strong: boolean | null = null;
  rows = 0;
  size = 0;

  /** True (and the keys are taken) when `frag` can join the batch. */
  tryAdd(frag: SourceFragment): boolean {
    if (this.strong !== null && frag.strong !== this.strong) return false;
    const keys = fragmentKeys(frag);
    for (const k of keys.all) if (this.keys.has(k)) return false;
    const mine = new Map<string, string>();
    for (const s of [...frag.sessions, ...frag.contextSessions]) {
      const json = JSON.stringify(s);
      const seen = this.sessions.get(s.session_id) ?? mine.get(s.session_id);
      if (seen !== undefined && seen !== json) return false;
      // A session named as a parent earlier would have been written parentless one by one.
      if (this.unresolved.has(s.session_id)) return false;
      mine.set(s.session_id, json);
    }
    for (const k of keys.all) this.keys.add(k);
    for (const [id, json] of mine) this.sessions.set(id, json);
    for (const s of [...frag.sessions, ...frag.contextSessions]) {
      const p = s.parent_session_id;
      if (p && p !== s.session_id && !this.sessions.has(p)) this.unresolved.add(p);
    }
    this.strong = frag.strong;
    this.rows += keys.all.length;
    this.size++;
    return true;
  }
}

/** The keys a fragment writes (its own sessions, not the context ones: those only fill gaps). */
function fragmentKeys(frag: SourceFragment): { all: string[] } {
  const all = [
    ...frag.sessions.map((s) => `s\u0000${s.session_id}`),
    ...frag.sessionInfo.map((r) => `s\u0000${r.session_id}`),
    ...frag.events.map((r) => `e\u0000${r.event_id}`),
    ...frag.toolCalls.map((r) => `c\u0000${r.call_id}`),
    ...frag.decisions.map((r) => `d\u0000${r.decision_id}`),
    ...frag.transformations.map((r) => `t\u0000${r.transformation_id}`),
    ...frag.entityLinks.map((r) => `l\u0000${linkKey(r)}`),
  ];
  // Keys repeat within one fragment (a session and its info): that is no conflict.
  return { all: [...new Set(all)] };
}

export async function writeNewFragments(
  ws: Workspace,
  items: readonly BatchItem[],
  projectId: number | null,
): Promise<WriteResult[]> {
  return ws.transaction(async (tx) => {
    const conn = tx.connection;
    const ids = await insertSources(conn, items);
    const own = items.map((it) => new Set(it.frag.sessions.map((s) => s.session_id)));
    // Context rows first (the planner made every copy of a session the same record).
    await stageRows(
      conn,
      SESSIONS,
      dedupe(
        items.flatMap((it, i) => [
          ...it.frag.contextSessions.filter((s) => !own[i]!.has(s.session_id)),
          ...it.frag.sessions,
        ]),
        (r) => r.session_id,
      ),
    );
    const { missingParents } = await mergeSessions(conn, SESSIONS, null);
    const ownRows = items.map((it) => dedupe(it.frag.sessions, (r) => r.session_id));
    await stageRows(conn, SESSIONS, ownRows.flat());
    await mergeSessions(conn, SESSIONS, items[0]!.frag.strong);
    const claims: [number, string, string][] = [];
    ownRows.forEach((rows, i) => {
      for (const r of rows) claims.push([ids[i]!, SESSIONS.table, r.session_id]);
    });
    for (const t of CHILD_TABLES) {
      const perItem = items.map((it) =>
        t.spec === ENTITY_LINKS
          ? dedupe(it.frag.entityLinks, linkKey)
          : dedupe(t.pick(it.frag), (r) => String((r as Record<string, unknown>)[t.key])),
      );
      const rows = perItem.flat();
      await mergeChildRows(conn, t, rows, items[0]!.frag.strong);
      perItem.forEach((rs, i) => {
        for (const r of rs) {
          const key =
            t.spec === ENTITY_LINKS
              ? linkKey(r as Parameters<typeof linkKey>[0])
              : String((r as Record<string, unknown>)[t.key]);
          claims.push([ids[i]!, t.spec.table, key]);
        }
      });
    }
    await writeSessionInfoRows(
      conn,
      items.flatMap((it, i) =>
        dedupe(it.frag.sessionInfo, (r) => r.session_id).map((row) => ({ row, sourceId: ids[i]! })),
      ),
      projectId,
    );
    await appendClaims(conn, claims);
    await refreshMarkedSessions(conn);
    const missingBySession = new Map(missingParents.map((m) => [m.session_id, m]));
    return items.map((it, i) => ({
      sourceId: ids[i]!,
      status: 'imported' as const,
      counts: {
        ...zeroCounts(),
        sessions: it.frag.sessions.length,
        events: it.frag.events.length,
        tool_calls: it.frag.toolCalls.length,
        decisions: it.frag.decisions.length,
        transformations: it.frag.transformations.length,
        entity_links: it.frag.entityLinks.length,
      },
      staleSessions: [],
      missingParents: [...it.frag.contextSessions, ...it.frag.sessions].flatMap((s) => {
        const m = missingBySession.get(s.session_id);
        if (!m) return [];
        missingBySession.delete(s.session_id);
        return [m];
      }),
    }));
  });
}

/** Inserts the new source rows in job order (ids ascend as they would one by one). */
async function insertSources(conn: DuckDBConnection, items: readonly BatchItem[]): Promise<number[]> {
  await conn.run(
    `CREATE OR REPLACE TEMP TABLE provex_stage_sources (ord INTEGER, kind VARCHAR, path VARCHAR, project_id INTEGER, content_hash VARCHAR, size_bytes BIGINT)`,
  );
  await withAppender(
    conn,
    'provex_stage_sources',
    (ap) =>
      items.forEach(({ src }, i) => {
        ap.appendInteger(i);
        ap.appendVarchar(src.kind);
        ap.appendVarchar(src.path);
        if (src.projectId === null) ap.appendNull();
        else ap.appendInteger(src.projectId);
        ap.appendVarchar(src.hash);
        ap.appendBigInt(BigInt(src.size));
        ap.endRow();
      }),
    TEMP,
  );
  const res = await conn.runAndReadAll(
    `INSERT INTO provex_sources (kind, path, project_id, content_hash, size_bytes, imported_at, status, message)
     SELECT kind, path, project_id, content_hash, size_bytes, CAST(now() AS TIMESTAMP), 'ok', NULL
     FROM temp.provex_stage_sources ORDER BY ord
     RETURNING source_id, kind, path`,
  );
  const byKey = new Map(res.getRowsJson().map((r) => [`${String(r[1])}\u0000${String(r[2])}`, Number(r[0])]));
  return items.map(({ src }) => {
    const id = byKey.get(`${src.kind}\u0000${src.path}`);
    if (id === undefined) throw new Error(`no source row for ${src.path}`);
    return id;
  });
}

async function appendClaims(
  conn: DuckDBConnection,
  claims: readonly [number, string, string][],
): Promise<void> {
  if (claims.length === 0) return;
  await withAppender(conn, 'provex_row_sources', (ap) => {
    for (const [id, table, key] of claims) {
      ap.appendInteger(id);
      ap.appendVarchar(table);
      ap.appendVarchar(key);
      ap.endRow();
    }
  });
}
