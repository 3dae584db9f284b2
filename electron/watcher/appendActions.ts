import type { ImportIssue } from '../../shared/model/imports.js';
import { asSessionId, type EventId, type SessionId } from '../../shared/model/ids.js';
import { emptyFragment, type SourceFragment } from '../../shared/model/provenanceRecords.js';
import type { ActionAttributor, KnownSessions } from '../importers/claude/actionRecords.js';
import { parseActionLines } from '../importers/claude/actionsJsonl.js';
import { appendRows } from '../store/appendWriter.js';
import { stageStrings } from '../store/stageStrings.js';
import type { Workspace } from '../store/workspace.js';

/** Lines appended to one action log since the last read, and where the file now stands. */
export interface AppendedLines {
  /** The action log (its `provex_sources` path). */
  path: string;
  /** Session folder name, recorded for sessions made from lines. */
  folderName: string;
  projectId: number | null;
  /** Complete lines (no newline), the first numbered `firstLine`. */
  lines: readonly string[];
  firstLine: number;
  /** Content hash and size of the file up to the end of these lines. */
  sha256: string;
  size: number;
  /** The last line had no newline (the end of a file read whole): a parse failure there is a torn write. */
  tornLast?: boolean;
}

export type AppendResult =
  | {
      kind: 'written';
      lines: number;
      sessionIds: SessionId[];
      eventIds: EventId[];
      tables: string[];
      rejected: ImportIssue[];
      warnings: ImportIssue[];
      /** The rows written (sessions: those made from lines). */
      fragment: SourceFragment;
    }
  /** Attribution changed rows written earlier (a lost parent was recognised): re-import the file. */
  | { kind: 'reimport' };

/**
 * The append path of the file tracker: parses only the new lines, attributes them where the
 * file's attribution stands (new lines' `database_event_id`s are looked up in the workspace
 * first, like the importer does), and writes their events, entity links and provisional
 * sessions in ONE transaction. Rows are merged by id, so a line seen twice never duplicates;
 * the action log's source row takes the new hash and size and claims the new rows, so a later
 * full import of the same file finds it unchanged (or replaces exactly its rows).
 */
export async function appendActionLines(
  ws: Workspace,
  attributor: ActionAttributor,
  a: AppendedLines,
): Promise<AppendResult> {
  const parsed = parseActionLines(a.path, stripBom(a.lines, a.firstLine), a.firstLine, a.tornLast);
  const known = await knownSessions(
    ws,
    parsed.lines.flatMap((l) => (l.eventId ? [l.eventId] : [])),
  );
  const r = attributor.add(parsed.lines, known);
  attributor.skipTo(parsed.through);
  if (r.renamedEarlier) return { kind: 'reimport' };

  const frag = emptyFragment(false);
  frag.sessions.push(...r.orphans);
  const orphanIds = new Set<string>(r.orphans.map((o) => o.session_id));
  const others = r.sessionIds.filter((id) => !orphanIds.has(id));
  for (const id of await missingSessions(ws, attributor, others)) {
    const s = attributor.sessionRecord(id);
    if (s) frag.contextSessions.push(s);
  }
  frag.events.push(...r.events);
  frag.entityLinks.push(...r.entityLinks);
  for (const o of r.orphans)
    frag.sessionInfo.push({
      session_id: o.session_id,
      folder: a.folderName,
      flavour: 'actions-only',
      summary_md: null,
    });
  await appendRows(
    ws,
    { kind: 'actions-jsonl', path: a.path, hash: a.sha256, size: a.size, projectId: a.projectId },
    frag,
  );
  const present = presentSessions(attributor);
  for (const id of r.sessionIds) present.add(id);
  const tables = ['provenance_events'];
  if (r.orphans.length) tables.unshift('provenance_sessions');
  if (r.entityLinks.length) tables.push('provenance_entity_links');
  return {
    kind: 'written',
    lines: r.events.length,
    sessionIds: r.sessionIds,
    eventIds: r.events.map((e) => e.event_id),
    tables: r.events.length || r.orphans.length ? tables : [],
    rejected: parsed.rejected,
    warnings: parsed.warnings,
    fragment: frag,
  };
}

/**
 * Sessions known to exist, per attribution state (a new state comes with every import, which is
 * when sessions can disappear): the session rows lines refer to are checked once, not per line.
 */
const present = new WeakMap<ActionAttributor, Set<string>>();

function presentSessions(attributor: ActionAttributor): Set<string> {
  let s = present.get(attributor);
  if (!s) present.set(attributor, (s = new Set()));
  return s;
}

/** Of the sessions lines refer to, those not (yet) in the workspace (inserted as context first). */
async function missingSessions(
  ws: Workspace,
  attributor: ActionAttributor,
  ids: readonly SessionId[],
): Promise<SessionId[]> {
  const known = presentSessions(attributor);
  const unsure = ids.filter((id) => !known.has(id));
  if (unsure.length === 0) return [];
  const rows = await ws.all(
    `SELECT session_id FROM provenance_sessions WHERE session_id IN (SELECT unnest(from_json(?, '["VARCHAR"]')))`,
    [JSON.stringify(unsure)],
  );
  for (const r of rows) known.add(String(r.session_id));
  return unsure.filter((id) => !known.has(id));
}

/** Sessions of events already in the workspace (written by a JSON manifest, a database or earlier). */
async function knownSessions(ws: Workspace, eventIds: readonly string[]): Promise<KnownSessions> {
  const eventSession = new Map<string, SessionId>();
  const parents = new Map<string, SessionId | null>();
  if (eventIds.length === 0) return { eventSession, parents };
  const rows = await ws.withReader(async (conn) => {
    await stageStrings(conn, 'provex_probe_events', eventIds);
    const res = await conn.runAndReadAll(
      `SELECT e.event_id, e.session_id, s.parent_session_id FROM provenance_events e
       JOIN provenance_sessions s ON s.session_id = e.session_id
       WHERE e.event_id IN (SELECT v FROM temp.provex_probe_events)`,
    );
    await conn.run(`DROP TABLE temp.provex_probe_events`);
    return res.getRowsJson();
  });
  for (const [eventId, sessionId, parent] of rows) {
    const sid = asSessionId(String(sessionId));
    eventSession.set(String(eventId), sid);
    parents.set(sid, parent === null ? null : asSessionId(String(parent)));
  }
  return { eventSession, parents };
}

/** The importer drops a byte-order mark before the first line; so does the tail path. */
function stripBom(lines: readonly string[], firstLine: number): readonly string[] {
  if (firstLine !== 1 || !lines[0]?.startsWith('\ufeff')) return lines;
  return [lines[0].slice(1), ...lines.slice(1)];
}
