import type { Transaction } from './workspace.js';

/** One imported file or database, as `provex_sources` records it. */
export interface SourceRow {
  kind: string;
  path: string;
  projectId: number | null;
  hash: string | null;
  size: number | null;
}

/** Inserts or refreshes the source row (one per kind + path) inside a transaction; returns its id. */
export async function upsertSource(tx: Transaction, src: SourceRow): Promise<number> {
  const [row] = await tx.all(
    `INSERT INTO provex_sources (kind, path, project_id, content_hash, size_bytes, imported_at, status, message)
     VALUES (?, ?, ?, ?, ?, CAST(now() AS TIMESTAMP), 'ok', NULL)
     ON CONFLICT (kind, path) DO UPDATE SET project_id = excluded.project_id, content_hash = excluded.content_hash,
       size_bytes = excluded.size_bytes, imported_at = excluded.imported_at, status = 'ok', message = NULL
     RETURNING source_id`,
    [src.kind, src.path, src.projectId, src.hash, src.size],
  );
  return Number(row!.source_id);
}
