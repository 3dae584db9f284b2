import assert from 'node:assert/strict';
import { test } from 'node:test';
import { criticalPath } from '../../../../shared/sessions/criticalPath.js';

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
