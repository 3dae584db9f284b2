import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';

/** sha256 of a file's bytes (and of its side files, e.g. a SQLite `-wal`), and the total size. */
export function hashFiles(paths: readonly string[]): { hash: string; size: number } {
  const h = createHash('sha256');
  let size = 0;
  for (const p of paths) {
    if (!existsSync(p)) continue;
    const bytes = readFileSync(p);
    size += statSync(p).size;
    h.update(p.slice(p.lastIndexOf('-')));
    h.update(bytes);
  }
  return { hash: h.digest('hex'), size };
}
