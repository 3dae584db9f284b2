/**
 * The reference keeps its files in WAL mode (§2): committed rows may still sit in `<db>-wal`.
 * sql.js opens one in-memory buffer and has no shared memory for a wal-index, so it can neither
 * read the side file nor open a WAL-mode header. Instead we do what a checkpoint does, in memory:
 * copy every page of the last valid commit in the WAL over the main file (sqlite.org/fileformat2
 * §4), then mark the copy as a rollback-journal file (header bytes 18-19 = 1). Frames after the
 * last commit, or with a wrong salt or checksum, belong to no committed transaction and are skipped.
 */

export interface WalReplay {
  /** The database image with the WAL applied, in rollback-journal mode. */
  bytes: Uint8Array;
  /** Frames of committed transactions copied into the image. */
  framesApplied: number;
  /** Frames present but not applied (uncommitted tail, or from an older WAL generation). */
  framesIgnored: number;
}

const WAL_HEADER = 32;
const FRAME_HEADER = 24;

export function isWalModeHeader(db: Uint8Array): boolean {
  return db.length >= 20 && db[18] === 2 && db[19] === 2;
}

/** Copies the committed frames of `wal` into a copy of `db`; an empty or invalid WAL changes nothing. */
export function replayWal(db: Uint8Array, wal: Uint8Array | null): WalReplay {
  const base = toRollbackMode(db.slice());
  if (!wal || wal.length < WAL_HEADER) return { bytes: base, framesApplied: 0, framesIgnored: 0 };
  const view = new DataView(wal.buffer, wal.byteOffset, wal.byteLength);
  const magic = view.getUint32(0);
  if (magic !== 0x377f0682 && magic !== 0x377f0683) {
    throw new Error('the -wal file is not a SQLite write-ahead log (bad magic number)');
  }
  const bigEndian = (magic & 1) === 1;
  const pageSize = view.getUint32(8);
  const salt1 = view.getUint32(16);
  const salt2 = view.getUint32(20);
  let [s0, s1] = checksum(wal, 0, 24, bigEndian, 0, 0);
  if (s0 !== view.getUint32(24) || s1 !== view.getUint32(28)) {
    return { bytes: base, framesApplied: 0, framesIgnored: countFrames(wal.length, pageSize) };
  }

  const frameSize = FRAME_HEADER + pageSize;
  const pending = new Map<number, number>(); // page number -> frame offset, since the last commit
  const committed = new Map<number, number>();
  let committedSize = 0;
  let committedFrames = 0;
  let frames = 0;
  for (let off = WAL_HEADER; off + frameSize <= wal.length; off += frameSize) {
    if (view.getUint32(off + 8) !== salt1 || view.getUint32(off + 12) !== salt2) break;
    [s0, s1] = checksum(wal, off, 8, bigEndian, s0, s1);
    [s0, s1] = checksum(wal, off + FRAME_HEADER, pageSize, bigEndian, s0, s1);
    if (s0 !== view.getUint32(off + 16) || s1 !== view.getUint32(off + 20)) break;
    frames++;
    pending.set(view.getUint32(off), off);
    const sizeAfterCommit = view.getUint32(off + 4);
    if (sizeAfterCommit !== 0) {
      for (const [page, at] of pending) committed.set(page, at);
      pending.clear();
      committedSize = sizeAfterCommit;
      committedFrames = frames;
    }
  }
  const total = countFrames(wal.length, pageSize);
  if (committedFrames === 0) return { bytes: base, framesApplied: 0, framesIgnored: total };

  const out = new Uint8Array(committedSize * pageSize);
  out.set(base.subarray(0, Math.min(base.length, out.length)));
  for (const [page, at] of committed) {
    if (page <= committedSize)
      out.set(wal.subarray(at + FRAME_HEADER, at + frameSize), (page - 1) * pageSize);
  }
  return {
    bytes: toRollbackMode(out),
    framesApplied: committedFrames,
    framesIgnored: total - committedFrames,
  };
}

function toRollbackMode(db: Uint8Array): Uint8Array {
  if (isWalModeHeader(db)) {
    db[18] = 1;
    db[19] = 1;
  }
  return db;
}

function countFrames(walLength: number, pageSize: number): number {
  return pageSize > 0 ? Math.max(0, Math.floor((walLength - WAL_HEADER) / (FRAME_HEADER + pageSize))) : 0;
}

/** SQLite's WAL checksum over 32-bit words, continuing from (s0, s1). */
function checksum(
  buf: Uint8Array,
  offset: number,
  length: number,
  bigEndian: boolean,
  s0: number,
  s1: number,
): [number, number] {
  const view = new DataView(buf.buffer, buf.byteOffset + offset, length);
  for (let i = 0; i < length; i += 8) {
    s0 = (s0 + view.getUint32(i, !bigEndian) + s1) >>> 0;
    s1 = (s1 + view.getUint32(i + 4, !bigEndian) + s0) >>> 0;
  }
  return [s0, s1];
}
