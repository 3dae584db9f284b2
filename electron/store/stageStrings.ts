import type { DuckDBConnection } from '@duckdb/node-api';

/**
 * Fills a one-column temp table `temp.<table>(v VARCHAR)` (made on first use) with `values`,
 * through the Appender: a list of many ids as one JSON parameter takes seconds to parse.
 */
export async function stageStrings(
  conn: DuckDBConnection,
  table: string,
  values: readonly string[],
): Promise<void> {
  await conn.run(`CREATE TEMP TABLE IF NOT EXISTS ${table} (v VARCHAR)`);
  await conn.run(`DELETE FROM temp.${table}`);
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
