/** Graph picker, filters, PROV toggles, search, fit/zoom, grouping, new task and export. */
import type { Core } from 'cytoscape';
import { useState } from 'react';
import { ENUMS } from '../../../../shared/tasks/enums.js';
import { taskGraphStore, useTaskGraph } from '../../stores/taskGraphStore.js';
import { VISIBLE_NODE_BUDGET, type TaskFilters } from '../../stores/taskGraphTransforms.js';
import type { TaskActions } from './taskActions.js';
import { asTaskGraphId } from '../../../../shared/model/tasks.js';
import { ExportButton } from '../export/index.js';

interface Props {
  actions: TaskActions;
  cy: Core | null;
  onSearch: (text: string) => void;
  onNewTask: () => void;
}

export function TaskToolbar({ actions, cy, onSearch, onNewTask }: Props) {
  const graphs = useTaskGraph((s) => s.graphs);
  const graphId = useTaskGraph((s) => s.graphId);
  const model = useTaskGraph((s) => s.model);
  const filters = useTaskGraph((s) => s.filters);
  const showProv = useTaskGraph((s) => s.showProv);
  const showAgents = useTaskGraph((s) => s.showAgents);
  const showActivities = useTaskGraph((s) => s.showActivities);
  const groupBy = useTaskGraph((s) => s.groupBy);
  const [search, setSearch] = useState('');
  const st = taskGraphStore.getState();
  const zoom = (factor: number) =>
    cy?.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });

  const filter = (key: keyof TaskFilters, label: string, choices: readonly string[]) => (
    <label>
      {label}{' '}
      <select aria-label={label} value={filters[key]} onChange={(e) => st.setFilter(key, e.target.value)}>
        <option value="">all</option>
        {choices.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
    </label>
  );
  const toggle = (key: 'showProv' | 'showAgents' | 'showActivities', label: string, on: boolean) => (
    <label>
      <input type="checkbox" checked={on} onChange={() => st.toggle(key)} /> {label}
    </label>
  );
  const current = graphs.find((g) => g.graph_id === graphId);

  return (
    <div className="tasks-toolbar" role="toolbar" aria-label="Task graph">
      <select
        className="graph-picker"
        aria-label="Task graph"
        value={graphId ?? ''}
        onChange={(e) => void actions.openGraph(Number(e.target.value))}
      >
        {graphs.length === 0 && <option value="">no task graphs</option>}
        {graphs.map((g) => (
          <option key={g.graph_id} value={g.graph_id}>
            #{g.graph_id} {g.name} ({g.task_count} tasks, {g.open_count} open)
            {g.read_only ? ' read-only' : ''}
          </option>
        ))}
      </select>
      {model && (
        <>
          <form
            role="search"
            onSubmit={(e) => {
              e.preventDefault();
              onSearch(search);
            }}
          >
            <input
              type="search"
              aria-label="Find a task"
              placeholder="Find a task (title or id), Enter"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
            />
          </form>
          <span className="button-group">
            <button type="button" onClick={() => cy?.fit(undefined, 30)}>
              Fit
            </button>
            <button type="button" aria-label="Zoom in" onClick={() => zoom(1.25)}>
              +
            </button>
            <button type="button" aria-label="Zoom out" onClick={() => zoom(0.8)}>
              −
            </button>
          </span>
          <button type="button" disabled={current?.read_only} onClick={onNewTask}>
            New task
          </button>
          <button type="button" onClick={() => void actions.exportSqlite()}>
            Export as task database
          </button>
          {graphId !== null && <ExportButton target={{ kind: 'tasks', graph_id: asTaskGraphId(graphId) }} />}
          <span className="toolbar-break" />
          {filter('namespace', 'Namespace', model.namespaces)}
          {filter('phase', 'Phase', model.phases)}
          {filter('status', 'Status', [...ENUMS.Status, 'ready', 'blocked'])}
          {filter('label', 'Label', model.labelNames)}
          {toggle('showProv', 'PROV edges', showProv)}
          {toggle('showAgents', 'Agents', showAgents)}
          {toggle('showActivities', 'Activities', showActivities)}
          {/* Grouping only happens beyond the budget: the choice is offered where it matters. */}
          {model.graph.tasks.length > VISIBLE_NODE_BUDGET && (
            <label>
              Group by{' '}
              <select
                aria-label="Group by"
                value={groupBy}
                onChange={(e) => st.setGroupBy(e.target.value as 'phase' | 'namespace')}
              >
                <option value="phase">phase</option>
                <option value="namespace">namespace</option>
              </select>
            </label>
          )}
        </>
      )}
    </div>
  );
}
