import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareChains } from '../../../../shared/chains/diff/compareChains.js';
import { diffToText } from '../../../../shared/chains/diff/diffText.js';
import { diffToHtml } from '../../../../shared/chains/diff/diffHtml.js';
import { createChain } from '../../../../shared/chains/chain.js';
import { createEvent } from '../../../../shared/chains/event.js';
import { normalizeTimestamp } from '../../../../shared/chains/timestamps.js';
import { chainB, chainBPrime, golden, readExport, runs } from '../../../helpers/crucible.js';

test('diff_by_id: auto resolves to id matching (§5.3)', () => {
  const d = compareChains(golden(), chainB());
  assert.equal(d.matchBy, 'id');
  assert.equal(d.summary, '1 added, 1 removed, 2 modified');
  assert.equal(d.similarity, 0.75);
  assert.deepEqual(d.confidenceDeltas, [{ key: 'a1b2c3d4e5f60718293a4b5c6d7e8f90', delta: -0.1 }]);
  assert.deepEqual(
    d.modified.map((m) => [m.key, m.changes.map((c) => c.field)]),
    [
      ['a1b2c3d4e5f60718293a4b5c6d7e8f90', ['confidence']],
      ['c3d4e5f60718293a4b5c6d7e8f90a1b2', ['alternatives', 'reasoning']],
    ],
  );
  assert.equal(diffToText(d), readExport('diff_by_id.txt'));
  // The inspect sample lists the same values.
  const inspected = readExport('diff_by_id.inspect.txt');
  assert.match(inspected, /id: "e5f60718293a4b5c6d7e8f90a1b2c3d4"/);
  assert.equal(d.added[0]!.id, 'e5f60718293a4b5c6d7e8f90a1b2c3d4');
  assert.equal(d.removed[0]!.id, 'd4e5f60718293a4b5c6d7e8f90a1b2c3');
});

test('diff_by_id.html is reproduced', () => {
  const a = golden();
  const b = chainB();
  assert.equal(diffToHtml(compareChains(a, b), a, b), readExport('diff_by_id.html'));
});

test('diff_by_position: integer keys, decision changes listed', () => {
  const d = compareChains(golden(), chainB(), { matchBy: 'position' });
  assert.deepEqual(
    d.modified.map((m) => m.key),
    [0, 2, 3],
  );
  assert.equal(diffToText(d), readExport('diff_by_position.txt'));
});

test('diff_timestamps: precision is part of equality', () => {
  const d = compareChains(golden(), chainBPrime(), { ignoreTimestamps: false });
  assert.equal(diffToText(d), readExport('diff_timestamps.txt'));
  const g = golden();
  // Timestamps in the model are canonical (the reader truncates to 6 digits), so text equality is
  // instant-and-precision equality.
  const extra = {
    ...g,
    events: [{ ...g.events[0]!, timestamp: normalizeTimestamp('2025-01-15T10:30:00.123456999Z')! }],
  };
  assert.equal(
    compareChains({ ...g, events: [g.events[0]!] }, extra, { ignoreTimestamps: false }).modified.length,
    0,
  );
  const x = { ...g, events: [{ ...g.events[0]!, timestamp: '2025-01-15T10:30:00Z' }] };
  const y = { ...g, events: [{ ...g.events[0]!, timestamp: '2025-01-15T10:30:00.000Z' }] };
  assert.deepEqual(
    compareChains(x, y, { ignoreTimestamps: false }).modified[0]!.changes.map((c) => c.field),
    ['timestamp'],
  );
  assert.equal(compareChains(x, y).modified.length, 0);
});

test('diff_by_content: two parses share no ids, auto resolves to content', () => {
  const [a, b] = runs();
  const d = compareChains(a, b);
  assert.equal(d.matchBy, 'content');
  assert.equal(d.similarity, 0.6666666666666666);
  assert.deepEqual(d.confidenceDeltas, [
    { key: 'hypothesis_formed_Use GenServer for state management', delta: -0.2 },
  ]);
  assert.equal(diffToText(d), readExport('diff_by_content.txt'));
  assert.match(readExport('diff_by_content.inspect.txt'), /similarity_score: 0\.6666666666666666/);
});

test('later duplicates replace earlier ones; similarity counts raw lengths', () => {
  const ev = (id: string, decision: string, confidence = 1) =>
    createEvent({ id, type: 'hypothesis_formed', decision, reasoning: 'r', confidence });
  const a = { ...createChain('a'), events: [ev('x', 'first', 0.5), ev('x', 'second', 0.6)] };
  const b = { ...createChain('b'), events: [ev('x', 'second', 0.6)] };
  const d = compareChains(a, b);
  assert.equal(d.summary, '0 added, 0 removed, 0 modified');
  assert.equal(d.similarity, 0.5);
  assert.equal(compareChains(createChain('e'), createChain('f')).similarity, 1.0);
  assert.equal(
    diffToText(compareChains(createChain('e'), createChain('f'))).includes('Similarity: 100.0%'),
    true,
  );
  const up = compareChains(a, { ...b, events: [ev('x', 'second', 0.6 + 1e-9)] });
  assert.deepEqual(up.confidenceDeltas, [{ key: 'x', delta: 0 }]);
  assert.match(diffToText(up), / {2}x: \+0\.0\n$/);
});

test('keys order by UTF-8 bytes, not UTF-16 units', () => {
  const ev = (id: string) => createEvent({ id, type: 't', decision: id, reasoning: 'r' });
  const d = compareChains(
    { ...createChain('a'), events: [ev('shared')] },
    { ...createChain('b'), events: [ev('shared'), ev('😀'), ev('\uffff'), ev('z')] },
  );
  assert.deepEqual(
    d.added.map((e) => e.id),
    ['z', '\uffff', '😀'],
  );
});

test('null decision and reasoning render as empty text', () => {
  const e = { ...createEvent({ type: 't', decision: null, reasoning: null }), id: 'n' };
  const d = compareChains(createChain('a'), { ...createChain('b'), events: [e] });
  assert.match(diffToText(d), /\+ \[t\] \n {3}Reasoning: \n/);
  assert.ok(diffToHtml(d, createChain('<a>'), createChain('b')).includes('Chain A: &lt;a&gt;'));
});
