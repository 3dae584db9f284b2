import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ArgsError, isPlainJson, validateArgs } from '../../../../shared/ipc/validateArgs.js';

test('valid arguments pass through unchanged; argument-less calls accept nothing or null', () => {
  const filter = { project: 'p', parent: null, sort: 'duration_ms', descending: false, offset: 0, limit: 50 };
  assert.equal(validateArgs('sessions/list', filter), filter);
  assert.deepEqual(validateArgs('sessions/list', {}), {});
  assert.equal(validateArgs('workspace/info', undefined), undefined);
  assert.equal(validateArgs('projects/list', null), undefined);
  assert.deepEqual(validateArgs('query/run', { sql: 'SELECT 1', limit: undefined }), {
    sql: 'SELECT 1',
    limit: undefined,
  });
});

test('only plain JSON data crosses: no class instances, functions, bigints or non-finite numbers', () => {
  for (const bad of [
    new Date(),
    new Map(),
    () => 1,
    1n,
    NaN,
    Infinity,
    new Uint8Array(2),
    [new Set()],
    { a: Symbol('s') },
  ]) {
    assert.equal(isPlainJson(bad), false, String(bad));
  }
  assert.equal(isPlainJson({ a: [1, 'x', null, { b: true }], c: Object.create(null) }), true);
  let deep: unknown = 1;
  for (let i = 0; i < 40; i++) deep = [deep];
  assert.equal(isPlainJson(deep), false, 'nesting is bounded');
  assert.throws(() => validateArgs('query/run', { sql: new String('x') }), /plain JSON/);
});

test('shape errors are user-facing 400s naming the field', () => {
  const cases: [Parameters<typeof validateArgs>, RegExp][] = [
    [['sessions/trace', null], /sessions\/trace: expected an object, got null/],
    [['sessions/trace', []], /expected an object, got an array/],
    [['sessions/list', { success: 'yes' }], /sessions\/list\.success: expected true or false/],
    [['sessions/list', { limit: 1.5 }], /limit: expected a non-negative integer/],
    [['sessions/list', JSON.parse('{"__proto__": {"admin": true}}')], /unknown field "__proto__"/],
    [['sessions/list', { constructor: 1 }], /unknown field "constructor"/],
    [['query/run', { limit: 3 }], /missing field "sql"/],
    [['projects/list', 0], /expected no arguments, got number/],
  ];
  for (const [[key, raw], message] of cases) {
    assert.throws(
      () => validateArgs(key, raw),
      (e: unknown) => e instanceof ArgsError && e.status === 400 && e.userFacing && message.test(e.message),
      `${key} ${JSON.stringify(raw)}`,
    );
  }
});
