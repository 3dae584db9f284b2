import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations/index.js';
import { Mutex } from './mutex.js';
import { repairSessionDerivedIfStale } from './sessionDerived.js';
import type { Row } from './values.js';

export type Param = string | number | boolean | null | bigint;

/**
 * A writable workspace checkpoints when its WAL reaches 128 MB, not DuckDB's 16 MB: a checkpoint
 * rewrites every index, so at 16 MB each import batch paid for one (10,000-session import:
 * 51 s -> 36 s, peak RSS 1.20 -> 1.24 GB; the WAL is replayed on open, and written out on close).
 */
const WRITABLE = { checkpoint_threshold: '128MB' };

export class WorkspaceError extends Error {
  constructor(
    message: string,
    readonly userFacing = true,
  ) {
    super(message);
    this.name = 'WorkspaceError';
  }
}

export interface OpenOptions {
  /** Open without taking the write lock; migrations are not run (the version is still checked). */
  readOnly?: boolean;
  /** Run pending migrations at open (default true for writable workspaces). */
  migrate?: boolean;
}

/**
 * One DuckDB workspace file. Writes go through one connection behind a mutex (a transaction at a
 * time); reads use a second connection and see committed data only.
 */
export class Workspace {
  private readonly writeLock = new Mutex();
  // One query at a time per connection: the reader is shared by every caller of `all`/`table`.
  private readonly readLock = new Mutex();
  private closed = false;
  private released = false;
  private inflight = 0;
  private readonly sides: DuckDBConnection[] = [];

  private constructor(
    readonly path: string,
    private readonly instance: DuckDBInstance,
    private readonly writer: DuckDBConnection,
    private readonly reader: DuckDBConnection,
    readonly readOnly: boolean,
  ) {}

  static async open(path: string, options: OpenOptions = {}): Promise<Workspace> {
    const readOnly = options.readOnly ?? false;
    if (!readOnly && path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    let instance: DuckDBInstance;
    try {
      instance = await DuckDBInstance.create(path, readOnly ? { access_mode: 'READ_ONLY' } : WRITABLE);
    } catch (e) {
      throw new WorkspaceError(describeOpenError(path, e));
    }
    const writer = await instance.connect();
    const reader = await instance.connect();
    // Naive timestamps are UTC everywhere in this app (spec §12.7): pin the session zone.
    for (const c of [writer, reader]) await c.run(`SET TimeZone = 'UTC'`);
    const ws = new Workspace(path, instance, writer, reader, readOnly);
    try {
      await ws.checkAndMigrate(options.migrate ?? !readOnly);
    } catch (e) {
      ws.close();
      throw e;
    }
    return ws;
  }

  /** Applied schema version (0 for a DuckDB file that is not a workspace yet). */
  async schemaVersion(): Promise<number> {
    const exists = await this.all(
      `SELECT 1 FROM information_schema.tables WHERE table_name = 'provex_schema_version' AND table_schema = 'main'`,
    );
    if (exists.length === 0) return 0;
    const [row] = await this.all(`SELECT COALESCE(MAX(version), 0) AS v FROM provex_schema_version`);
    return Number(row?.v ?? 0);
  }

  private async checkAndMigrate(migrate: boolean): Promise<void> {
    const version = await this.schemaVersion();
    if (version > LATEST_SCHEMA_VERSION) {
      throw new WorkspaceError(
        `${this.path}: workspace schema version ${version} is newer than this provex supports (${LATEST_SCHEMA_VERSION}); open it with a provex that supports schema version ${version}.`,
      );
    }
    if (!migrate) return;
    if (version !== LATEST_SCHEMA_VERSION) await this.applyMigrations(version);
    await this.transaction((tx) => repairSessionDerivedIfStale(tx.connection));
  }

  /** Runs every migration above `from`, each in its own transaction; returns the names applied. */
  async applyMigrations(from: number): Promise<string[]> {
    const applied: string[] = [];
    await this.exec(
      `CREATE TABLE IF NOT EXISTS provex_schema_version (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)`,
    );
    for (const m of MIGRATIONS.filter((x) => x.version > from)) {
      await this.transaction(async (tx) => {
        for (const sql of m.statements) await tx.exec(sql);
        await tx.exec(`INSERT INTO provex_schema_version VALUES (?, ?, CAST(now() AS TIMESTAMP))`, [
          m.version,
          m.name,
        ]);
      });
      applied.push(`${m.version} ${m.name}`);
    }
    return applied;
  }

  /** Reads rows as plain objects (JSON-converted: timestamps as text, BIGINT as decimal strings). */
  async all(sql: string, params: readonly Param[] = []): Promise<Row[]> {
    this.assertOpen();
    return this.track(() =>
      this.readLock.run(async () => {
        const reader = await this.reader.runAndReadAll(sql, params as DuckDBValue[]);
        return reader.getRowObjectsJson() as Row[];
      }),
    );
  }

  /** Column names and DuckDB type names of a result, with its rows as arrays. */
  async table(
    sql: string,
    params: readonly Param[] = [],
  ): Promise<{ columns: { name: string; type: string }[]; rows: unknown[][] }> {
    this.assertOpen();
    return this.track(() =>
      this.readLock.run(async () => {
        const reader = await this.reader.runAndReadAll(sql, params as DuckDBValue[]);
        const names = reader.columnNames();
        const types = reader.columnTypes().map((t) => t.toString());
        return {
          columns: names.map((name, i) => ({ name, type: types[i] ?? 'UNKNOWN' })),
          rows: reader.getRowsJson(),
        };
      }),
    );
  }

  /** A write outside an explicit transaction (still serialised with all other writes). */
  async exec(sql: string, params: readonly Param[] = []): Promise<void> {
    this.assertOpen();
    await this.track(() => this.writeLock.run(() => this.writer.run(sql, params as DuckDBValue[])));
  }

  /** Runs `fn` in one transaction; rolls back and rethrows on error. */
  async transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T> {
    this.assertOpen();
    return this.track(() =>
      this.writeLock.run(async () => {
        await this.writer.run('BEGIN TRANSACTION');
        try {
          const result = await fn(new Transaction(this.writer));
          await this.writer.run('COMMIT');
          return result;
        } catch (e) {
          await this.writer.run('ROLLBACK').catch(() => undefined);
          throw e;
        }
      }),
    );
  }

  /** Runs `fn` with the read connection held (statement preparation in the read-only console). */
  withReader<T>(fn: (reader: DuckDBConnection) => Promise<T>): Promise<T> {
    this.assertOpen();
    return this.track(() => this.readLock.run(() => fn(this.reader)));
  }

  /**
   * A further read connection with its own lock, for long reads that must not hold up `all` (the
   * timeline builds its orderings there). Temp tables made on it live on it; it closes with the
   * workspace, after its queued calls.
   */
  async sideReader(): Promise<SideReader> {
    this.assertOpen();
    const conn = await this.instance.connect();
    await conn.run(`SET TimeZone = 'UTC'`);
    this.sides.push(conn);
    const lock = new Mutex();
    return {
      all: (sql, params = []) => {
        this.assertOpen();
        return this.track(() =>
          lock.run(async () => {
            const reader = await conn.runAndReadAll(sql, params as DuckDBValue[]);
            return reader.getRowObjectsJson() as Row[];
          }),
        );
      },
      columns: (sql, params = []) => {
        this.assertOpen();
        return this.track(() =>
          lock.run(async () => (await conn.runAndReadAll(sql, params as DuckDBValue[])).getColumns()),
        );
      },
    };
  }

  /** The raw writer connection, for the Appender on bulk paths; only inside `transaction`. */
  get connection(): DuckDBConnection {
    return this.writer;
  }

  async checkpoint(): Promise<void> {
    if (!this.readOnly) await this.exec('CHECKPOINT');
  }

  /**
   * Closes the file. New calls are refused at once; calls already queued or running finish
   * first, because closing DuckDB under a running query crashes the process (a caller that
   * gave up on one of several parallel reads, say, may still have the others in flight).
   */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.inflight === 0) this.release();
  }

  private release(): void {
    if (this.released) return;
    this.released = true;
    for (const c of this.sides) c.closeSync();
    this.reader.closeSync();
    this.writer.closeSync();
    this.instance.closeSync();
  }

  /** Counts a call from before it queues until it settles, so `close` can wait for it. */
  private async track<T>(op: () => Promise<T>): Promise<T> {
    this.inflight++;
    try {
      return await op();
    } finally {
      this.inflight--;
      if (this.closed && this.inflight === 0) this.release();
    }
  }

  get isClosed(): boolean {
    return this.closed;
  }

  private assertOpen(): void {
    if (this.closed) throw new WorkspaceError(`${this.path}: the workspace is closed`, false);
  }
}

/** A read connection of its own (see `Workspace.sideReader`). */
export interface SideReader {
  /** Rows as plain objects, converted as `Workspace.all` converts them. */
  all(sql: string, params?: readonly Param[]): Promise<Row[]>;
  /** The result column by column, as DuckDB values (numbers for DOUBLE, strings for VARCHAR). */
  columns(sql: string, params?: readonly Param[]): Promise<DuckDBValue[][]>;
}

/** The writer connection inside a transaction. */
export class Transaction {
  constructor(readonly connection: DuckDBConnection) {}

  async exec(sql: string, params: readonly Param[] = []): Promise<void> {
    await this.connection.run(sql, params as DuckDBValue[]);
  }

  async all(sql: string, params: readonly Param[] = []): Promise<Row[]> {
    const reader = await this.connection.runAndReadAll(sql, params as DuckDBValue[]);
    return reader.getRowObjectsJson() as Row[];
  }
}

export function isLockError(e: unknown): boolean {
  return /lock|Conflicting lock|being used by another process/i.test(String((e as Error)?.message ?? e));
}

function describeOpenError(path: string, e: unknown): string {
  const msg = String((e as Error)?.message ?? e);
  if (isLockError(e))
    return `${path}: the workspace is open in another process (DuckDB allows one writer per file)`;
  if (/not a valid DuckDB database|Unable to open database|invalid|magic/i.test(msg)) {
    return `${path}: not a DuckDB database (${msg.split('\n')[0]})`;
  }
  return `${path}: cannot open workspace: ${msg.split('\n')[0]}`;
}
