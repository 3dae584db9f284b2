/**
 * A ContractService with canned answers, for transport tests: it records every call it receives
 * and lets the test emit events. `sessions/trace` of "missing" throws a user-facing error,
 * `query/run` of "crash" an internal one.
 */
import type { Args, CallKey, EventKey, Events } from '../../shared/ipc/contract.js';
import { asChainId, asEventId, asProjectId, asSessionId } from '../../shared/model/ids.js';
import { zeroCounts } from '../../shared/model/imports.js';
import type { ContractService } from '../../electron/serviceTypes.js';
import { asAgentId, asCommentId, asTaskGraphId } from '../../shared/model/tasks.js';
import { asTaskId } from '../../shared/model/ids.js';
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

  async 'workspace/openSample'() {
    this.record('workspace/openSample', undefined);
    return this['workspace/info']();
  }

  async 'projects/list'() {
    this.record('projects/list', undefined);
    return [{ project_id: asProjectId(1), name: 'demo', root_path: null, session_count: 2 }];
  }

  async 'sessions/list'(args: Args<'sessions/list'>) {
    this.record('sessions/list', args);
    return { total: 0, offset: args.offset ?? 0, rows: [] };
  }

  async 'sessions/detail'(args: Args<'sessions/detail'>) {
    this.record('sessions/detail', args);
    return null;
  }

  async 'sessions/trace'(args: Args<'sessions/trace'>) {
    this.record('sessions/trace', args);
    if (args.session_id === 'missing') {
      throw Object.assign(new Error(`no session ${args.session_id}`), { userFacing: true, status: 404 });
    }
    return null;
  }

  async 'import/roots'() {
    this.record('import/roots', undefined);
    return { roots: [{ root_id: '7a6b8e14cbb1', label: 'projects (/tmp)' }], dialogs: false };
  }

  async 'import/browse'(args: Args<'import/browse'>) {
    this.record('import/browse', args);
    return { root_id: args.root_id, at: args.at, entries: [] };
  }

  async 'import/run'(args: Args<'import/run'>) {
    this.record('import/run', args);
    return { sources: [], totals: zeroCounts(), errors: [] };
  }

  async 'import/upload'(args: Args<'import/upload'>) {
    this.record('import/upload', args);
    return { sources: [], totals: zeroCounts(), errors: [] };
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

  // tasks: one empty graph, so transport tests can walk every key.

  async 'tasks/graphs'() {
    this.record('tasks/graphs', undefined);
    return [];
  }

  async 'tasks/graph'(args: Args<'tasks/graph'>) {
    this.record('tasks/graph', args);
    return null;
  }

  async 'tasks/createTask'(args: Args<'tasks/createTask'>) {
    this.record('tasks/createTask', args);
    return this.fakeTask(args.namespace, args.title, args);
  }

  private async fakeTask(namespace: string, title: string, args?: Args<'tasks/createTask'>) {
    return {
      id: asTaskId(`${namespace}--019df2b0-0000-7000-8000-000000000000`),
      namespace,
      title,
      description: args?.description ?? '',
      status: 'open' as 'open' | 'closed',
      priority: args?.priority ?? 'medium',
      type: args?.type ?? 'task',
      phase: args?.phase ?? 'unscoped',
      owner_id: null,
      notes: '',
      created_at: '1777899600000000000',
      updated_at: '1777899600000000000',
      closed_at: null,
      close_reason: '',
    };
  }

  async 'tasks/addEdge'(args: Args<'tasks/addEdge'>) {
    this.record('tasks/addEdge', args);
    return { ok: false as const, code: 'cycle' as const, message: 'cycle detected', path: [args.source_id] };
  }

  async 'tasks/removeEdge'(args: Args<'tasks/removeEdge'>) {
    this.record('tasks/removeEdge', args);
    return { removed: true as const };
  }

  async 'tasks/close'(args: Args<'tasks/close'>) {
    this.record('tasks/close', args);
    const task = await this.fakeTask('demo', 'closed task');
    return { ...task, status: 'closed' as const, close_reason: args.reason, closed_at: task.updated_at };
  }

  async 'tasks/addLabel'(args: Args<'tasks/addLabel'>) {
    this.record('tasks/addLabel', args);
    return { task_id: args.task_id, name: args.name };
  }

  async 'tasks/addComment'(args: Args<'tasks/addComment'>) {
    this.record('tasks/addComment', args);
    return {
      id: asCommentId('demo--019df2b0-0000-7000-8000-000000000001'),
      task_id: asTaskId(args.task_id),
      author_id: asAgentId(args.author_id),
      body: args.body,
      created_at: '1777899600000000000',
    };
  }

  async 'tasks/sessions'(args: Args<'tasks/sessions'>) {
    this.record('tasks/sessions', args);
    return [];
  }

  async 'tasks/exportSqlite'(args: Args<'tasks/exportSqlite'>) {
    this.record('tasks/exportSqlite', args);
    return { file_name: 'fake.sqlite', byte_length: 3, base64: 'AAEC' };
  }

  async 'chains/list'(args: Args<'chains/list'>) {
    this.record('chains/list', args);
    return { total: 0, offset: args.offset ?? 0, rows: [] };
  }

  async 'chains/get'(args: Args<'chains/get'>) {
    this.record('chains/get', args);
    return null;
  }

  async 'chains/diff'(args: Args<'chains/diff'>) {
    this.record('chains/diff', args);
    const result = {
      matchBy: 'content' as const,
      added: [],
      removed: [],
      modified: [],
      confidenceDeltas: [],
      similarity: 1,
      summary: '0 added, 0 removed, 0 modified',
    };
    return { a: { ref: args.a, label: 'A' }, b: { ref: args.b, label: 'B' }, result, text: '' };
  }

  async 'chains/align'(args: Args<'chains/align'>) {
    this.record('chains/align', args);
    const chain = {
      id: 'c',
      name: 'c',
      description: null,
      events: [],
      metadata: {},
      created_at: '2025-01-15T10:30:00Z',
      updated_at: '2025-01-15T10:30:00Z',
    };
    const counts = { same: 0, modified: 0, added: 0, removed: 0, moved: 0 };
    return {
      a: { ref: args.a, label: 'A', chain },
      b: { ref: args.b, label: 'B', chain },
      alignment: { rows: [], firstDivergence: null, changeIndices: [], counts },
    };
  }

  async 'chains/sessionDecisions'(args: Args<'chains/sessionDecisions'>) {
    this.record('chains/sessionDecisions', args);
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

  private file(name: string) {
    return { file_name: name, mime: 'text/plain', encoding: 'text' as const, content: 'fake' };
  }

  async 'export/session'(args: Args<'export/session'>) {
    this.record('export/session', args);
    return this.file('session.sequence.mmd');
  }

  async 'export/project'(args: Args<'export/project'>) {
    this.record('export/project', args);
    return this.file('demo.prov.json');
  }

  async 'export/tasks'(args: Args<'export/tasks'>) {
    this.record('export/tasks', args);
    return this.file('tasks.flowchart.mmd');
  }

  async 'export/chain'(args: Args<'export/chain'>) {
    this.record('export/chain', args);
    return this.file('chain.flowchart.mmd');
  }

  async 'export/diff'(args: Args<'export/diff'>) {
    this.record('export/diff', args);
    return this.file('diff.flowchart.mmd');
  }

  async 'export/table'(args: Args<'export/table'>) {
    this.record('export/table', args);
    return this.file('query.csv');
  }

  async 'sql/saved'() {
    this.record('sql/saved', undefined);
    return [{ id: 'user:1', name: 'mine', description: '', sql: 'SELECT 1', params: [], builtin: false }];
  }

  async 'sql/save'(args: Args<'sql/save'>) {
    this.record('sql/save', args);
    return {
      id: 'user:2',
      name: args.name,
      description: args.description ?? '',
      sql: args.sql,
      params: [],
      builtin: false,
    };
  }

  async 'sql/delete'(args: Args<'sql/delete'>) {
    this.record('sql/delete', args);
    return { deleted: true };
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
  'workspace/openSample': undefined,
  'projects/list': undefined,
  'sessions/list': { project: 'demo', sort: 'start_time', descending: true, limit: 10 },
  'sessions/detail': { session_id: asSessionId('s-1') },
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
  'import/roots': undefined,
  'import/browse': { root_id: '7a6b8e14cbb1', at: 'MicroGrowAgents' },
  'import/run': { root_id: '7a6b8e14cbb1', entries: ['MicroGrowAgents'], kind: 'claude' },
  'import/upload': { name: 'dropped', items: [{ relative: 'a/manifest.yaml', base64: 'c2Vzc2lvbjoge30K' }] },
  'query/run': { sql: 'SELECT 1 AS x', limit: 5 },
  'tasks/graphs': undefined,
  'tasks/graph': { graph_id: asTaskGraphId(1) },
  'tasks/createTask': {
    graph_id: asTaskGraphId(1),
    namespace: 'demo',
    title: 'Write tests',
    phase: 'unscoped',
  },
  'tasks/addEdge': { graph_id: asTaskGraphId(1), source_id: 'a--x', target_id: 'b--y', kind: 'blocked_by' },
  'tasks/removeEdge': {
    graph_id: asTaskGraphId(1),
    source_id: 'a--x',
    target_id: 'b--y',
    kind: 'blocked_by',
  },
  'tasks/close': { graph_id: asTaskGraphId(1), task_id: 'a--x', reason: 'done' },
  'tasks/addLabel': { graph_id: asTaskGraphId(1), task_id: 'a--x', name: 'area:parser' },
  'tasks/addComment': { graph_id: asTaskGraphId(1), task_id: 'a--x', author_id: 'h--y', body: 'LGTM' },
  'tasks/sessions': { task_id: 'a--x' },
  'tasks/exportSqlite': { graph_id: asTaskGraphId(1) },
  'chains/list': { search: 'state', limit: 10 },
  'chains/get': { chain_id: asChainId('c-1') },
  'chains/diff': {
    a: { kind: 'chain', id: asChainId('c-1') },
    b: { kind: 'session', id: asSessionId('s-1') },
    match_by: 'content',
  },
  'chains/align': { a: { kind: 'chain', id: asChainId('c-1') }, b: { kind: 'chain', id: asChainId('c-2') } },
  'chains/sessionDecisions': { session_id: asSessionId('s-1') },
  'watch/list': undefined,
  'watch/add': { root_id: 'a1b2c3d4e5f6' },
  'watch/remove': { root_id: 'a1b2c3d4e5f6' },
  'watch/pause': { paused: true },
  'export/session': { session_id: asSessionId('s-1'), format: 'mermaid-sequence', with_children: true },
  'export/project': { project: 'demo', format: 'prov-json' },
  'export/tasks': { graph_id: asTaskGraphId(1), format: 'mermaid-flowchart', task_ids: ['a--x'] },
  'export/chain': { chain_id: 'c-1', format: 'mermaid-flowchart' },
  'export/diff': { a: 'c-1', b: 'c-2', format: 'mermaid-flowchart' },
  'export/table': { sql: 'SELECT 1 AS x', format: 'csv', limit: 10 },
  'sql/saved': undefined,
  'sql/save': { name: 'mine', sql: 'SELECT 1', description: 'one' },
  'sql/delete': { id: 'user:1' },
};
