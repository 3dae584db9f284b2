import type { DuckDBConnection } from '@duckdb/node-api';
import { TEMP, withAppender } from './appender.js';

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
  await withAppender(
    conn,
    table,
    (ap) => {
      for (const v of values) {
        ap.appendVarchar(v);
        ap.endRow();
      }
    },
    TEMP,
  );
}
