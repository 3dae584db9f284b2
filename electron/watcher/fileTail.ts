import { createHash, type Hash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';

/** What one read of a file yielded: complete new lines, and whether the file was reset first. */
export interface TailChunk {
  /** The file was truncated or replaced since the last read: earlier lines are void, re-read from 0. */
  reset: boolean;
  lines: string[];
  /** 1-based line number of `lines[0]`. */
  firstLine: number;
  /** Byte offset just past the last complete line read so far. */
  offset: number;
  /** SHA-256 (hex) of the bytes before `offset`: the file's content hash once no line is torn. */
  sha256: string;
}

const MAX_READ = 8 * 1024 * 1024;

/**
 * Follows one append-only text file by byte offset. Only complete lines (ending in \n) are
 * returned; a partly written last line waits until its newline arrives. Truncation (size below
 * the offset) and replacement (another inode) are detected, and the file is read again from 0.
 */
export class FileTail {
  private offset = 0;
  private ino = -1;
  private line = 1;
  private pending = Buffer.alloc(0);
  /** Running hash of the complete lines, so an append never re-reads the file to hash it. */
  private hash: Hash = createHash('sha256');
  /** The file vanished after being read: whatever appears next is a new file (the inode may be reused). */
  private gone = false;

  constructor(readonly path: string) {}

  /** Reads what was appended since the last call; null when the file is missing. */
  read(): TailChunk | null {
    let st;
    try {
      st = statSync(this.path);
    } catch {
      if (this.ino !== -1) this.gone = true;
      return null;
    }
    let reset = false;
    if (
      this.ino !== -1 &&
      (this.gone || st.ino !== this.ino || st.size < this.offset + this.pending.length)
    ) {
      this.gone = false;
      reset = true;
      this.offset = 0;
      this.line = 1;
      this.pending = Buffer.alloc(0);
      this.hash = createHash('sha256');
    }
    this.ino = st.ino;
    const firstLine = this.line;
    const lines: string[] = [];
    const start = this.offset + this.pending.length;
    if (st.size > start) {
      const fd = openSync(this.path, 'r');
      try {
        // The inode may have changed between stat and open; trust the open file.
        const size = fstatSync(fd).size;
        let pos = start;
        while (pos < size) {
          const len = Math.min(MAX_READ, size - pos);
          const buf = Buffer.alloc(len);
          const n = readSync(fd, buf, 0, len, pos);
          if (n <= 0) break;
          pos += n;
          this.consume(buf.subarray(0, n), lines);
        }
      } finally {
        closeSync(fd);
      }
    }
    return { reset, lines, firstLine, offset: this.offset, sha256: this.hash.copy().digest('hex') };
  }

  /** Splits complete lines off `pending + chunk`; the unfinished tail stays pending. */
  private consume(chunk: Buffer, out: string[]): void {
    let data = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    let nl = data.indexOf(0x0a);
    while (nl >= 0) {
      const raw = data.subarray(0, nl);
      out.push(raw.toString('utf8').replace(/\r$/, ''));
      this.hash.update(data.subarray(0, nl + 1));
      this.offset += nl + 1;
      this.line++;
      data = data.subarray(nl + 1);
      nl = data.indexOf(0x0a);
    }
    this.pending = Buffer.from(data);
  }

  /** Where reading stands (to persist and resume). */
  get position(): { offset: number; line: number } {
    return { offset: this.offset, line: this.line };
  }
}
