import assert from 'node:assert/strict';
import { test } from 'node:test';
import type * as TS from '../../../../renderer/src/stores/timeScale.js';
import { rendererJs } from '../../../helpers/rendererModule.js';

const ts = (await import(rendererJs('stores/timeScale.js'))) as typeof TS;

test('zooming keeps the anchor at the same screen position', () => {
  const r = { from: 0, to: 1000 };
  const z = ts.zoomRange(r, 0.5, 250, 1000);
  assert.deepEqual(z, { from: 125, to: 625 });
  assert.equal(ts.msToPx(250, z, 800), ts.msToPx(250, r, 800));
});

test('zooming out stops at the whole span; zooming in stops at 1 ms', () => {
  assert.deepEqual(ts.zoomRange({ from: 100, to: 600 }, 10, 300, 1000), { from: 0, to: 1000 });
  const tiny = ts.zoomRange({ from: 10, to: 11 }, 0.01, 10.5, 1000);
  assert.equal(tiny.to - tiny.from, ts.MIN_RANGE_MS);
});

test('panning stays inside the session', () => {
  assert.deepEqual(ts.panRange({ from: 100, to: 200 }, 50, 1000), { from: 150, to: 250 });
  assert.deepEqual(ts.panRange({ from: 100, to: 200 }, -500, 1000), { from: 0, to: 100 });
  assert.deepEqual(ts.panRange({ from: 100, to: 200 }, 5000, 1000), { from: 900, to: 1000 });
  assert.deepEqual(ts.centerRange({ from: 0, to: 100 }, 500, 1000), { from: 450, to: 550 });
});

test('a zero span still has a range, and nonsense is clamped', () => {
  assert.deepEqual(ts.fullRange(0), { from: 0, to: 1 });
  assert.deepEqual(ts.clampRange({ from: NaN, to: NaN }, 500), { from: 0, to: 500 });
  assert.deepEqual(ts.clampRange({ from: -10, to: 5000 }, 500), { from: 0, to: 500 });
});

test('pixels and milliseconds convert both ways; bars keep a minimum width', () => {
  const r = { from: 1000, to: 2000 };
  assert.equal(ts.msToPx(1500, r, 400), 200);
  assert.equal(ts.pxToMs(200, r, 400), 1500);
  assert.deepEqual(ts.barGeometry(1100, 100, r, 1000), { x: 100, w: 100 });
  assert.deepEqual(ts.barGeometry(1100, null, r, 1000), { x: 100, w: 2 });
  assert.deepEqual(ts.barGeometry(1100, 0.01, r, 1000), { x: 100, w: 2 });
});

test('ticks use 1-2-5 steps and land inside the range', () => {
  assert.equal(ts.tickStep({ from: 0, to: 1000 }, 800, 80), 100);
  assert.equal(ts.tickStep({ from: 0, to: 10_000 }, 800, 80), 1000);
  assert.equal(ts.tickStep({ from: 0, to: 1500 }, 800, 80), 200);
  assert.deepEqual(ts.ticks({ from: 150, to: 700 }, 400, 100), [200, 400, 600]);
});

test('past a second, ticks fall on clock steps', () => {
  assert.equal(ts.tickStep({ from: 0, to: 100_000 }, 800, 80), 10_000);
  assert.equal(ts.tickStep({ from: 0, to: 120_000 }, 800, 80), 15_000);
  assert.equal(ts.tickStep({ from: 0, to: 10_000_000 }, 470, 80), 30 * 60_000);
  assert.equal(ts.tickStep({ from: 0, to: 100 * 86_400_000 }, 800, 80), 10 * 86_400_000);
});
