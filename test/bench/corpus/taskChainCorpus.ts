/**
 * The task database and the two chains of the benchmark, seeded: a classic Go tracker SQLite file
 * of `tasks` tasks and exactly `blockedBy` blocked_by edges (acyclic: a task waits on earlier ones),
 * and two CrucibleTrace chain files of `events` events where 5% of the second differ (edited,
 * removed or inserted).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Chain, ChainEvent, IsoTimestamp, KeptObject } from '../../../shared/model/chains.js';
import type { Task, TaskEdge, TaskGraph, TaskId } from '../../../shared/model/tasks.js';
import { writeChain } from '../../../shared/chains/chainWriter.js';
import { writeGoTasksSqlite } from '../../../electron/exporters/goTasksSqlite.js';
import { Dice } from './claudeCorpus.js';

export function taskGraph(tasks: number, blockedBy: number, seed: number): TaskGraph {
  const d = new Dice(seed);
  const base = 1_777_885_500_000_000_000n;
  const hex = (n: number, w: number): string => n.toString(16).padStart(w, '0');
  const list: Task[] = [];
  for (let i = 0; i < tasks; i++) {
    const created = base + BigInt(i) * 1_000_000_000n;
    const status = d.next() < 0.3 ? 'closed' : d.next() < 0.2 ? 'in_progress' : 'open';
    list.push({
      id: `bench--019df23b-${hex(i >> 12, 4)}-7${hex(i & 0xfff, 3)}-9d26-${hex(d.int(2 ** 40), 12)}` as TaskId,
      namespace: 'bench',
      title: `Task ${i}: ${d.pick(['measure', 'refactor', 'document', 'review', 'ship'])} part ${d.int(100)}`,
      description: '',
      status,
      priority: d.pick(['critical', 'high', 'medium', 'low', 'backlog'] as const),
      type: 'task',
      // 2,000 tasks in 'propose': the most the task view draws at once (its node budget).
      phase: i % 10 < 4 ? 'propose' : i % 10 < 7 ? 'review' : 'plan_uat',
      owner_id: null,
      notes: '',
      created_at: created,
      updated_at: created,
      closed_at: status === 'closed' ? created + 1n : null,
      close_reason: status === 'closed' ? 'done' : '',
    } as Task);
  }
  const edges: TaskEdge[] = [];
  const seen = new Set<string>();
  while (edges.length < blockedBy) {
    const i = 1 + d.int(tasks - 1);
    // Mostly near neighbours, so the graph has depth as well as breadth.
    const j = d.next() < 0.7 ? Math.max(0, i - 1 - d.int(20)) : d.int(i);
    const key = `${i}>${j}`;
    if (seen.has(key)) continue;
    seen.add(key);
    edges.push({
      source_id: list[i]!.id,
      target_id: list[j]!.id,
      kind: 'blocked_by',
      created_at: base + BigInt(edges.length),
    });
  }
  return {
    name: 'bench-tasks',
    generation: 'classic',
    read_only: false,
    tasks: list,
    edges,
    agents: [],
    activities: [],
    labels: [],
    comments: [],
    warnings: [],
  };
}

export async function writeTaskDb(
  dir: string,
  tasks: number,
  blockedBy: number,
  seed: number,
): Promise<string> {
  const path = join(dir, 'bench-tasks.db');
  await writeGoTasksSqlite(taskGraph(tasks, blockedBy, seed), path, { overwrite: true });
  return path;
}

const TYPES = [
  'hypothesis_formed',
  'pattern_applied',
  'constraint_evaluated',
  'alternative_rejected',
  'decision_made',
];

function chainEvent(d: Dice, i: number, prev: string | null): ChainEvent {
  return {
    id: d.uuid().replace(/-/g, ''),
    timestamp: new Date(Date.UTC(2025, 0, 15, 10) + i * 1000)
      .toISOString()
      .replace('.000Z', 'Z') as IsoTimestamp,
    type: d.pick(TYPES),
    decision: `Decision ${i}: use ${d.pick(['a registry', 'ETS', 'Mnesia', 'a supervisor', 'GenServer'])}`,
    reasoning: `Because ${d.pick(['fault tolerance', 'latency', 'memory', 'simplicity'])} matters for step ${i}`,
    alternatives: [d.pick(['ETS table', 'Mnesia', 'Agent'])],
    confidence: Math.round(d.next() * 100) / 100,
    code_section: null,
    spec_reference: null,
    metadata: {} as KeptObject,
    parent_id: prev,
    depends_on: [],
    stage_id: null,
    experiment_id: null,
  };
}

/** Chain A, and chain B: A with 5% of its events edited (reasoning, confidence), dropped or new. */
export function chainPair(events: number, seed: number): [Chain, Chain] {
  const d = new Dice(seed);
  const a: ChainEvent[] = [];
  for (let i = 0; i < events; i++) a.push(chainEvent(d, i, a[i - 1]?.id ?? null));
  const b: ChainEvent[] = [];
  for (let i = 0; i < events; i++) {
    const e = a[i]!;
    if (d.next() >= 0.05) b.push(e);
    else {
      const roll = d.int(3);
      if (roll === 0) b.push({ ...e, reasoning: `${e.reasoning} (revised)`, confidence: 1 - e.confidence });
      else if (roll === 1) b.push(e, chainEvent(d, events + i, e.id));
      // roll 2: dropped
    }
  }
  const created = '2025-01-15T10:00:00Z' as IsoTimestamp;
  const chain = (id: string, name: string, evs: ChainEvent[]): Chain => ({
    id,
    name,
    description: null,
    events: evs,
    metadata: {} as KeptObject,
    created_at: created,
    updated_at: created,
  });
  return [chain('bench-chain-a', 'Run A', a), chain('bench-chain-b', 'Run B', b)];
}

export function writeChainPair(dir: string, events: number, seed: number): [string, string] {
  const [a, b] = chainPair(events, seed);
  const pa = join(dir, 'chain-a.json');
  const pb = join(dir, 'chain-b.json');
  writeFileSync(pa, writeChain(a));
  writeFileSync(pb, writeChain(b));
  return [pa, pb];
}
