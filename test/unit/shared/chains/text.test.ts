import assert from 'node:assert/strict';
import { test } from 'node:test';
import { graphemeLength, takeGraphemes, titleType, trimText } from '../../../../shared/chains/text.js';
import { inspectString, inspectStringList } from '../../../../shared/chains/inspect.js';

test('TitleType', () => {
  assert.equal(titleType('hypothesis_formed'), 'Hypothesis Formed');
  assert.equal(titleType('STAGE_start'), 'Stage Start');
  assert.equal(titleType('decision'), 'Decision');
  assert.equal(titleType('a__b'), 'A  B');
});

test('lengths count grapheme clusters', () => {
  assert.equal(graphemeLength('e\u0301'), 1);
  assert.equal(graphemeLength('👩‍👩‍👧'), 1);
  assert.equal(graphemeLength('🇫🇷🇩🇪'), 2);
  assert.equal(takeGraphemes('e\u0301e\u0301x', 2), 'e\u0301e\u0301');
  assert.equal(takeGraphemes('abc', 5), 'abc');
});

test('trim keeps no-break spaces, as the reference does', () => {
  assert.equal(trimText('\n\t x \u2003'), 'x');
  assert.equal(trimText('\u00a0x\u00a0'), '\u00a0x\u00a0');
});

test('inspect form of strings and lists (§1.4)', () => {
  assert.equal(inspectString('Spec says "fast" <unclear> #1'), '"Spec says \\"fast\\" <unclear> #1"');
  assert.equal(inspectString('a\nb\\c'), '"a\\nb\\\\c"');
  assert.equal(inspectString('#{x} #y'), '"\\#{x} #y"');
  assert.equal(inspectString('\t\v\b\f\u001b\u0007\u007f\r'), '"\\t\\v\\b\\f\\e\\a\\d\\r"');
  assert.equal(inspectString('café ✓ 😀'), '"café ✓ 😀"');
  assert.equal(inspectString('a\u0001'), '<<97, 1>>');
  assert.equal(inspectString('\u0085'), '<<194, 133>>');
  assert.equal(inspectString('x'.repeat(4097)), `"${'x'.repeat(4096)}" <> ...`);
  assert.equal(inspectStringList([]), '[]');
  assert.equal(inspectStringList(['ETS table', 'Mnesia']), '["ETS table", "Mnesia"]');
  const long = Array.from({ length: 51 }, (_, i) => String(i));
  assert.ok(inspectStringList(long).endsWith('"49", ...]'));
});
