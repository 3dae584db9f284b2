import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  formatFloat,
  keptFloat,
  keptNumberText,
  roundTo,
  roundedText,
} from '../../../../shared/chains/numberText.js';

test('floats print in the Erlang short form (§1.1 table)', () => {
  const table: [number, string][] = [
    [1.0, '1.0'],
    [0.9, '0.9'],
    [0.1 + 0.2, '0.30000000000000004'],
    [100.0, '100.0'],
    [1000.0, '1.0e3'],
    [123456789.0, '123456789.0'],
    [0.0001, '0.0001'],
    [0.00012, '1.2e-4'],
    [2 ** 53 - 1, '9007199254740991.0'],
    [2 ** 53, '9.007199254740992e15'],
    [0, '0.0'],
    [-0, '-0.0'],
    [-1.5, '-1.5'],
    [0.7250000000000001, '0.7250000000000001'],
    [1e-7, '1.0e-7'],
    [12345.678, '12345.678'],
    [1e21, '1.0e21'],
    [5e-324, '5.0e-324'],
  ];
  for (const [x, text] of table) assert.equal(formatFloat(x), text, String(x));
});

test('non-finite values are refused', () => {
  assert.throws(() => formatFloat(Infinity));
  assert.throws(() => formatFloat(NaN));
});

test('round(x, n) rounds the exact binary value, ties away from zero (§1.2)', () => {
  assert.equal(roundedText(0.7250000000000001, 2), '0.73');
  assert.equal(roundedText(0.725, 2), '0.72');
  assert.equal(roundedText(0.125, 2), '0.13');
  assert.equal(roundedText(-0.125, 2), '-0.13');
  assert.equal(roundedText(-0.001, 2), '0.0'); // negative value rounding to zero
  assert.ok(Object.is(roundTo(-0.001, 2), 0));
  assert.equal(roundedText(0.8 - 0.9, 6), '-0.1');
  assert.equal(roundedText(0.85 - 0.45, 6), '0.4');
  assert.equal(roundedText(66.66666666666666, 1), '66.7');
  assert.equal(roundedText(100, 1), '100.0');
});

test('kept numbers carry their kind', () => {
  assert.deepEqual(keptFloat(1), { $number: '1.0' });
  assert.equal(keptFloat(0.5), 0.5);
  assert.equal(keptNumberText(2), '2');
  assert.equal(keptNumberText(0.234), '0.234');
  assert.equal(keptNumberText({ $number: '1.0e3' }), '1.0e3');
  assert.equal(
    keptNumberText({ $number: '123456789012345678901234567890' }),
    '123456789012345678901234567890',
  );
});
