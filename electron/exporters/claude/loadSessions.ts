/**
 * Loads sessions for export: by id, with their descendants when asked (a session tree exports
 * whole), or every session of a project. Parents come before children.
 */
import type { SessionTrace } from '../../../shared/model/sessions.js';
import { getSessionTrace } from '../../store/sessionRepository.js';
import { strOrNull } from '../../store/values.js';
import type { Workspace } from '../../store/workspace.js';
import type { ExportedSession } from './sessionFiles.js';

export class ExportNotFoundError extends Error {
  readonly userFacing = true;
  readonly status = 404;
}

/** The ids of a session and all its descendants, parents first. */
export async function sessionTreeIds(ws: Workspace, rootId: string): Promise<string[]> {
  const rows = await ws.all(
    `WITH RECURSIVE tree AS (
       SELECT session_id, 0 AS level FROM provenance_sessions WHERE session_id = ?
       UNION ALL
       SELECT s.session_id, t.level + 1 FROM provenance_sessions s JOIN tree t ON s.parent_session_id = t.session_id
     ) SELECT session_id FROM tree ORDER BY level, session_id`,
    [rootId],
  );
  return rows.map((r) => String(r.session_id));
}

/** Every session of a project (by id or name), oldest first. */
export async function projectSessionIds(
  ws: Workspace,
  project: string,
): Promise<{ name: string; ids: string[] }> {
  const [p] = await ws.all(
    `SELECT project_id, name FROM provex_projects WHERE CAST(project_id AS VARCHAR) = ? OR name = ? ORDER BY project_id LIMIT 1`,
    [project, project],
  );
  if (!p) throw new ExportNotFoundError(`no project '${project}'`);
  const rows = await ws.all(
    `SELECT s.session_id FROM provenance_sessions s JOIN provex_session_info i USING (session_id)
     WHERE i.project_id = ? ORDER BY coalesce(s.depth, 0), s.start_time, s.session_id`,
    [Number(p.project_id)],
  );
  return { name: String(p.name), ids: rows.map((r) => String(r.session_id)) };
}

export async function loadTraces(ws: Workspace, ids: readonly string[]): Promise<SessionTrace[]> {
  const out: SessionTrace[] = [];
  for (const id of ids) {
    const t = await getSessionTrace(ws, id);
    if (!t) throw new ExportNotFoundError(`no session '${id}'`);
    out.push(t);
  }
  return out;
}

export async function loadExportSessions(ws: Workspace, ids: readonly string[]): Promise<ExportedSession[]> {
  const traces = await loadTraces(ws, ids);
  const out: ExportedSession[] = [];
  for (const trace of traces) {
    const [info] = await ws.all(`SELECT flavour FROM provex_session_info WHERE session_id = ?`, [
      trace.session.session_id,
    ]);
    out.push({ trace, flavour: strOrNull(info?.flavour) });
  }
  return out;
}
