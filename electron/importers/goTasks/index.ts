/**
 * Import of a Go task-tracker SQLite file (formats/go-task-provenance.md) into the TaskGraph DTO,
 * with sql.js. The file is read into memory, never opened for writing. A `-wal` side file beside it
 * is replayed into the in-memory copy (see wal.ts) so committed rows not yet checkpointed are seen.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { TaskGraph } from '../../../shared/model/tasks.js';
import { detectGeneration, NotTaskDatabaseError } from './detect.js';
import { readGraphRows } from './readGraph.js';
import { loadSqlJs } from './sqlJs.js';
import { isWalModeHeader, replayWal } from './wal.js';

export { NotTaskDatabaseError } from './detect.js';

export interface ReadOptions {
  /** Graph name (default: the file name). */
  name?: string;
  /** Contents of the `-wal` side file, if any. */
  wal?: Uint8Array | null;
}

/** Reads a tracker file and its `-wal` side file (if present). */
export async function readGoTasksFile(path: string): Promise<TaskGraph> {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new NotTaskDatabaseError(
      `${path}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? String(e)})`,
    );
  }
  const walPath = `${path}-wal`;
  const wal = existsSync(walPath) ? readFileSync(walPath) : null;
  return readGoTasksBytes(bytes, { name: basename(path), wal, fileLabel: path });
}

/**
 * Reads a SQL script of a tracker database (the shape of `fixtures/go-provenance/small.sql`: the
 * reference DDL, seeds and data) by running it in an in-memory SQLite, so a dump imports without
 * the sqlite3 command line. Errors name the file and SQLite's message.
 */
export async function readGoTasksSqlScript(path: string): Promise<TaskGraph> {
  const SQL = await loadSqlJs();
  const db = new SQL.Database();
  try {
    db.exec(readFileSync(path, 'utf8'));
    return await readGoTasksBytes(db.export(), { name: basename(path), fileLabel: path });
  } catch (e) {
    if (e instanceof NotTaskDatabaseError) throw e;
    throw new NotTaskDatabaseError(`${path}: the SQL script failed: ${(e as Error).message}`);
  } finally {
    db.close();
  }
}

/** Reads a tracker database image (plus optional WAL contents). */
export async function readGoTasksBytes(
  bytes: Uint8Array,
  options: ReadOptions & { fileLabel?: string } = {},
): Promise<TaskGraph> {
  const label = options.fileLabel ?? options.name ?? 'database';
  if (bytes.length === 0)
    throw new NotTaskDatabaseError(`${label}: empty file, not a Go task-provenance database`);
  if (!isSqliteHeader(bytes)) throw new NotTaskDatabaseError(`${label}: not a SQLite database (bad header)`);
  const warnings: string[] = [];
  let image = bytes;
  if (options.wal && options.wal.length > 0) {
    const replay = replayWal(bytes, options.wal);
    image = replay.bytes;
    warnings.push(
      `${label}: applied ${replay.framesApplied} committed frame(s) from the -wal side file in memory` +
        (replay.framesIgnored > 0 ? `; ignored ${replay.framesIgnored} uncommitted or stale frame(s)` : '') +
        '; the files on disk were not changed',
    );
  } else if (isWalModeHeader(bytes)) {
    image = replayWal(bytes, null).bytes; // WAL-mode header without a side file: fully checkpointed
  }

  const SQL = await loadSqlJs();
  const db = new SQL.Database(image);
  try {
    const detection = detectGeneration(db, label);
    const rows = readGraphRows(db);
    return {
      name: options.name ?? label,
      generation: detection.generation,
      read_only: detection.read_only,
      ...rows,
      warnings: [...warnings, ...detection.warnings, ...rows.warnings],
    };
  } finally {
    db.close();
  }
}

function isSqliteHeader(b: Uint8Array): boolean {
  const magic = 'SQLite format 3\u0000';
  if (b.length < 100) return false;
  for (let i = 0; i < magic.length; i++) if (b[i] !== magic.charCodeAt(i)) return false;
  return true;
}
