import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Chain } from '../../../../shared/model/chains.js';
import {
  findCycle,
  getChildren,
  getEventsByExperiment,
  getEventsByStage,
  getLeafEvents,
  getParent,
  getRootEvents,
  validateRelationships,
} from '../../../../shared/chains/relationships.js';
import { createEvent } from '../../../../shared/chains/event.js';
import { createChain } from '../../../../shared/chains/chain.js';
import { golden } from '../../../helpers/crucible.js';

const short = (events: { id: string }[]): string[] => events.map((e) => e.id.slice(0, 8));

function chainOf(links: [string, string | null, string[]][]): Chain {
  const events = links.map(([id, parent_id, depends_on]) =>
    createEvent({ id, parent_id, depends_on, type: 'hypothesis_formed', decision: id, reasoning: id }),
  );
  return { ...createChain('c'), events };
}

test('golden chain: roots, leaves, children, parent (§8)', () => {
  const g = golden();
  assert.deepEqual(short(getRootEvents(g)), ['a1b2c3d4', 'b2c3d4e5']);
  assert.deepEqual(short(getLeafEvents(g)), ['b2c3d4e5', 'c3d4e5f6', 'd4e5f607']);
  const children = getChildren(g, 'a1b2c3d4e5f60718293a4b5c6d7e8f90');
  assert.ok('ok' in children);
  assert.deepEqual(short(children.ok), ['c3d4e5f6', 'd4e5f607']);
  assert.deepEqual(getChildren(g, 'nope'), { error: 'Event not found: nope' });
  const parent = getParent(g, 'c3d4e5f60718293a4b5c6d7e8f90a1b2');
  assert.ok('ok' in parent && parent.ok?.id === 'a1b2c3d4e5f60718293a4b5c6d7e8f90');
  assert.deepEqual(getParent(g, 'a1b2c3d4e5f60718293a4b5c6d7e8f90'), { ok: null });
  assert.deepEqual(getParent(g, 'nope'), { error: 'Event not found: nope' });
  assert.deepEqual(validateRelationships(g), { ok: g });
  assert.deepEqual(short(getEventsByStage(g, 'design')), ['d4e5f607']);
  assert.equal(getEventsByStage(g, null).length, 3);
  assert.deepEqual(short(getEventsByExperiment(g, 'exp-001')), ['d4e5f607']);
});

test('a dangling parent is neither a root nor found, and fails validation', () => {
  const c = chainOf([
    ['a', null, []],
    ['b', 'ghost', []],
  ]);
  assert.deepEqual(short(getRootEvents(c)), ['a']);
  assert.deepEqual(getParent(c, 'b'), { ok: null });
  assert.deepEqual(validateRelationships(c), { error: 'Parent event not found: ghost' });
});

test('missing dependencies and cycles, the cycle named', () => {
  assert.deepEqual(validateRelationships(chainOf([['a', null, ['x']]])), {
    error: 'Dependency event not found in depends_on list',
  });
  const cyclic = chainOf([
    ['a', null, []],
    ['b', 'a', ['d']],
    ['c', 'b', []],
    ['d', 'c', []],
  ]);
  assert.deepEqual(validateRelationships(cyclic), {
    error: 'Circular dependency detected',
    cycle: ['b', 'd', 'c', 'b'],
  });
  assert.deepEqual(findCycle(chainOf([['s', 's', []]])), ['s', 's']);
  assert.ok('ok' in validateRelationships(createChain('e')));
});

test('long parent chains validate without deep recursion', () => {
  const links: [string, string | null, string[]][] = [['e0', null, []]];
  for (let i = 1; i < 50_000; i++) links.push([`e${i}`, `e${i - 1}`, []]);
  assert.ok('ok' in validateRelationships(chainOf(links)));
});
