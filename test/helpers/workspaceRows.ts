import type { Workspace } from '../../electron/store/workspace.js';

/**
 * Every row the importers write, in key order, as plain JSON (bigints as strings; import times
 * left out), so two workspaces written two ways compare with one deepEqual. `sourceIds: false`
 * names each claim's source by kind and path instead of its id (for writers that may number
 * sources differently).
 */
export async function workspaceRows(
  ws: Workspace,
  { sourceIds = true }: { sourceIds?: boolean } = {},
): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const [t, k] of [
    ['provenance_sessions', 'session_id'],
    ['provenance_events', 'event_id'],
    ['provenance_tool_calls', 'call_id'],
    ['provenance_decisions', 'decision_id'],
    ['provenance_transformations', 'transformation_id'],
    ['provenance_entity_links', 'link_id'],
    ['provex_session_info', 'session_id'],
    ['provex_session_derived', 'session_id'],
  ] as const) {
    const cols = t === 'provex_session_info' && !sourceIds ? '* EXCLUDE (source_id)' : '*';
    out[t] = await ws.all(`SELECT ${cols} FROM ${t} ORDER BY ${k}`);
  }
  out.claims = sourceIds
    ? await ws.all(`SELECT * FROM provex_row_sources ORDER BY ALL`)
    : await ws.all(
        `SELECT s.kind, s.path, r.table_name, r.row_key FROM provex_row_sources r JOIN provex_sources s USING (source_id) ORDER BY ALL`,
      );
  out.sources = await ws.all(
    `SELECT ${sourceIds ? 'source_id, ' : ''}kind, path, project_id, content_hash, size_bytes FROM provex_sources ORDER BY kind, path`,
  );
  return JSON.parse(
    JSON.stringify(out, (_, v: unknown) => (typeof v === 'bigint' ? String(v) : v)),
  ) as Record<string, unknown>;
}
