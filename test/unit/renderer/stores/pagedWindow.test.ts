import assert from 'node:assert/strict';
import { test } from 'node:test';
import type * as PW from '../../../../renderer/src/stores/pagedWindow.js';
import { rendererJs } from '../../../helpers/rendererModule.js';

const { pagesCovering, pagesToEvict, itemAt, withPage, withArrivedPage, heldIndex } = (await import(
  rendererJs('stores/pagedWindow.js')
)) as typeof PW;

test('pages covering a row range, clipped to the total', () => {
  assert.deepEqual(pagesCovering(0, 10, 100, 1000), [0]);
  assert.deepEqual(pagesCovering(95, 205, 100, 1000), [0, 1, 2]);
  assert.deepEqual(pagesCovering(95, 205, 100, 150), [0, 1]);
  assert.deepEqual(pagesCovering(10, 10, 100, 1000), []);
  assert.deepEqual(pagesCovering(0, 50, 100, 0), []);
});

test('eviction keeps the wanted pages and drops the farthest others first', () => {
  assert.deepEqual(pagesToEvict([0, 1, 2], [1], 4), []);
  assert.deepEqual(
    pagesToEvict([0, 1, 2, 3, 9, 10], [2, 3], 4).sort((a, b) => a - b),
    [9, 10],
  );
  assert.deepEqual(pagesToEvict([0, 1, 5, 6], [5], 2), [0, 1]);
  // More wanted pages than room: all others go.
  assert.deepEqual(pagesToEvict([0, 1, 2, 3], [1, 2, 3], 2), [0]);
});

test('items are found in their page; pages are copied, not mutated', () => {
  const pages = new Map([[1, ['a', 'b', 'c']]]);
  assert.equal(itemAt(pages, 3, 4), 'b');
  assert.equal(itemAt(pages, 3, 0), undefined);
  const next = withPage(pages, 2, ['d'], [1]);
  assert.deepEqual([...next.keys()], [2]);
  assert.deepEqual([...pages.keys()], [1]);
});

test('an arriving page is kept with the visible pages; the farthest others are dropped', () => {
  const pages = new Map([
    [0, ['a']],
    [1, ['b']],
    [7, ['h']],
  ]);
  const next = withArrivedPage(pages, 2, ['c'], [100, 250], 100, 1000, 3);
  // Pages 1 and 2 are visible; of the others, 0 is nearer than 7.
  assert.deepEqual([...next.keys()].sort(), [0, 1, 2]);
  assert.deepEqual([...pages.keys()], [0, 1, 7]);
  assert.equal(
    heldIndex(next, 100, (x) => x === 'c'),
    200,
  );
  assert.equal(
    heldIndex(next, 100, (x) => x === 'zz'),
    -1,
  );
});
