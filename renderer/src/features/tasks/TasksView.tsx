/**
 * Task dependency graphs: pick a graph, filter, search, explore (select highlights ancestors and
 * descendants; arrows / h j k l walk along edges, Enter selects), edit, and export. Over
 * VISIBLE_NODE_BUDGET visible tasks the graph collapses into one node per phase or namespace;
 * tapping a group expands it while the total stays within the budget.
 */
import type { Core } from 'cytoscape';
import { useEffect, useMemo, useState } from 'react';
import { api } from '../../api/index.js';
import { CytoscapeGraph } from '../../components/CytoscapeGraph.js';
import { taskGraphStore, useTaskGraph } from '../../stores/taskGraphStore.js';
import { expandedTaskCount, searchTask, VISIBLE_NODE_BUDGET } from '../../stores/taskGraphTransforms.js';
import { CreateTaskForm } from './CreateTaskForm.js';
import { taskGraphStylesheet } from './cyStyle.js';
import { navDirection, navigate } from './keyboardNav.js';
import { taskActions } from './taskActions.js';
import { TaskDetailPanel } from './TaskDetailPanel.js';
import { TaskToolbar } from './TaskToolbar.js';
import { useGraphElements } from './useGraphElements.js';

export interface TasksViewProps {
  /** Opens an agent session (the shell decides how: a tab, the sessions view). */
  onOpenSession?: (sessionId: string) => void;
}

export function TasksView({ onOpenSession }: TasksViewProps) {
  const actions = useMemo(() => taskActions(api, taskGraphStore), []);
  const { model, visible, collapse, drawn, overlay, layingOut, layoutMs } = useGraphElements();
  const graphs = useTaskGraph((s) => s.graphs);
  const graphId = useTaskGraph((s) => s.graphId);
  const selectedId = useTaskGraph((s) => s.selectedId);
  const focusedId = useTaskGraph((s) => s.focusedId);
  const pendingEdge = useTaskGraph((s) => s.pendingEdge);
  const error = useTaskGraph((s) => s.error);
  const loading = useTaskGraph((s) => s.loading);
  const [cy, setCy] = useState<Core | null>(null);
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const readOnly = graphs.find((g) => g.graph_id === graphId)?.read_only ?? true;

  useEffect(() => {
    void actions.loadGraphs();
    // Rows changed elsewhere (an import, another window): refresh the list and the open graph.
    return api.on('store/changed', ({ tables }) => {
      if (!tables.some((t) => t.startsWith('task'))) return;
      void actions.loadGraphs();
      const id = taskGraphStore.getState().graphId;
      if (id !== null) void actions.openGraph(id);
    });
  }, [actions]);

  const centre = (id: string) => {
    const node = cy?.getElementById(id);
    if (node && node.nonempty()) cy!.animate({ center: { eles: node }, duration: 200 });
  };

  const onTap = (id: string | null) => {
    const st = taskGraphStore.getState();
    setNotice(null);
    if (id === null) return st.select(null);
    if (id.startsWith('group:') && collapse && model) {
      const key = id.split(':').slice(2).join(':');
      const next = new Set([...collapse.expanded, key]);
      const count = expandedTaskCount(model, visible, collapse.groupBy, next);
      if (count > VISIBLE_NODE_BUDGET)
        return setNotice(
          `Expanding ${key} would draw ${count} tasks (budget ${VISIBLE_NODE_BUDGET}): filter first.`,
        );
      return st.expandGroup(key);
    }
    if (!model?.index.tasks.has(id)) return;
    if (st.pendingEdge) return void actions.addEdge(st.pendingEdge.source, id, st.pendingEdge.kind);
    st.select(id);
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if ((e.target as HTMLElement).closest('input, textarea, select')) return;
    const st = taskGraphStore.getState();
    if (e.key === 'Escape') return st.pendingEdge ? st.setPendingEdge(null) : st.select(null);
    if (e.key === 'Enter' && focusedId) return onTap(focusedId);
    const dir = navDirection(e.key);
    if (!dir) return;
    e.preventDefault();
    const next = navigate(drawn.elements, drawn.positions, focusedId ?? selectedId, dir);
    if (next) {
      st.focus(next);
      centre(next);
    }
  };

  const onSearch = (text: string) => {
    if (!model) return;
    const id = searchTask(model, text, visible);
    if (!id) return setNotice(`No visible task matches '${text}' (check the filters).`);
    if (collapse && !drawn.positions[id]) {
      const t = model.index.tasks.get(id)!;
      taskGraphStore.getState().expandGroup(collapse.groupBy === 'phase' ? t.phase : t.namespace);
    }
    taskGraphStore.getState().select(id);
    centre(id);
  };

  return (
    <section
      className="tasks-view"
      aria-label="Task graphs"
      tabIndex={0}
      onKeyDown={onKeyDown}
      style={{ display: 'flex', flexDirection: 'column', height: '100%' }}
    >
      <TaskToolbar actions={actions} cy={cy} onSearch={onSearch} onNewTask={() => setCreating(true)} />
      {creating && model && (
        <CreateTaskForm model={model} actions={actions} onDone={() => setCreating(false)} />
      )}
      <div className="tasks-status" role="status">
        {loading && 'Loading… '}
        {layingOut && 'Laying out… '}
        {model &&
          `${visible.size} of ${model.graph.tasks.length} tasks · ${model.ready.size} ready · ${model.blocked.size} blocked`}
        {layoutMs !== null && ` · layout ${Math.round(layoutMs)} ms`}
        {collapse &&
          ` · more than ${VISIBLE_NODE_BUDGET} tasks: grouped by ${collapse.groupBy}, tap a group to expand`}
        {pendingEdge &&
          ` · pick the task that ${pendingEdge.kind === 'blocked_by' ? 'it waits for' : `it is ${pendingEdge.kind}`} (Esc cancels)`}
        {readOnly && model && ' · read-only graph'}
      </div>
      {(error || notice) && (
        <p role="alert" className="tasks-error">
          {error ?? notice}
        </p>
      )}
      <div style={{ display: 'flex', flex: 1, minHeight: 0 }}>
        <div style={{ flex: 1, minWidth: 0 }}>
          <CytoscapeGraph
            elements={drawn.elements}
            positions={drawn.positions}
            overlay={overlay}
            stylesheet={taskGraphStylesheet}
            fitKey={`${graphId}:${drawn.key}`}
            onTap={onTap}
            onReady={setCy}
          />
        </div>
        {model && selectedId && (
          <TaskDetailPanel
            model={model}
            taskId={selectedId}
            readOnly={readOnly}
            actions={actions}
            onOpenSession={onOpenSession}
          />
        )}
      </div>
    </section>
  );
}
