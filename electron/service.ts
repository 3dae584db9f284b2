import { EventEmitter } from 'node:events';
import type { ContractHandlers, EventKey, Events, WorkspaceInfo } from '../shared/ipc/contract.js';
import { getSessionTrace, listProjects, listSessions } from './store/sessionRepository.js';
import { runReadOnlyQuery } from './store/readOnlyQuery.js';
import { sessionStats, sessionsForEntity } from './store/sessionStats.js';
import { timelineItem } from './store/timelineItem.js';
import { TimelineRepository } from './store/timelineRepository.js';
import { int } from './store/values.js';
import { alignChains } from '../shared/chains/diff/alignChains.js';
import { compareChains } from '../shared/chains/diff/compareChains.js';
import { diffToHtml } from '../shared/chains/diff/diffHtml.js';
import { diffToText } from '../shared/chains/diff/diffText.js';
import type { ChainAlignment, ChainDiff } from '../shared/model/chainWorkspace.js';
import { getChain, listChains } from './store/chainRepository.js';
import { resolveChainRef } from './store/chainRefs.js';
import { sessionDecisionChain } from './store/sessionDecisionChain.js';
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
}
