import type { DuckDBConnection } from '@duckdb/node-api';

/**
 * Fills a one-column temp table `temp.<table>(v VARCHAR)` (made anew) with `values`,
 * through the Appender: a list of many ids as one JSON parameter takes seconds to parse.
 */
export async function stageStrings(
  conn: DuckDBConnection,
  table: string,
  values: readonly string[],
): Promise<void> {
  // Replaced, not emptied: DuckDB keeps the memory of deleted rows of a temp table.
  await conn.run(`CREATE OR REPLACE TEMP TABLE ${table} (v VARCHAR)`);
  const ap = await conn.createAppender(table, 'main', 'temp');
  try {
    for (const v of values) {
      ap.appendVarchar(v);
      ap.endRow();
    }
    ap.flushSync();
  } finally {
    ap.closeSync();
  }
}
