/**
 * A read-only query's result as a Parquet file, through DuckDB's
 * `COPY (query) TO 'file' (FORMAT parquet)` on the writer connection. The query passes the SQL
 * console's guard first and must prepare as one SELECT, so COPY never wraps a write. The output
 * path comes from the CLI or a save dialog; the browser mode gets the bytes of a temp file.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StatementType } from '@duckdb/node-api';
import { refuseNonReadOnlySql } from '../../shared/sql/readOnlyGuard.js';
import { WorkspaceError, type Workspace } from '../store/workspace.js';

/** Throws the guard's message, or "one SELECT" when the text is not one read-only statement. */
export async function assertReadOnlySelect(ws: Workspace, sql: string): Promise<string> {
  const refused = refuseNonReadOnlySql(sql);
  if (refused) throw new WorkspaceError(refused);
  const body = sql.trim().replace(/;\s*$/, '');
  await ws.withReader(async (conn) => {
    let extracted;
    try {
      extracted = await conn.extractStatements(body);
    } catch (e) {
      throw new WorkspaceError(String((e as Error).message).split('\n')[0]!);
    }
    if (extracted.count !== 1) throw new WorkspaceError('Export one statement at a time.');
    let prepared;
    try {
      prepared = await extracted.prepare(0);
    } catch (e) {
      throw new WorkspaceError(String((e as Error).message).split('\n')[0]!);
    }
    if (prepared.statementType !== StatementType.SELECT) {
      throw new WorkspaceError('Only a SELECT query can be exported.');
    }
  });
  return body;
}

const quote = (path: string): string => `'${path.replace(/'/g, "''")}'`;

/** Writes the query's rows to `path` as Parquet. */
export async function writeQueryParquet(ws: Workspace, sql: string, path: string): Promise<void> {
  const body = await assertReadOnlySelect(ws, sql);
  await ws.exec(`COPY (${body}) TO ${quote(path)} (FORMAT parquet)`);
}

/** The query's rows as Parquet bytes (a temp file, removed after reading). */
export async function queryParquetBytes(ws: Workspace, sql: string): Promise<Uint8Array> {
  const dir = mkdtempSync(join(tmpdir(), 'provex-parquet-'));
  try {
    const path = join(dir, 'result.parquet');
    await writeQueryParquet(ws, sql, path);
    return new Uint8Array(readFileSync(path));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
