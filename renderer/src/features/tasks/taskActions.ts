/**
 * The task view's calls to the service, each applying its result to the store: edits patch the
 * graph locally (no reload), a refused edge records its cycle path for the graph to highlight.
 */
import type { EdgeKind, Task, TaskComment, TaskEdge, TaskGraphId } from '../../../../shared/model/tasks.js';
import type { CreateTaskArgs } from '../../../../shared/model/taskCalls.js';
import { fromWire, fromWireValue } from '../../../../shared/tasks/wire.js';
import type { Api } from '../../api/index.js';
import type { TaskGraphStore } from '../../stores/taskGraphStore.js';
import { withComment, withEdge, withLabel, withoutEdge, withTask } from '../../stores/taskGraphTransforms.js';

type Store = { getState(): TaskGraphStore };

export function taskActions(api: Api, store: Store) {
  const s = () => store.getState();
  const gid = () => s().graphId as TaskGraphId;
  const guard = async <T>(fn: () => Promise<T>): Promise<T | undefined> => {
    try {
      // A new action replaces the last one's message and refused cycle.
      s().setError(null);
      if (s().cyclePath) s().setCyclePath(null);
      return await fn();
    } catch (e) {
      s().setError((e as Error).message);
      return undefined;
    }
  };
  return {
    loadGraphs: () =>
      guard(async () => {
        const graphs = await api.call('tasks/graphs');
        s().setGraphs(graphs);
        if (s().graphId === null && graphs[0]) await openGraph(graphs[0].graph_id);
      }),
    openGraph: (id: number) => openGraph(id),
    createTask: (args: Omit<CreateTaskArgs, 'graph_id'>) =>
      guard(async () => {
        const task = fromWireValue<Task>(await api.call('tasks/createTask', { ...args, graph_id: gid() }));
        s().updateGraph((g) => withTask(g, task));
        s().select(task.id);
        return task;
      }),
    addEdge: (source_id: string, target_id: string, kind: EdgeKind) =>
      guard(async () => {
        const r = await api.call('tasks/addEdge', { graph_id: gid(), source_id, target_id, kind });
        s().setPendingEdge(null);
        if (!r.ok) {
          s().setError(r.message);
          s().setCyclePath(r.code === 'cycle' ? r.path : null);
          return;
        }
        if (r.edge) s().updateGraph((g) => withEdge(g, fromWireValue<TaskEdge>(r.edge!)));
      }),
    removeEdge: (source_id: string, target_id: string, kind: EdgeKind) =>
      guard(async () => {
        await api.call('tasks/removeEdge', { graph_id: gid(), source_id, target_id, kind });
        s().updateGraph((g) => withoutEdge(g, source_id, target_id, kind));
      }),
    close: (task_id: string, reason: string) =>
      guard(async () => {
        const task = fromWireValue<Task>(await api.call('tasks/close', { graph_id: gid(), task_id, reason }));
        s().updateGraph((g) => withTask(g, task));
      }),
    addLabel: (task_id: string, name: string) =>
      guard(async () => {
        await api.call('tasks/addLabel', { graph_id: gid(), task_id, name });
        s().updateGraph((g) => withLabel(g, task_id, name));
      }),
    addComment: (task_id: string, author_id: string, body: string) =>
      guard(async () => {
        const c = fromWireValue<TaskComment>(
          await api.call('tasks/addComment', { graph_id: gid(), task_id, author_id, body }),
        );
        s().updateGraph((g) => withComment(g, c));
      }),
    sessions: (task_id: string) => guard(() => api.call('tasks/sessions', { task_id })),
    exportSqlite: () =>
      guard(async () => {
        const out = await api.call('tasks/exportSqlite', { graph_id: gid() });
        download(out.file_name, out.base64);
      }),
  };

  async function openGraph(id: number) {
    return guard(async () => {
      s().startLoading(id);
      const wire = await api.call('tasks/graph', { graph_id: id as TaskGraphId });
      if (s().graphId === id) s().setGraph(id, wire ? fromWire(wire) : null);
    });
  }
}

export type TaskActions = ReturnType<typeof taskActions>;

/** Saves bytes through the browser's download (no path ever crosses the contract). */
function download(fileName: string, base64: string): void {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/vnd.sqlite3' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
