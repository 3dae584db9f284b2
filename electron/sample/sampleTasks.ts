import type { TaskId } from '../../shared/model/ids.js';
import {
  asActivityId,
  asAgentId,
  asCommentId,
  type PhaseName,
  type PriorityName,
  type StatusName,
  type Task,
  type TaskActivity,
  type TaskAgent,
  type TaskEdge,
  type TaskGraph,
  type TaskTypeName,
} from '../../shared/model/tasks.js';
import { createUuidV7Generator } from '../../shared/tasks/ids.js';
import { seededRandom } from '../../shared/util/random.js';

export const SAMPLE_TASK_NAMESPACE = 'https://github.com/CultureBotAI/MicroGrowAgents';

type Spec = [
  key: string,
  title: string,
  type: TaskTypeName,
  priority: PriorityName,
  status: StatusName,
  phase: PhaseName,
];

/** A release plan: an epic blocked by features, which wait on tasks, chores and a bug. */
const TASKS: Spec[] = [
  ['epic', 'EPIC: lanthanide-aware media recommendations', 'epic', 'high', 'open', 'request'],
  ['elicit', 'Collect XoxF-MDH growth conditions from the literature', 'task', 'high', 'closed', 'elicit'],
  ['propose', 'Propose the Nd3+ supplementation rule', 'feature', 'high', 'closed', 'propose'],
  ['review', 'Review the rule with the wet lab', 'task', 'medium', 'closed', 'review'],
  ['uat', 'Plan acceptance: 3 AM-1 variants grow in MP + Nd', 'task', 'medium', 'in_progress', 'plan_uat'],
  ['schema', 'Extend the media schema with trace metals', 'feature', 'high', 'closed', 'impl_plan'],
  ['kegg', 'Cache KEGG pathway lookups', 'task', 'medium', 'in_progress', 'worker_slices'],
  ['pubchem', 'Retry PubChem on HTTP 503', 'bug', 'critical', 'open', 'worker_slices'],
  ['formulate', 'MediaFormulationAgent: emit Nd variants', 'feature', 'high', 'in_progress', 'worker_slices'],
  ['growth', 'GrowthPredictionAgent: score variants', 'feature', 'medium', 'open', 'worker_slices'],
  ['pathway', 'PathwayAnalysisAgent: check xoxF presence', 'task', 'medium', 'closed', 'worker_slices'],
  ['provenance', 'Record provenance for every agent run', 'chore', 'medium', 'closed', 'worker_slices'],
  ['review-code', 'Code review of the formulation slice', 'task', 'medium', 'open', 'code_review'],
  ['uat-run', 'Run acceptance on the three variants', 'task', 'high', 'open', 'impl_uat'],
  ['land', 'Land and tag v0.4', 'chore', 'medium', 'open', 'landing'],
  ['docs', 'Document trace-metal media in the README', 'chore', 'low', 'open', 'unscoped'],
  ['flaky', 'Flaky growth-curve fit on CI', 'bug', 'high', 'open', 'unscoped'],
  ['pfas', 'PFAS: bioconcentration factor for PFOS', 'feature', 'backlog', 'open', 'unscoped'],
];

/** source waits for target ("blocked_by"). */
const BLOCKED_BY: [string, string][] = [
  ['epic', 'uat-run'],
  ['epic', 'land'],
  ['land', 'uat-run'],
  ['land', 'review-code'],
  ['uat-run', 'formulate'],
  ['uat-run', 'growth'],
  ['uat-run', 'uat'],
  ['review-code', 'formulate'],
  ['formulate', 'schema'],
  ['formulate', 'kegg'],
  ['formulate', 'pubchem'],
  ['formulate', 'pathway'],
  ['growth', 'formulate'],
  ['growth', 'flaky'],
  ['schema', 'review'],
  ['review', 'propose'],
  ['propose', 'elicit'],
  ['uat', 'review'],
  ['docs', 'land'],
  ['pathway', 'provenance'],
];

const NS_BIG = 1_000_000_000n;

/** The sample task graph: keyed ids (so sessions can link to tasks) and the graph itself. */
export function sampleTaskGraph(startMs: number): { ids: Record<string, TaskId>; graph: TaskGraph } {
  const rand = seededRandom(7);
  let clock = BigInt(startMs) * 1_000_000n;
  const nowNs = () => (clock += 3_600n * NS_BIG);
  const uuid = createUuidV7Generator({
    nowNs,
    randomBytes: (n) => Uint8Array.from({ length: n }, () => Math.floor(rand() * 256)),
  });
  const id = (ns: string) => `${ns}--${uuid()}`;
  const ada = asAgentId(id('CultureBotAI'));
  const claude = asAgentId(id('CultureBotAI'));
  const ci = asAgentId(id('ci--bots'));
  const agents: TaskAgent[] = [
    { kind: 'human', id: ada, name: 'Ada Example', contact: 'ada@example.org' },
    {
      kind: 'machine_learning',
      id: claude,
      role: 'worker',
      provider: 'anthropic',
      model: 'claude-sonnet-4-5',
    },
    { kind: 'software', id: ci, name: 'ci-bot', version: '1.2.0', source: 'github.com/CultureBotAI/ci-bot' },
  ];
  const ids: Record<string, TaskId> = {};
  const tasks: Task[] = TASKS.map(([key, title, type, priority, status, phase]) => {
    const created = nowNs();
    const taskId = id(SAMPLE_TASK_NAMESPACE) as TaskId;
    ids[key] = taskId;
    return {
      id: taskId,
      namespace: SAMPLE_TASK_NAMESPACE,
      title,
      description: `${title}. Part of the lanthanide media release.`,
      status,
      priority,
      type,
      phase,
      owner_id: status === 'in_progress' ? (key === 'kegg' ? ci : claude) : null,
      notes: '',
      created_at: created,
      updated_at: created,
      closed_at: status === 'closed' ? created + 86_400n * NS_BIG : null,
      close_reason: status === 'closed' ? 'done' : '',
    };
  });
  const plan = asActivityId(id('CultureBotAI'));
  const build = asActivityId(id('ci--bots'));
  const activities: TaskActivity[] = [
    {
      id: plan,
      agent_id: ada,
      phase: 'impl_plan',
      stage: 'complete',
      started_at: nowNs(),
      ended_at: nowNs(),
      notes: 'planning',
    },
    {
      id: build,
      agent_id: ci,
      phase: 'worker_slices',
      stage: 'in_progress',
      started_at: nowNs(),
      ended_at: null,
      notes: '',
    },
  ];
  const edge = (source: string, target: string, kind: TaskEdge['kind']): TaskEdge => ({
    source_id: ids[source]!,
    target_id: target,
    kind,
    created_at: nowNs(),
  });
  const edges: TaskEdge[] = [
    ...BLOCKED_BY.map(([s, t]) => edge(s, ids[t]!, 'blocked_by')),
    edge('schema', plan, 'generated_by'),
    edge('kegg', build, 'generated_by'),
    edge('propose', ada, 'attributed_to'),
    edge('formulate', claude, 'attributed_to'),
    edge('flaky', ids.growth!, 'discovered_from'),
    edge('pubchem', ids.kegg!, 'derived_from'),
  ];
  return {
    ids,
    graph: {
      name: 'MicroGrowAgents release plan',
      generation: 'workspace',
      read_only: false,
      tasks,
      edges,
      agents,
      activities,
      labels: [
        { task_id: ids.formulate!, name: 'area:media' },
        { task_id: ids.pubchem!, name: 'aura:severity:blocker' },
        { task_id: ids.flaky!, name: 'ci:flaky' },
        { task_id: ids.kegg!, name: 'area:cache' },
      ],
      comments: [
        {
          id: asCommentId(id(SAMPLE_TASK_NAMESPACE)),
          task_id: ids.formulate!,
          author_id: ada,
          body: 'Keep Ca-free variants: XoxF needs Nd3+ only when Ca is absent.',
          created_at: nowNs(),
        },
      ],
      warnings: [],
    },
  };
}
