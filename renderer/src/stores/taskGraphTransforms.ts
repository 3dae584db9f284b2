/**
 * Pure transforms behind the task-graph store: filters, the collapse decision, the selection
 * overlay (ancestors/descendants highlighted, the rest dimmed, a refused cycle marked), and the
 * local application of an edit's result to a graph (a new graph object, never a mutation).
 */
import type { ElementDefinition } from 'cytoscape';
import type { Task, TaskComment, TaskEdge, TaskGraph } from '../../../shared/model/tasks.js';
import { ancestors, descendants } from '../../../shared/tasks/index.js';
import type { GraphModel } from '../features/tasks/graphModel.js';
import { edgeId, type GroupBy } from '../features/tasks/toCyElements.js';

/** Above this many visible nodes the view shows groups instead (layout and drawing stay interactive). */
export const VISIBLE_NODE_BUDGET = 2000;

export interface TaskFilters {
  namespace: string;
  phase: string;
  status: string;
  label: string;
}

export const NO_FILTERS: TaskFilters = { namespace: '', phase: '', status: '', label: '' };

/** Ids of the tasks passing every non-empty filter. */
export function filterTasks(model: GraphModel, f: TaskFilters): Set<string> {
  const out = new Set<string>();
  for (const t of model.graph.tasks) {
    if (f.namespace && t.namespace !== f.namespace) continue;
    if (f.phase && t.phase !== f.phase) continue;
    if (
      f.status === 'ready'
        ? !model.ready.has(t.id)
        : f.status === 'blocked'
          ? !model.blocked.has(t.id)
          : f.status && t.status !== f.status
    )
      continue;
    if (f.label && !(model.labelsByTask.get(t.id) ?? []).includes(f.label)) continue;
    out.add(t.id);
  }
  return out;
}

export function groupKey(t: Task, groupBy: GroupBy): string {
  return groupBy === 'phase' ? t.phase : t.namespace;
}

/**
 * The collapse option for toCyElements: null while the visible tasks fit the budget, else groups
 * with only the expanded ones opened.
 */
export function collapseFor(
  visibleCount: number,
  groupBy: GroupBy,
  expanded: ReadonlySet<string>,
  budget = VISIBLE_NODE_BUDGET,
): { groupBy: GroupBy; expanded: ReadonlySet<string> } | null {
  return visibleCount <= budget ? null : { groupBy, expanded };
}

/** Tasks drawn one by one if `key` were expanded too; the view refuses past the budget. */
export function expandedTaskCount(
  model: GraphModel,
  visible: ReadonlySet<string>,
  groupBy: GroupBy,
  expanded: ReadonlySet<string>,
): number {
  let n = 0;
  for (const id of visible) if (expanded.has(groupKey(model.index.tasks.get(id)!, groupBy))) n++;
  return n;
}

export interface Overlay {
  /** Extra classes by element id. */
  classes: ReadonlyMap<string, string>;
  /** Dim every element without an overlay class (a task is selected). */
  dimOthers: boolean;
}

export interface Highlight {
  selectedId: string | null;
  focusedId: string | null;
  cyclePath: readonly string[] | null;
}

export function highlightOverlay(
  model: GraphModel,
  elements: readonly ElementDefinition[],
  h: Highlight,
): Overlay {
  const classes = new Map<string, string>();
  const add = (id: string, c: string) => classes.set(id, classes.has(id) ? `${classes.get(id)} ${c}` : c);
  const related = new Set<string>();
  if (h.selectedId && model.index.tasks.has(h.selectedId)) {
    related.add(h.selectedId);
    add(h.selectedId, 'selected');
    const mark = (id: string, c: string) => {
      related.add(id);
      add(id, c);
    };
    for (const t of ancestors(model.index, h.selectedId)) mark(t.id, 'ancestor');
    for (const t of descendants(model.index, h.selectedId)) mark(t.id, 'descendant');
    for (const el of elements) {
      if (el.group !== 'edges') continue;
      const { source, target, kind } = el.data as { source: string; target: string; kind: string };
      if (kind === 'blocked_by' && related.has(source) && related.has(target)) add(el.data.id!, 'related');
      // Lineage and PROV nodes of the selected task stay readable.
      if (source === h.selectedId) {
        add(el.data.id!, 'related');
        add(target, 'related');
      }
    }
  }
  if (h.cyclePath && h.cyclePath.length > 1) {
    for (const id of h.cyclePath) add(id, 'cycle');
    for (let i = 1; i + 1 < h.cyclePath.length; i++)
      add(edgeId('blocked_by', h.cyclePath[i]!, h.cyclePath[i + 1]!), 'cycle');
    add(edgeId('proposed', h.cyclePath[0]!, h.cyclePath[1]!), 'cycle');
  }
  if (h.focusedId) add(h.focusedId, 'focused');
  return { classes, dimOthers: related.size > 0 };
}

/** The first visible task whose id or title contains `text` (case-insensitive), in graph order. */
export function searchTask(model: GraphModel, text: string, visible: ReadonlySet<string>): string | null {
  const q = text.trim().toLowerCase();
  if (!q) return null;
  const exact = model.index.tasks.get(text.trim());
  if (exact && visible.has(exact.id)) return exact.id;
  for (const t of model.graph.tasks) {
    if (visible.has(t.id) && (t.title.toLowerCase().includes(q) || t.id.toLowerCase().includes(q)))
      return t.id;
  }
  return null;
}

// --- an edit's result applied locally -----------------------------------------------------------

export function withTask(g: TaskGraph, task: Task): TaskGraph {
  const i = g.tasks.findIndex((t) => t.id === task.id);
  const tasks = i < 0 ? [...g.tasks, task] : g.tasks.map((t, j) => (j === i ? task : t));
  return { ...g, tasks };
}

export function withEdge(g: TaskGraph, edge: TaskEdge): TaskGraph {
  const same = (e: TaskEdge) =>
    e.source_id === edge.source_id && e.target_id === edge.target_id && e.kind === edge.kind;
  return g.edges.some(same) ? g : { ...g, edges: [...g.edges, edge] };
}

export function withoutEdge(g: TaskGraph, source: string, target: string, kind: string): TaskGraph {
  const edges = g.edges.filter((e) => !(e.source_id === source && e.target_id === target && e.kind === kind));
  return edges.length === g.edges.length ? g : { ...g, edges };
}

export function withLabel(g: TaskGraph, taskId: string, name: string): TaskGraph {
  if (g.labels.some((l) => l.task_id === taskId && l.name === name)) return g;
  const labels = [...g.labels, { task_id: taskId as Task['id'], name }];
  return { ...g, labels };
}

export function withComment(g: TaskGraph, c: TaskComment): TaskGraph {
  return g.comments.some((x) => x.id === c.id) ? g : { ...g, comments: [...g.comments, c] };
}
