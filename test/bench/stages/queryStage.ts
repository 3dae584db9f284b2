/**
 * Service calls over the imported workspace, as the renderer makes them: sessions/list with a
 * filter and with a text search, timeline/window at random offsets of the big session (cold first
 * window and overview reported apart), Ready + Blocked of the task graph, the chain diff.
 */
import { fromWire } from '../../../shared/tasks/wire.js';
import { blocked, buildTaskIndex, ready } from '../../../shared/tasks/index.js';
import { compareChains } from '../../../shared/chains/diff/compareChains.js';
import type { Chain } from '../../../shared/model/chains.js';
import type { ChainId, SessionId } from '../../../shared/model/ids.js';
import type { TaskGraphId } from '../../../shared/model/tasks.js';
import type { Service } from '../../../electron/service.js';
import { Dice } from '../corpus/claudeCorpus.js';
import { quantile, timeEach, type Report } from '../report.js';

const CALLS = 100;

function p50p95(report: Report, name: string, xs: number[], target: number): void {
  report.add(`${name} p50`, quantile(xs, 0.5), 'ms');
  report.add(`${name} p95`, quantile(xs, 0.95), 'ms', target);
}

export async function sessionListFigures(report: Report, service: Service, project: string): Promise<void> {
  const filter = { project, agent: 'PathwayAnalysisAgent', success: true, limit: 100 };
  const first = await service['sessions/list'](filter);
  if (first.rows.length === 0) throw new Error('sessions/list: the filter matched nothing');
  p50p95(report, 'sessions/list filter', await timeEach(CALLS, () => service['sessions/list'](filter)), 30);
  const search = { search: 'nitrogen limitation', limit: 100 };
  const found = await service['sessions/list'](search);
  if (found.rows.length === 0) throw new Error('sessions/list: the search matched nothing');
  p50p95(report, 'sessions/list search', await timeEach(CALLS, () => service['sessions/list'](search)), 30);
}

export async function timelineFigures(report: Report, service: Service, session: string): Promise<void> {
  const id = session as SessionId;
  let t0 = performance.now();
  const overview = await service['timeline/overview']({ session_id: id });
  report.add('timeline/overview cold', performance.now() - t0, 'ms');
  if (!overview) throw new Error('timeline: no overview of the big session');
  t0 = performance.now();
  const w = await service['timeline/window']({ session_id: id, offset: 0, limit: 200 });
  report.add('timeline/window first (cold)', performance.now() - t0, 'ms');
  if (w.rows.length !== 200) throw new Error(`timeline: first window has ${w.rows.length} rows`);
  const d = new Dice(7);
  const times = await timeEach(CALLS, () =>
    service['timeline/window']({ session_id: id, offset: d.int(w.total_rows - 200), limit: 200 }),
  );
  p50p95(report, 'timeline/window 200 rows', times, 20);
}

export async function taskFigures(report: Report, service: Service): Promise<TaskGraphId> {
  const [summary] = await service['tasks/graphs']();
  if (!summary) throw new Error('tasks: no graph');
  const t0 = performance.now();
  const wire = await service['tasks/graph']({ graph_id: summary.graph_id });
  report.add('tasks/graph load 5,000 tasks', performance.now() - t0, 'ms');
  const g = fromWire(wire!);
  let counts = '';
  const times = await timeEach(21, () => {
    const index = buildTaskIndex(g.tasks, g.edges);
    const r = ready(index);
    const b = blocked(index);
    counts = `${g.tasks.length} tasks, ${g.edges.length} edges: ${r.length} ready, ${b.length} blocked`;
  });
  report.add('Ready+Blocked 5,000 tasks (index included), median', quantile(times, 0.5), 'ms', 50, counts);
  return summary.graph_id;
}

export async function chainFigures(report: Report, service: Service, pair: [Chain, Chain]): Promise<void> {
  const [a, b] = pair;
  let summary = '';
  const times = await timeEach(11, () => {
    const r = compareChains(a, b, { matchBy: 'auto', ignoreTimestamps: true });
    summary = `${a.events.length} vs ${b.events.length} events: ${r.added.length} added, ${r.removed.length} removed, ${r.modified.length} modified`;
  });
  report.add('chain diff 2x10,000 (compareChains), median', quantile(times, 0.5), 'ms', 50, summary);
  const page = await service['chains/list']({});
  const idOf = (name: string): ChainId => {
    const c = page.rows.find((r) => r.name === name);
    if (!c) throw new Error(`chains: ${name} not imported`);
    return c.chain_id;
  };
  const t0 = performance.now();
  await service['chains/diff']({
    a: { kind: 'chain', id: idOf(a.name!) },
    b: { kind: 'chain', id: idOf(b.name!) },
  });
  report.add('chains/diff service call (load both + diff + text)', performance.now() - t0, 'ms');
}
