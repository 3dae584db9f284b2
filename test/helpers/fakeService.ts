/**
 * A ContractService with canned answers, for transport tests: it records every call it receives
 * and lets the test emit events. `sessions/trace` of "missing" throws a user-facing error,
 * `query/run` of "crash" an internal one.
 */
import type { Args, CallKey, EventKey, Events } from '../../shared/ipc/contract.js';
import { asEventId, asProjectId, asSessionId } from '../../shared/model/ids.js';
import type { ContractService } from '../../electron/serviceTypes.js';
import type { WatchList } from '../../shared/model/watch.js';

export class FakeService implements ContractService {
  readonly calls: { key: CallKey; args: unknown }[] = [];
  private readonly listeners = new Map<EventKey, Set<(p: never) => void>>();

  private record<K extends CallKey>(key: K, args: Args<K>): void {
    this.calls.push({ key, args });
  }

  async 'workspace/info'() {
    this.record('workspace/info', undefined);
    return {
      path: '/tmp/fake.duckdb',
      schema_version: 1,
      read_only: false,
      counts: { sessions: 2, events: 3, tasks: 0, chains: 0 },
    };
  }

  async 'projects/list'() {
    this.record('projects/list', undefined);
    return [{ project_id: asProjectId(1), name: 'demo', root_path: null, session_count: 2 }];
  }

  async 'sessions/list'(args: Args<'sessions/list'>) {
    this.record('sessions/list', args);
    return { total: 0, offset: args.offset ?? 0, rows: [] };
  }

  async 'sessions/trace'(args: Args<'sessions/trace'>) {
    this.record('sessions/trace', args);
    if (args.session_id === 'missing') {
      throw Object.assign(new Error(`no session ${args.session_id}`), { userFacing: true, status: 404 });
    }
    return null;
  }

  async 'query/run'(args: Args<'query/run'>) {
    this.record('query/run', args);
    if (args.sql === 'crash') throw new Error('the fake database fell over');
    return { columns: [{ name: 'x', type: 'INTEGER' }], rows: [[1]], truncated: false };
  }

  async 'sessions/stats'(args: Args<'sessions/stats'>) {
    this.record('sessions/stats', args);
    return { total: 0, by_project: [], by_agent: [] };
  }

  async 'entities/sessions'(args: Args<'entities/sessions'>) {
    this.record('entities/sessions', args);
    return [];
  }

  async 'timeline/overview'(args: Args<'timeline/overview'>) {
    this.record('timeline/overview', args);
    return null;
  }

  async 'timeline/window'(args: Args<'timeline/window'>) {
    this.record('timeline/window', args);
    return { total_rows: 0, offset: args.offset, rows: [] };
  }

  async 'timeline/item'(args: Args<'timeline/item'>) {
    this.record('timeline/item', args);
    return null;
  }

  private watchList(): WatchList {
    return { paused: false, roots: [] };
  }

  async 'watch/list'() {
    this.record('watch/list', undefined);
    return this.watchList();
  }

  async 'watch/add'(args: Args<'watch/add'>) {
    this.record('watch/add', args);
    return this.watchList();
  }

  async 'watch/remove'(args: Args<'watch/remove'>) {
    this.record('watch/remove', args);
    return this.watchList();
  }

  async 'watch/pause'(args: Args<'watch/pause'>) {
    this.record('watch/pause', args);
    return { ...this.watchList(), paused: args.paused };
  }

  on<E extends EventKey>(event: E, listener: (payload: Events[E]) => void): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    const fn = listener as (p: never) => void;
    set.add(fn);
    return () => set.delete(fn);
  }

  emit<E extends EventKey>(event: E, payload: Events[E]): void {
    for (const fn of this.listeners.get(event) ?? []) (fn as (p: Events[E]) => void)(payload);
  }

  listenerCount(event: EventKey): number {
    return this.listeners.get(event)?.size ?? 0;
  }
}

export const sampleArgs: { [K in CallKey]: Args<K> } = {
  'workspace/info': undefined,
  'projects/list': undefined,
  'sessions/list': { project: 'demo', sort: 'start_time', descending: true, limit: 10 },
  'sessions/trace': { session_id: asSessionId('s-1') },
  'sessions/stats': { agent: 'SQLAgent' },
  'entities/sessions': { entity_table: 'media', entity_id: 'MP' },
  'timeline/overview': { session_id: asSessionId('s-1') },
  'timeline/window': {
    session_id: asSessionId('s-1'),
    offset: 0,
    limit: 50,
    collapsed: [asSessionId('s-2')],
  },
  'timeline/item': { event_id: asEventId('e-1') },
  'query/run': { sql: 'SELECT 1 AS x', limit: 5 },
  'watch/list': undefined,
  'watch/add': { root_id: 'a1b2c3d4e5f6' },
  'watch/remove': { root_id: 'a1b2c3d4e5f6' },
  'watch/pause': { paused: true },
};
