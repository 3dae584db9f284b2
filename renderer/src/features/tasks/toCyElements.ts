/**
 * The Cytoscape elements of a task graph, as plain data (pure, tested headless). Node kinds: `task`,
 * `agent`, `activity` and `group` (a collapsed phase or namespace). Edges keep the stored direction
 * (source -> target, "source waits for target" for blocked_by). Static classes carry status, type,
 * priority and Ready/Blocked; selection and dimming are an overlay applied by the graph component.
 * `layoutInputOf` orients every edge target -> source, so blockers, agents and activities are drawn
 * above what depends on them.
 */
import type { ElementDefinition } from 'cytoscape';
import type { Task, TaskEdge } from '../../../../shared/model/tasks.js';
import type { LayoutInput } from '../../../../shared/tasks/layout.js';
import { agentName, type GraphModel } from './graphModel.js';

export type GroupBy = 'phase' | 'namespace';

export interface CyElementOptions {
  /** Task ids that pass the filters (all tasks when absent). */
  visibleTasks?: ReadonlySet<string>;
  /** derived_from, supersedes and discovered_from edges between tasks. */
  showProv?: boolean;
  /** Agents as nodes, with attributed_to edges (and wasAssociatedWith from activities). */
  showAgents?: boolean;
  /** Activities as nodes, with generated_by edges. */
  showActivities?: boolean;
  /** Collapsed view: one node per group, except the expanded groups whose tasks are shown. */
  collapse?: { groupBy: GroupBy; expanded: ReadonlySet<string> } | null;
  /** An edge being proposed (e.g. refused as a cycle), drawn dashed. */
  proposedEdge?: { source: string; target: string } | null;
}

export const agentNodeId = (id: string) => `agent:${id}`;
export const activityNodeId = (id: string) => `activity:${id}`;
export const groupNodeId = (groupBy: GroupBy, key: string) => `group:${groupBy}:${key}`;
export const edgeId = (kind: string, source: string, target: string) => `${kind}|${source}|${target}`;

const PROV_TASK_KINDS = new Set(['derived_from', 'supersedes', 'discovered_from']);
const PRIORITY_BADGE: Record<string, string> = {
  critical: 'P0',
  high: 'P1',
  medium: 'P2',
  low: 'P3',
  backlog: 'P4',
};

export function priorityBadge(priority: string): string {
  return PRIORITY_BADGE[priority] ?? priority;
}

function taskNode(model: GraphModel, t: Task): ElementDefinition {
  const state = model.ready.has(t.id) ? 'ready' : model.blocked.has(t.id) ? 'blocked' : '';
  const mark = state === 'ready' ? ' · READY' : state === 'blocked' ? ' · BLOCKED' : '';
  return {
    group: 'nodes',
    data: {
      id: t.id,
      kind: 'task',
      label: `${priorityBadge(t.priority)}${mark}\n${t.title}`,
      status: t.status,
      type: t.type,
      priority: t.priority,
      phase: t.phase,
      namespace: t.namespace,
    },
    classes: ['task', `status-${t.status}`, `type-${t.type}`, `priority-${t.priority}`, state]
      .filter(Boolean)
      .join(' '),
  };
}

export function toCyElements(model: GraphModel, options: CyElementOptions = {}): ElementDefinition[] {
  const visible = (id: string) =>
    model.index.tasks.has(id) && (!options.visibleTasks || options.visibleTasks.has(id));
  const collapse = options.collapse ?? null;
  /** Where a visible task is drawn: itself, or its collapsed group's node. */
  const nodeOf = new Map<string, string>();
  const groups = new Map<string, { key: string; count: number; ready: number; blocked: number }>();
  const out: ElementDefinition[] = [];

  for (const t of model.graph.tasks) {
    if (!visible(t.id)) continue;
    const key = collapse ? (collapse.groupBy === 'phase' ? t.phase : t.namespace) : '';
    if (collapse && !collapse.expanded.has(key)) {
      const gid = groupNodeId(collapse.groupBy, key);
      const g = groups.get(gid) ?? { key, count: 0, ready: 0, blocked: 0 };
      g.count++;
      if (model.ready.has(t.id)) g.ready++;
      if (model.blocked.has(t.id)) g.blocked++;
      groups.set(gid, g);
      nodeOf.set(t.id, gid);
    } else {
      out.push(taskNode(model, t));
      nodeOf.set(t.id, t.id);
    }
  }
  for (const [gid, g] of groups) {
    out.push({
      group: 'nodes',
      data: {
        id: gid,
        kind: 'group',
        groupKey: g.key,
        count: g.count,
        label: `${collapse!.groupBy}: ${g.key}\n${g.count} tasks · ${g.ready} ready · ${g.blocked} blocked`,
      },
      classes: 'group',
    });
  }

  const edges = new Map<string, ElementDefinition>();
  const addEdge = (kind: string, source: string, target: string, extra = '') => {
    const id = edgeId(kind, source, target);
    const existing = edges.get(id);
    if (existing) {
      existing.data.count = (existing.data.count as number) + 1;
      existing.data.label = String(existing.data.count);
      return;
    }
    edges.set(id, {
      group: 'edges',
      data: { id, source, target, kind, count: 1, label: '' },
      classes: ['edge', `kind-${kind}`, extra].filter(Boolean).join(' '),
    });
  };
  const shownActivities = new Set<string>();
  const shownAgents = new Set<string>();
  const isExpandedTask = (id: string) => nodeOf.get(id) === id;

  for (const e of model.graph.edges) {
    const from = nodeOf.get(e.source_id);
    if (from === undefined) continue;
    if (e.kind === 'blocked_by' || (options.showProv && PROV_TASK_KINDS.has(e.kind))) {
      const to = nodeOf.get(e.target_id);
      if (to === undefined || to === from) continue; // dangling, filtered out, or inside one group
      addEdge(e.kind, from, to, from.startsWith('group:') || to.startsWith('group:') ? 'aggregate' : '');
    } else if (options.showActivities && e.kind === 'generated_by' && isExpandedTask(e.source_id)) {
      if (!model.activities.has(e.target_id)) continue;
      shownActivities.add(e.target_id);
      addEdge(e.kind, from, activityNodeId(e.target_id));
    } else if (options.showAgents && e.kind === 'attributed_to' && isExpandedTask(e.source_id)) {
      if (!model.agents.has(e.target_id)) continue;
      shownAgents.add(e.target_id);
      addEdge(e.kind, from, agentNodeId(e.target_id));
    }
  }
  for (const id of shownActivities) {
    const a = model.activities.get(id)!;
    out.push({
      group: 'nodes',
      data: { id: activityNodeId(id), kind: 'activity', label: `${a.phase} · ${a.stage}`, refId: id },
      classes: `activity stage-${a.stage}${a.ended_at === null ? ' running' : ''}`,
    });
    if (options.showAgents) {
      shownAgents.add(a.agent_id);
      addEdge('associated_with', activityNodeId(id), agentNodeId(a.agent_id));
    }
  }
  for (const id of shownAgents) {
    const a = model.agents.get(id);
    out.push({
      group: 'nodes',
      data: { id: agentNodeId(id), kind: 'agent', label: agentName(a, id), refId: id },
      classes: `agent agent-${a?.kind ?? 'unknown'}`,
    });
  }
  const proposed = options.proposedEdge;
  if (proposed && nodeOf.has(proposed.source) && nodeOf.has(proposed.target)) {
    addEdge('proposed', nodeOf.get(proposed.source)!, nodeOf.get(proposed.target)!, 'proposed');
  }
  return [...out, ...edges.values()];
}

/** Node ids and edges oriented for the layered layout (what an edge points to is drawn above). */
export function layoutInputOf(elements: readonly ElementDefinition[]): LayoutInput {
  const nodes: string[] = [];
  const edges: [string, string][] = [];
  for (const el of elements) {
    if (el.group === 'nodes') nodes.push(el.data.id!);
    else if (el.data.kind !== 'proposed') edges.push([el.data.target as string, el.data.source as string]);
  }
  return { nodes, edges };
}

/** A stable key of what the layout depends on, so an unchanged structure is not laid out again. */
export function layoutKey(input: LayoutInput): string {
  let h = 2166136261;
  const mix = (s: string) => {
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
    h = Math.imul(h ^ 10, 16777619);
  };
  for (const n of input.nodes) mix(n);
  for (const [a, b] of input.edges) mix(`${a}>${b}`);
  return `${input.nodes.length}/${input.edges.length}/${(h >>> 0).toString(36)}`;
}

/** Edges of one task (outgoing of every kind, incoming blocked_by), for the detail panel. */
export function edgesOf(model: GraphModel, id: string): { outgoing: TaskEdge[]; incoming: TaskEdge[] } {
  const outgoing = [...(model.index.outgoing.get(id) ?? [])];
  const incoming = model.graph.edges.filter((e) => e.target_id === id);
  return { outgoing, incoming };
}
