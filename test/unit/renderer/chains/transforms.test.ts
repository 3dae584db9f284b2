import assert from 'node:assert/strict';
import { test } from 'node:test';
import { alignChains } from '../../../../shared/chains/diff/alignChains.js';
import { readChain } from '../../../../shared/chains/chainReader.js';
import type * as Filters from '../../../../renderer/src/stores/chainEventFilters.js';
import type * as DiffRows from '../../../../renderer/src/stores/diffRows.js';
import type * as Training from '../../../../renderer/src/stores/trainingSeries.js';
import type * as Graph from '../../../../renderer/src/features/chains/chainGraphElements.js';
import { chainB, golden, readOwn } from '../../../helpers/crucible.js';
import { rendererJs } from '../../../helpers/rendererModule.js';

const F = (await import(rendererJs('stores/chainEventFilters.js'))) as typeof Filters;
const D = (await import(rendererJs('stores/diffRows.js'))) as typeof DiffRows;
const T = (await import(rendererJs('stores/trainingSeries.js'))) as typeof Training;
const G = (await import(rendererJs('features/chains/chainGraphElements.js'))) as typeof Graph;

test('event filters: type set, inclusive confidence range, text in any shown field', () => {
  const events = golden().events; // confidences 0.9, 0.95, 0.6, 0.45
  assert.deepEqual(F.filterEventIndices(events, F.NO_FILTER), [0, 1, 2, 3]);
  assert.deepEqual(F.filterEventIndices(events, { ...F.NO_FILTER, minConfidence: 0.6 }), [0, 1, 2]);
  assert.deepEqual(F.filterEventIndices(events, { ...F.NO_FILTER, maxConfidence: 0.6 }), [2, 3]);
  const types = F.toggleType(new Set(), 'ambiguity_flagged');
  assert.deepEqual(F.filterEventIndices(events, { ...F.NO_FILTER, types }), [3]);
  assert.deepEqual(F.filterEventIndices(events, { ...F.NO_FILTER, text: 'CLUSTER-WIDE' }), [2]);
  assert.deepEqual(F.filterEventIndices(events, { ...F.NO_FILTER, text: 'exp-001' }), [3]);
  assert.equal(F.isFiltering(F.NO_FILTER), false);
  assert.equal(F.isFiltering({ ...F.NO_FILTER, text: ' x ' }), true);
  // An out-of-range confidence (a file may hold 1.5) still passes the default range.
  const odd = [{ ...events[0]!, confidence: 1.5 }];
  assert.deepEqual(F.filterEventIndices(odd, F.NO_FILTER), [0]);
  assert.equal(F.confidencePercent(1.5), 100);
});

test('toggleType replaces the set; type counts and confidence levels', () => {
  const a = new Set(['x']);
  const b = F.toggleType(a, 'y');
  assert.notEqual(a, b);
  assert.deepEqual([...a], ['x']);
  assert.deepEqual([...F.toggleType(b, 'x')], ['y']);
  const e = golden().events;
  assert.deepEqual(F.typeCounts([...e, e[0]!]), [
    ['hypothesis_formed', 2],
    ['alternative_rejected', 1],
    ['ambiguity_flagged', 1],
    ['constraint_evaluated', 1],
  ]);
  assert.deepEqual([0.8, 0.79, 0.5, 0.49].map(F.confidenceLevel), ['high', 'medium', 'medium', 'low']);
});

test('diff rows: changes only, stepping n / p, confidence change', () => {
  const al = alignChains(golden(), chainB());
  assert.deepEqual(
    D.visibleRows(al, false),
    al.rows.map((_, i) => i),
  );
  assert.deepEqual(D.visibleRows(al, true), al.changeIndices);
  const changes = [2, 5, 9];
  assert.equal(D.stepChange(changes, null, 1), 2);
  assert.equal(D.stepChange(changes, null, -1), 9);
  assert.equal(D.stepChange(changes, 2, 1), 5);
  assert.equal(D.stepChange(changes, 9, 1), 9);
  assert.equal(D.stepChange(changes, 2, -1), 2);
  assert.equal(D.stepChange(changes, 6, -1), 5);
  assert.equal(D.stepChange(changes, 6, 1), 9);
  assert.equal(D.stepChange([], 3, 1), null);
  assert.equal(D.visiblePosition(changes, 5), 1);
  assert.equal(D.visiblePosition(changes, 6), 2);
  const c = D.confidenceChange(golden().events[0]!, chainB().events[0]!);
  assert.equal(c.before, 0.9);
  assert.equal(c.after, 0.8);
  assert.ok(Math.abs(c.delta! + 0.1) < 1e-12);
  assert.deepEqual(D.confidenceChange(null, chainB().events[0]!), { before: null, after: 0.8, delta: null });
  assert.equal(
    D.countsText({ same: 1, modified: 2, added: 0, removed: 1, moved: 0 }),
    '2 modified, 1 removed, 1 same',
  );
});

test('relationship graph elements: parent and depends-on edges, duplicate and unknown ids', () => {
  const g = G.toCyElements(golden().events);
  assert.equal(g.nodes.length, 4);
  assert.deepEqual(
    g.edges.map((e) => [e.data.source, e.data.target, e.data.kind]),
    [
      ['e0', 'e2', 'parent'],
      ['e0', 'e3', 'parent'],
      ['e1', 'e3', 'depends_on'],
      ['e2', 'e3', 'depends_on'],
    ],
  );
  assert.equal(g.dangling, 0);
  assert.equal(new Set(g.edges.map((e) => e.data.id)).size, g.edges.length);
  const [e0, e1] = golden().events;
  const dup = G.toCyElements([
    e0!,
    { ...e0!, parent_id: 'ghost' },
    { ...e1!, parent_id: e0!.id, depends_on: ['nope'] },
  ]);
  assert.deepEqual(
    dup.edges.map((e) => [e.data.source, e.data.target]),
    [['e0', 'e2']],
  );
  assert.equal(dup.dangling, 2);
  assert.equal(G.hasRelationships(golden().events), true);
  assert.equal(G.hasRelationships(readChain(readOwn('chain_v02_no_relationships.json')).events), false);
  assert.match(g.nodes[3]!.data.label, /^4\. Spec says "fast" <unclear> #1$/);
});

test('training series: metrics per epoch, loss values, checkpoints and early stop', () => {
  const training = readChain(readOwn('chain_training.json')).events;
  assert.equal(T.isTrainingChain(training), true);
  assert.equal(T.isTrainingChain(golden().events), false);
  const s = T.trainingSeries(training);
  const by = new Map(s.series.map((x) => [x.name, x.points.map((p) => [p.x, p.y, p.event])]));
  assert.deepEqual(by.get('loss'), [[1, 0.25, 1]]);
  assert.deepEqual(by.get('accuracy'), [[1, 0.91, 1]]);
  assert.deepEqual(by.get('loss_value'), [[1, 2, 2]]);
  assert.equal(by.has('epoch'), false);
  const mk = (type: string, metadata: Record<string, unknown>) => ({
    ...training[1]!,
    type,
    metadata: metadata as never,
  });
  const run = [
    mk('epoch_completed', { epoch: 1, loss: 0.9 }),
    mk('epoch_completed', { epoch: 2, loss: { $number: '1.0' } }),
    mk('checkpoint_saved', { path: '/ckpt/2', epoch: 2, metrics: null }),
    mk('metric_recorded', { metric_name: 'f1', value: 0.5 }),
    mk('epoch_completed', { epoch: 3, loss: 0.7 }),
    mk('early_stopped', { best_epoch: 2, patience: 1 }),
  ];
  const r = T.trainingSeries(run);
  assert.deepEqual(
    r.series.find((x) => x.name === 'loss')!.points.map((p) => [p.x, p.y]),
    [
      [1, 0.9],
      [2, 1],
      [3, 0.7],
    ],
  );
  assert.deepEqual(
    r.series.find((x) => x.name === 'f1')!.points.map((p) => p.x),
    [2],
  );
  assert.deepEqual(r.checkpoints, [{ x: 2, label: '/ckpt/2', event: 2 }]);
  assert.deepEqual(r.earlyStop, { x: 3, label: 'early stop (best epoch 2)', event: 5 });
  assert.deepEqual(r.xDomain, [1, 3]);
});

test('chart scales and paths', () => {
  const x = T.linearScale([1, 3], [0, 100]);
  assert.equal(x(2), 50);
  assert.equal(T.linearScale([2, 2], [0, 100])(2), 50);
  const [lo, hi] = T.yDomain([
    { x: 0, y: 1, event: 0 },
    { x: 1, y: 3, event: 1 },
  ]);
  assert.ok(lo < 1 && hi > 3);
  assert.deepEqual(T.yDomain([]), [0, 1]);
  assert.equal(
    T.polylinePath([
      { x: 0, y: 1 },
      { x: 2.25, y: 3 },
    ]),
    'M0.0 1.0 L2.3 3.0',
  );
});
