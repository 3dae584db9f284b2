import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { parse } from 'yaml';
import { pyFixed } from '../../../../electron/tracker/pyFormat.js';
import { PyFloat, toPyYaml, yamlString } from '../../../../electron/tracker/pyYaml.js';

const TRICKY = [
  '2026-01-13T16:05:12.401463Z',
  '2026-01-13',
  '',
  'yes',
  'No',
  'on',
  'OFF',
  'y',
  '~',
  'null',
  'Null',
  '1.0.0',
  '1_000',
  '0755',
  '0x1F',
  '1:20',
  '1:20.5',
  '.inf',
  '-.Inf',
  '.NaN',
  '=',
  '<<',
  'a: b',
  '- x',
  '#c',
  'x #y',
  '@a',
  '`b',
  '!t',
  '&a',
  '*a',
  '|',
  '>',
  '%x',
  '? x',
  '[a]',
  '{a}',
  'foo\nbar',
  '  lead',
  'trail ',
  'tab\tx',
  '"q"',
  "'s'",
  'ü ✓ 中',
  '1e3',
  '+1',
  '-1',
  '1.',
  '.5',
  '0b101',
  'true',
  '12:30:45',
  'a'.repeat(120),
  'word '.repeat(30),
  '\u0085x',
  '\ufeffbom',
  'x\u2028y',
  'ctrl\x01',
  '\x7f',
  '---',
  '...',
  'a:',
  'x\\y',
  '😀',
  'HTTPError 503: Service Unavailable',
  'C:\\path',
  '/Users/marcin/x y',
  'a\r\nb',
  '-',
  '?',
  ':',
  'e\u0301',
];

const doc = () => ({
  list: TRICKY,
  keys: Object.fromEntries(TRICKY.filter(Boolean).map((k, i) => [k, i])),
  numbers: { zero: new PyFloat(0), small: 0.02, tiny: 1e-7, big: 1e21, neg: -2.5, int: 3 },
  flags: { t: true, f: false, n: null, empty_list: [], empty_map: {} },
});

const expected = () => ({
  ...doc(),
  numbers: { zero: 0, small: 0.02, tiny: 1e-7, big: 1e21, neg: -2.5, int: 3 },
});

test('strings YAML 1.1 would read as other types are quoted; plain ones stay plain', () => {
  assert.equal(yamlString('2026-01-13T16:05:12.401463Z'), "'2026-01-13T16:05:12.401463Z'");
  assert.equal(yamlString(''), "''");
  assert.equal(yamlString('yes'), "'yes'");
  assert.equal(yamlString('1.0.0'), '1.0.0');
  assert.equal(yamlString('MediaFormulationAgent'), 'MediaFormulationAgent');
  assert.equal(yamlString('HTTPError 503: x'), "'HTTPError 503: x'");
  assert.equal(yamlString('line\nbreak'), '"line\\nbreak"');
});

test('the npm yaml parser reads every value back unchanged', () => {
  assert.deepEqual(parse(toPyYaml(doc())), expected());
});

test('PyYAML safe_load reads every value back unchanged (and floats as floats)', (t) => {
  const probe = spawnSync('python3', ['-c', 'import yaml'], { encoding: 'utf8' });
  if (probe.status !== 0) return t.skip('python3 with PyYAML is not installed');
  const script = [
    'import sys, json, yaml',
    'd = yaml.safe_load(sys.stdin.buffer.read().decode("utf-8", "surrogatepass"))',
    'assert isinstance(d["numbers"]["zero"], float)',
    'sys.stdout.write(json.dumps(d))',
  ].join('\n');
  const r = spawnSync('python3', ['-c', script], { input: toPyYaml(doc()), encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), expected());
});

test('Python %.2f rounding: exact ties go to even', () => {
  assert.equal(pyFixed(0.125, 2), '0.12');
  assert.equal(pyFixed(0.375, 2), '0.38');
  assert.equal(pyFixed(1.019, 2), '1.02');
  assert.equal(pyFixed(6.25, 1), '6.2');
  assert.equal(pyFixed(100 / 3, 1), '33.3');
});
