/**
 * The SQL console's saved queries: the reference ProvenanceQueries (built in) followed by the
 * user's own from `provex_saved_queries` (migration 002). Saving a name that exists replaces its
 * text; built-in names cannot be taken.
 */
import type { SaveQueryArgs, SavedQuery } from '../../shared/model/savedQueries.js';
import { REFERENCE_QUERIES } from '../../shared/sql/referenceQueries.js';
import { int, str } from './values.js';
import { WorkspaceError, type Workspace } from './workspace.js';

/** `?` placeholders outside string literals, counted as `bindParams` counts them. */
function placeholderCount(sql: string): number {
  return (sql.replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"|--[^\n]*/g, '').match(/\?/g) ?? []).length;
}

function userQuery(r: Record<string, unknown>): SavedQuery {
  const sql = str(r.sql);
  return {
    id: `user:${int(r.query_id)}`,
    name: str(r.name),
    description: str(r.description),
    sql,
    params: Array.from({ length: placeholderCount(sql) }, (_, i) => ({
      name: `param ${i + 1}`,
      example: '',
    })),
    builtin: false,
  };
}

export async function listSavedQueries(ws: Workspace): Promise<SavedQuery[]> {
  const rows = await ws.all(`SELECT * FROM provex_saved_queries ORDER BY lower(name), query_id`);
  return [...REFERENCE_QUERIES, ...rows.map(userQuery)];
}

export async function saveQuery(ws: Workspace, args: SaveQueryArgs): Promise<SavedQuery> {
  const name = args.name.trim();
  if (!name) throw new WorkspaceError('A saved query needs a name.');
  if (!args.sql.trim()) throw new WorkspaceError('A saved query needs its SQL text.');
  if (REFERENCE_QUERIES.some((q) => q.name === name)) {
    throw new WorkspaceError(`'${name}' is a built-in query; choose another name.`);
  }
  const rows = await ws.transaction(async (tx) => {
    await tx.exec(
      `INSERT INTO provex_saved_queries (name, description, sql, created_at, updated_at)
       VALUES (?, ?, ?, CAST(now() AS TIMESTAMP), CAST(now() AS TIMESTAMP))
       ON CONFLICT (name) DO UPDATE SET sql = excluded.sql, description = excluded.description, updated_at = excluded.updated_at`,
      [name, args.description ?? '', args.sql],
    );
    return tx.all(`SELECT * FROM provex_saved_queries WHERE name = ?`, [name]);
  });
  return userQuery(rows[0]!);
}

/** Deletes a user query by id (`user:<n>`); false when there is none. Built-in ids are refused. */
export async function deleteSavedQuery(ws: Workspace, id: string): Promise<boolean> {
  if (id.startsWith('ref:')) throw new WorkspaceError('Built-in queries cannot be deleted.');
  const m = /^user:(\d+)$/.exec(id);
  if (!m) return false;
  return ws.transaction(async (tx) => {
    const found = await tx.all(`SELECT 1 FROM provex_saved_queries WHERE query_id = ?`, [Number(m[1])]);
    if (!found.length) return false;
    await tx.exec(`DELETE FROM provex_saved_queries WHERE query_id = ?`, [Number(m[1])]);
    return true;
  });
}
