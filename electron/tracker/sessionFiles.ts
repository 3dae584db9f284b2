import { closeSync, mkdirSync, openSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Claims `sessions/<minute>` for one session, or `<minute>-2`, `<minute>-3`, … when taken.
 * `mkdir` without `recursive` fails with EEXIST on an existing folder and is atomic, so two
 * sessions (in any processes) never get the same folder (§12.9).
 */
export function claimSessionFolder(sessionsDir: string, minute: string): string {
  for (let n = 1; ; n++) {
    const name = n === 1 ? minute : `${minute}-${n}`;
    try {
      mkdirSync(join(sessionsDir, name));
      return name;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
}

let tmpCounter = 0;

/** Writes a temp file beside `path`, then renames it over `path`: readers never see half a file. */
export function writeFileAtomic(path: string, text: string): void {
  const tmp = `${path}.tmp-${process.pid}-${++tmpCounter}`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

/**
 * The files of one session folder. Action lines are appended as they happen (one `write` per
 * line, so a crash can tear at most the last line); a line that cannot be written is kept and
 * retried before the next one, so the order never changes.
 */
export class SessionFiles {
  private fd: number | null = null;
  private pending: string[] = [];

  constructor(readonly dir: string) {}

  get actionsPath(): string {
    return join(this.dir, 'actions.jsonl');
  }

  /** Queues a line; `drain` writes it. */
  appendLine(text: string): void {
    this.pending.push(text);
  }

  /** Throws when lines could not be written; they stay pending. */
  drain(): void {
    if (this.pending.length === 0) return;
    this.fd ??= openSync(this.actionsPath, 'a');
    while (this.pending.length > 0) {
      writeSync(this.fd, this.pending[0]!);
      this.pending.shift();
    }
  }

  get pendingLines(): number {
    return this.pending.length;
  }

  writeManifest(yamlText: string): void {
    writeFileAtomic(join(this.dir, 'manifest.yaml'), yamlText);
  }

  writeSummary(markdown: string): void {
    writeFileAtomic(join(this.dir, 'summary.md'), markdown);
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}
