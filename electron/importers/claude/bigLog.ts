import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { emptyFragment } from '../../../shared/model/provenanceRecords.js';
import { writeFragment, removeUnclaimedSessions } from '../../store/sessionWriter.js';
import type { Workspace } from '../../store/workspace.js';
import { appendActionLines } from '../../watcher/appendActions.js';
import { ActionAttributor } from './actionRecords.js';
import { parseActionLines } from './actionsJsonl.js';
import type { RootContext, SessionFolder } from './rootContext.js';
import { DistinctRows, newOutcome, sourceKey, type ImportState, type RootWriter } from './rootWriter.js';

/** Action logs at least this big are read and written a chunk of lines at a time. */
export const BIG_LOG_BYTES = 64 * 1024 * 1024;
export const CHUNK_LINES = 50_000;
const READ_BYTES = 4 * 1024 * 1024;

/**
 * How a big log went: written (or found unchanged) here; failed (reported, nothing of it left);
 * or to be imported the whole-file way.
 */
export type BigLogResult =
  | { kind: 'done'; attributor: ActionAttributor; hash: string; size: number }
  | { kind: 'failed' }
  | { kind: 'whole' };

/**
 * Imports one action log too big to hold parsed whole (a million lines parse into gigabytes of
 * objects): its lines are read, attributed and written in chunks, each the way the file tracker
 * writes lines appended to a live log (watcher/appendActions.ts), so the rows are those the
 * tracker would have written had it watched the file grow. Each chunk is its own transaction and
 * moves the log's source row to the hash and size of the bytes written so far, so an import cut
 * short is finished by the next one (the hash then differs: the log is read again whole). A chunk
 * that fails takes back what the earlier chunks wrote.
 *
 * Only for a log never imported, or unchanged (read to rebuild its attribution state, nothing
 * written); a changed log, one a chunk cannot attribute alone (a session renamed after its rows
 * were written) or one the caller hands over in memory goes the whole-file way (`whole`).
 */
export async function importBigLog(
  ws: Workspace,
  ctx: RootContext,
  folder: SessionFolder,
  state: ImportState,
  writer: RootWriter,
  projectId: number | null,
): Promise<BigLogResult> {
  const path = folder.actionsPath;
  if (!path || ctx.actionsSource?.(path) !== undefined) return { kind: 'whole' };
  const whole = hashFile(path);
  if (!whole) return { kind: 'whole' };
  const key = sourceKey('actions-jsonl', path);
  const prev = state.known.get(key);
  const force = state.options.forceActions?.has(path) ?? false;
  const unchanged = prev !== undefined && prev === whole.hash && !force;
  if (prev !== undefined && !unchanged) return { kind: 'whole' };

  const folderSession = folder.manifest && 'value' in folder.manifest ? folder.manifest.value.session : null;
  const attributor = new ActionAttributor(path, {
    eventSession: ctx.eventSession,
    sessionById: (id) => ctx.sessions.get(id),
    folderSession,
  });
  const outcome = newOutcome(path, 'actions-jsonl', unchanged ? 'unchanged' : 'imported');
  const mine = new DistinctRows();
  const orphans = new Map<string, string>();
  try {
    for (const chunk of readLineChunks(path, state.options.bigLogChunkLines ?? CHUNK_LINES)) {
      if (unchanged) {
        // Nothing to write: the attribution state is rebuilt for the file tracker.
        const parsed = parseActionLines(path, chunk.lines, chunk.firstLine, chunk.torn);
        attributor.add(parsed.lines);
        attributor.skipTo(parsed.through);
        continue;
      }
      const res = await appendActionLines(ws, attributor, {
        path,
        folderName: folder.name,
        projectId,
        lines: chunk.lines,
        firstLine: chunk.firstLine,
        // Until the last chunk lands the source row holds no real hash: an import cut short
        // leaves a log the next import finds changed, and reads again.
        sha256: chunk.last ? whole.hash : `incomplete:${chunk.firstLine + chunk.lines.length - 1}`,
        size: chunk.last ? whole.size : chunk.size,
        tornLast: chunk.torn,
      });
      if (res.kind === 'reimport') {
        await takeBack(ws, path, projectId);
        return { kind: 'whole' };
      }
      outcome.rejected.push(...res.rejected);
      outcome.warnings.push(...res.warnings);
      mine.add(res.fragment);
      state.written.add(res.fragment);
      // A big log takes a while: the progress bar moves with its chunks, not only at its end.
      writer.progressed(path);
      for (const o of res.fragment.sessions) orphans.set(o.session_id, o.agent_type);
    }
  } catch (e) {
    if (!unchanged) await takeBack(ws, path, projectId).catch(() => undefined);
    outcome.status = 'rejected';
    outcome.reason = `${path}: ${String((e as Error).message ?? e).split('\n')[0]}`;
    writer.done(outcome, path);
    return { kind: 'failed' };
  }
  for (const [id, agent] of orphans)
    outcome.warnings.push({
      path,
      message: `lines of session ${id} (${agent}) have no manifest or JSON manifest; session rebuilt from its lines`,
    });
  outcome.counts = mine.counts();
  state.known.set(key, whole.hash);
  writer.done(outcome, path);
  return { kind: 'done', attributor, ...whole };
}

/** Removes what the chunks of a log wrote (its claims, then the rows nothing else claims). */
async function takeBack(ws: Workspace, path: string, projectId: number | null): Promise<void> {
  const res = await writeFragment(
    ws,
    { kind: 'actions-jsonl', path, hash: '', size: 0, projectId },
    emptyFragment(false),
  );
  await removeUnclaimedSessions(ws, res.staleSessions);
  await ws.exec(`DELETE FROM provex_sources WHERE kind = 'actions-jsonl' AND path = ?`, [path]);
}

/** The file's SHA-256 and size, read in blocks (null: it cannot be read; the whole path says why). */
function hashFile(path: string): { hash: string; size: number } | null {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return null;
  }
  try {
    const h = createHash('sha256');
    const buf = Buffer.allocUnsafe(READ_BYTES);
    let size = 0;
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      // NUL bytes: not a text file; the whole-file path rejects it with the line.
      if (buf.subarray(0, n).includes(0)) return null;
      h.update(buf.subarray(0, n));
      size += n;
    }
    return { hash: h.digest('hex'), size };
  } finally {
    closeSync(fd);
  }
}

interface LineChunk {
  lines: string[];
  firstLine: number;
  /** Bytes of the file through the end of these lines. */
  size: number;
  /** The last chunk (the end of the file). */
  last: boolean;
  /** Its last line had no newline (the file ends mid-line). */
  torn: boolean;
}

/** The file's lines, `chunkLines` at a time, decoded as UTF-8 (an invalid byte throws). */
function* readLineChunks(path: string, chunkLines: number): Generator<LineChunk> {
  const fd = openSync(path, 'r');
  try {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const buf = Buffer.allocUnsafe(READ_BYTES);
    let pending = '';
    let lines: string[] = [];
    let firstLine = 1;
    let read = 0;
    let lineBytes = 0;
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      read += n;
      const parts = (pending + decoder.decode(buf.subarray(0, n), { stream: true })).split('\n');
      pending = parts.pop()!;
      for (const p of parts) {
        lines.push(p);
        lineBytes += Buffer.byteLength(p) + 1;
        if (lines.length >= chunkLines) {
          yield { lines, firstLine, size: lineBytes, last: false, torn: false };
          firstLine += lines.length;
          lines = [];
        }
      }
    }
    pending += decoder.decode();
    const torn = pending !== '';
    if (torn) lines.push(pending);
    yield { lines, firstLine, size: read, last: true, torn };
  } finally {
    closeSync(fd);
  }
}
