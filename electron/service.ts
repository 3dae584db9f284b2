import { EventEmitter } from 'node:events';
import type { ContractHandlers, EventKey, Events, WorkspaceInfo } from '../shared/ipc/contract.js';
import { getSessionDetail, getSessionTrace, listProjects, listSessions } from './store/sessionRepository.js';
import { runReadOnlyQuery } from './store/readOnlyQuery.js';
import { sessionStats, sessionsForEntity } from './store/sessionStats.js';
import { timelineItem } from './store/timelineItem.js';
import { TimelineRepository } from './store/timelineRepository.js';
import { int } from './store/values.js';
import { TaskService } from './taskService.js';
import { ExportService } from './exportService.js';
import type { Workspace } from './store/workspace.js';

export interface ServiceOptions {
  /** Folders the browser mode may import from (`provex serve --allow-root`); the app uses dialogs instead. */
  allowRoots?: string[];
}

/**
 * The contract implemented over the store, importers, tracker and watcher. Every transport
 * (Electron IPC, HTTP, the CLI) calls these methods; none has logic of its own.
 */
export class Service implements ContractHandlers {
  private readonly events = new EventEmitter();
  private readonly timeline: TimelineRepository;
  private readonly tasks: TaskService;
  private readonly exports: ExportService;

  constructor(
    readonly ws: Workspace,
    readonly options: ServiceOptions = {},
  ) {
    this.events.setMaxListeners(100);
    this.timeline = new TimelineRepository(ws);
    this.tasks = new TaskService(ws, (tables) => this.emit('store/changed', { tables }));
    this.exports = new ExportService(ws, this.tasks.repo);
    // Cached timeline orderings are stale once rows change.
    this.on('store/changed', () => this.timeline.invalidate());
  }

  on<E extends EventKey>(event: E, fn: (payload: Events[E]) => void): () => void {
    this.events.on(event, fn);
    return () => this.events.off(event, fn);
  }

  emit<E extends EventKey>(event: E, payload: Events[E]): void {
    this.events.emit(event, payload);
  }

  /** Closes the workspace (after a checkpoint, so the next open does not replay a WAL). */
  async close(): Promise<void> {
    if (this.ws.isClosed) return;
    await this.ws.checkpoint().catch(() => undefined);
    this.ws.close();
  }

  async 'workspace/info'(): Promise<WorkspaceInfo> {
    const [c] = await this.ws.all(`SELECT
      (SELECT COUNT(*) FROM provenance_sessions) AS sessions, (SELECT COUNT(*) FROM provenance_events) AS events,
      (SELECT COUNT(*) FROM tasks) AS tasks, (SELECT COUNT(*) FROM chains) AS chains`);
    return {
      path: this.ws.path,
      schema_version: await this.ws.schemaVersion(),
      read_only: this.ws.readOnly,
      counts: {
        sessions: int(c?.sessions),
        events: int(c?.events),
        tasks: int(c?.tasks),
        chains: int(c?.chains),
      },
    };
  }

  'projects/list'() {
    return listProjects(this.ws);
  }

  'sessions/list'(args: Parameters<ContractHandlers['sessions/list']>[0]) {
    return listSessions(this.ws, args ?? {});
  }

  'sessions/detail'({ session_id }: Parameters<ContractHandlers['sessions/detail']>[0]) {
    return getSessionDetail(this.ws, session_id);
  }

  'sessions/trace'({ session_id }: Parameters<ContractHandlers['sessions/trace']>[0]) {
    return getSessionTrace(this.ws, session_id);
  }

  'sessions/stats'(args: Parameters<ContractHandlers['sessions/stats']>[0]) {
    return sessionStats(this.ws, args ?? {});
  }

  'entities/sessions'({ entity_table, entity_id }: Parameters<ContractHandlers['entities/sessions']>[0]) {
    return sessionsForEntity(this.ws, entity_table, entity_id);
  }

  'timeline/overview'({ session_id }: Parameters<ContractHandlers['timeline/overview']>[0]) {
    return this.timeline.overview(session_id);
  }

  'timeline/window'(args: Parameters<ContractHandlers['timeline/window']>[0]) {
    return this.timeline.window(args);
  }

  'timeline/item'({ event_id }: Parameters<ContractHandlers['timeline/item']>[0]) {
    return timelineItem(this.ws, event_id);
  }

  'query/run'({ sql, limit }: Parameters<ContractHandlers['query/run']>[0]) {
    return runReadOnlyQuery(this.ws, sql, limit);
  }

  // tasks

  'tasks/graphs'() {
    return this.tasks.graphs();
  }

  'tasks/graph'(args: Parameters<ContractHandlers['tasks/graph']>[0]) {
    return this.tasks.graph(args);
  }

  'tasks/createTask'(args: Parameters<ContractHandlers['tasks/createTask']>[0]) {
    return this.tasks.createTask(args);
  }

  'tasks/addEdge'(args: Parameters<ContractHandlers['tasks/addEdge']>[0]) {
    return this.tasks.addEdge(args);
  }

  'tasks/removeEdge'(args: Parameters<ContractHandlers['tasks/removeEdge']>[0]) {
    return this.tasks.removeEdge(args);
  }

  'tasks/close'(args: Parameters<ContractHandlers['tasks/close']>[0]) {
    return this.tasks.close(args);
  }

  'tasks/addLabel'(args: Parameters<ContractHandlers['tasks/addLabel']>[0]) {
    return this.tasks.addLabel(args);
  }

  'tasks/addComment'(args: Parameters<ContractHandlers['tasks/addComment']>[0]) {
    return this.tasks.addComment(args);
  }

  'tasks/sessions'(args: Parameters<ContractHandlers['tasks/sessions']>[0]) {
    return this.tasks.sessions(args);
  }

  'tasks/exportSqlite'(args: Parameters<ContractHandlers['tasks/exportSqlite']>[0]) {
    return this.tasks.exportSqlite(args);
  }

  // export

  'export/session'(args: Parameters<ContractHandlers['export/session']>[0]) {
    return this.exports.session(args);
  }

  'export/project'(args: Parameters<ContractHandlers['export/project']>[0]) {
    return this.exports.project(args);
  }

  'export/tasks'(args: Parameters<ContractHandlers['export/tasks']>[0]) {
    return this.exports.taskGraph(args);
  }

  'export/chain'(args: Parameters<ContractHandlers['export/chain']>[0]) {
    return this.exports.chain(args);
  }

  'export/diff'(args: Parameters<ContractHandlers['export/diff']>[0]) {
    return this.exports.diff(args);
  }

  'export/table'(args: Parameters<ContractHandlers['export/table']>[0]) {
    return this.exports.table(args);
  }

  // sql

  'sql/saved'() {
    return this.exports.savedQueries();
  }

  'sql/save'(args: Parameters<ContractHandlers['sql/save']>[0]) {
    return this.exports.saveQuery(args);
  }

  'sql/delete'(args: Parameters<ContractHandlers['sql/delete']>[0]) {
    return this.exports.deleteQuery(args);
  }
}
