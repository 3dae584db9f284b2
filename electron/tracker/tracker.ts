import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { JsonObject } from '../../shared/model/json.js';
import { serializeActionLine, toActionLine } from './actionLine.js';
import { elapsedMs, minuteFolderName, now, pyIso } from './clock.js';
import { DbSink, type FlushResult } from './dbSink.js';
import { FileTarget, WorkspaceTarget, type DbTarget } from './dbTarget.js';
import { decisionRow, eventRow, sessionInsertRow, sizeOf, toolCallRow, transformationRow } from './dbRows.js';
import { readGitState, runtimeEnvironment, runtimeVersion } from './environment.js';
import { buildJsonManifest, serializeJsonManifest } from './jsonManifest.js';
import { buildManifest, manifestToJson, manifestToYaml, type ManifestContext } from './manifestYaml.js';
import { pyJson } from '../store/values.js';
import { toJsonObject, toJsonSafe } from './pyJson.js';
import type { TrackedEvent } from './records.js';
import { SessionFiles, claimSessionFolder, writeFileAtomic } from './sessionFiles.js';
import { SessionHandle } from './sessionHandle.js';
import { SessionState } from './sessionState.js';
import { renderSummary } from './summaryMd.js';
import {
  pathForText,
  resolveOptions,
  type ResolvedOptions,
  type TrackerDiagnostic,
  type TrackerOptions,
} from './trackerOptions.js';
import { inferSchema, resultSummary, trimData } from './trim.js';

export type { TrackerDiagnostic, TrackerOptions } from './trackerOptions.js';
export type { FlushResult } from './dbSink.js';
export { SessionHandle } from './sessionHandle.js';

interface Targeted {
  /** Record on this session instead of the current one. */
  session?: SessionHandle;
}
export interface StartOptions {
  /** The parent session; default the current session; `null` for a root session. */
  parent?: SessionHandle | string | null;
}
export interface EndOptions extends Targeted {
  result?: unknown;
  error?: unknown;
}
export interface EventOptions extends Targeted {
  durationMs?: number | null;
  filesAffected?: string[];
  relatedEventId?: string | null;
}
export interface ToolCallOptions extends Targeted {
  output?: unknown;
  durationMs?: number | null;
  cacheHit?: boolean;
  /** Default: false when `error` is given, else true. */
  success?: boolean;
  error?: unknown;
}
export interface TrackToolCallOptions extends Targeted {
  cacheHit?: boolean;
  /** Store the block's result as `output_data` (trimmed by the detail level); default true. */
  captureOutput?: boolean;
}
export interface DecisionOptions extends Targeted {
  conditionEvaluated?: string | null;
}
export interface TransformationOptions extends Targeted {
  parameters?: unknown;
  durationMs?: number | null;
}

interface EventExtras {
  eventId?: string;
  durationMs?: number | null;
  relatedEventId?: string | null;
  error?: string | null;
  filesAffected?: string[];
}

/**
 * Records agent sessions into both stores at once: the `.claude/provenance` files (§4–§7) and the
 * six `provenance_*` tables (§8), with every §12 defect of the reference fixed. The current session
 * lives in AsyncLocalStorage, so nested and concurrent sessions of one process never mix.
 * Recording never throws into the agent: failures go to `diagnostics` ('diagnostic' events).
 */
export class ProvenanceTracker {
  readonly diagnostics = new EventEmitter();
  readonly options: ResolvedOptions;
  private readonly als = new AsyncLocalStorage<{ state: SessionState | null }>();
  private readonly target: DbTarget;
  private readonly sink: DbSink;
  private readonly manifestCtx: ManifestContext;
  private readonly files = new Map<string, SessionFiles>();
  private readonly live = new Map<string, SessionState>();
  private readonly onDiagnostic: ((d: TrackerDiagnostic) => void) | undefined;
  private readonly beforeExit = (): void => {
    if (this.sink.pendingRows > 0 && this.exitFlushes++ < 3) void this.sink.flush();
  };
  private exitFlushes = 0;
  private closed = false;

  constructor(options: TrackerOptions) {
    if (!options.workspace && !options.dbPath) throw new Error('ProvenanceTracker needs dbPath or workspace');
    this.options = resolveOptions(options);
    this.onDiagnostic = options.onDiagnostic;
    this.target = options.workspace
      ? new WorkspaceTarget(options.workspace)
      : new FileTarget(options.dbPath!, options.shareDb ? 'shared' : 'exclusive');
    mkdirSync(this.options.sessionsDir, { recursive: true });
    mkdirSync(join(this.options.root, 'indices'), { recursive: true });
    this.manifestCtx = {
      projectRoot: this.options.projectRoot,
      projectName: this.options.projectName,
      databasePath: pathForText(this.options.projectRoot, this.target.path),
      sessionsDir: this.options.sessionsDirForText,
      model: this.options.model,
      user: this.options.user,
      systemName: this.options.systemName,
      runtimeVersion: runtimeVersion(),
    };
    this.sink = new DbSink(
      this.target,
      {
        projectName: this.options.projectName,
        projectRoot: this.options.projectRoot,
        provenanceRoot: this.options.root,
      },
      {
        maxAttempts: this.options.maxFlushAttempts,
        idleMs: this.options.idleFlushMs,
        now: () => pyIso(now()),
        onDiagnostic: (d) => this.diagnose(d),
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

  startSession(
    agentType: string,
    query: string,
    kwargs: unknown = {},
    options: StartOptions = {},
  ): SessionHandle {
    const parentState = this.resolveParent(options.parent);
    const parentId = parentState?.id ?? (typeof options.parent === 'string' ? options.parent : null);
    const start = now();
    const folder = this.claimFolder(start);
    const state = new SessionState(
      randomUUID(),
      agentType,
      query,
      toJsonObject(kwargs),
      parentState,
      parentId,
      // From the in-memory parent (§12.3); a parent known only by id sits one level up.
      parentState ? parentState.depth + 1 : parentId ? 1 : 0,
      start,
      pyIso(start),
      folder,
      runtimeEnvironment(),
      readGitState(this.options.projectRoot),
    );
    parentState?.children.push(state);
    this.live.set(state.id, state);
    if (folder) this.files.set(state.id, new SessionFiles(join(this.options.sessionsDir, folder)));
    // The session row goes in at start (§12.2), before any of its events.
    this.sink.enqueue((b) =>
      b.sessions.push(sessionInsertRow(state, this.userContext(state), this.target.path)),
    );
    state.startEventId = this.addEvent(state, 'lifecycle', 'agent_start', {
      agent_type: agentType,
      query,
    }).event_id;
    this.writeSessionFiles(state);
    this.als.enterWith({ state });
    return new SessionHandle(this, state);
  }

  async endSession(success: boolean, options: EndOptions = {}): Promise<void> {
    const s = this.stateFor(options.session, 'endSession');
    if (!s) return;
    const at = now();
    const durationMs = elapsedMs(s.start, at);
    const errorMessage =
      options.error === undefined || options.error === null ? null : errorText(options.error);
    this.addEvent(
      s,
      'lifecycle',
      'agent_end',
      { success, duration_ms: durationMs },
      {
        durationMs,
        relatedEventId: s.startEventId,
        error: success ? null : (errorMessage ?? 'session failed'),
      },
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
    this.writeSessionFiles(s);
    this.sink.enqueue((b) =>
      b.updates.push({
        sessionId: s.id,
        endTime: s.end!.iso,
        durationMs,
        success,
        resultSummary: pyJson(s.end!.resultSummary),
        errorMessage,
        userContext: pyJson(this.userContext(s)),
      }),
    );
    const store = this.als.getStore();
    if (store?.state === s) this.als.enterWith({ state: s.parent?.openAncestorOrSelf ?? null });
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

  recordToolCall(
    toolType: string,
    toolName: string,
    inputParams: unknown,
    options: ToolCallOptions = {},
  ): string | null {
    const s = this.stateFor(options.session, 'recordToolCall');
    if (!s) return null;
    const hasError = options.error !== undefined && options.error !== null;
    const success = options.success ?? !hasError;
    const errorMessage = hasError ? errorText(options.error) : success ? null : 'tool call failed';
    const output = toJsonSafe(options.output);
    const durationMs = toMs(options.durationMs);
    const cacheHit = options.cacheHit ?? false;
    const callId = randomUUID();
    const eventId = randomUUID();
    const record = {
      call_id: callId,
      session_id: s.id,
      event_id: eventId,
      tool_type: toolType,
      tool_name: toolName,
      call_time: pyIso(now()),
      input_params: toJsonObject(inputParams),
      output_data: trimData(output, this.options.detailLevel),
      duration_ms: durationMs,
      cache_hit: cacheHit,
      success,
      error_message: errorMessage,
    };
    s.toolCalls.push(record);
    const size = output === null ? null : Buffer.byteLength(pyJson(output));
    const errorType = options.error instanceof Error ? options.error.name : null;
    this.queueRow(s, (b) => b.toolCalls.push(toolCallRow(record, size, errorType)));
    this.addEvent(
      s,
      'tool_call',
      `${toolType}.${toolName}`,
      { call_id: callId, cache_hit: cacheHit, duration_ms: durationMs },
      { eventId, durationMs, error: success ? null : errorMessage },
    );
    return callId;
  }

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
    const eventId = randomUUID();
    const record = {
      decision_id: randomUUID(),
      session_id: s.id,
      event_id: eventId,
      decision_type: decisionType,
      decision_point: decisionPoint,
      input_values: toJsonObject(inputValues),
      branch_taken: branchTaken,
      branches_available: branchesAvailable.map((x) => toJsonSafe(x)),
      reason,
      timestamp: pyIso(now()),
    };
    s.decisions.push(record);
    this.queueRow(s, (b) => b.decisions.push(decisionRow(record, options.conditionEvaluated ?? null)));
    this.addEvent(s, 'decision', decisionPoint, { branch_taken: branchTaken, reason }, { eventId });
    return record.decision_id;
  }

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
    const input = toJsonSafe(inputData);
    const output = toJsonSafe(outputData);
    const durationMs = toMs(options.durationMs);
    const eventId = randomUUID();
    const level = this.options.detailLevel;
    const record = {
      transformation_id: randomUUID(),
      session_id: s.id,
      event_id: eventId,
      transformation_type: transformationType,
      transformation_name: transformationName,
      input_schema: inferSchema(input),
      input_sample: trimData(input, level),
      output_schema: inferSchema(output),
      output_sample: trimData(output, level),
      method,
      parameters: toJsonObject(options.parameters ?? {}),
      timestamp: pyIso(now()),
      duration_ms: durationMs,
    };
    s.transformations.push(record);
    this.queueRow(s, (b) => b.transformations.push(transformationRow(record, sizeOf(input), sizeOf(output))));
    this.addEvent(
      s,
      'transformation',
      transformationName,
      { method, duration_ms: durationMs },
      { eventId, durationMs },
    );
    return record.transformation_id;
  }

  /** Links the session to a domain entity; the link carries the session's latest event id. */
  linkEntity(entityTable: string, entityId: string, linkType: string, options: Targeted = {}): void {
    const s = this.stateFor(options.session, 'linkEntity');
    if (!s) return;
    const link = {
      entity_table: entityTable,
      entity_id: entityId,
      link_type: linkType,
      timestamp: pyIso(now()),
      event_id: s.lastEventId,
    };
    s.links.push(link);
    this.queueRow(s, (b) =>
      b.links.push([s.id, link.event_id, entityTable, entityId, linkType, link.timestamp]),
    );
  }

  /** Times `fn` as one tool call; a throw is recorded as a failed call and rethrown. */
  async trackToolCall<T>(
    toolType: string,
    toolName: string,
    inputParams: unknown,
    fn: () => T | Promise<T>,
    options: TrackToolCallOptions = {},
  ): Promise<T> {
    // Bind to the session current when the call starts, not when it ends.
    const session = options.session ?? this.current() ?? undefined;
    const t0 = performance.now();
    try {
      const result = await fn();
      this.recordToolCall(toolType, toolName, inputParams, {
        session,
        output: options.captureOutput === false ? undefined : result,
        durationMs: performance.now() - t0,
        cacheHit: options.cacheHit ?? false,
      });
      return result;
    } catch (e) {
      this.recordToolCall(toolType, toolName, inputParams, {
        session,
        durationMs: performance.now() - t0,
        cacheHit: options.cacheHit ?? false,
        success: false,
        error: e,
      });
      throw e;
    }
  }

  /** Writes every queued row now (never rejects). */
  async flush(): Promise<FlushResult> {
    for (const f of this.files.values()) this.drainFile(f);
    return this.sink.flush();
  }

  /** Flushes and releases the DB; sessions still running are reported, their files closed. */
  async close(): Promise<FlushResult> {
    if (this.closed) return { ok: this.sink.pendingRows === 0, pendingRows: this.sink.pendingRows };
    this.closed = true;
    for (const s of this.live.values()) {
      this.diagnose({
        kind: 'session-open-at-close',
        sessionId: s.id,
        message: `session ${s.id} (${s.agentType}) was never ended`,
      });
    }
    for (const f of this.files.values()) {
      this.drainFile(f);
      f.close();
    }
    this.files.clear();
    const result = await this.sink.close(this.options.maxFlushAttempts);
    process.off('beforeExit', this.beforeExit);
    return result;
  }

  private addEvent(
    s: SessionState,
    eventType: string,
    eventName: string,
    details: JsonObject,
    x: EventExtras = {},
  ): TrackedEvent {
    s.counter++;
    const event: TrackedEvent = {
      event_id: x.eventId ?? randomUUID(),
      session_id: s.id,
      event_type: eventType,
      event_name: eventName,
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
    const files = this.files.get(s.id);
    if (files) {
      files.appendLine(serializeActionLine(line));
      this.drainFile(files);
    }
    this.queueRow(s, (b) => b.events.push(eventRow(event)));
    return event;
  }

  /** Queues one row; a session's 50th queued row starts a flush (§12.5). */
  private queueRow(s: SessionState, fill: Parameters<DbSink['enqueue']>[0]): void {
    this.sink.enqueue(fill);
    if (++s.unflushed >= this.options.batchSize) {
      s.unflushed = 0;
      this.sink.kick();
    }
  }

  private drainFile(f: SessionFiles): void {
    try {
      f.drain();
    } catch (e) {
      this.diagnose({
        kind: 'file-write-failed',
        message: `${f.actionsPath}: ${errorText(e)} (${f.pendingLines} lines kept)`,
        error: e,
      });
    }
  }

  private resolveParent(parent: StartOptions['parent']): SessionState | null {
    if (parent === null) return null;
    if (parent === undefined) return this.als.getStore()?.state?.openAncestorOrSelf ?? null;
    if (typeof parent === 'string') return this.live.get(parent) ?? null;
    return parent.state;
  }

  /** The session a call records on: the explicit one, else the current one; null (and a diagnostic) if none. */
  private stateFor(handle: SessionHandle | undefined, what: string): SessionState | null {
    const s = handle ? handle.state : (this.als.getStore()?.state?.openAncestorOrSelf ?? null);
    if (!s) {
      // The reference ignores record calls outside a session; say so, quietly.
      this.diagnose({ kind: 'no-session', message: `${what}: no current session; nothing recorded` });
      return null;
    }
    if (s.ended) {
      this.diagnose({
        kind: 'session-ended',
        sessionId: s.id,
        message: `${what}: session ${s.id} has ended; nothing recorded`,
      });
      return null;
    }
    return s;
  }

  private claimFolder(start: ReturnType<typeof now>): string | null {
    try {
      return claimSessionFolder(this.options.sessionsDir, minuteFolderName(start));
    } catch (e) {
      this.diagnose({
        kind: 'file-write-failed',
        message: `${this.options.sessionsDir}: cannot create a session folder: ${errorText(e)}`,
        error: e,
      });
      return null;
    }
  }

  /**
   * manifest.yaml (at start too, so a crashed session is importable), and at the end summary.md
   * and `<uuid>.json`; queues the bookkeeping row with the same texts.
   */
  private writeSessionFiles(s: SessionState): void {
    const manifest = buildManifest(s, this.manifestCtx);
    const manifestJson = manifestToJson(manifest);
    let markdown: string | null = null;
    if (s.end) {
      markdown = renderSummary(
        {
          folder: s.folder ?? '',
          sessionId: s.id,
          agentType: s.agentType,
          query: s.query,
          durationMs: s.end.durationMs,
          success: s.end.success,
          sessionsDir: this.options.sessionsDirForText,
          systemName: this.options.systemName,
        },
        s.lines,
      );
    }
    const files = this.files.get(s.id);
    try {
      if (s.end)
        writeFileAtomic(join(this.options.root, `${s.id}.json`), serializeJsonManifest(buildJsonManifest(s)));
      if (files) {
        files.writeManifest(manifestToYaml(manifest));
        if (markdown !== null) files.writeSummary(markdown);
      }
    } catch (e) {
      this.diagnose({
        kind: 'file-write-failed',
        sessionId: s.id,
        message: `session ${s.id}: ${errorText(e)}`,
        error: e,
      });
    }
    if (s.end && files) {
      this.drainFile(files);
      files.close();
      this.files.delete(s.id);
    }
    this.queueInfo(s, manifestJson, markdown);
  }

  private queueInfo(s: SessionState, manifest: string, summaryMd: string | null): void {
    this.sink.enqueue((b) => b.infos.set(s.id, { sessionId: s.id, folder: s.folder, summaryMd, manifest }));
  }

  /** The manifest's `user_context`, stored in `provenance_sessions.user_context` too. */
  private userContext(s: SessionState): JsonObject {
    return {
      working_directory: this.options.projectRoot,
      git_branch: s.gitBefore.branch,
      git_commit_before: s.gitBefore.commit,
      git_commit_after: s.end?.git.commit ?? null,
      python_version: this.manifestCtx.runtimeVersion,
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

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function toMs(v: number | null | undefined): number | null {
  return v === undefined || v === null || !Number.isFinite(v) ? null : Math.trunc(v);
}
