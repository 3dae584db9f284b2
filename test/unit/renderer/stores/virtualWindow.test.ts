import assert from 'node:assert/strict';
import { test } from 'node:test';
import type * as VW from '../../../../renderer/src/stores/virtualWindow.js';
import { rendererJs } from '../../../helpers/rendererModule.js';

const { rowWindow, scrollTopToReveal } = (await import(rendererJs('stores/virtualWindow.js'))) as typeof VW;

const base = { rowHeight: 20, viewportHeight: 100, overscan: 2 };

test('at the top: the visible rows plus overscan below, content as tall as the rows', () => {
  const w = rowWindow({ ...base, scrollTop: 0, rowCount: 1000 });
  assert.deepEqual(w, { first: 0, last: 8, contentHeight: 20_000, shift: 0 });
});

test('scrolled: overscan on both sides, rows at their natural position', () => {
  const w = rowWindow({ ...base, scrollTop: 410, rowCount: 1000 });
  assert.equal(w.first, 18);
  assert.equal(w.last, 20 + 6 + 2);
  assert.equal(w.shift, 0);
});

test('never past the ends, and empty lists render nothing', () => {
  const end = rowWindow({ ...base, scrollTop: 1e9, rowCount: 10 });
  assert.equal(end.last, 10);
  assert.ok(end.first <= 9);
  assert.deepEqual(rowWindow({ ...base, scrollTop: 0, rowCount: 0 }), {
    first: 0,
    last: 0,
    contentHeight: 0,
    shift: 0,
  });
  const negative = rowWindow({ ...base, scrollTop: -50, rowCount: 10 });
  assert.equal(negative.first, 0);
});

test('a million rows are compressed under the height cap and still reach the last row', () => {
  const input = { ...base, rowCount: 1_000_000, maxContentHeight: 1_000_000 };
  const top = rowWindow({ ...input, scrollTop: 0 });
  assert.equal(top.contentHeight, 1_000_000);
  assert.equal(top.first, 0);
  const maxScroll = 1_000_000 - 100;
  const bottom = rowWindow({ ...input, scrollTop: maxScroll });
  assert.equal(bottom.last, 1_000_000);
  // The last row sits at the bottom of the viewport.
  assert.equal(999_999 * 20 + bottom.shift + 20, maxScroll + 100);
  const middle = rowWindow({ ...input, scrollTop: maxScroll / 2 });
  assert.ok(Math.abs(middle.first - 500_000) < 10, `${middle.first}`);
  // Every rendered row's top is inside or near the viewport.
  const firstTop = middle.first * 20 + middle.shift;
  assert.ok(firstTop >= maxScroll / 2 - 3 * 20 && firstTop <= maxScroll / 2, `${firstTop}`);
});

test('revealing a row scrolls only when it is out of view', () => {
  const input = { rowHeight: 20, viewportHeight: 100, rowCount: 1000, scrollTop: 200 };
  assert.equal(scrollTopToReveal(input, 12), 200);
  assert.equal(scrollTopToReveal(input, 5), 100);
  assert.equal(scrollTopToReveal(input, 20), 20 * 21 - 100);
});

test('revealing in a compressed list lands the row in the viewport', () => {
  const input = { rowHeight: 20, viewportHeight: 100, rowCount: 1_000_000, maxContentHeight: 1_000_000 };
  const scrollTop = scrollTopToReveal({ ...input, scrollTop: 0 }, 700_000);
  const w = rowWindow({ ...input, scrollTop, overscan: 0 });
  const top = 700_000 * 20 + w.shift - scrollTop;
  assert.ok(top >= -1 && top + 20 <= 101, `row top ${top}`);
});
