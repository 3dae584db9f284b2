/**
 * The task-graph view's state. Invariants:
 * - `model` is null or built from the graph of `graphId`; it is replaced (buildGraphModel), never
 *   mutated, so memoised elements and overlays can compare by identity.
 * - Sets (`expandedGroups`) are replaced, never mutated.
 * - `selectedId` and `focusedId` name tasks of `model` or are null; loading another graph clears
 *   them, the cycle path, the pending edge and the expanded groups.
 * - `cyclePath` is the last refused edge's cycle (source ... source); any other edit clears it.
 * Calls to the service live in features/tasks/taskActions.ts; this store holds state only.
 */
import { createStore, useStore } from 'zustand';
import type { EdgeKind, TaskGraph, TaskGraphSummary } from '../../../shared/model/tasks.js';
import { buildGraphModel, type GraphModel } from '../features/tasks/graphModel.js';
import type { GroupBy } from '../features/tasks/toCyElements.js';
import { NO_FILTERS, type TaskFilters } from './taskGraphTransforms.js';

export interface TaskGraphState {
  graphs: TaskGraphSummary[];
  graphId: number | null;
  model: GraphModel | null;
  loading: boolean;
  /** The last failed call's message, shown until the next action. */
  error: string | null;
  filters: TaskFilters;
  showProv: boolean;
  showAgents: boolean;
  showActivities: boolean;
  groupBy: GroupBy;
  expandedGroups: ReadonlySet<string>;
  selectedId: string | null;
  focusedId: string | null;
  cyclePath: string[] | null;
  /** Add-edge mode: the next tapped task becomes the target. */
  pendingEdge: { source: string; kind: EdgeKind } | null;
}

export interface TaskGraphActions {
  setGraphs(graphs: TaskGraphSummary[]): void;
  startLoading(graphId: number): void;
  setGraph(graphId: number, graph: TaskGraph | null): void;
  /** Replace the graph after a local edit (same graph id; selection kept if still valid). */
  updateGraph(edit: (g: TaskGraph) => TaskGraph): void;
  setError(message: string | null): void;
  setFilter<K extends keyof TaskFilters>(key: K, value: TaskFilters[K]): void;
  toggle(key: 'showProv' | 'showAgents' | 'showActivities'): void;
  setGroupBy(groupBy: GroupBy): void;
  expandGroup(key: string): void;
  collapseGroups(): void;
  select(id: string | null): void;
  focus(id: string | null): void;
  setCyclePath(path: string[] | null): void;
  setPendingEdge(pending: TaskGraphState['pendingEdge']): void;
}

export type TaskGraphStore = TaskGraphState & TaskGraphActions;

const initial: TaskGraphState = {
  graphs: [],
  graphId: null,
  model: null,
  loading: false,
  error: null,
  filters: NO_FILTERS,
  showProv: false,
  showAgents: false,
  showActivities: false,
  groupBy: 'phase',
  expandedGroups: new Set(),
  selectedId: null,
  focusedId: null,
  cyclePath: null,
  pendingEdge: null,
};

const cleared = {
  selectedId: null,
  focusedId: null,
  cyclePath: null,
  pendingEdge: null,
  expandedGroups: new Set<string>(),
};

export function createTaskGraphStore() {
  return createStore<TaskGraphStore>()((set) => ({
    ...initial,
    setGraphs: (graphs) => set({ graphs }),
    // Another graph: drop the old model and the user's place in it at once.
    startLoading: (graphId) =>
      set((s) =>
        s.graphId === graphId
          ? { loading: true, error: null }
          : { loading: true, error: null, graphId, model: null, ...cleared },
      ),
    setGraph: (graphId, graph) =>
      set((s) => ({
        graphId,
        loading: false,
        model: graph ? buildGraphModel(graph) : null,
        // Reloading the same graph (after an edit elsewhere) keeps the user's place.
        ...(s.graphId === graphId && s.model !== null ? keepValid(s, graph) : cleared),
      })),
    updateGraph: (edit) =>
      set((s) => {
        if (!s.model) return {};
        const graph = edit(s.model.graph);
        return graph === s.model.graph ? {} : { model: buildGraphModel(graph), cyclePath: null, error: null };
      }),
    setError: (error) => set({ error, loading: false }),
    setFilter: (key, value) => set((s) => ({ filters: { ...s.filters, [key]: value } })),
    toggle: (key) => set((s) => ({ [key]: !s[key] }) as Partial<TaskGraphState>),
    setGroupBy: (groupBy) => set({ groupBy, expandedGroups: new Set() }),
    expandGroup: (key) => set((s) => ({ expandedGroups: new Set([...s.expandedGroups, key]) })),
    collapseGroups: () => set({ expandedGroups: new Set() }),
    select: (selectedId) => set({ selectedId, focusedId: selectedId, pendingEdge: null }),
    focus: (focusedId) => set({ focusedId }),
    setCyclePath: (cyclePath) => set({ cyclePath }),
    setPendingEdge: (pendingEdge) => set({ pendingEdge, cyclePath: null }),
  }));
}

function keepValid(s: TaskGraphState, graph: TaskGraph | null): Partial<TaskGraphState> {
  const has = (id: string | null) => id !== null && graph !== null && graph.tasks.some((t) => t.id === id);
  return {
    selectedId: has(s.selectedId) ? s.selectedId : null,
    focusedId: has(s.focusedId) ? s.focusedId : null,
  };
}

/** The app's one task-graph store (the view is mounted once). */
export const taskGraphStore = createTaskGraphStore();

/** One selector per field: `useTaskGraph((s) => s.model)`. */
export function useTaskGraph<T>(selector: (s: TaskGraphStore) => T): T {
  return useStore(taskGraphStore, selector);
}
