import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';

/** A source file read whole, checked and hashed; `text` is valid UTF-8 or the read failed. */
export interface SourceText {
  path: string;
  text: string;
  hash: string;
  size: number;
}

/** A rejection of a whole file or of one line; the message already names the file (and line). */
export class SourceError extends Error {
  constructor(
    readonly path: string,
    message: string,
    readonly line?: number,
  ) {
    super(`${path}${line === undefined ? '' : `:${line}`}: ${message}`);
    this.name = 'SourceError';
  }
}

/** Files bigger than this are refused whole (a provenance file is kilobytes to a few megabytes). */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;

/**
 * Reads a file for import. Refuses a directory where a file is expected, unreadable files,
 * binary content (NUL bytes) and bytes that are not UTF-8, each with the file and line.
 */
export function readSourceText(path: string): SourceText {
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new SourceError(path, 'is a directory, expected a file');
    size = st.size;
  } catch (e) {
    if (e instanceof SourceError) throw e;
    throw new SourceError(path, `cannot read: ${(e as Error).message}`);
  }
  if (size > MAX_FILE_BYTES) throw new SourceError(path, `file too large (${size} bytes)`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new SourceError(path, `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  return sourceTextOf(path, bytes);
}

/** Checks and hashes content already in memory (the file tracker's view of a growing log). */
export function sourceTextOf(path: string, bytes: Buffer): SourceText {
  const size = bytes.length;
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw new SourceError(path, 'binary content (NUL byte), not a text file', lineAt(bytes, nul));
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new SourceError(path, 'not valid UTF-8', lineAt(bytes, firstInvalidUtf8(bytes)));
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const hash = createHash('sha256').update(bytes).digest('hex');
  return { path, text, hash, size };
}

function lineAt(bytes: Buffer, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Byte offset of the first byte sequence that is not UTF-8 (for the error's line number). */
function firstInvalidUtf8(b: Buffer): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    const n =
      c < 0x80 ? 0 : c >= 0xc2 && c < 0xe0 ? 1 : c >= 0xe0 && c < 0xf0 ? 2 : c >= 0xf0 && c < 0xf5 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (((b[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return b.length;
}
