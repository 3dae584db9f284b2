/**
 * `provex tasks ...`: the Go tracker's read queries over the workspace's task graphs, in the
 * reference's orders (List by created_at, Ready/Blocked by priority then created_at, DepTree in
 * DFS pre-order, Ancestors/Descendants by created_at), and the export to a classic tracker file.
 * Without --graph every graph is searched: lists merge in the same order, a task id is looked up
 * across graphs.
 */
import type { Task, TaskGraph, TaskGraphId } from '../../../shared/model/tasks.js';
import {
  ancestors,
  blocked,
  buildTaskIndex,
  compareReadyOrder,
  depTree,
  descendants,
  ready,
  type TaskIndex,
} from '../../../shared/tasks/index.js';
import { compareUtf8 } from '../../../shared/tasks/ids.js';
import { writeGoTasksSqlite } from '../../exporters/goTasksSqlite.js';
import { TaskRepository } from '../../store/taskRepository.js';
import { DB_HELP, DB_OPTION, UserError, stringOpt, type Command, type Values } from '../command.js';
import { formatTable } from '../output.js';
import { withWorkspace } from '../workspaceOption.js';

interface LoadedGraph {
  graph_id: TaskGraphId;
  graph: TaskGraph;
  index: TaskIndex;
}

/** The graph named by --graph (id or unique name), or every graph of the workspace. */
async function loadGraphs(repo: TaskRepository, selector: string | undefined): Promise<LoadedGraph[]> {
  const summaries = await repo.listGraphs();
  const chosen = selector === undefined ? summaries : [findGraph(summaries, selector)];
  const out: LoadedGraph[] = [];
  for (const s of chosen) {
    const graph = await repo.loadGraph(s.graph_id);
    if (graph) out.push({ graph_id: s.graph_id, graph, index: buildTaskIndex(graph.tasks, graph.edges) });
  }
  return out;
}

function findGraph<G extends { graph_id: number; name: string }>(graphs: G[], selector: string): G {
  const byId = /^\d+$/.test(selector) ? graphs.find((g) => g.graph_id === Number(selector)) : undefined;
  if (byId) return byId;
  const byName = graphs.filter((g) => g.name === selector);
  if (byName.length === 1) return byName[0]!;
  if (byName.length > 1)
    throw new UserError(
      `several task graphs are named '${selector}' (#${byName.map((g) => g.graph_id).join(', #')}): use the id`,
    );
  const known = graphs.map((g) => `#${g.graph_id} ${g.name}`).join(', ') || 'none';
  throw new UserError(`no task graph '${selector}' (graphs: ${known})`);
}

/** The one graph holding `id`; ambiguous or unknown ids are errors the user can fix. */
function graphOf(graphs: LoadedGraph[], id: string): LoadedGraph {
  const holding = graphs.filter((g) => g.index.tasks.has(id));
  if (holding.length === 1) return holding[0]!;
  if (holding.length === 0) throw new UserError(`task not found: ${id}`);
  throw new UserError(
    `task ${id} is in several graphs (#${holding.map((g) => g.graph_id).join(', #')}): pass --graph`,
  );
}

interface Row {
  graph_id: TaskGraphId;
  task: Task;
}

/** The JSON form of a task row: the fields the Go CLI prints, timestamps as decimal strings. */
function taskJson({ graph_id, task: t }: Row) {
  return {
    id: t.id,
    title: t.title,
    status: t.status,
    priority: t.priority,
    type: t.type,
    phase: t.phase,
    namespace: t.namespace,
    owner_id: t.owner_id,
    created_at: t.created_at.toString(),
    graph_id,
  };
}

function printTasks(rows: Row[], values: Values, stdout: (t: string) => void, empty: string): void {
  if (values.json) {
    stdout(JSON.stringify(rows.map(taskJson), null, 2) + '\n');
    return;
  }
  if (rows.length === 0) {
    stdout(`${empty}\n`);
    return;
  }
  stdout(
    formatTable(
      ['id', 'title', 'status', 'priority', 'type', 'phase'],
      rows.map(({ task: t }) => [t.id, t.title, t.status, t.priority, t.type, t.phase]),
      70,
    ),
  );
}

const byCreated = (a: Row, b: Row): number =>
  a.task.created_at !== b.task.created_at
    ? a.task.created_at < b.task.created_at
      ? -1
      : 1
    : compareUtf8(a.task.id, b.task.id) || a.graph_id - b.graph_id;
const byReady = (a: Row, b: Row): number => compareReadyOrder(a.task, b.task) || a.graph_id - b.graph_id;

const GRAPH_OPTIONS = { ...DB_OPTION, graph: { type: 'string' }, json: { type: 'boolean' } } as const;
const GRAPH_HELP = {
  graph: 'only this task graph (id or name); default: every graph',
  json: 'print a JSON array of objects (id, title, status, priority, type, phase, …)',
  ...DB_HELP,
};

function listCommand(
  name: 'ls' | 'ready' | 'blocked',
  summary: string,
  select: (g: LoadedGraph) => Task[],
  order: (a: Row, b: Row) => number,
  empty: string,
): Command {
  return {
    name: `tasks ${name}`,
    summary,
    usage: `tasks ${name} [--graph ID] [--json] [--db PATH]`,
    options: GRAPH_OPTIONS,
    optionHelp: GRAPH_HELP,
    async run({ values, positionals, stdout }) {
      if (positionals.length) throw new UserError(`tasks ${name} takes no arguments`);
      const graphs = await withWorkspace(values, (ws) =>
        loadGraphs(new TaskRepository(ws), stringOpt(values, 'graph')),
      );
      const rows = graphs.flatMap((g) => select(g).map((task) => ({ graph_id: g.graph_id, task })));
      printTasks(rows.sort(order), values, stdout, empty);
    },
  };
}

function treeCommand(
  name: 'tree' | 'ancestors' | 'descendants',
  summary: string,
  run: (g: LoadedGraph, id: string, values: Values, stdout: (t: string) => void) => void,
): Command {
  return {
    name: `tasks ${name}`,
    summary,
    usage: `tasks ${name} <task-id> [--graph ID] [--json] [--db PATH]`,
    options: GRAPH_OPTIONS,
    optionHelp: GRAPH_HELP,
    async run({ values, positionals, stdout }) {
      const [id, ...extra] = positionals;
      if (!id || extra.length) throw new UserError(`tasks ${name} takes exactly one task id`);
      const graphs = await withWorkspace(values, (ws) =>
        loadGraphs(new TaskRepository(ws), stringOpt(values, 'graph')),
      );
      run(graphOf(graphs, id), id, values, stdout);
    },
  };
}

/** DepTree as an indented outline; an edge into an already shown task is marked, not expanded. */
function treeText(g: LoadedGraph, root: string): string {
  const title = (id: string) => g.index.tasks.get(id)?.title ?? '(not a task)';
  const lines = [`${root}  ${title(root)}`];
  const depth = new Map<string, number>([[root, 0]]);
  const shown = new Set<string>([root]);
  for (const e of depTree(g.index, root)) {
    const d = (depth.get(e.source_id) ?? 0) + 1;
    const again = shown.has(e.target_id);
    lines.push(`${'  '.repeat(d)}└ ${e.target_id}  ${title(e.target_id)}${again ? '  (shown above)' : ''}`);
    if (!again) {
      shown.add(e.target_id);
      depth.set(e.target_id, d);
    }
  }
  return lines.join('\n') + '\n';
}

const exportCommand: Command = {
  name: 'tasks export',
  summary:
    'Write a task graph as a classic Go tracker SQLite file (readable by github.com/dayvidpham/provenance).',
  usage: 'tasks export <graph> -o FILE.sqlite [--force] [--db PATH]',
  options: { ...DB_OPTION, output: { type: 'string', short: 'o' }, force: { type: 'boolean' } },
  optionHelp: {
    output: 'the file to write (-o)',
    force: 'replace an existing file',
    ...DB_HELP,
  },
  async run({ values, positionals, stdout }) {
    const [selector, ...extra] = positionals;
    const out = stringOpt(values, 'output');
    if (!selector || extra.length) throw new UserError('tasks export takes exactly one graph (id or name)');
    if (!out) throw new UserError('tasks export needs -o FILE.sqlite');
    const graph = await withWorkspace(
      values,
      async (ws) => {
        const repo = new TaskRepository(ws);
        const g = findGraph(await repo.listGraphs(), selector);
        return (await repo.loadGraph(g.graph_id))!;
      },
      { readOnly: true },
    );
    try {
      await writeGoTasksSqlite(graph, out, { overwrite: Boolean(values.force) });
    } catch (e) {
      throw new UserError((e as Error).message);
    }
    stdout(`wrote ${graph.tasks.length} tasks and ${graph.edges.length} edges to ${out}\n`);
  },
};

export const tasksCommands: Command[] = [
  listCommand(
    'ls',
    'List tasks, oldest first (the Go List order).',
    (g) => g.graph.tasks,
    byCreated,
    'no tasks',
  ),
  listCommand(
    'ready',
    'Tasks with no open blocker (in progress included), by priority then creation.',
    (g) => ready(g.index),
    byReady,
    'no ready tasks',
  ),
  listCommand(
    'blocked',
    'Tasks waiting for at least one open blocker, by priority then creation.',
    (g) => blocked(g.index),
    byReady,
    'no blocked tasks',
  ),
  treeCommand(
    'tree',
    'The blocked_by edges reachable from a task, in DFS pre-order (the Go DepTree).',
    (g, id, values, stdout) => {
      if (values.json) {
        const edges = depTree(g.index, id).map((e) => ({ source: e.source_id, target: e.target_id }));
        stdout(JSON.stringify(edges, null, 2) + '\n');
      } else stdout(treeText(g, id));
    },
  ),
  treeCommand('ancestors', 'Every task this task waits for, transitively (oldest first).', (g, id, v, out) =>
    printTasks(
      ancestors(g.index, id).map((task) => ({ graph_id: g.graph_id, task })),
      v,
      out,
      'no ancestors',
    ),
  ),
  treeCommand(
    'descendants',
    'Every task waiting for this task, transitively (oldest first).',
    (g, id, v, out) =>
      printTasks(
        descendants(g.index, id).map((task) => ({ graph_id: g.graph_id, task })),
        v,
        out,
        'no descendants',
      ),
  ),
  exportCommand,
];
