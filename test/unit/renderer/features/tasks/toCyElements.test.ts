import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { ElementDefinition } from 'cytoscape';
import type { TaskGraph } from '../../../../../shared/model/tasks.js';
import { readGoTasksBytes } from '../../../../../electron/importers/goTasks/index.js';
import type * as ModelModule from '../../../../../renderer/src/features/tasks/graphModel.js';
import type * as ElementsModule from '../../../../../renderer/src/features/tasks/toCyElements.js';
import type * as NavModule from '../../../../../renderer/src/features/tasks/keyboardNav.js';
import { layeredLayout } from '../../../../../shared/tasks/layout.js';
import { buildSmallDb, H, handleOf } from '../../../../helpers/goTasks.js';

// The renderer compiles to dist/renderer-js: import it from there, typed by its sources.
const rendererJs = (p: string) => new URL(`../../../../../renderer-js/src/${p}`, import.meta.url).href;
const { buildGraphModel } = (await import(rendererJs('features/tasks/graphModel.js'))) as typeof ModelModule;
const { toCyElements, layoutInputOf, layoutKey, edgeId, agentNodeId, activityNodeId } = (await import(
  rendererJs('features/tasks/toCyElements.js')
)) as typeof ElementsModule;
const { navigate, navDirection } = (await import(
  rendererJs('features/tasks/keyboardNav.js')
)) as typeof NavModule;

let small: TaskGraph;
before(async () => {
  small = await readGoTasksBytes(await buildSmallDb(), { name: 'small.db' });
});

const nodes = (els: ElementDefinition[]) => els.filter((e) => e.group === 'nodes');
const edges = (els: ElementDefinition[]) => els.filter((e) => e.group === 'edges');
const short = (id: string) => handleOf(id.replace(/^(agent|activity):/, ''));
const edgeNames = (els: ElementDefinition[]) =>
  edges(els)
    .map(
      (e) => `${short(e.data.source as string)}-${e.data.kind as string}->${short(e.data.target as string)}`,
    )
    .sort();

test('default: task nodes with status, type, priority and Ready/Blocked; blocked_by edges only', () => {
  const els = toCyElements(buildGraphModel(small));
  assert.deepEqual(
    nodes(els).map((n) => handleOf(n.data.id!)),
    ['A', 'B', 'C', 'D', 'E', 'F'],
  );
  assert.deepEqual(edgeNames(els), [
    'A-blocked_by->B',
    'A-blocked_by->C',
    'B-blocked_by->D',
    'C-blocked_by->D',
    'D-blocked_by->E',
  ]);
  const byId = new Map(nodes(els).map((n) => [handleOf(n.data.id!), n]));
  assert.equal(byId.get('F')!.classes, 'task status-open type-bug priority-critical ready');
  assert.equal(byId.get('B')!.classes, 'task status-in_progress type-feature priority-medium blocked');
  assert.equal(byId.get('E')!.classes, 'task status-closed type-task priority-medium');
  assert.equal(byId.get('F')!.data.label, 'P0 · READY\nFlaky renderer golden-image test on CI');
  assert.equal(byId.get('A')!.data.label, 'P1 · BLOCKED\nEPIC: widget v2 release');
});

test('PROV toggles: lineage edges, agents and activities as their own node kinds', () => {
  const model = buildGraphModel(small);
  const prov = toCyElements(model, { showProv: true });
  assert.ok(edgeNames(prov).includes('F-discovered_from->B'));
  assert.equal(nodes(prov).length, 6);

  const all = toCyElements(model, { showProv: true, showAgents: true, showActivities: true });
  const kinds = nodes(all).map((n) => `${short(n.data.id!)}:${n.data.kind as string}`);
  assert.deepEqual(kinds.filter((k) => !k.endsWith(':task')).sort(), [
    'ACT_CI:activity',
    'ACT_PLAN:activity',
    'H:agent',
    'S:agent',
  ]);
  for (const e of [
    'A-generated_by->ACT_PLAN',
    'F-generated_by->ACT_CI',
    'A-attributed_to->H',
    'F-attributed_to->S',
    'ACT_PLAN-associated_with->H',
    'ACT_CI-associated_with->S',
  ]) {
    assert.ok(edgeNames(all).includes(e), e);
  }
  // Activities without agents: no association edges, no agent nodes.
  const acts = toCyElements(model, { showActivities: true });
  assert.ok(nodes(acts).some((n) => n.data.id === activityNodeId(H.ACT_PLAN)));
  assert.ok(!nodes(acts).some((n) => n.data.id === agentNodeId(H.H)));
});

test('filters drop tasks and their edges; dangling and hidden targets never make edges', () => {
  const model = buildGraphModel(small);
  const els = toCyElements(model, { visibleTasks: new Set([H.A, H.B, H.F]), showProv: true });
  assert.deepEqual(
    nodes(els).map((n) => handleOf(n.data.id!)),
    ['A', 'B', 'F'],
  );
  assert.deepEqual(edgeNames(els), ['A-blocked_by->B', 'F-discovered_from->B']);
});

test('collapsed view: one node per group with counts, aggregated edges, expanded groups opened', () => {
  const model = buildGraphModel(small);
  const byPhase = (expanded: string[]) =>
    toCyElements(model, { collapse: { groupBy: 'phase', expanded: new Set(expanded) } });
  const phases = [...new Set(small.tasks.map((t) => t.phase))];
  const collapsed = byPhase([]);
  assert.equal(nodes(collapsed).length, phases.length);
  for (const n of nodes(collapsed)) {
    assert.equal(n.data.kind, 'group');
    assert.match(n.data.label as string, /^phase: \S+\n\d+ tasks · \d+ ready · \d+ blocked$/);
  }
  const total = nodes(collapsed).reduce((s, n) => s + (n.data.count as number), 0);
  assert.equal(total, 6);
  for (const e of edges(collapsed)) assert.notEqual(e.data.source, e.data.target);
  // Expanding every group gives the plain view back.
  const open = byPhase(phases);
  assert.deepEqual(
    nodes(open)
      .map((n) => n.data.id)
      .sort(),
    nodes(toCyElements(model))
      .map((n) => n.data.id)
      .sort(),
  );
});

test('a proposed (refused) edge is drawn, and ignored by the layout input', () => {
  const model = buildGraphModel(small);
  const els = toCyElements(model, { proposedEdge: { source: H.D, target: H.A } });
  const p = edges(els).find((e) => e.data.id === edgeId('proposed', H.D, H.A));
  assert.ok(p && p.classes!.includes('proposed'));
  const input = layoutInputOf(els);
  assert.equal(input.edges.length, 5);
  assert.ok(
    input.edges.some(([a, b]) => a === H.E && b === H.D),
    'the blocker is laid out above',
  );
  assert.equal(layoutKey(input), layoutKey(layoutInputOf(toCyElements(model))));
  assert.notEqual(layoutKey(input), layoutKey(layoutInputOf(toCyElements(model, { showProv: true }))));
});

test('keyboard navigation: up to a blocker, down to a dependent, sideways in the row', () => {
  const els = toCyElements(buildGraphModel(small));
  const { positions } = layeredLayout(layoutInputOf(els));
  const go = (from: string | null, key: string) => {
    const to = navigate(els, positions, from, navDirection(key)!);
    return to === null ? null : handleOf(to);
  };
  assert.ok(['B', 'C'].includes(go(H.A, 'k')!));
  assert.ok(['B', 'C'].includes(go(H.A, 'ArrowUp')!));
  assert.equal(go(H.D, 'ArrowUp'), 'E');
  assert.ok(['B', 'C'].includes(go(H.D, 'j')!));
  assert.equal(go(H.E, 'k'), null, 'E blocks nothing above it');
  const left = positions[H.B]!.x < positions[H.C]!.x ? 'B' : 'C';
  const right = left === 'B' ? 'C' : 'B';
  assert.equal(go(H[right], 'h'), left);
  assert.equal(go(H[left], 'l'), right);
  assert.equal(go(H[left], 'ArrowLeft'), null);
  assert.equal(navDirection('x'), null);
  assert.ok(go(null, 'j') !== null, 'no focus yet: start at the top left');
});
