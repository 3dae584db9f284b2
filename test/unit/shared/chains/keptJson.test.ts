import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  compareUtf8,
  jsonString,
  JsonSyntaxError,
  parseKeptJson,
  writeKeptJson,
} from '../../../../shared/chains/keptJson.js';

test('number kind survives a round trip', () => {
  const text =
    '{"a": 42, "b": 1.0, "c": 1E3, "d": 0.5, "e": -0, "f": 123456789012345678901234567890, "g": 2.50}';
  const v = parseKeptJson(text);
  assert.deepEqual(v, {
    a: 42,
    b: { $number: '1.0' },
    c: { $number: '1.0e3' },
    d: 0.5,
    e: 0,
    f: { $number: '123456789012345678901234567890' },
    g: 2.5,
  });
  assert.equal(
    writeKeptJson(v),
    '{\n  "a": 42,\n  "b": 1.0,\n  "c": 1.0e3,\n  "d": 0.5,\n  "e": 0,\n  "f": 123456789012345678901234567890,\n  "g": 2.5\n}',
  );
});

test('writer: sorted keys by UTF-8 bytes, empty containers, escapes (§3.2)', () => {
  const v = parseKeptJson('{"b": [], "a": {}, "\uffff": 1, "\ud83d\ude00": 2, "Z": [1, [2]]}');
  assert.equal(
    writeKeptJson(v),
    '{\n  "Z": [\n    1,\n    [\n      2\n    ]\n  ],\n  "a": {},\n  "b": [],\n  "\uffff": 1,\n  "😀": 2\n}',
  );
  assert.equal(
    jsonString('q"b\\\n\r\t\b\f\u001f\u0000/é\u2028\u007f'),
    '"q\\"b\\\\\\n\\r\\t\\b\\f\\u001F\\u0000/é\u2028\u007f"',
  );
  assert.ok(compareUtf8('\uffff', '\ud83d\ude00') < 0);
  assert.ok(!writeKeptJson(v).endsWith('\n'));
});

test('duplicate keys: the last wins; __proto__ is an ordinary key', () => {
  const v = parseKeptJson('{"a": 1, "a": 2, "__proto__": {"x": 1}}') as Record<string, unknown>;
  assert.equal(v.a, 2);
  assert.deepEqual(Object.keys(v), ['a', '__proto__']);
  assert.equal(Object.getPrototypeOf(v), Object.prototype);
  assert.equal(writeKeptJson(v as never), '{\n  "__proto__": {\n    "x": 1\n  },\n  "a": 2\n}');
});

test('string escapes decode, surrogate pairs included', () => {
  assert.equal(parseKeptJson('"\\u00e9\\ud83d\\ude00\\/\\n"'), 'é😀/\n');
});

test('syntax errors name the offset', () => {
  for (const bad of ['{', '{"a" 1}', '[1,]', '01', '1.', '"a', 'nul', '1e400', '{"a":1} x', '"\u0001"']) {
    assert.throws(() => parseKeptJson(bad), JsonSyntaxError, bad);
  }
  assert.throws(() => parseKeptJson('[1, 2'), /offset 5/);
});
