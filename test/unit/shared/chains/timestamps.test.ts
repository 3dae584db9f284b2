import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  compareInstants,
  displayTimestamp,
  inspectTimestamp,
  normalizeTimestamp,
  nowTimestamp,
  parseTimestamp,
  unixMillis,
  unixSeconds,
} from '../../../../shared/chains/timestamps.js';

test('accepted forms normalise to canonical UTC ISO, keeping the digit count (§1.3)', () => {
  const table: [string, string][] = [
    ['2025-01-15T10:30:00.123456Z', '2025-01-15T10:30:00.123456Z'],
    ['2025-01-15T11:00:00Z', '2025-01-15T11:00:00Z'],
    ['2025-01-15 10:30:00Z', '2025-01-15T10:30:00Z'],
    ['2025-01-15T10:30:00.5Z', '2025-01-15T10:30:00.5Z'],
    ['2025-01-15T10:30:00.000Z', '2025-01-15T10:30:00.000Z'],
    ['2025-01-15T10:30:00,25Z', '2025-01-15T10:30:00.25Z'],
    ['2025-01-15T10:30:00.123456789Z', '2025-01-15T10:30:00.123456Z'],
    ['2025-01-15T12:30:00+02:00', '2025-01-15T10:30:00Z'],
    ['2025-01-15T12:30:00+0200', '2025-01-15T10:30:00Z'],
    ['2025-01-15T12:30:00+02', '2025-01-15T10:30:00Z'],
    ['2025-01-15T01:00:00.7-05:30', '2025-01-15T06:30:00.7Z'],
    ['2025-01-01T01:00:00+02:00', '2024-12-31T23:00:00Z'],
    ['2024-02-29T00:00:00Z', '2024-02-29T00:00:00Z'],
    ['0001-01-01T00:00:00Z', '0001-01-01T00:00:00Z'],
    ['1969-12-31T23:59:59.9Z', '1969-12-31T23:59:59.9Z'],
  ];
  for (const [input, iso] of table) assert.equal(normalizeTimestamp(input), iso, input);
});

test('rejected forms', () => {
  for (const bad of [
    '2025-01-15T10:30:00',
    '2025-01-15T10:30:00-00:00',
    '2025-01-15t10:30:00Z',
    '2025-01-15T10:30:00z',
    '2025-01-15T10:30Z',
    '20250115T103000Z',
    '2025-01-15T10:30:00.Z',
    '2025-02-30T10:30:00Z',
    '2023-02-29T10:30:00Z',
    '2025-01-15T24:00:00Z',
    '2025-13-01T00:00:00Z',
    '',
  ]) {
    assert.equal(parseTimestamp(bad), null, bad);
  }
});

test('display and inspect forms', () => {
  assert.equal(displayTimestamp('2025-01-15T10:30:00.123456Z'), '2025-01-15 10:30:00.123456Z');
  assert.equal(inspectTimestamp('2025-01-15T11:00:00Z'), '~U[2025-01-15 11:00:00Z]');
});

test('instants compare regardless of precision; unix parts truncate', () => {
  assert.equal(compareInstants('2025-01-15T10:30:00Z', '2025-01-15T10:30:00.000Z'), 0);
  assert.ok(compareInstants('2025-01-15T10:30:00.1Z', '2025-01-15T10:30:00.09Z') > 0);
  assert.ok(compareInstants('2025-01-15T12:30:00+02:00'.replace('+02:00', 'Z'), '2025-01-15T10:30:00Z') > 0);
  assert.equal(unixSeconds('1970-01-01T00:00:01.9Z'), 1);
  assert.equal(unixMillis('1970-01-01T00:00:01.9999Z'), 1999);
});

test('now has six digits and parses back', () => {
  const now = nowTimestamp();
  assert.match(now, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
  assert.equal(normalizeTimestamp(now), now);
});
