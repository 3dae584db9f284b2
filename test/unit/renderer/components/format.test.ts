import assert from 'node:assert/strict';
import { test } from 'node:test';
import type * as F from '../../../../renderer/src/components/format.js';
import { rendererJs } from '../../../helpers/rendererModule.js';

const f = (await import(rendererJs('components/format.js'))) as typeof F;

test('durations pick their unit', () => {
  assert.equal(f.formatDuration(null), '—');
  assert.equal(f.formatDuration(0.25), '0.25 ms');
  assert.equal(f.formatDuration(157), '157 ms');
  assert.equal(f.formatDuration(1234), '1.23 s');
  assert.equal(f.formatDuration(12_345), '12.3 s');
  assert.equal(f.formatDuration(185_000), '3 m 05 s');
  assert.equal(f.formatDuration(3_720_000), '1 h 02 m');
});

test('rates, counts, times', () => {
  assert.equal(f.formatPercent(0.333, 1), '33.3%');
  assert.equal(f.formatPercent(null), '—');
  assert.equal(f.formatHitRate(1, 3), '33%');
  assert.equal(f.formatHitRate(0, 0), '—');
  assert.equal(f.formatCount(1_234_567), '1,234,567');
  assert.equal(f.formatDateTime('2026-01-13T16:05:02.123Z'), '2026-01-13 16:05:02');
  assert.equal(f.formatDateTime('not a date'), 'not a date');
  assert.equal(f.formatOffset(1500), '+1.5 s');
  assert.equal(f.formatSuccess(null), 'running');
  assert.equal(f.prettyJson({ a: [1] }), '{\n  "a": [\n    1\n  ]\n}');
});
