import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { JsonObject } from '../../shared/model/json.js';
import { pyJson } from '../store/values.js';
import { toActionLine } from './actionLine.js';
import { elapsedMs, now, pyIso } from './clock.js';
import type { Batch, SqlRow } from './dbBatch.js';
import { eventRow, sessionInsertRow } from './dbRows.js';
import { DbSink, type FlushResult } from './dbSink.js';
import { FileTarget, WorkspaceTarget, type DbTarget } from './dbTarget.js';
import { readGitState, runtimeEnvironment, runtimeVersion } from './environment.js';
import { toJsonObject, toJsonSafe } from './pyJson.js';
import type { TrackedEvent } from './records.js';
import {
  buildDecision,
  buildLink,
  buildToolCall,
  buildTransformation,
  type Built,
} from './recordBuilders.js';
import { SessionHandle } from './sessionHandle.js';
import { SessionState } from './sessionState.js';
import { SessionWriter } from './sessionWriter.js';
import {
  pathForText,
  resolveOptions,
  type ResolvedOptions,
  type TrackerDiagnostic,
  type TrackerOptions,
} from './trackerOptions.js';
import {
  errorText,
  type AnnouncingEvent,
  type DecisionOptions,
  type EndOptions,
  type EventExtras,
  type EventOptions,
  type StartOptions,
  type Targeted,
  type ToolCallOptions,
  type TrackToolCallOptions,
  type TransformationOptions,
} from './trackerTypes.js';
import { resultSummary } from './trim.js';

export type { TrackerDiagnostic, TrackerOptions } from './trackerOptions.js';
export type * from './trackerTypes.js';
export type { FlushResult } from './dbSink.js';
export { SessionHandle } from './sessionHandle.js';

/**
 * Records agent sessions into both stores at once: the `.claude/provenance` files (§4–§7) and the
 * six `provenance_*` tables (§8), with every §12 defect of the reference fixed. The current session
 * lives in AsyncLocalStorage, so nested and concurrent sessions of one process never mix; every
 * call also takes an explicit `session`. Recording never throws into the agent: failures go to
 * `diagnostics` ('diagnostic' events) and `onDiagnostic`, and unwritten rows stay queued.
 */
export class ProvenanceTracker {
  readonly diagnostics = new EventEmitter();
  readonly options: ResolvedOptions;
  private readonly als = new AsyncLocalStorage<{ state: SessionState | null }>();
  private readonly target: DbTarget;
  private readonly sink: DbSink;
  private readonly writer: SessionWriter;
  private readonly live = new Map<string, SessionState>();
  private readonly onDiagnostic: ((d: TrackerDiagnostic) => void) | undefined;
  private readonly beforeExit = (): void => {
    if (this.sink.pendingRows > 0 && this.exitFlushes++ < 3) void this.sink.flush();
  };
  private exitFlushes = 0;
  private closed = false;

  constructor(options: TrackerOptions) {
    if (!options.workspace && !options.dbPath) throw new Error('ProvenanceTracker needs dbPath or workspace');
    const o = (this.options = resolveOptions(options));
    this.onDiagnostic = options.onDiagnostic;
    this.target = options.workspace
      ? new WorkspaceTarget(options.workspace)
      : new FileTarget(options.dbPath!, options.shareDb ? 'shared' : 'exclusive');
    mkdirSync(o.sessionsDir, { recursive: true });
    mkdirSync(join(o.root, 'indices'), { recursive: true });
    const diagnose = (d: TrackerDiagnostic): void => this.diagnose(d);
    this.writer = new SessionWriter(
      o,
      {
        projectRoot: o.projectRoot,
        projectName: o.projectName,
        databasePath: pathForText(o.projectRoot, this.target.path),
        sessionsDir: o.sessionsDirForText,
        model: o.model,
        user: o.user,
        systemName: o.systemName,
        runtimeVersion: runtimeVersion(),
      },
      diagnose,
    );
    this.sink = new DbSink(
      this.target,
      { projectName: o.projectName, projectRoot: o.projectRoot, provenanceRoot: o.root },
      {
        maxAttempts: o.maxFlushAttempts,
        idleMs: o.idleFlushMs,
        now: () => pyIso(now()),
        onDiagnostic: diagnose,
      },
    );
    process.on('beforeExit', this.beforeExit);
  }

  /** The DB file the rows go to (resolved), or the workspace's path. */
  get dbPath(): string {
    return this.target.path;
  }

  /** The innermost running session of the current async context. */
  current(): SessionHandle | null {
    const s = this.als.getStore()?.state?.openAncestorOrSelf ?? null;
    return s ? new SessionHandle(this, s) : null;
  }

  /**
   * Starts a session (nested under `parent`, default the current session) and makes it current
   * for the rest of the calling async context. Prefer `withSession` for concurrent work.
   */
  startSession(
    agentType: string,
    query: string,
    kwargs: unknown = {},
    options: StartOptions = {},
  ): SessionHandle {
    const parent = this.resolveParent(options.parent);
    const parentId = parent?.id ?? (typeof options.parent === 'string' ? options.parent : null);
    const start = now();
    const s = new SessionState(
      randomUUID(),
      agentType,
      query,
      toJsonObject(kwargs),
      parent,
      parentId,
      // From the in-memory parent (§12.3); a parent known only by id sits one level up.
      parent ? parent.depth + 1 : parentId ? 1 : 0,
      start,
      pyIso(start),
      this.writer.claimFolder(start),
      runtimeEnvironment(),
      readGitState(this.options.projectRoot),
    );
    parent?.children.push(s);
    this.live.set(s.id, s);
    this.writer.open(s);
    // The session row goes in at start (§12.2), before any of its events.
    this.sink.enqueue((b) => b.sessions.push(sessionInsertRow(s, this.userContext(s), this.target.path)));
    s.startEventId = this.addEvent(s, 'lifecycle', 'agent_start', { agent_type: agentType, query }).event_id;
    this.writeFiles(s);
    this.als.enterWith({ state: s });
    return new SessionHandle(this, s);
  }

  /** Ends the session (default the current one), writes its files, flushes its rows. */
  async endSession(success: boolean, options: EndOptions = {}): Promise<void> {
    const s = this.stateFor(options.session, 'endSession');
    if (!s) return;
    const at = now();
    const durationMs = elapsedMs(s.start, at);
    const errorMessage =
      options.error === undefined || options.error === null ? null : errorText(options.error);
    const failure = success ? null : (errorMessage ?? 'session failed');
    this.addEvent(
      s,
      'lifecycle',
      'agent_end',
      { success, duration_ms: durationMs },
      { durationMs, relatedEventId: s.startEventId, error: failure },
    );
    s.end = {
      at,
      iso: pyIso(at),
      durationMs,
      success,
      resultSummary: resultSummary(toJsonSafe(options.result)),
      errorMessage,
      git: readGitState(this.options.projectRoot),
    };
    this.live.delete(s.id);
    const end = s.end;
    this.sink.enqueue((b) =>
      b.updates.push({
        sessionId: s.id,
        endTime: end.iso,
        durationMs,
        success,
        resultSummary: pyJson(end.resultSummary),
        errorMessage,
        userContext: pyJson(this.userContext(s)),
      }),
    );
    this.writeFiles(s);
    if (this.als.getStore()?.state === s) this.als.enterWith({ state: s.parent?.openAncestorOrSelf ?? null });
    await this.sink.flush();
  }

  /**
   * Starts a session, runs `fn` in it (nested sessions inside get it as parent), ends it with
   * success and `fn`'s result, or with the error, which is rethrown.
   */
  async withSession<T>(
    agentType: string,
    query: string,
    kwargs: unknown,
    fn: (session: SessionHandle) => T | Promise<T>,
    options: StartOptions = {},
  ): Promise<T> {
    const parent = options.parent !== undefined ? options.parent : this.current();
    return this.als.run({ state: null }, async () => {
      const session = this.startSession(agentType, query, kwargs, { parent });
      let result: T;
      try {
        result = await fn(session);
      } catch (e) {
        await this.endSession(false, { error: e, session });
        throw e;
      }
      await this.endSession(true, { result, session });
      return result;
    });
  }

  /** A direct event (§5.4 "caller-defined"); returns its id, or null without a session. */
  recordEvent(
    eventType: string,
    eventName: string,
    details: unknown = {},
    options: EventOptions = {},
  ): string | null {
    const s = this.stateFor(options.session, 'recordEvent');
    if (!s) return null;
    return this.addEvent(s, eventType, eventName, toJsonObject(details), {
      durationMs: options.durationMs ?? null,
      relatedEventId: options.relatedEventId ?? null,
      filesAffected: options.filesAffected ?? [],
    }).event_id;
  }

  /** `BaseAgent.log`: a `log_<level>` event with `{message, level}`. */
  log(message: string, level = 'INFO', options: Targeted = {}): string | null {
    const upper = level.toUpperCase();
    return this.recordEvent('log', `log_${upper.toLowerCase()}`, { message, level: upper }, options);
  }

  /** A tool call and its event; returns the call id. */
  recordToolCall(
    toolType: string,
    toolName: string,
    inputParams: unknown,
    options: ToolCallOptions = {},
  ): string | null {
    const s = this.stateFor(options.session, 'recordToolCall');
    if (!s) return null;
    const built = buildToolCall(s, toolType, toolName, inputParams, options, this.options.detailLevel);
    s.toolCalls.push(built.record);
    return this.announce(s, built, (b) => b.toolCalls).call_id;
  }

  /** A decision and its event (named by the decision point); returns the decision id. */
  recordDecision(
    decisionType: string,
    decisionPoint: string,
    inputValues: unknown,
    branchTaken: string | null,
    branchesAvailable: readonly unknown[],
    reason: string | null,
    options: DecisionOptions = {},
  ): string | null {
    const s = this.stateFor(options.session, 'recordDecision');
    if (!s) return null;
    const built = buildDecision(
      s,
      decisionType,
      decisionPoint,
      inputValues,
      branchTaken,
      branchesAvailable,
      reason,
      options,
    );
    s.decisions.push(built.record);
    return this.announce(s, built, (b) => b.decisions).decision_id;
  }

  /** A transformation (schemas and samples inferred) and its event; returns its id. */
  recordTransformation(
    transformationType: string,
    transformationName: string,
    inputData: unknown,
    outputData: unknown,
    method: string | null,
    options: TransformationOptions = {},
  ): string | null {
    const s = this.stateFor(options.session, 'recordTransformation');
    if (!s) return null;
    const built = buildTransformation(
      s,
      transformationType,
      transformationName,
      inputData,
      outputData,
      method,
      options,
      this.options.detailLevel,
    );
    s.transformations.push(built.record);
    return this.announce(s, built, (b) => b.transformations).transformation_id;
  }

  /** Links the session to a domain entity; the link carries the session's latest event id. */
  linkEntity(entityTable: string, entityId: string, linkType: string, options: Targeted = {}): void {
    const s = this.stateFor(options.session, 'linkEntity');
    if (!s) return;
    const { record, row } = buildLink(s, entityTable, entityId, linkType);
    s.links.push(record);
    this.queueRow(s, (b) => b.links.push(row));
  }

  /** Times `fn` as one tool call; a throw is recorded as a failed call and rethrown. */
  async trackToolCall<T>(
    toolType: string,
    toolName: string,
    inputParams: unknown,
    fn: () => T | Promise<T>,
    options: TrackToolCallOptions = {},
  ): Promise<T> {
    // Bound to the session current when the call starts, not when it ends.
    const session = options.session ?? this.current() ?? undefined;
    const cacheHit = options.cacheHit ?? false;
    const t0 = performance.now();
    try {
      const result = await fn();
      const output = options.captureOutput === false ? undefined : result;
      this.recordToolCall(toolType, toolName, inputParams, {
        session,
        output,
        cacheHit,
        durationMs: performance.now() - t0,
      });
      return result;
    } catch (e) {
      this.recordToolCall(toolType, toolName, inputParams, {
        session,
        cacheHit,
        durationMs: performance.now() - t0,
        error: e,
      });
      throw e;
    }
  }

  /** Writes every queued row and line now (never rejects). */
  async flush(): Promise<FlushResult> {
    this.writer.drainAll();
    return this.sink.flush();
  }

  /** Flushes and releases the DB; sessions still running are reported and their files closed. */
  async close(): Promise<FlushResult> {
    if (this.closed) return { ok: this.sink.pendingRows === 0, pendingRows: this.sink.pendingRows };
    this.closed = true;
    for (const s of this.live.values()) {
      const message = `session ${s.id} (${s.agentType}) was never ended`;
      this.diagnose({ kind: 'session-open-at-close', sessionId: s.id, message });
    }
    this.writer.closeAll();
    const result = await this.sink.close(this.options.maxFlushAttempts);
    process.off('beforeExit', this.beforeExit);
    return result;
  }

  /** Queues a built record's row, then records the event announcing it (reference order, §11). */
  private announce<R>(s: SessionState, built: Built<R>, list: (b: Batch) => SqlRow[]): R {
    this.queueRow(s, (b) => list(b).push(built.row));
    const e: AnnouncingEvent = built.event;
    this.addEvent(s, e.type, e.name, e.details, e.extras);
    return built.record;
  }

  private addEvent(
    s: SessionState,
    type: string,
    name: string,
    details: JsonObject,
    x: EventExtras = {},
  ): TrackedEvent {
    s.counter++;
    const event: TrackedEvent = {
      event_id: x.eventId ?? randomUUID(),
      session_id: s.id,
      event_type: type,
      event_name: name,
      timestamp: pyIso(now()),
      sequence_number: s.counter,
      details,
      duration_ms: x.durationMs ?? null,
      related_event_id: x.relatedEventId ?? null,
      status: x.error ? 'failure' : 'success',
      error_message: x.error ?? null,
      files_affected: x.filesAffected ?? [],
    };
    s.events.push(event);
    const line = toActionLine(event, s.links, this.options.toolMap);
    s.lines.push(line);
    // The line is appended at once (the live watcher tails the file); the row waits for a flush.
    this.writer.appendLine(s, line);
    this.queueRow(s, (b) => b.events.push(eventRow(event)));
    return event;
  }

  /** Queues one row; a session's 50th queued row starts a flush (§12.5). */
  private queueRow(s: SessionState, fill: (b: Batch) => void): void {
    this.sink.enqueue(fill);
    if (++s.unflushed >= this.options.batchSize) {
      s.unflushed = 0;
      this.sink.kick();
    }
  }

  private writeFiles(s: SessionState): void {
    const { manifestJson, summaryMd } = this.writer.write(s);
    this.sink.enqueue((b) =>
      b.infos.set(s.id, { sessionId: s.id, folder: s.folder, summaryMd, manifest: manifestJson }),
    );
  }

  private resolveParent(parent: StartOptions['parent']): SessionState | null {
    if (parent === null) return null;
    if (parent === undefined) return this.als.getStore()?.state?.openAncestorOrSelf ?? null;
    if (typeof parent === 'string') return this.live.get(parent) ?? null;
    return parent.state;
  }

  /** The session a call records on: the explicit one, else the current one; null (reported) if none. */
  private stateFor(handle: SessionHandle | undefined, what: string): SessionState | null {
    const s = handle ? handle.state : (this.als.getStore()?.state?.openAncestorOrSelf ?? null);
    if (!s) {
      // The reference ignores record calls outside a session; so do we, but say so.
      this.diagnose({ kind: 'no-session', message: `${what}: no current session; nothing recorded` });
      return null;
    }
    if (s.ended) {
      const message = `${what}: session ${s.id} has ended; nothing recorded`;
      this.diagnose({ kind: 'session-ended', sessionId: s.id, message });
      return null;
    }
    return s;
  }

  /** The manifest's `user_context`, stored in `provenance_sessions.user_context` too. */
  private userContext(s: SessionState): JsonObject {
    return {
      working_directory: this.options.projectRoot,
      git_branch: s.gitBefore.branch,
      git_commit_before: s.gitBefore.commit,
      git_commit_after: s.end?.git.commit ?? null,
      python_version: runtimeVersion(),
      project_status: `${this.options.projectName} development`,
    };
  }

  private diagnose(d: TrackerDiagnostic): void {
    try {
      this.onDiagnostic?.(d);
      this.diagnostics.emit('diagnostic', d);
    } catch {
      // A failing listener must not reach the agent either.
    }
  }
}
