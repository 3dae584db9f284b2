/**
 * THE typed API between the renderer (or the CLI, or HTTP) and the main process.
 * Every call is one entry `'domain/verb': { args; result }`, every event one entry in `Events`.
 * Adding a call = one line here + one method in electron/service.ts; the transports iterate
 * `CALL_KEYS`, so a channel outside this file cannot exist.
 */
import type {
  Project,
  SessionFilter,
  SessionPage,
  SessionStats,
  SessionSummary,
  SessionTrace,
} from '../model/sessions.js';
import type {
  TimelineItemDetail,
  TimelineOverview,
  TimelineWindow,
  TimelineWindowArgs,
} from '../model/timeline.js';
import type { QueryResult } from '../model/queries.js';
import type { EventId, SessionId } from '../model/ids.js';
import type { WatchAppended, WatchImported, WatchList } from '../model/watch.js';

export interface WorkspaceInfo {
  path: string;
  schema_version: number;
  read_only: boolean;
  counts: { sessions: number; events: number; tasks: number; chains: number };
}

export interface Contract {
  /** Which workspace file is open, its schema version and row counts. */
  'workspace/info': { args: void; result: WorkspaceInfo };
  /** Projects with at least one session (name, root path, session count). */
  'projects/list': { args: void; result: Project[] };
  /** A page of sessions matching a filter, sorted; `total` counts every match. */
  'sessions/list': { args: SessionFilter; result: SessionPage };
  /** Everything recorded for one session, or null when it does not exist. */
  'sessions/trace': { args: { session_id: SessionId }; result: SessionTrace | null };
  /** Per-project and per-agent summary of the sessions matching a filter (count, success rate, median duration). */
  'sessions/stats': { args: SessionFilter; result: SessionStats };
  /** Sessions that link the same domain entity (newest link first). */
  'entities/sessions': { args: { entity_table: string; entity_id: string }; result: SessionSummary[] };
  /** A session tree's lanes, time span, density for the minimap and critical path; null if unknown. */
  'timeline/overview': { args: { session_id: SessionId }; result: TimelineOverview | null };
  /** A window of timeline rows by index (children collapsed as asked). */
  'timeline/window': { args: TimelineWindowArgs; result: TimelineWindow };
  /** One timeline item with its tool call / decision / transformation and entity links. */
  'timeline/item': { args: { event_id: EventId }; result: TimelineItemDetail | null };
  /** Read-only SQL over the workspace; writes, DDL, ATTACH, COPY, INSTALL and LOAD are refused. */
  'query/run': { args: { sql: string; limit?: number }; result: QueryResult };

  // watch
  /** The folders the file tracker may follow (allowed and watched roots), each with its state. */
  'watch/list': { args: void; result: WatchList };
  /** Starts following an allowed root, chosen by id: imports what is there, then keeps it in step. */
  'watch/add': { args: { root_id: string }; result: WatchList };
  /** Stops following a root; its rows stay in the workspace. */
  'watch/remove': { args: { root_id: string }; result: WatchList };
  /** Pauses or resumes every watched root; resuming catches up from where each file was read. */
  'watch/pause': { args: { paused: boolean }; result: WatchList };
}

/** What a desktop menu item (or its shortcut) asks the renderer to do. */
export type AppCommand =
  | 'import-folder'
  | 'import-files'
  | 'open-workspace'
  | 'new-workspace'
  | 'export'
  | 'view-sessions'
  | 'view-tasks'
  | 'view-chains'
  | 'view-sql'
  | 'show-shortcuts'
  | 'show-about';

export interface Events {
  /** Rows were added or replaced (by an import, the tracker or the watcher). */
  'store/changed': { tables: string[] };
  /** A menu item of the desktop shell was chosen; the renderer runs the command. */
  'app/command': { command: AppCommand };

  // watch
  /** Lines appended to a watched action log reached the workspace. */
  'watch/appended': WatchAppended;
  /** Files of a watched root were imported (a new or changed session folder or JSON manifest). */
  'watch/imported': WatchImported;
}

export type CallKey = keyof Contract;
export type EventKey = keyof Events;
export type Args<K extends CallKey> = Contract[K]['args'];
export type Result<K extends CallKey> = Contract[K]['result'];

/** Every call key, once: `satisfies` makes a missing or extra key a compile error. */
const callTable = {
  'workspace/info': true,
  'projects/list': true,
  'sessions/list': true,
  'sessions/trace': true,
  'sessions/stats': true,
  'entities/sessions': true,
  'timeline/overview': true,
  'timeline/window': true,
  'timeline/item': true,
  'query/run': true,
  'watch/list': true,
  'watch/add': true,
  'watch/remove': true,
  'watch/pause': true,
} as const satisfies Record<CallKey, true>;

const eventTable = {
  'store/changed': true,
  'app/command': true,
  'watch/appended': true,
  'watch/imported': true,
} as const satisfies Record<EventKey, true>;

export const CALL_KEYS = Object.keys(callTable) as CallKey[];
export const EVENT_KEYS = Object.keys(eventTable) as EventKey[];

export function isCallKey(k: unknown): k is CallKey {
  return typeof k === 'string' && Object.prototype.hasOwnProperty.call(callTable, k);
}

/** What a transport implements: one async method per call key. */
export type ContractHandlers = { [K in CallKey]: (args: Args<K>) => Promise<Result<K>> };
