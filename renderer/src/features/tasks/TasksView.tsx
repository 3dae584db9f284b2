/**
 * Task dependency graphs: pick a graph, filter, search, explore (select highlights ancestors and
 * descendants; arrows / h j k l walk along edges, Enter selects), edit, and export. Over
 * VISIBLE_NODE_BUDGET visible tasks the graph collapses into one node per phase or namespace;
 * tapping a group expands it while the total stays within the budget.
 */
import type { Core } from 'cytoscape';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { api } from '../../api/index.js';
import { CytoscapeGraph } from '../../components/CytoscapeGraph.js';
import { taskGraphStore, useTaskGraph } from '../../stores/taskGraphStore.js';
import { expandedTaskCount, searchTask, VISIBLE_NODE_BUDGET } from '../../stores/taskGraphTransforms.js';
import { useThemeStore } from '../../stores/themeStore.js';
import { CreateTaskForm } from './CreateTaskForm.js';
import { CycleNotice } from './CycleNotice.js';
import { readPalette, taskGraphStylesheet } from './cyStyle.js';
import { GraphLegend } from './GraphLegend.js';
import { GraphStateProbe } from './GraphStateProbe.js';
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
  const cyclePath = useTaskGraph((s) => s.cyclePath);
  const readOnly = graphs.find((g) => g.graph_id === graphId)?.read_only ?? true;
  const theme = useThemeStore((s) => s.theme);
  // The canvas cannot read CSS variables: rebuild its stylesheet from them when the theme changes.
  const stylesheet = useMemo(() => taskGraphStylesheet(readPalette()), [theme]);
  const section = useRef<HTMLElement>(null);
  const graphBox = useRef<HTMLDivElement>(null);

  // Cytoscape caches its container's size; the toolbar and the detail panel change it. Before a
  // new layout is fitted (the graph's effect runs after this one) and whenever the box resizes.
  useLayoutEffect(() => void cy?.resize(), [cy, drawn]);
  useEffect(() => {
    const box = graphBox.current;
    if (!cy || !box) return;
    const observer = new ResizeObserver(() => {
      cy.resize();
      // The detail panel opening must not hide the task it shows.
      const id = taskGraphStore.getState().selectedId;
      const node = id === null ? null : cy.getElementById(id);
      if (node && node.nonempty() && !inView(cy, node.renderedPosition())) cy.center(node);
    });
    observer.observe(box);
    return () => observer.disconnect();
  }, [cy]);

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
    if (!cy || !node || node.empty()) return;
    // The newest target wins: held keys must not queue a long chain of animations.
    cy.stop(true);
    cy.animate({ center: { eles: node }, duration: 200, queue: false });
  };

  const onTap = (id: string | null) => {
    const st = taskGraphStore.getState();
    setNotice(null);
    // Cytoscape keeps the focus where it was; the keys should walk on from what was clicked.
    section.current?.focus({ preventScroll: true });
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
    // Handled here, so the app's keymap (which reads Escape and Enter too) leaves them alone.
    if (e.key === 'Escape' && (st.pendingEdge || st.selectedId || st.cyclePath)) {
      e.preventDefault();
      st.setCyclePath(null);
      return st.pendingEdge ? st.setPendingEdge(null) : st.select(null);
    }
    if (e.key === 'Enter' && focusedId) {
      e.preventDefault();
      return onTap(focusedId);
    }
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
    // Found: the arrow keys walk on from it at once.
    section.current?.focus();
  };

  return (
    <section className="tasks-view" aria-label="Task graphs" tabIndex={0} onKeyDown={onKeyDown} ref={section}>
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
        <div role="alert" className="tasks-error">
          {model && cyclePath && cyclePath.length > 1 ? (
            <CycleNotice model={model} path={cyclePath} message={error} />
          ) : (
            <span>{error ?? notice}</span>
          )}
          <button
            type="button"
            className="dismiss"
            aria-label="Dismiss"
            onClick={() => {
              setNotice(null);
              taskGraphStore.getState().setError(null);
              taskGraphStore.getState().setCyclePath(null);
            }}
          >
            ×
          </button>
        </div>
      )}
      <div className="tasks-body">
        <div className="tasks-graph" ref={graphBox}>
          <CytoscapeGraph
            elements={drawn.elements}
            positions={drawn.positions}
            overlay={overlay}
            stylesheet={stylesheet}
            fitKey={`${graphId}:${drawn.key}`}
            onTap={onTap}
            onReady={setCy}
          />
          <GraphStateProbe cy={cy} />
          {model && <GraphLegend selecting={selectedId !== null} />}
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

function inView(cy: Core, p: { x: number; y: number }): boolean {
  return p.x >= 0 && p.y >= 0 && p.x <= cy.width() && p.y <= cy.height();
}
