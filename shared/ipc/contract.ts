/**
 * THE typed API between the renderer (or the CLI, or HTTP) and the main process.
 * Every call is one entry `'domain/verb': { args; result }`, every event one entry in `Events`.
 * Adding a call = one line here + one method in electron/service.ts; the transports iterate
 * `CALL_KEYS`, so a channel outside this file cannot exist.
 */
import type {
  Project,
  SessionDetail,
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
import type { ImportReport } from '../model/imports.js';
import type {
  BrowseResult,
  ImportProgressEvent,
  ImportRequest,
  ImportRoots,
  ImportUpload,
} from '../model/importCalls.js';
import type { TaskGraphId, TaskGraphSummary } from '../model/tasks.js';
import type {
  AddEdgeResult,
  CreateTaskArgs,
  TaskCommentWire,
  TaskEdgeArgs,
  TaskSessionLink,
  TaskSqliteExport,
  TaskWire,
} from '../model/taskCalls.js';
import type { TaskGraphWire } from '../tasks/wire.js';
import type { ChainId, EventId, SessionId } from '../model/ids.js';
import type { Chain } from '../model/chains.js';
import type {
  ChainAlignment,
  ChainDiff,
  ChainDiffArgs,
  ChainListArgs,
  ChainPage,
  ChainRef,
  StoredChain,
} from '../model/chainWorkspace.js';
import type { WatchAppended, WatchImported, WatchList } from '../model/watch.js';
import type {
  ChainExportFormatName,
  DiffExportFormat,
  ExportedFile,
  ProjectExportFormat,
  SessionExportFormat,
  TableExportFormat,
  TaskExportFormat,
} from '../model/exports.js';
import type { SaveQueryArgs, SavedQuery } from '../model/savedQueries.js';

export interface WorkspaceInfo {
  path: string;
  schema_version: number;
  read_only: boolean;
  counts: { sessions: number; events: number; tasks: number; chains: number };
}

export interface Contract {
  /** Which workspace file is open, its schema version and row counts. */
  'workspace/info': { args: void; result: WorkspaceInfo };
  /** Switches to the sample workspace (generated demo data), creating it on first use. */
  'workspace/openSample': { args: void; result: WorkspaceInfo };
  /** Projects with at least one session (name, root path, session count). */
  'projects/list': { args: void; result: Project[] };
  /** A page of sessions matching a filter, sorted; `total` counts every match. */
  'sessions/list': { args: SessionFilter; result: SessionPage };
  /**
   * One session's record (summary.md, manifest, environment) without its events, or null: the
   * timeline shows it for sessions of any size, where `sessions/trace` would carry every event.
   */
  'sessions/detail': { args: { session_id: SessionId }; result: SessionDetail | null };
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
  // import
  /** Folders importable without a dialog (browser mode's allowed roots), and whether OS dialogs exist. */
  'import/roots': { args: void; result: ImportRoots };
  /** The entries of a folder inside an allowed root, with what each would import as. */
  'import/browse': { args: { root_id: string; at: string }; result: BrowseResult };
  /** Imports entries of an allowed root, or what the user picks in the OS dialog; progress as `import/progress`. */
  'import/run': { args: ImportRequest; result: ImportReport };
  /** Imports dropped files (their bytes), kept under the user-data folder. */
  'import/upload': { args: ImportUpload; result: ImportReport };
  /** Read-only SQL over the workspace; writes, DDL, ATTACH, COPY, INSTALL and LOAD are refused. */
  'query/run': { args: { sql: string; limit?: number }; result: QueryResult };
  // tasks
  /** Task graphs in the workspace with their generation, read-only flag and task/edge/open counts. */
  'tasks/graphs': { args: void; result: TaskGraphSummary[] };
  /** One whole graph, timestamps as decimal strings; Ready/Blocked are derived by the caller (shared/tasks); null if unknown. */
  'tasks/graph': { args: { graph_id: TaskGraphId }; result: TaskGraphWire | null };
  /** `Create` a task in a writable graph (status open, no owner); returns the stored task. */
  'tasks/createTask': { args: CreateTaskArgs; result: TaskWire };
  /** `AddEdge`: blocked_by edges are validated; a refusal (duplicate, cycle with its path…) is returned, not thrown. */
  'tasks/addEdge': { args: TaskEdgeArgs; result: AddEdgeResult };
  /** `RemoveEdge`: idempotent. */
  'tasks/removeEdge': { args: TaskEdgeArgs; result: { removed: true } };
  /** `CloseTask` with a reason; refused when the task is already closed. */
  'tasks/close': { args: { graph_id: TaskGraphId; task_id: string; reason: string }; result: TaskWire };
  /** `AddLabel`: idempotent. */
  'tasks/addLabel': {
    args: { graph_id: TaskGraphId; task_id: string; name: string };
    result: { task_id: string; name: string };
  };
  /** `AddComment` by an agent of the graph; the comment id takes the task's namespace. */
  'tasks/addComment': {
    args: { graph_id: TaskGraphId; task_id: string; author_id: string; body: string };
    result: TaskCommentWire;
  };
  /** Agent sessions that reference a task (entity links to tasks/task, or the id in event details), newest first. */
  'tasks/sessions': { args: { task_id: string }; result: TaskSessionLink[] };
  /** A graph as a classic Go tracker SQLite file: the bytes (base64) and a suggested file name. */
  'tasks/exportSqlite': { args: { graph_id: TaskGraphId }; result: TaskSqliteExport };

  // chains
  /** Workspace chains (name, events, types, mean confidence, experiments) matching a search, newest first. */
  'chains/list': { args: ChainListArgs; result: ChainPage };
  /** One workspace chain, metadata with number kinds kept (`{ $number: "1.0" }`); null if unknown. */
  'chains/get': { args: { chain_id: ChainId }; result: StoredChain | null };
  /** The reference diff (§5) of two chains or sessions' decision sequences, with its exact text. */
  'chains/diff': { args: ChainDiffArgs; result: ChainDiff };
  /** The aligned side-by-side model of two chains or decision sequences, with both chains. */
  'chains/align': { args: { a: ChainRef; b: ChainRef }; result: ChainAlignment };
  /** A session's decisions as a chain (one event per decision, time order); null if the session is unknown. */
  'chains/sessionDecisions': { args: { session_id: SessionId }; result: Chain | null };

  // watch
  /** The folders the file tracker may follow (allowed and watched roots), each with its state. */
  'watch/list': { args: void; result: WatchList };
  /** Starts following an allowed root, chosen by id: imports what is there, then keeps it in step. */
  'watch/add': { args: { root_id: string }; result: WatchList };
  /** Stops following a root; its rows stay in the workspace. */
  'watch/remove': { args: { root_id: string }; result: WatchList };
  /** Pauses or resumes every watched root; resuming catches up from where each file was read. */
  'watch/pause': { args: { paused: boolean }; result: WatchList };
  // export
  /** A session (with its descendants unless `with_children` is false) as a diagram, PROV, JSON, or a `.claude/provenance` tar. */
  'export/session': {
    args: { session_id: SessionId; format: SessionExportFormat; with_children?: boolean };
    result: ExportedFile;
  };
  /** Every session of a project (id or name) as PROV, a session table, or a `.claude/provenance` tar. */
  'export/project': { args: { project: string; format: ProjectExportFormat }; result: ExportedFile };
  /** A task graph (or the listed tasks of it) as a flowchart with status classes, PROV, JSON or a Go tracker SQLite file. */
  'export/tasks': {
    args: { graph_id: TaskGraphId; format: TaskExportFormat; task_ids?: string[] };
    result: ExportedFile;
  };
  /** A workspace chain as a CrucibleTrace export (JSON, markdown, CSV, viewer HTML), PROV, or a Mermaid diagram in the render-safe variant (the CLI gives the reference's bytes). */
  'export/chain': { args: { chain_id: string; format: ChainExportFormatName }; result: ExportedFile };
  /** Chain `a` against chain `b`: the aligned flowchart, the reference diff HTML, or the diff as JSON. */
  'export/diff': { args: { a: string; b: string; format: DiffExportFormat }; result: ExportedFile };
  /** A read-only query's result as CSV, JSON or Parquet (bytes); writes are refused as in `query/run`. */
  'export/table': { args: { sql: string; format: TableExportFormat; limit?: number }; result: ExportedFile };
  // sql
  /** The SQL console's saved queries: the reference ProvenanceQueries (built in), then the user's. */
  'sql/saved': { args: void; result: SavedQuery[] };
  /** Saves a query under a name (an existing name of the user's is replaced). */
  'sql/save': { args: SaveQueryArgs; result: SavedQuery };
  /** Deletes one of the user's saved queries; built-in ones are refused. */
  'sql/delete': { args: { id: string }; result: { deleted: boolean } };
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
  /** How far a running import is (files, sessions, events); `done` on the last one. */
  'import/progress': ImportProgressEvent;
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
  'workspace/openSample': true,
  'projects/list': true,
  'sessions/list': true,
  'sessions/detail': true,
  'sessions/trace': true,
  'sessions/stats': true,
  'entities/sessions': true,
  'timeline/overview': true,
  'timeline/window': true,
  'timeline/item': true,
  'import/roots': true,
  'import/browse': true,
  'import/run': true,
  'import/upload': true,
  'query/run': true,
  'tasks/graphs': true,
  'tasks/graph': true,
  'tasks/createTask': true,
  'tasks/addEdge': true,
  'tasks/removeEdge': true,
  'tasks/close': true,
  'tasks/addLabel': true,
  'tasks/addComment': true,
  'tasks/sessions': true,
  'tasks/exportSqlite': true,
  'chains/list': true,
  'chains/get': true,
  'chains/diff': true,
  'chains/align': true,
  'chains/sessionDecisions': true,
  'watch/list': true,
  'watch/add': true,
  'watch/remove': true,
  'watch/pause': true,
  'export/session': true,
  'export/project': true,
  'export/tasks': true,
  'export/chain': true,
  'export/diff': true,
  'export/table': true,
  'sql/saved': true,
  'sql/save': true,
  'sql/delete': true,
} as const satisfies Record<CallKey, true>;

const eventTable = {
  'store/changed': true,
  'app/command': true,
  'import/progress': true,
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
