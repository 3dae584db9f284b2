import { Batch, writeBatch, type Bookkeeping } from './dbBatch.js';
import type { DbTarget } from './dbTarget.js';
import { isLockConflict } from './dbTarget.js';

export interface SinkDiagnostic {
  kind: 'db-locked' | 'db-write-failed' | 'db-unflushed';
  message: string;
  attempt?: number;
  error?: unknown;
  pendingRows?: number;
}

export interface FlushResult {
  /** True when nothing is left queued. */
  ok: boolean;
  pendingRows: number;
}

export interface SinkOptions {
  /** Attempts per `flush()` call before it returns with rows still queued (they stay queued). */
  maxAttempts: number;
  /** Background flush after this much quiet time. */
  idleMs: number;
  now: () => string;
  onDiagnostic: (d: SinkDiagnostic) => void;
}

/**
 * The queue between the tracker and the DB. Rows are never dropped: a failed write puts its batch
 * back in front of newer rows and is retried with backoff; a batch failing for another reason
 * than a lock is retried session by session, so one bad session cannot block the others.
 */
export class DbSink {
  private pending = new Batch();
  private running: Promise<void> | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private attempt = 0;

  constructor(
    private readonly target: DbTarget,
    private readonly book: Bookkeeping,
    private readonly options: SinkOptions,
  ) {}

  /** Adds rows with `fill` and arms the idle flush. */
  enqueue(fill: (b: Batch) => void): void {
    fill(this.pending);
    this.armIdle();
  }

  get pendingRows(): number {
    return this.pending.size;
  }

  /** Starts a flush in the background (no-op while one runs; it takes the new rows too). */
  kick(): void {
    void this.flush();
  }

  /** Writes everything queued; resolves (never rejects) once written or after `maxAttempts`. */
  async flush(maxAttempts = this.options.maxAttempts): Promise<FlushResult> {
    for (let round = 0; round < 1000 && this.pending.size > 0; round++) {
      if (!this.running) this.running = this.drain(maxAttempts).finally(() => (this.running = null));
      await this.running;
      if (this.attempt >= maxAttempts) break;
    }
    if (this.pending.size > 0) this.armIdle();
    return { ok: this.pending.size === 0, pendingRows: this.pending.size };
  }

  private async drain(maxAttempts: number): Promise<void> {
    this.attempt = 0;
    while (this.pending.size > 0) {
      const batch = this.pending;
      this.pending = new Batch();
      const failed = await this.writeOrSplit(batch);
      if (!failed) {
        this.attempt = 0;
        continue;
      }
      this.pending.prepend(failed.batch);
      this.attempt++;
      const lock = isLockConflict(failed.error);
      this.options.onDiagnostic({
        kind: lock ? 'db-locked' : 'db-write-failed',
        message: `${this.target.path}: ${lock ? 'locked by another process' : 'write failed'} (attempt ${this.attempt}; ${this.pending.size} rows kept for retry): ${firstLine(failed.error)}`,
        attempt: this.attempt,
        error: failed.error,
        pendingRows: this.pending.size,
      });
      if (this.attempt >= maxAttempts) return;
      await sleep(backoffMs(this.attempt));
    }
  }

  private async writeOrSplit(batch: Batch): Promise<{ batch: Batch; error: unknown } | null> {
    try {
      await this.write(batch);
      return null;
    } catch (e) {
      if (isLockConflict(e)) return { batch, error: e };
      const parts = batch.splitBySession();
      if (parts.length <= 1) return { batch, error: e };
      // Each session on its own: the ones that fail stay queued, in order, the others are written.
      let left = new Batch();
      let error: unknown = e;
      for (let i = 0; i < parts.length; i++) {
        try {
          await this.write(parts[i]!);
        } catch (pe) {
          error = pe;
          const lock = isLockConflict(pe);
          for (const keep of lock ? parts.slice(i) : [parts[i]!]) {
            keep.prepend(left);
            left = keep;
          }
          if (lock) break;
        }
      }
      return left.size > 0 ? { batch: left, error } : null;
    }
  }

  private write(batch: Batch): Promise<void> {
    return this.target.write((tx) => writeBatch(tx, batch, this.book, this.options.now()));
  }

  private armIdle(): void {
    if (this.idleTimer) return;
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      if (this.pending.size > 0) this.kick();
    }, this.options.idleMs);
    this.idleTimer.unref();
  }

  /** Stops the idle timer; a final flush is the caller's. */
  async close(maxAttempts: number): Promise<FlushResult> {
    const result = await this.flush(maxAttempts);
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    if (!result.ok) {
      this.options.onDiagnostic({
        kind: 'db-unflushed',
        message: `${this.target.path}: ${result.pendingRows} rows could not be written; the session files hold them`,
        pendingRows: result.pendingRows,
      });
    }
    await this.target.close();
    return result;
  }
}

function backoffMs(attempt: number): number {
  const base = Math.min(1000, 10 * 2 ** Math.min(attempt, 7));
  return base / 2 + Math.random() * (base / 2);
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

function firstLine(e: unknown): string {
  return String((e as Error)?.message ?? e).split('\n')[0] ?? '';
}
