/**
 * One sql.js (SQLite compiled to WebAssembly) instance per process. The wasm binary is located
 * through Node's resolver so it works from the source tree, dist/ and a packaged app alike.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import initSqlJs from 'sql.js';

export type SqlJs = initSqlJs.SqlJsStatic;
export type SqlJsDatabase = initSqlJs.Database;

let loading: Promise<SqlJs> | undefined;

export function loadSqlJs(): Promise<SqlJs> {
  loading ??= (async () => {
    const wasmPath = createRequire(import.meta.url).resolve('sql.js/dist/sql-wasm.wasm');
    const bytes = readFileSync(wasmPath);
    const wasmBinary = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    return initSqlJs({ wasmBinary: wasmBinary as ArrayBuffer });
  })();
  return loading;
}

/** Rows of a query as plain objects (column name -> value). */
export function rowsOf(
  db: SqlJsDatabase,
  sql: string,
  params: initSqlJs.BindParams = [],
): Record<string, initSqlJs.SqlValue>[] {
  const stmt = db.prepare(sql);
  try {
    stmt.bind(params);
    const out: Record<string, initSqlJs.SqlValue>[] = [];
    while (stmt.step()) out.push(stmt.getAsObject());
    return out;
  } finally {
    stmt.free();
  }
}
