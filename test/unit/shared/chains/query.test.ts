import assert from 'node:assert/strict';
import { test } from 'node:test';
import { aggregateBy, query, searchEvents, searchRegex } from '../../../../shared/chains/query.js';
import {
  findDecisionPoints,
  findLowConfidence,
  getEventsInRange,
  mergeChains,
  sortByTimestamp,
  addEvent,
} from '../../../../shared/chains/chain.js';
import { createEvent } from '../../../../shared/chains/event.js';
import { golden } from '../../../helpers/crucible.js';

const short = (events: { id: string }[]): string[] => events.map((e) => e.id.slice(0, 4));

test('searchEvents: case-insensitive substring of decision or reasoning, then options (§9)', () => {
  const g = golden();
  assert.deepEqual(short(searchEvents(g, 'ets')), ['c3d4']);
  assert.deepEqual(short(searchEvents(g, 'NEEDS clarification')), ['d4e5']);
  assert.equal(searchEvents(g, '').length, 4);
  assert.deepEqual(short(searchEvents(g, '', { type: ['constraint_evaluated', 'ambiguity_flagged'] })), [
    'b2c3',
    'd4e5',
  ]);
  assert.deepEqual(short(searchEvents(g, '', { type: 'hypothesis_formed' })), ['a1b2']);
  assert.deepEqual(short(searchEvents(g, '', { min_confidence: 0.6, max_confidence: 0.9 })), [
    'a1b2',
    'c3d4',
  ]);
  assert.deepEqual(
    short(
      searchEvents(g, '', { since: '2025-01-15T10:30:01.623456Z', until: '2025-01-15T10:30:03.000001Z' }),
    ),
    ['b2c3', 'c3d4'],
  );
  assert.deepEqual(short(searchEvents(g, '', { stage_id: 'design', experiment_id: 'exp-001' })), ['d4e5']);
  assert.equal(searchEvents(g, '', { stage_id: null, type: null }).length, 4);
});

test('searchRegex is unanchored and stateless across events', () => {
  const g = golden();
  assert.deepEqual(short(searchRegex(g, /ETS/g)), ['c3d4']);
  assert.deepEqual(short(searchRegex(g, 'concurren')), ['a1b2', 'b2c3']);
  assert.deepEqual(short(searchRegex(g, /^Limit/, { min_confidence: 0.99 })), []);
});

test('query: direct AND all(and) AND any(or); unsupported shapes match everything', () => {
  const g = golden();
  assert.deepEqual(short(query(g, { confidence: ['lt', 0.7] })), ['c3d4', 'd4e5']);
  assert.deepEqual(
    short(
      query(g, {
        and: [{ content: /ETS/ }],
        or: [{ type: 'alternative_rejected' }, { confidence: ['gte', 0.9] }],
      }),
    ),
    ['c3d4'],
  );
  assert.deepEqual(short(query(g, { confidence: ['eq', 0.95] })), ['b2c3']);
  assert.deepEqual(short(query(g, { confidence: ['gt', 0.9] })), ['b2c3']);
  assert.deepEqual(short(query(g, { confidence: ['lte', 0.45] })), ['d4e5']);
  assert.deepEqual(short(query(g, { content: 'supervision' })), ['a1b2']);
  assert.deepEqual(short(query(g, { stage_id: null })), ['a1b2', 'b2c3', 'c3d4']);
  assert.deepEqual(short(query(g, { experiment_id: 'exp-001' })), ['d4e5']);
  for (const q of [
    { type: ['x'] },
    { confidence: 0.5 },
    { confidence: ['near', 0.5] },
    { colour: 'red' },
    { or: [] },
  ]) {
    assert.equal(query(g, q).length, 4, JSON.stringify(q));
  }
});

test('aggregateBy drops the null group and sorts by value', () => {
  const g = golden();
  assert.deepEqual(
    aggregateBy(g, 'stage_id', (es) => es.length),
    [['design', 1]],
  );
  assert.deepEqual(
    aggregateBy(g, 'type', (es) => es.length).map(([k]) => k),
    ['alternative_rejected', 'ambiguity_flagged', 'constraint_evaluated', 'hypothesis_formed'],
  );
  assert.deepEqual(
    aggregateBy(g, 'confidence', (es) => es.length).map(([k]) => k),
    [0.45, 0.6, 0.9, 0.95],
  );
});

test('chain operations of §2.3', () => {
  const g = golden();
  assert.deepEqual(short(findLowConfidence(g)), ['c3d4', 'd4e5']);
  assert.deepEqual(short(findLowConfidence(g, 0.95)), ['a1b2', 'c3d4', 'd4e5']);
  assert.deepEqual(
    findDecisionPoints(g).map((d) => d.decision),
    ['Use GenServer for state management', 'Reject ETS-only cache'],
  );
  assert.deepEqual(short(getEventsInRange(g, '2025-01-15T10:30:01.623456Z', '2025-01-15T10:30:05.25Z')), [
    'b2c3',
    'c3d4',
    'd4e5',
  ]);
  const reversed = { ...g, events: [...g.events].reverse() };
  const sorted = sortByTimestamp(reversed);
  assert.deepEqual(short(sorted.events), ['a1b2', 'b2c3', 'c3d4', 'd4e5']);
  assert.equal(sorted.updated_at, g.updated_at);
  const tie = createEvent({
    type: 'x',
    decision: 'd',
    reasoning: 'r',
    timestamp: '2025-01-15T10:30:00.123456Z',
  });
  assert.deepEqual(short(sortByTimestamp(addEvent(g, tie)).events).slice(0, 2), ['a1b2', tie.id.slice(0, 4)]);
  const merged = mergeChains(
    g,
    { ...g, id: 'other', name: 'B', metadata: { run: 2, extra: true } },
    '2026-01-01T00:00:00Z',
  );
  assert.equal(merged.id, g.id);
  assert.equal(merged.name, g.name);
  assert.equal(merged.events.length, 8);
  assert.deepEqual(merged.metadata, { model: 'gpt-4', run: 2, extra: true });
  assert.equal(merged.created_at, g.created_at);
  assert.equal(merged.updated_at, '2026-01-01T00:00:00Z');
  assert.equal(addEvent(g, tie, '2026-02-02T00:00:00Z').updated_at, '2026-02-02T00:00:00Z');
});
