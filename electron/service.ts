import { EventEmitter } from 'node:events';
import type { ContractHandlers, EventKey, Events, WorkspaceInfo } from '../shared/ipc/contract.js';
import { getSessionTrace, listProjects, listSessions } from './store/sessionRepository.js';
import { runReadOnlyQuery } from './store/readOnlyQuery.js';
import { int } from './store/values.js';
import type { Workspace } from './store/workspace.js';

/**
 * The contract implemented over the store, importers, tracker and watcher. Every transport
 * (Electron IPC, HTTP, the CLI) calls these methods; none has logic of its own.
 */
export class Service implements ContractHandlers {
  private readonly events = new EventEmitter();

  constructor(readonly ws: Workspace) {
    this.events.setMaxListeners(100);
  }

  on<E extends EventKey>(event: E, fn: (payload: Events[E]) => void): () => void {
    this.events.on(event, fn);
    return () => this.events.off(event, fn);
  }

  emit<E extends EventKey>(event: E, payload: Events[E]): void {
    this.events.emit(event, payload);
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

  'query/run'({ sql, limit }: Parameters<ContractHandlers['query/run']>[0]) {
    return runReadOnlyQuery(this.ws, sql, limit);
  }
}
