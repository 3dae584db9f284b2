import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';

/**
 * Appends rows through a DuckDB Appender: `fill` appends them, then they are flushed and the
 * appender closed. When anything fails its buffered rows are dropped before it is closed: an
 * appender closed with rows still in it fails again, and one that is left unclosed is closed by
 * the garbage collector later, which aborts whatever transaction its connection runs at that
 * moment (seen as random "Current transaction is aborted" errors in unrelated writes). The first
 * error is the one thrown.
 */
export async function withAppender(
  conn: DuckDBConnection,
  table: string,
  fill: (appender: DuckDBAppender) => void,
  where: { schema?: string; catalog?: string } = {},
): Promise<void> {
  const appender = await conn.createAppender(table, where.schema, where.catalog);
  try {
    fill(appender);
    appender.flushSync();
  } catch (e) {
    try {
      appender.clear();
      appender.closeSync();
    } catch {
      /* the first error explains */
    }
    throw e;
  }
  appender.closeSync();
}

/** Where the staging temp tables live. */
export const TEMP = { schema: 'main', catalog: 'temp' } as const;
