import assert from 'node:assert/strict';
import { test } from 'node:test';
import { criticalPath, criticalPathOfSorted } from '../../../../shared/sessions/criticalPath.js';

test('follows what each last-ending item waited for', () => {
  const items = [
    { id: 'a', start: 0, end: 10 },
    { id: 'b', start: 2, end: 5 },
    { id: 'c', start: 10, end: 30 },
    { id: 'd', start: 12, end: 14 },
    { id: 'e', start: 30, end: 31 },
  ];
  assert.deepEqual(criticalPath(items), ['a', 'c', 'e']);
});

test('empty and single inputs', () => {
  assert.deepEqual(criticalPath([]), []);
  assert.deepEqual(criticalPath([{ id: 'x', start: 5, end: 5 }]), ['x']);
});

test('a long chain of a million items stays linear-ish', () => {
  const items = Array.from({ length: 1_000_000 }, (_, i) => ({ id: String(i), start: i, end: i + 1 }));
  const path = criticalPath(items);
  assert.equal(path.length, 1_000_000);
  assert.equal(path[0], '0');
  assert.equal(path.at(-1), '999999');
});

test('the walk over columns sorted by (end, start) gives the same path', () => {
  let x = 7;
  const next = () => (x = (x * 48271) % 2147483647) / 2147483647;
  const items = Array.from({ length: 2000 }, (_, i) => {
    const start = Math.floor(next() * 10_000);
    return { id: `i${i}`, start, end: start + Math.floor(next() * 300) };
  });
  const sorted = [...items].sort((a, b) => a.end - b.end || a.start - b.start);
  const positions = criticalPathOfSorted(
    sorted.map((i) => i.start),
    sorted.map((i) => i.end),
  );
  assert.deepEqual(
    positions.map((p) => sorted[p]!.id),
    criticalPath(items),
  );
  assert.ok(positions.length > 10);
  assert.deepEqual(criticalPathOfSorted([], []), []);
});
