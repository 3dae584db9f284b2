import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { TaskGraph, TaskId } from '../../../../shared/model/tasks.js';
import { readGoTasksBytes } from '../../../../electron/importers/goTasks/index.js';
import type * as StoreModule from '../../../../renderer/src/stores/taskGraphStore.js';
import type * as TransformsModule from '../../../../renderer/src/stores/taskGraphTransforms.js';
import type * as ModelModule from '../../../../renderer/src/features/tasks/graphModel.js';
import type * as ElementsModule from '../../../../renderer/src/features/tasks/toCyElements.js';
import { buildSmallDb, H, handleOf } from '../../../helpers/goTasks.js';

const rendererJs = (p: string) => new URL(`../../../../renderer-js/src/${p}`, import.meta.url).href;
const { createTaskGraphStore } = (await import(rendererJs('stores/taskGraphStore.js'))) as typeof StoreModule;
const T = (await import(rendererJs('stores/taskGraphTransforms.js'))) as typeof TransformsModule;
const { buildGraphModel, defaultNamespace } = (await import(
  rendererJs('features/tasks/graphModel.js')
)) as typeof ModelModule;
const { toCyElements, edgeId } = (await import(
  rendererJs('features/tasks/toCyElements.js')
)) as typeof ElementsModule;

let small: TaskGraph;
before(async () => {
  small = await readGoTasksBytes(await buildSmallDb(), { name: 'small.db' });
});
const ids = (s: Iterable<string>) => [...s].map(handleOf).sort().join(' ');

test('the model: Ready and Blocked as the reference computes them, filter choices, default namespace', () => {
  const m = buildGraphModel(small);
  assert.equal(ids(m.ready), 'D F');
  assert.equal(ids(m.blocked), 'A B C');
  assert.deepEqual(m.labelNames, ['area:parser', 'ci:flaky']);
  assert.equal(defaultNamespace(m), 'https://github.com/example/widget-service');
});

test('filters: namespace, phase, status (including ready/blocked) and label', () => {
  const m = buildGraphModel(small);
  const f = (x: Partial<TransformsModule.TaskFilters>) => ids(T.filterTasks(m, { ...T.NO_FILTERS, ...x }));
  assert.equal(f({}), 'A B C D E F');
  assert.equal(f({ status: 'closed' }), 'E');
  assert.equal(f({ status: 'ready' }), 'D F');
  assert.equal(f({ status: 'blocked' }), 'A B C');
  assert.equal(f({ label: 'ci:flaky' }), 'F');
  assert.equal(f({ namespace: 'elsewhere' }), '');
  assert.equal(
    f({ phase: small.tasks[0]!.phase }),
    ids(small.tasks.filter((t) => t.phase === small.tasks[0]!.phase).map((t) => t.id)),
  );
});

test('collapse only past the budget; expanded counts decide whether a group may open', () => {
  const m = buildGraphModel(small);
  assert.equal(T.collapseFor(2000, 'phase', new Set()), null);
  assert.deepEqual(T.collapseFor(2001, 'phase', new Set(['landing'])), {
    groupBy: 'phase',
    expanded: new Set(['landing']),
  });
  assert.equal(T.collapseFor(7, 'phase', new Set(), 6)?.groupBy, 'phase');
  const all = T.filterTasks(m, T.NO_FILTERS);
  const phase = m.index.tasks.get(H.F)!.phase;
  assert.equal(
    T.expandedTaskCount(m, all, 'phase', new Set([phase])),
    small.tasks.filter((t) => t.phase === phase).length,
  );
});

test('selection overlay: the task, its ancestors and descendants marked, the rest dimmed; cycle path marked', () => {
  const m = buildGraphModel(small);
  const els = toCyElements(m);
  const o = T.highlightOverlay(m, els, { selectedId: H.B, focusedId: null, cyclePath: null });
  assert.equal(o.dimOthers, true);
  assert.equal(o.classes.get(H.B), 'selected');
  assert.equal(o.classes.get(H.D), 'ancestor related');
  assert.equal(o.classes.get(H.E), 'ancestor');
  assert.equal(o.classes.get(H.A), 'descendant');
  assert.equal(o.classes.get(H.C), undefined, 'C is neither: dimmed');
  assert.equal(o.classes.get(edgeId('blocked_by', H.A, H.B)), 'related');
  assert.equal(o.classes.get(edgeId('blocked_by', H.A, H.C)), undefined);
  const none = T.highlightOverlay(m, els, {
    selectedId: null,
    focusedId: H.F,
    cyclePath: [H.D, H.A, H.B, H.D],
  });
  assert.equal(none.dimOthers, false);
  assert.equal(none.classes.get(H.F), 'focused');
  assert.equal(none.classes.get(H.A), 'cycle');
  assert.equal(none.classes.get(edgeId('blocked_by', H.A, H.B)), 'cycle');
  assert.equal(none.classes.get(edgeId('blocked_by', H.B, H.D)), 'cycle');
  assert.equal(none.classes.get(edgeId('proposed', H.D, H.A)), 'cycle');
});

test('search: exact id, then title or id text among the visible tasks', () => {
  const m = buildGraphModel(small);
  const all = T.filterTasks(m, T.NO_FILTERS);
  assert.equal(T.searchTask(m, H.C, all), H.C);
  assert.equal(T.searchTask(m, 'golden', all), H.F);
  assert.equal(T.searchTask(m, 'GOLDEN', new Set([H.A])), null);
  assert.equal(T.searchTask(m, '  ', all), null);
});

test('edits applied locally return new graphs (the old one untouched) and keep idempotent ones unchanged', () => {
  const e = { source_id: H.F as TaskId, target_id: H.D, kind: 'blocked_by' as const, created_at: 1n };
  const g1 = T.withEdge(small, e);
  assert.notEqual(g1, small);
  assert.equal(g1.edges.length, small.edges.length + 1);
  assert.equal(T.withEdge(g1, e), g1);
  assert.equal(T.withoutEdge(g1, H.F, H.D, 'blocked_by').edges.length, small.edges.length);
  assert.equal(T.withoutEdge(small, H.F, H.D, 'blocked_by'), small);
  assert.equal(T.withLabel(small, H.B, 'area:parser'), small);
  assert.equal(T.withLabel(small, H.B, 'new').labels.length, small.labels.length + 1);
  const closed = { ...small.tasks[0]!, status: 'closed' as const };
  const g2 = T.withTask(small, closed);
  assert.equal(g2.tasks.length, small.tasks.length);
  assert.equal(g2.tasks[0]!.status, 'closed');
  assert.equal(small.tasks[0]!.status, 'open');
});

test('the store: a loaded graph builds the model; edits rebuild it and clear the cycle; a new graph clears the place', () => {
  const store = createTaskGraphStore();
  const s = () => store.getState();
  s().startLoading(1);
  assert.equal(s().loading, true);
  s().setGraph(1, small);
  assert.equal(s().loading, false);
  assert.equal(ids(s().model!.ready), 'D F');
  s().select(H.B);
  s().setCyclePath([H.D, H.A, H.B, H.D]);
  const before = s().model;
  s().updateGraph((g) =>
    T.withEdge(g, { source_id: H.F as TaskId, target_id: H.D, kind: 'blocked_by', created_at: 5n }),
  );
  assert.notEqual(s().model, before);
  assert.equal(ids(s().model!.blocked), 'A B C F');
  assert.equal(s().cyclePath, null);
  assert.equal(s().selectedId, H.B);
  // Reloading the same graph keeps a still-valid selection.
  s().setGraph(1, small);
  assert.equal(s().selectedId, H.B);
  const groups = s().expandedGroups;
  s().expandGroup('landing');
  assert.notEqual(s().expandedGroups, groups, 'sets are replaced');
  assert.equal(groups.size, 0);
  s().setPendingEdge({ source: H.A, kind: 'blocked_by' });
  s().startLoading(2);
  assert.equal(s().model, null);
  assert.equal(s().pendingEdge, null, 'the add-edge mode ends with the graph');
  s().setGraph(2, small);
  assert.equal(s().selectedId, null);
  assert.equal(s().expandedGroups.size, 0);
  s().setPendingEdge({ source: H.A, kind: 'blocked_by' });
  s().select(H.C);
  assert.equal(s().pendingEdge, null, 'selecting ends the add-edge mode');
  s().toggle('showAgents');
  assert.equal(s().showAgents, true);
  s().setFilter('label', 'ci:flaky');
  assert.equal(s().filters.label, 'ci:flaky');
});
