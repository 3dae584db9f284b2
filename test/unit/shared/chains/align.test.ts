import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Chain, ChainEvent, WordSegment } from '../../../../shared/model/chains.js';
import { alignChains, ContentInterner } from '../../../../shared/chains/diff/alignChains.js';
import { lcsPairs } from '../../../../shared/chains/diff/lcs.js';
import { diffWords, textSimilarity } from '../../../../shared/chains/diff/wordDiff.js';
import { createChain } from '../../../../shared/chains/chain.js';
import { createEvent } from '../../../../shared/chains/event.js';
import { golden, runs } from '../../../helpers/crucible.js';

const ev = (decision: string, reasoning = 'because', extra: Partial<ChainEvent> = {}): ChainEvent =>
  createEvent({ type: 'hypothesis_formed', decision, reasoning, ...extra });
const chainOf = (events: ChainEvent[]): Chain => ({ ...createChain('c'), events });

function lcsLength(a: number[], b: number[]): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    const cur = [0];
    b.forEach((y, j) => cur.push(x === y ? prev[j]! + 1 : Math.max(prev[j + 1]!, cur[j]!)));
    prev = cur;
  }
  return prev[b.length]!;
}

test('lcsPairs: valid common subsequences; exact mode is a longest one', () => {
  let seed = 7;
  const rnd = (n: number): number => (seed = (seed * 16807) % 2147483647) % n;
  for (let r = 0; r < 400; r++) {
    const alpha = 1 + rnd(12);
    const a = Array.from({ length: rnd(25) }, () => rnd(alpha));
    const b = Array.from({ length: rnd(25) }, () => rnd(alpha));
    for (const exact of [true, false]) {
      const pairs = lcsPairs(a, b, { exact });
      pairs.forEach(([i, j], k) => {
        assert.equal(a[i], b[j]);
        if (k > 0) assert.ok(pairs[k - 1]![0] < i && pairs[k - 1]![1] < j);
      });
      if (exact) assert.equal(pairs.length, lcsLength(a, b), `${a} / ${b}`);
    }
  }
});

test('identical chains align completely', () => {
  const g = golden();
  const al = alignChains(g, {
    ...g,
    events: g.events.map((e) => ({ ...e, id: e.id + 'x', timestamp: '2030-01-01T00:00:00Z' })),
  });
  assert.equal(al.firstDivergence, null);
  assert.deepEqual(al.changeIndices, []);
  assert.equal(al.counts.same, 4);
  assert.deepEqual(alignChains(createChain('a'), createChain('b')).rows, []);
});

test('two parses: edited events pair up, the inserted one is added', () => {
  const [a, b] = runs();
  const al = alignChains(a, b);
  assert.deepEqual(
    al.rows.map((r) => [r.kind, r.left, r.right]),
    [
      ['modified', 0, 0],
      ['added', null, 1],
      ['modified', 1, 2],
    ],
  );
  assert.deepEqual(al.rows[0]!.changedFields, ['confidence']);
  assert.deepEqual(al.rows[2]!.changedFields, ['reasoning']);
  assert.deepEqual(al.rows[2]!.reasoningDiff, [
    { kind: 'delete', text: 'Prevent resource exhaustion' },
    { kind: 'insert', text: 'Avoid exhausting file descriptors' },
  ]);
  assert.equal(al.firstDivergence, 0);
  assert.deepEqual(al.changeIndices, [0, 1, 2]);
});

test('insertions, deletions, edits and moves in one alignment', () => {
  const base = Array.from({ length: 8 }, (_, i) =>
    ev(`step ${i} of the plan`, `reason number ${i} with words`),
  );
  const moved = base[1]!;
  const b = [
    base[0]!,
    base[2]!,
    { ...base[3]!, reasoning: 'reason number 3 with more words' },
    ev('brand new idea', 'unrelated text entirely'),
    base[4]!,
    base[6]!,
    moved,
    base[7]!,
  ];
  const al = alignChains(chainOf(base), chainOf(b));
  const kinds = al.rows.map((r) => `${r.kind}:${r.left ?? '-'}/${r.right ?? '-'}`);
  assert.deepEqual(kinds, [
    'same:0/0',
    'moved:1/-',
    'same:2/1',
    'modified:3/2',
    'added:-/3',
    'same:4/4',
    'removed:5/-',
    'same:6/5',
    'moved:-/6',
    'same:7/7',
  ]);
  const from = al.rows[1]!;
  const to = al.rows[8]!;
  assert.equal(from.partner, 8);
  assert.equal(to.partner, 1);
  assert.deepEqual(to.changedFields, []);
  assert.equal(al.firstDivergence, 1);
  assert.deepEqual(al.changeIndices, [1, 3, 4, 6, 8]);
  assert.deepEqual(al.counts, { same: 5, modified: 1, added: 1, removed: 1, moved: 2 });
  assert.deepEqual(al.rows[3]!.reasoningDiff, [
    { kind: 'equal', text: 'reason number 3 with ' },
    { kind: 'insert', text: 'more ' },
    { kind: 'equal', text: 'words' },
  ]);
});

test('an edited event moved elsewhere is a move with a word diff', () => {
  const base = Array.from({ length: 6 }, (_, i) =>
    ev(`decision ${i} alpha beta gamma`, `reasoning ${i} delta epsilon zeta eta`),
  );
  const edited = { ...base[0]!, decision: 'decision 0 alpha beta gamma!' };
  const al = alignChains(chainOf(base), chainOf([...base.slice(1), edited]));
  const arrival = al.rows.find((r) => r.kind === 'moved' && r.right !== null)!;
  assert.deepEqual(arrival.changedFields, ['decision']);
  assert.ok(arrival.decisionDiff?.some((s) => s.kind === 'insert' && s.text === '!'));
});

test('dissimilar replacements stay added and removed; metadata is part of the content', () => {
  const al = alignChains(chainOf([ev('one thing', 'a b c')]), chainOf([ev('other stuff', 'x y z')]));
  assert.deepEqual(
    al.rows.map((r) => r.kind),
    ['removed', 'added'],
  );
  const m = alignChains(
    chainOf([ev('d', 'r', { metadata: { epoch: 1 } })]),
    chainOf([ev('d', 'r', { metadata: { epoch: 2 } })]),
  );
  assert.deepEqual(m.rows[0]!.changedFields, ['metadata']);
});

test('the content interner is exact', () => {
  const i = new ContentInterner();
  const x = ev('d', 'r', { alternatives: ['a', 'b'] });
  assert.equal(i.idOf(x), i.idOf({ ...x, id: 'other', timestamp: '2020-01-01T00:00:00Z' }));
  assert.notEqual(i.idOf(x), i.idOf({ ...x, alternatives: ['a,b'] }));
  assert.notEqual(i.idOf(x), i.idOf({ ...x, code_section: '' }));
  assert.notEqual(i.idOf(x), i.idOf({ ...x, confidence: 0.5 }));
  assert.notEqual(i.idOf({ ...x, decision: null }), i.idOf({ ...x, decision: '' }));
});

function sides(segments: WordSegment[]): [string, string] {
  const a = segments
    .filter((s) => s.kind !== 'insert')
    .map((s) => s.text)
    .join('');
  const b = segments
    .filter((s) => s.kind !== 'delete')
    .map((s) => s.text)
    .join('');
  return [a, b];
}

test('diffWords: segments rebuild both texts, unicode included', () => {
  const pairs: [string, string][] = [
    ['Use GenServer for state management', 'Use an Agent for state'],
    ['', 'new text'],
    ['old text', ''],
    ['café — naïve e\u0301', 'café, naïve e\u0301 😀'],
    ['same', 'same'],
  ];
  for (const [a, b] of pairs) assert.deepEqual(sides(diffWords(a, b)), [a, b]);
  assert.deepEqual(diffWords('Use GenServer for state management', 'Use an Agent for state'), [
    { kind: 'equal', text: 'Use ' },
    { kind: 'delete', text: 'GenServer ' },
    { kind: 'insert', text: 'an Agent ' },
    { kind: 'equal', text: 'for state' },
    { kind: 'delete', text: ' management' },
  ]);
  assert.deepEqual(diffWords('same', 'same'), [{ kind: 'equal', text: 'same' }]);
  assert.equal(textSimilarity('a b c', 'a b c'), 1);
  assert.equal(textSimilarity('', ''), 1);
  assert.equal(textSimilarity('a b', 'c d'), 0);
});

test('long chains with a 5% difference align to the planted edits', () => {
  const n = 10_000;
  const a = Array.from({ length: n }, (_, i) =>
    ev(`Decision ${i}`, `reasoning for item ${i} w${i % 97} v${i % 89}`),
  );
  const b: ChainEvent[] = [];
  let edits = 0;
  let inserts = 0;
  let deletes = 0;
  a.forEach((e, i) => {
    if (i % 60 === 7) {
      b.push({ ...e, reasoning: `${e.reasoning} changed` });
      edits++;
    } else if (i % 60 === 23) deletes++;
    else if (i % 60 === 41) {
      b.push(e, ev(`Inserted ${i}`, `fresh unrelated words q${i} r${i}`));
      inserts++;
    } else b.push(e);
  });
  const al = alignChains(chainOf(a), chainOf(b));
  assert.deepEqual(al.counts, {
    same: n - edits - deletes,
    modified: edits,
    added: inserts,
    removed: deletes,
    moved: 0,
  });
  assert.equal(al.firstDivergence, 7);
});
