import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { ContractHandlers, EventKey, Events, WorkspaceInfo } from '../shared/ipc/contract.js';
import { getSessionDetail, getSessionTrace, listProjects, listSessions } from './store/sessionRepository.js';
import { runReadOnlyQuery } from './store/readOnlyQuery.js';
import { sessionStats, sessionsForEntity } from './store/sessionStats.js';
import { timelineItem } from './store/timelineItem.js';
import { TimelineRepository } from './store/timelineRepository.js';
import { int } from './store/values.js';
import { TaskService } from './taskService.js';
import { ImportService, type PathPicker } from './importService.js';
import { Workspace } from './store/workspace.js';
import { createSampleWorkspace, sampleWorkspacePath } from './sample/sampleWorkspace.js';
import { alignChains } from '../shared/chains/diff/alignChains.js';
import { compareChains } from '../shared/chains/diff/compareChains.js';
import { diffToHtml } from '../shared/chains/diff/diffHtml.js';
import { diffToText } from '../shared/chains/diff/diffText.js';
import type { ChainAlignment, ChainDiff } from '../shared/model/chainWorkspace.js';
import { getChain, listChains } from './store/chainRepository.js';
import { resolveChainRef } from './store/chainRefs.js';
import { sessionDecisionChain } from './store/sessionDecisionChain.js';
import type { WatcherOptions } from './watcher/provenanceWatcher.js';
import { WorkspaceWatch } from './watcher/workspaceWatch.js';
import type { WatchRoot } from '../shared/model/watch.js';
import { ExportService } from './exportService.js';

/** A project root or its `.claude/provenance` folder: what the file tracker follows. */
function isProjectFolder(path: string): boolean {
  return (
    existsSync(join(path, '.claude', 'provenance')) ||
    (basename(path) === 'provenance' && existsSync(join(path, 'sessions')))
  );
}

export interface ServiceOptions {
  /** Folders the browser mode may import from (`provex serve --allow-root`); the app uses dialogs instead. */
  allowRoots?: string[];
  /** Where the sample workspace lives (default: beside the default workspace in the user-data folder). */
  samplePath?: string;
  /** OS dialogs for `import/run {dialog}` (the desktop app injects Electron's). */
  pick?: PathPicker;
  /** Where dropped files are kept (default: `<user data>/uploads`). */
  uploadsDir?: string;
  /** How the file tracker follows watched roots (polling interval, forced polling). */
  watcher?: WatcherOptions;
}

/**
 * The contract implemented over the store, importers, tracker and watcher. Every transport
 * (Electron IPC, HTTP, the CLI) calls these methods; none has logic of its own.
 */
export class Service implements ContractHandlers {
  private readonly events = new EventEmitter();
  private current!: Workspace;
  private timeline!: TimelineRepository;
  private tasks!: TaskService;
  private readonly imports: ImportService;
  private exports!: ExportService;
  private watching: WorkspaceWatch | null = null;

  constructor(
    ws: Workspace,
    readonly options: ServiceOptions = {},
  ) {
    this.events.setMaxListeners(100);
    this.attach(ws);
    this.imports = new ImportService({
      allowRoots: options.allowRoots ?? [],
      ...(options.pick ? { pick: options.pick } : {}),
      ...(options.uploadsDir ? { uploadsDir: options.uploadsDir } : {}),
      onProgress: (p) => this.emit('import/progress', p),
      onImported: async (paths, report, uploaded) => {
        if (report.sources.some((s) => s.status !== 'unchanged'))
          this.emit('store/changed', { tables: ['*'] });
        // Imported project folders are kept in step as agents write to them (not uploaded copies).
        if (!uploaded)
          for (const p of paths.filter(isProjectFolder)) await this.watchRoot(p).catch(() => undefined);
      },
    });
    // Cached timeline orderings are stale once rows change.
    this.on('store/changed', () => this.timeline.invalidate());
  }

  /** The open workspace; every call reads it anew, so a switch reaches all of them. */
  get ws(): Workspace {
    return this.current;
  }

  /** Binds the per-workspace helpers to `ws`. */
  private attach(ws: Workspace): void {
    this.current = ws;
    this.timeline = new TimelineRepository(ws);
    this.tasks = new TaskService(ws, (tables) => this.emit('store/changed', { tables }));
    this.exports = new ExportService(ws, this.tasks.repo);
  }

  /** Closes the open workspace and continues on another one; every view reloads. */
  async switchWorkspace(path: string): Promise<WorkspaceInfo> {
    if (path === this.current.path) return this['workspace/info']();
    const next = await Workspace.open(path);
    const previous = this.current;
    // The file tracker writes into the workspace it was made for: stop it with that workspace.
    await this.watching?.close();
    this.watching = null;
    this.attach(next);
    await previous.checkpoint().catch(() => undefined);
    previous.close();
    this.emit('store/changed', { tables: ['*'] });
    return this['workspace/info']();
  }

  /** Opens the sample workspace, generating it the first time. */
  async 'workspace/openSample'(): Promise<WorkspaceInfo> {
    const path = this.options.samplePath ?? sampleWorkspacePath();
    if (!existsSync(path)) await createSampleWorkspace(path);
    return this.switchWorkspace(path);
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
    await this.watching?.close();
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

  async 'import/roots'() {
    return this.imports.listRoots();
  }

  async 'import/browse'({ root_id, at }: Parameters<ContractHandlers['import/browse']>[0]) {
    return this.imports.browse(root_id, at);
  }

  'import/run'(args: Parameters<ContractHandlers['import/run']>[0]) {
    return this.imports.run(this.ws, args);
  }

  'import/upload'(args: Parameters<ContractHandlers['import/upload']>[0]) {
    return this.imports.upload(this.ws, args);
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

  'chains/list'(args: Parameters<ContractHandlers['chains/list']>[0]) {
    return listChains(this.ws, args ?? {});
  }

  'chains/get'({ chain_id }: Parameters<ContractHandlers['chains/get']>[0]) {
    return getChain(this.ws, chain_id);
  }

  async 'chains/diff'(args: Parameters<ContractHandlers['chains/diff']>[0]): Promise<ChainDiff> {
    const [a, b] = await Promise.all([resolveChainRef(this.ws, args.a), resolveChainRef(this.ws, args.b)]);
    const result = compareChains(a.chain, b.chain, {
      matchBy: args.match_by ?? 'auto',
      ignoreTimestamps: !args.compare_timestamps,
    });
    return {
      a: { ref: a.ref, label: a.label },
      b: { ref: b.ref, label: b.label },
      result,
      text: diffToText(result),
      ...(args.html ? { html: diffToHtml(result, a.chain, b.chain) } : {}),
    };
  }

  async 'chains/align'({ a, b }: Parameters<ContractHandlers['chains/align']>[0]): Promise<ChainAlignment> {
    const [left, right] = await Promise.all([resolveChainRef(this.ws, a), resolveChainRef(this.ws, b)]);
    return { a: left, b: right, alignment: alignChains(left.chain, right.chain) };
  }

  'chains/sessionDecisions'({ session_id }: Parameters<ContractHandlers['chains/sessionDecisions']>[0]) {
    return sessionDecisionChain(this.ws, session_id);
  }

  /**
   * Watches a folder (a project root or its `.claude/provenance`): imports what is there, then
   * keeps it in the workspace until closed. For the main process and the CLI only (the import
   * and CLI paths, `provex watch`, `provex serve --watch`): the contract picks roots by id.
   */
  watchRoot(path: string): Promise<WatchRoot> {
    return this.watch.watchPath(path);
  }

  /** The file tracker, made on first use (no timers or file handles before a root is watched). */
  private get watch(): WorkspaceWatch {
    this.watching ??= new WorkspaceWatch(this.ws, {
      allowRoots: this.options.allowRoots ?? [],
      ...(this.options.watcher ? { watcher: this.options.watcher } : {}),
      onAppended: (e) => this.emit('watch/appended', e),
      onImported: (e) => this.emit('watch/imported', e),
      onStoreChanged: (tables) => this.emit('store/changed', { tables }),
    });
    return this.watching;
  }

  async 'watch/list'() {
    return this.watch.list();
  }

  'watch/add'({ root_id }: Parameters<ContractHandlers['watch/add']>[0]) {
    return this.watch.add(root_id);
  }

  'watch/remove'({ root_id }: Parameters<ContractHandlers['watch/remove']>[0]) {
    return this.watch.remove(root_id);
  }

  async 'watch/pause'({ paused }: Parameters<ContractHandlers['watch/pause']>[0]) {
    return this.watch.pause(paused);
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
