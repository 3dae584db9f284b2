/**
 * A task graph as PROV, following §11 of the Go tracker spec: tasks are entities, agents are
 * agents (Person, SoftwareAgent, or Agent + `ext:LLMAgent` for ML agents), activities are
 * activities with their start and end; edges map to wasGeneratedBy (generated_by),
 * wasAttributedTo (attributed_to) and wasDerivedFrom (derived_from); the tracker's own relations
 * (blocked_by, supersedes, discovered_from) become wasInfluencedBy typed `ext:blockedBy` and so
 * on, since PROV has no custom relation kinds. `activities.agent_id` becomes wasAssociatedWith.
 * Ids are minted from the full stored id and kept as literals (`ext:id`).
 */
import type { TaskAgent, TaskGraph } from '../../model/tasks.js';
import { EDGE_KINDS } from '../../tasks/prov.js';
import { dateTime, known, ProvBuilder, qn, type ProvDocument } from './provDocument.js';

export interface TaskProvOptions {
  baseIri?: string;
}

/** Epoch nanoseconds -> ISO-8601 UTC with up to 9 fraction digits. */
export function nsToIso(ns: bigint): string {
  const sec = ns / 1_000_000_000n;
  let frac = ns % 1_000_000_000n;
  let s = sec;
  if (frac < 0n) {
    frac += 1_000_000_000n;
    s -= 1n;
  }
  const base = new Date(Number(s) * 1000).toISOString().slice(0, 19);
  const digits = frac.toString().padStart(9, '0').replace(/0+$/, '');
  return `${base}${digits ? `.${digits}` : ''}Z`;
}

function agentAttrs(a: TaskAgent): Record<string, ReturnType<typeof qn> | string | ReturnType<typeof qn>[]> {
  switch (a.kind) {
    case 'human':
      return { 'prov:type': qn('prov:Person'), 'prov:label': a.name, 'ext:contact': a.contact };
    case 'software':
      return {
        'prov:type': qn('prov:SoftwareAgent'),
        'prov:label': a.name,
        'ext:version': a.version,
        'ext:source': a.source,
      };
    case 'machine_learning':
      return {
        'prov:type': [qn('prov:Agent'), qn('ext:LLMAgent')],
        'prov:label': `${a.provider}/${a.model}`,
        'ext:role': a.role,
        'ext:provider': a.provider,
        'ext:model': a.model,
      };
  }
}

export function taskGraphToProv(graph: TaskGraph, opts: TaskProvOptions = {}): ProvDocument {
  const base = opts.baseIri ?? 'urn:provex:';
  const b = new ProvBuilder()
    .prefix('ext', `${base}tasks/ext#`)
    .prefix('task', `${base}tasks/task/`)
    .prefix('activity', `${base}tasks/activity/`)
    .prefix('agent', `${base}tasks/agent/`)
    .prefix('ref', `${base}tasks/ref/`);
  const labels = new Map<string, string[]>();
  for (const l of graph.labels)
    (labels.get(l.task_id) ?? labels.set(l.task_id, []).get(l.task_id)!).push(l.name);
  const comments = new Map<string, number>();
  for (const c of graph.comments) comments.set(c.task_id, (comments.get(c.task_id) ?? 0) + 1);

  const taskIds = new Set<string>();
  for (const t of graph.tasks) {
    taskIds.add(t.id);
    b.entity(
      b.id('task', t.id),
      known({
        'prov:type': qn('ext:Task'),
        'prov:label': t.title,
        'ext:id': t.id,
        'ext:namespace': t.namespace,
        'ext:description': t.description,
        'ext:status': t.status,
        'ext:priority': t.priority,
        'ext:taskType': t.type,
        'ext:phase': t.phase,
        'ext:owner': t.owner_id,
        'ext:notes': t.notes,
        'ext:createdAt': dateTime(nsToIso(t.created_at)),
        'ext:updatedAt': dateTime(nsToIso(t.updated_at)),
        'ext:closedAt': t.closed_at === null ? null : dateTime(nsToIso(t.closed_at)),
        'ext:closeReason': t.close_reason,
        'ext:label': labels.get(t.id),
        'ext:commentCount': comments.get(t.id),
      }),
    );
  }
  const agentIds = new Set<string>();
  for (const a of graph.agents) {
    agentIds.add(a.id);
    b.agent(b.id('agent', a.id), { ...known(agentAttrs(a)), 'ext:id': a.id });
  }
  const activityIds = new Set<string>();
  for (const a of graph.activities) {
    activityIds.add(a.id);
    const id = b.id('activity', a.id);
    b.activity(
      id,
      nsToIso(a.started_at),
      a.ended_at === null ? null : nsToIso(a.ended_at),
      known({
        'ext:id': a.id,
        'ext:phase': a.phase,
        'ext:stage': a.stage,
        'ext:notes': a.notes,
      }),
    );
    b.relation('wasAssociatedWith', {
      'prov:activity': id,
      'prov:agent': agentIds.has(a.agent_id) ? b.id('agent', a.agent_id) : bare(b, 'agent', a.agent_id),
    });
  }

  for (const e of graph.edges) {
    const source = b.id('task', e.source_id);
    const info = (EDGE_KINDS as Record<string, (typeof EDGE_KINDS)[keyof typeof EDGE_KINDS] | undefined>)[
      e.kind
    ];
    const attrs = { 'ext:createdAt': dateTime(nsToIso(e.created_at)) };
    if (!info) {
      b.relation(
        'wasInfluencedBy',
        { 'prov:influencee': source, 'prov:influencer': b.id('ref', e.target_id) },
        { ...attrs, 'ext:edgeKind': e.kind },
      );
      continue;
    }
    // Dangling targets are exported as bare references (§11).
    const target =
      info.target === 'task'
        ? taskIds.has(e.target_id)
          ? b.id('task', e.target_id)
          : bare(b, 'task', e.target_id)
        : info.target === 'activity'
          ? activityIds.has(e.target_id)
            ? b.id('activity', e.target_id)
            : bare(b, 'activity', e.target_id)
          : agentIds.has(e.target_id)
            ? b.id('agent', e.target_id)
            : bare(b, 'agent', e.target_id);
    if (e.kind === 'generated_by')
      b.relation('wasGeneratedBy', { 'prov:entity': source, 'prov:activity': target }, attrs);
    else if (e.kind === 'attributed_to')
      b.relation('wasAttributedTo', { 'prov:entity': source, 'prov:agent': target }, attrs);
    else if (e.kind === 'derived_from')
      b.relation('wasDerivedFrom', { 'prov:generatedEntity': source, 'prov:usedEntity': target }, attrs);
    else
      b.relation(
        'wasInfluencedBy',
        { 'prov:influencee': source, 'prov:influencer': target },
        { ...attrs, 'prov:type': qn(info.relation) },
      );
  }
  return b.build();
}

/**
 * A dangling target: referenced but not described. Its identifier is declared with no attributes
 * but `ext:dangling`, so every id a relation names is declared in the document.
 */
function bare(b: ProvBuilder, prefix: 'task' | 'activity' | 'agent', raw: string): string {
  const id = b.id(prefix, raw);
  const attrs = { 'ext:id': raw, 'ext:dangling': true };
  if (prefix === 'task') b.entity(id, attrs);
  else if (prefix === 'activity') b.activity(id, null, null, attrs);
  else b.agent(id, attrs);
  return id;
}
