import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sourceTextOf, type SourceText } from '../importers/claude/sourceFile.js';
import type { TailChunk } from './fileTail.js';

/** Small file-system helpers of the workspace sink (what is in a provenance folder, and in what state). */

export function sessionFolders(provenanceDir: string): string[] {
  const dir = join(provenanceDir, 'sessions');
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => join(dir, d.name))
      .sort();
  } catch {
    return [];
  }
}

export function rootJsons(provenanceDir: string): string[] {
  try {
    return readdirSync(provenanceDir)
      .filter((n) => n.endsWith('.json') && n !== 'metadata-schema.json')
      .map((n) => join(provenanceDir, n));
  } catch {
    return [];
  }
}

/** Size and mtime of a file, or null when it is gone. */
export function fileStamp(file: string): string | null {
  try {
    const st = statSync(file);
    return `${st.size}:${st.mtimeMs}`;
  } catch {
    return null;
  }
}

/**
 * The session folder name a JSON manifest's session starts in (`YYYY-MM-DD-HH-MM` of its UTC
 * start); '' when it has no start time; undefined when the file is not (yet) valid JSON.
 */
export function startMinute(file: string): string | undefined {
  let v: unknown;
  try {
    v = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
  const start = (v as { session?: { start_time?: unknown } } | null)?.session?.start_time;
  if (typeof start !== 'string') return '';
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})/.exec(start);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : '';
}

/**
 * The first `size` bytes of a log as an import source, when they still hash to `sha256` (what
 * the tail read); null when the file changed underneath (the tail will report a reset).
 */
export function readPrefix(path: string, size: number, sha256: string): SourceText | null {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return null;
  }
  try {
    const buf = Buffer.alloc(size);
    let pos = 0;
    while (pos < size) {
      const n = readSync(fd, buf, pos, size - pos, pos);
      if (n <= 0) return null;
      pos += n;
    }
    const src = sourceTextOf(path, buf);
    return src.hash === sha256 ? src : null;
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

/** A chunk that starts at line 1 as an import source: the exact bytes the tail hashed, as text. */
export function chunkSource(path: string, chunk: TailChunk): SourceText {
  let text = chunk.lines.length ? chunk.lines.join('\n') + '\n' : '';
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { path, text, hash: chunk.sha256, size: chunk.offset };
}
