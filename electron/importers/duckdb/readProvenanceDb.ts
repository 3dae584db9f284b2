import { DuckDBInstance } from '@duckdb/node-api';
import type { ImportIssue } from '../../../shared/model/imports.js';
import type { JsonValue } from '../../../shared/model/json.js';

export type DbRow = Record<string, unknown>;

/** The `provenance_*` rows of a database file, read as plain objects. */
export interface ProvenanceDbRows {
  sessions: DbRow[];
  events: DbRow[];
  tool_calls: DbRow[];
  decisions: DbRow[];
  transformations: DbRow[];
  entity_links: DbRow[];
}

const TABLES = ['sessions', 'events', 'tool_calls', 'decisions', 'transformations', 'entity_links'] as const;

/**
 * Opens a MicroGrowAgents / PFAS database READ-ONLY in its own instance, reads the six tables
 * and closes it before returning (the file is never held open across an import). A table that is
 * missing reads as empty; a file without `provenance_sessions` is refused.
 */
export async function readProvenanceDb(path: string): Promise<ProvenanceDbRows> {
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(path, { access_mode: 'READ_ONLY' });
  } catch (e) {
    const msg = String((e as Error).message ?? e).split('\n')[0] ?? '';
    throw new Error(
      /lock/i.test(msg)
        ? `${path}: the database is open for writing in another process (${msg})`
        : `${path}: not a readable DuckDB database (${msg})`,
    );
  }
  const conn = await instance.connect();
  try {
    const present = (
      await conn.runAndReadAll(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' AND table_name LIKE 'provenance\\_%' ESCAPE '\\'`,
      )
    )
      .getRowsJson()
      .map((r) => String(r[0]));
    if (!present.includes('provenance_sessions')) {
      throw new Error(
        `${path}: no provenance tables (provenance_sessions is missing): not a MicroGrowAgents / PFAS provenance database`,
      );
    }
    const out = {} as ProvenanceDbRows;
    for (const t of TABLES) {
      out[t] = present.includes(`provenance_${t}`)
        ? ((await conn.runAndReadAll(`SELECT * FROM provenance_${t}`)).getRowObjectsJson() as DbRow[])
        : [];
    }
    return out;
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

/** JSON columns arrive as text: parse, keeping unparsable text as a string. */
export function jsonCol(v: unknown): JsonValue | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v !== 'string') return v as JsonValue;
  try {
    return JSON.parse(v) as JsonValue;
  } catch {
    return v;
  }
}

export function rowIssue(path: string, table: string, row: number, message: string): ImportIssue {
  return { path, table: `provenance_${table}`, row: row + 1, message };
}
