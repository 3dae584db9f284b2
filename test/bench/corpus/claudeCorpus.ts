/**
 * Writes `.claude/provenance` trees for the benchmark, directly in the generated format (spec §4.1,
 * §5, §6): seeded, so every run writes the same bytes, and streamed, so a 1,000,000-line log never
 * sits in memory whole. Each session folder holds manifest.yaml, actions.jsonl and summary.md (no
 * `<uuid>.json`: its execution_trace would import every event a second time).
 */
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rng } from '../../unit/shared/tasks/generatedGraph.js';

export interface ClaudeCorpus {
  /** One project root per project (each holds `.claude/provenance`). */
  projectRoots: string[];
  /** Every actions.jsonl written, for the read_json baseline. */
  actionFiles: string[];
  sessions: number;
  lines: number;
}

export interface BigSession {
  projectRoot: string;
  actionFile: string;
  sessionId: string;
  lines: number;
}

const AGENTS = [
  'MediaFormulationAgent',
  'GrowthPredictionAgent',
  'PathwayAnalysisAgent',
  'LiteratureAgent',
  'SQLAgent',
];
const ORGANISMS = [
  'Methylorubrum extorquens AM-1',
  'Escherichia coli K-12',
  'Bacillus subtilis 168',
  'Pseudomonas putida KT2440',
];
const TOPICS = [
  'lanthanide uptake',
  'nitrogen limitation',
  'phosphate starvation',
  'carbon source switch',
  'trace metals',
];
const TOOLS = ['DuckDB', 'PubChemAPI', 'KEGGPathwayAPI', 'NCBIGenomeAPI', 'ChEBIAPI'];
const DECISIONS = ['route_selection', 'lanthanide_supplementation', 'media_type', 'buffer_choice'];
const MESSAGES = [
  'Loading base medium',
  'Resolving compound ids',
  'Cache warm',
  'Scoring variants',
  'Writing results',
];

/** A seeded random source with the helpers the writers need. */
export class Dice {
  private readonly r: () => number;
  constructor(seed: number) {
    this.r = rng(seed);
  }
  next(): number {
    return this.r();
  }
  int(n: number): number {
    return Math.floor(this.r() * n);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)]!;
  }
  uuid(): string {
    const h = (n: number): string => {
      let s = '';
      for (let i = 0; i < n; i++) s += '0123456789abcdef'[this.int(16)];
      return s;
    };
    return `${h(8)}-${h(4)}-4${h(3)}-${'89ab'[this.int(4)]}${h(3)}-${h(12)}`;
  }
}

/** Python `isoformat()` of a naive UTC time in microseconds (no fraction when it is 0). */
export function isoMicros(us: number): string {
  const ms = Math.floor(us / 1000);
  const base = new Date(ms).toISOString().slice(0, 19);
  const frac = us % 1_000_000;
  return frac === 0 ? base : `${base}.${String(frac).padStart(6, '0')}`;
}

function folderName(us: number): string {
  const d = new Date(Math.floor(us / 1000)).toISOString();
  return `${d.slice(0, 10)}-${d.slice(11, 13)}-${d.slice(14, 16)}`;
}

/** json.dumps of a string (ensure_ascii=False): JSON.stringify gives the same for our ASCII text. */
const q = (s: string): string => JSON.stringify(s);

interface SessionPlan {
  id: string;
  parent: string | null;
  agent: string;
  query: string;
  startUs: number;
  folder: string;
  success: boolean;
}

interface Counts {
  read: number;
  execute: number;
  query: number;
  decision: number;
  analyze: number;
  cacheHits: number;
  apis: Set<string>;
  pubchem: number;
  pubchemHits: number;
  duckdb: number;
  tools: Map<string, number>;
}

/** One action line (spec §5.1, Python spacing), and its counts. */
function actionLine(
  d: Dice,
  p: SessionPlan,
  seq: number,
  last: number,
  us: number,
  c: Counts,
  links: string,
): string {
  let type: string;
  let tool: string;
  let duration: number;
  let details: string;
  let readOnly = false;
  if (seq === 1) {
    type = 'execute';
    tool = 'AgentExecution';
    duration = 0;
    details = `{"agent_type": ${q(p.agent)}, "query": ${q(p.query)}}`;
    readOnly = true;
  } else if (seq === last) {
    type = 'execute';
    tool = 'AgentExecution';
    duration = Math.floor((us - p.startUs) / 1000);
    details = `{"success": ${p.success ? 'true' : 'false'}, "duration_ms": ${duration}}`;
    readOnly = true;
  } else {
    const roll = d.next();
    if (roll < 0.3) {
      type = 'read';
      const level = d.next() < 0.9 ? 'INFO' : 'WARNING';
      tool = `log_${level.toLowerCase()}`;
      duration = 0;
      details = `{"message": ${q(`${d.pick(MESSAGES)} ${seq}`)}, "level": "${level}"}`;
      readOnly = true;
    } else if (roll < 0.75) {
      type = 'query';
      tool = d.pick(TOOLS);
      duration = 1 + d.int(900);
      const hit = d.next() < 0.25;
      details = `{"call_id": "${d.uuid()}", "cache_hit": ${hit}, "duration_ms": ${duration}}`;
      if (hit) c.cacheHits++;
      c.apis.add(tool);
      if (tool === 'PubChemAPI') {
        c.pubchem++;
        if (hit) c.pubchemHits++;
      }
      if (tool === 'DuckDB') c.duckdb++;
    } else if (roll < 0.9) {
      type = 'decision';
      tool = d.pick(DECISIONS);
      duration = 0;
      details = `{"branch_taken": "option_${d.int(4)}", "reason": ${q(`${d.pick(TOPICS)} favours it`)}}`;
    } else {
      type = 'analyze';
      tool = 'DataAggregation';
      duration = 1 + d.int(60);
      details = `{"method": "pandas.groupby", "duration_ms": ${duration}}`;
    }
  }
  c[type as 'read' | 'execute' | 'query' | 'decision' | 'analyze']++;
  c.tools.set(tool, (c.tools.get(tool) ?? 0) + 1);
  return (
    `{"timestamp": "${isoMicros(us)}Z", "action_id": ${seq}, "type": "${type}", "tool": ${q(tool)}, "status": "success", ` +
    `"duration_ms": ${duration}, "details": ${details}, "files_affected": [], "read_only": ${readOnly}, ` +
    `"database_event_id": "${d.uuid()}"${links}}\n`
  );
}

function newCounts(): Counts {
  return {
    read: 0,
    execute: 0,
    query: 0,
    decision: 0,
    analyze: 0,
    cacheHits: 0,
    apis: new Set(),
    pubchem: 0,
    pubchemHits: 0,
    duckdb: 0,
    tools: new Map(),
  };
}

const yamlList = (xs: readonly string[], indent: string): string =>
  xs.length === 0 ? ' []\n' : `\n${xs.map((x) => `${indent}- ${x}\n`).join('')}`;

function manifestYaml(p: SessionPlan, endUs: number, lines: number, c: Counts, root: string): string {
  const durMs = Math.floor((endUs - p.startUs) / 1000);
  const minutes = durMs === 0 ? 'null' : String(Math.round(durMs / 600) / 100);
  return `session:
  id: agent-session-${p.folder}
  database_session_id: ${p.id}
  date_started: '${isoMicros(p.startUs)}Z'
  date_ended: '${isoMicros(endUs)}Z'
  duration_minutes: ${minutes.includes('.') || minutes === 'null' ? minutes : `${minutes}.0`}
  model: claude-sonnet-4-5
  user: marcin
  session_type: agent_execution
  agent_type: ${p.agent}
user_context:
  working_directory: ${root}
  git_branch: null
  git_commit_before: null
  git_commit_after: null
  python_version: null
  project_status: MicroGrowAgents development
agent_context:
  query: ${p.query}
  kwargs:
    max_variants: 3
  parent_session_id: ${p.parent ?? 'null'}
  depth: ${p.parent ? 1 : 0}
goals:
- ${p.query}
results:
  success: ${p.success}
  actions_performed: ${lines}
  files_analyzed: 0
  files_created: 0
  files_modified: 0
  api_calls_made: ${c.query}
  cache_hits: ${c.cacheHits}
  notes: ''
action_summary:
  reads:
    total: ${c.read}
    files: []
  searches:
    total: 0
    patterns: []
  modifications:
    total: 0
    files: []
  executions:
    total: ${c.execute}
    commands: []
  queries:
    total: ${c.query}
    apis:${yamlList([...c.apis].sort(), '    ')}  decisions:
    total: ${c.decision}
    key_decisions: []
  transformations:
    total: ${c.analyze}
    transformation_types: []
tool_usage:
  pubchem:
    calls: ${c.pubchem}
    cache_hits: ${c.pubchemHits}
    operations: []
  pubmed:
    calls: 0
    cache_hits: 0
    operations: []
  duckdb:
    calls: ${c.duckdb}
    queries: []
  sub_agents:
    calls: 0
    agent_types: []
key_findings: []
recommendations: []
errors:${p.success ? ' []\n' : `\n- 'HTTPError 503: upstream unavailable'\n`}warnings: []
entity_links:
  genome_annotations: []
  pathway_models: []
  media_formulations: []
  ingredients: []
metadata:
  created_by: MicroGrowAgents Provenance System v1.0
  schema_version: 1.0.0
  hybrid_storage: true
  database_path: data/processed/microgrow.duckdb
  file_session_dir: .claude/provenance/sessions/${p.folder}
`;
}

function summaryMd(p: SessionPlan, endUs: number, lines: number, c: Counts): string {
  const durMs = Math.floor((endUs - p.startUs) / 1000);
  const tools = [...c.tools.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  return `# Agent Execution Summary

**Session:** ${p.folder}
**Agent:** ${p.agent}
**Duration:** ${durMs}ms (${(durMs / 1000).toFixed(2)}s)
**Status:** ${p.success ? '✓ Success' : '✗ Failed'}

## Query
\`\`\`
${p.query}
\`\`\`

## Results
- Total actions: ${lines}
- Successful: ${lines}
- Failed: 0
- API calls: ${c.query}
- Decisions: ${c.decision}
- Analyses: ${c.analyze}

## Actions Performed

### Tools Used
${tools.map(([t, n]) => `- **${t}**: ${n} calls`).join('\n')}

---
*Generated by MicroGrowAgents Provenance System v1.0*
`;
}

const ENTITY_LINKS =
  `, "entity_links": [{"entity_table": "ingredients", "entity_id": "CHEBI:33372", "link_type": "used"}, ` +
  `{"entity_table": "media", "entity_id": "MP", "link_type": "derived_from"}]`;

function planSession(d: Dice, startUs: number, parent: string | null): SessionPlan {
  const agent = d.pick(AGENTS);
  return {
    id: d.uuid(),
    parent,
    agent,
    query: `Recommend a medium for ${d.pick(ORGANISMS)} under ${d.pick(TOPICS)} (run ${d.int(100000)})`,
    startUs,
    folder: folderName(startUs),
    success: d.next() < 0.9,
  };
}

function provenanceDirOf(projectRoot: string): string {
  const dir = join(projectRoot, '.claude', 'provenance');
  mkdirSync(join(dir, 'sessions'), { recursive: true });
  mkdirSync(join(dir, 'indices'), { recursive: true });
  return dir;
}

/**
 * `projects` project roots under `dir`, each with `sessionsPerProject` session folders of
 * `actionsPerSession` lines. Sessions start three minutes apart (one folder each); one in ten is
 * a child of the session before it; one in five carries entity links from its tenth line on.
 */
export function writeClaudeCorpus(
  dir: string,
  o: { projects: number; sessionsPerProject: number; actionsPerSession: number; seed: number },
): ClaudeCorpus {
  const d = new Dice(o.seed);
  const out: ClaudeCorpus = { projectRoots: [], actionFiles: [], sessions: 0, lines: 0 };
  for (let p = 0; p < o.projects; p++) {
    const root = join(dir, `project-${p + 1}`);
    const prov = provenanceDirOf(root);
    out.projectRoots.push(root);
    let startUs = Date.UTC(2026, 0, 1 + p * 10, 8) * 1000;
    let previous: string | null = null;
    for (let s = 0; s < o.sessionsPerProject; s++) {
      startUs += 3 * 60_000_000 + d.int(60_000_000);
      const plan = planSession(d, startUs, s % 10 === 9 ? previous : null);
      previous = plan.id;
      const folder = join(prov, 'sessions', plan.folder);
      mkdirSync(folder, { recursive: true });
      const c = newCounts();
      const withLinks = d.next() < 0.2;
      let us = startUs + 200;
      let text = '';
      for (let seq = 1; seq <= o.actionsPerSession; seq++) {
        us += 1 + d.int(1_000_000);
        text += actionLine(
          d,
          plan,
          seq,
          o.actionsPerSession,
          us,
          c,
          withLinks && seq >= 10 ? ENTITY_LINKS : '',
        );
      }
      const actions = join(folder, 'actions.jsonl');
      writeFileSync(actions, text);
      writeFileSync(join(folder, 'manifest.yaml'), manifestYaml(plan, us - 5, o.actionsPerSession, c, root));
      writeFileSync(join(folder, 'summary.md'), summaryMd(plan, us - 5, o.actionsPerSession, c));
      out.actionFiles.push(actions);
      out.sessions++;
      out.lines += o.actionsPerSession;
    }
  }
  return out;
}

/** One session of `events` lines in its own project, streamed to disk in chunks. */
export async function writeBigSession(dir: string, events: number, seed: number): Promise<BigSession> {
  const d = new Dice(seed);
  const root = join(dir, 'project-big');
  const prov = provenanceDirOf(root);
  const startUs = Date.UTC(2026, 2, 1, 6) * 1000 + 123_456;
  const plan = planSession(d, startUs, null);
  const folder = join(prov, 'sessions', plan.folder);
  mkdirSync(folder, { recursive: true });
  const actionFile = join(folder, 'actions.jsonl');
  const stream = createWriteStream(actionFile);
  const c = newCounts();
  let us = startUs + 200;
  for (let seq = 1; seq <= events;) {
    let chunk = '';
    for (let k = 0; k < 5000 && seq <= events; k++, seq++) {
      us += 1 + d.int(100_000);
      chunk += actionLine(d, plan, seq, events, us, c, '');
    }
    if (!stream.write(chunk)) await new Promise<void>((r) => stream.once('drain', () => r()));
  }
  await new Promise<void>((res, rej) => stream.end((e?: Error | null) => (e ? rej(e) : res())));
  writeFileSync(join(folder, 'manifest.yaml'), manifestYaml(plan, us - 5, events, c, root));
  writeFileSync(join(folder, 'summary.md'), summaryMd(plan, us - 5, events, c));
  return { projectRoot: root, actionFile, sessionId: plan.id, lines: events };
}
