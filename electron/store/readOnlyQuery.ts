import { StatementType } from '@duckdb/node-api';
import { refuseNonReadOnlySql } from '../../shared/sql/readOnlyGuard.js';
import type { QueryResult } from '../../shared/model/queries.js';
import type { JsonValue } from '../../shared/model/json.js';
import { type Workspace, WorkspaceError } from './workspace.js';

const ALLOWED = new Set<StatementType>([StatementType.SELECT, StatementType.EXPLAIN]);

/**
 * Runs user SQL read-only: refused by the textual guard (clear message), then each statement is
 * prepared and must be a SELECT or EXPLAIN (so no write slips through a phrasing the guard misses).
 * Only the last statement's rows are returned, at most `limit` of them.
 */
export async function runReadOnlyQuery(ws: Workspace, sql: string, limit = 10_000): Promise<QueryResult> {
  const refused = refuseNonReadOnlySql(sql);
  if (refused) throw new WorkspaceError(refused);
  return ws.withReader(async (conn) => {
    let extracted;
    try {
      extracted = await conn.extractStatements(sql);
    } catch (e) {
      throw new WorkspaceError(firstLine(e));
    }
    if (extracted.count !== 1) throw new WorkspaceError('Run one statement at a time.');
    let prepared;
    try {
      prepared = await extracted.prepare(0);
    } catch (e) {
      throw new WorkspaceError(firstLine(e));
    }
    if (!ALLOWED.has(prepared.statementType)) {
      throw new WorkspaceError('The SQL console is read-only: only SELECT and EXPLAIN statements run.');
    }
    let reader;
    try {
      reader = await prepared.runAndReadUntil(limit + 1);
    } catch (e) {
      throw new WorkspaceError(firstLine(e));
    }
    const names = reader.columnNames();
    const types = reader.columnTypes().map((t) => t.toString());
    const rows = reader.getRowsJson() as JsonValue[][];
    const truncated = rows.length > limit;
    return {
      columns: names.map((name, i) => ({ name, type: types[i] ?? 'UNKNOWN' })),
      rows: truncated ? rows.slice(0, limit) : rows,
      truncated,
    };
  });
}

function firstLine(e: unknown): string {
  return String((e as Error)?.message ?? e).split('\n')[0] ?? 'query failed';
}
