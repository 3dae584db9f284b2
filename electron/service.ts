import { EventEmitter } from 'node:events';
import type { ContractHandlers, EventKey, Events, WorkspaceInfo } from '../shared/ipc/contract.js';
import { getSessionTrace, listProjects, listSessions } from './store/sessionRepository.js';
import { runReadOnlyQuery } from './store/readOnlyQuery.js';
import { sessionStats, sessionsForEntity } from './store/sessionStats.js';
import { timelineItem } from './store/timelineItem.js';
import { TimelineRepository } from './store/timelineRepository.js';
import { int } from './store/values.js';
import type { Workspace } from './store/workspace.js';
import type { WatcherOptions } from './watcher/provenanceWatcher.js';
import { WorkspaceWatch } from './watcher/workspaceWatch.js';
import type { WatchRoot } from '../shared/model/watch.js';

export interface ServiceOptions {
  /** Folders the browser mode may import from (`provex serve --allow-root`); the app uses dialogs instead. */
  allowRoots?: string[];
  /** How the file tracker follows watched roots (polling interval, forced polling). */
  watcher?: WatcherOptions;
}

/**
 * The contract implemented over the store, importers, tracker and watcher. Every transport
 * (Electron IPC, HTTP, the CLI) calls these methods; none has logic of its own.
 */
export class Service implements ContractHandlers {
  private readonly events = new EventEmitter();
  private readonly timeline: TimelineRepository;
  private watching: WorkspaceWatch | null = null;

  constructor(
    readonly ws: Workspace,
    readonly options: ServiceOptions = {},
  ) {
    this.events.setMaxListeners(100);
    this.timeline = new TimelineRepository(ws);
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
}
