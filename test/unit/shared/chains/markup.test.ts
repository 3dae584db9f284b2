import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { KeptJson } from '../../../../shared/model/chains.js';
import {
  extractCode,
  extractMetadata,
  parseEvents,
  parseToChain,
  splitEventsAndCode,
  validateEvents,
  type EventValidation,
} from '../../../../shared/chains/markup/parser.js';
import { parseConfidence } from '../../../../shared/chains/markup/confidence.js';
import { buildCausalPrompt } from '../../../../shared/chains/markup/prompt.js';
import { writeEvents } from '../../../../shared/chains/chainWriter.js';
import { parseKeptJson } from '../../../../shared/chains/keptJson.js';
import { inspectString } from '../../../../shared/chains/inspect.js';
import { parserInput, readExport } from '../../../helpers/crucible.js';

/** Replaces the per-run id and timestamp so events compare by shape. */
function shape(events: KeptJson): KeptJson {
  return (events as Record<string, KeptJson>[]).map((e) => {
    assert.match(e.id as string, /^[0-9a-f]{32}$/);
    assert.match(e.timestamp as string, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    return { ...e, id: '<id>', timestamp: '<now>' };
  });
}

test('the integration input parses to the two sample events (by shape)', () => {
  const events = parseEvents(parserInput());
  assert.deepEqual(
    shape(parseKeptJson(writeEvents(events))),
    shape(parseKeptJson(readExport('parse_integration_test.events.json'))),
  );
  // The inspect sample agrees: code_section "" rather than nil when the tag is absent.
  const inspected = readExport('parse_integration_test.inspect.txt');
  assert.match(inspected, /code_section: "",/);
  assert.equal(events[1]!.code_section, '');
  assert.notEqual(events[0]!.id, events[1]!.id);
});

test('parseToChain wraps the events in a new chain', () => {
  const chain = parseToChain(parserInput(), 'Run A', { description: 'd', metadata: { k: 1 } });
  assert.equal(chain.name, 'Run A');
  assert.equal(chain.description, 'd');
  assert.deepEqual(chain.metadata, { k: 1 });
  assert.equal(chain.events.length, 2);
  const empty = parseToChain('no events', 'E');
  assert.equal(empty.created_at, empty.updated_at);
});

test('block and field rules (§4.1)', () => {
  const text = [
    '<event id="7" type=" pattern_applied " other="x"><decision> A &amp; B </decision>',
    '<decision>second</decision><alternatives>a; b,, c ;</alternatives></event>',
    "<event type='hypothesis_formed'><decision>single quotes</decision></event>",
    '<event type="made_up"><reasoning>r</reasoning><decision x="1">attr</decision></event>',
    '<event type="ambiguity_flagged">body</event>never</event>',
  ].join('\n');
  const events = parseEvents(text);
  assert.equal(events.length, 3);
  assert.equal(events[0]!.type, 'pattern_applied');
  assert.equal(events[0]!.decision, 'A &amp; B');
  assert.deepEqual(events[0]!.alternatives, ['a', 'b', 'c']);
  assert.equal(events[0]!.reasoning, '');
  assert.equal(events[0]!.confidence, 1);
  assert.equal(events[0]!.spec_reference, '');
  assert.equal(events[1]!.type, 'hypothesis_formed'); // unknown type
  assert.equal(events[1]!.decision, ''); // tags with attributes are not fields
  assert.equal(events[2]!.type, 'ambiguity_flagged');
  assert.deepEqual(events[2]!.metadata, {});
  assert.equal(events[2]!.parent_id, null);
});

test('confidence grammar (§4.2)', () => {
  const table: [string, number][] = [
    ['0.60', 0.6],
    ['0.85 (high)', 0.85],
    ['90%', 1.0],
    ['.75', 1.0],
    ['-0.3', 0.0],
    ['1e-1', 0.1],
    ['high', 1.0],
    ['', 1.0],
    ['  0.4  ', 0.4],
    ['+0.5', 0.5],
    ['1.e5', 1.0],
    ['0', 0],
    ['1e400', 1.0],
  ];
  for (const [text, v] of table) assert.equal(parseConfidence(text), v, text);
  assert.equal(parseEvents('<event type="x"><confidence>0.60</confidence></event>')[0]!.confidence, 0.6);
});

test('extractCode and splitEventsAndCode reproduce the samples', () => {
  assert.equal(extractCode(parserInput()), readExport('extract_code.txt'));
  const [events, code] = splitEventsAndCode(parserInput());
  assert.equal(events, readExport('split_events_and_code.events.txt'));
  assert.equal(code, readExport('split_events_and_code.code.txt'));
  assert.deepEqual(splitEventsAndCode('plain'), ['plain', '']);
  assert.equal(extractCode('<event>x</event> <code>a</code> and <code>b</code> '), 'a and b');
});

function inspectValidation(v: EventValidation): string {
  return 'ok' in v ? `{:ok, ${v.ok}}` : `{:error, [${v.error.map(inspectString).join(', ')}]}`;
}

test('validateEvents reproduces both sample lines', () => {
  const lines = readExport('validate_events.txt').split('\n');
  assert.equal(inspectValidation(validateEvents(parserInput())), lines[0]);
  assert.equal(
    inspectValidation(
      validateEvents('<event type="x">\n<reasoning>r</reasoning>\n</event>\n<event type="y">'),
    ),
    lines[1],
  );
  // Opening tags count even when their blocks yield no event; `<events>` counts as one too.
  assert.deepEqual(validateEvents("<event></event><event type='x'></event>"), { ok: 2 });
  assert.deepEqual(validateEvents('<events><event></event>'), {
    error: ['Mismatched event tags: 2 open, 1 close'],
  });
  assert.deepEqual(validateEvents('<event type="a"></event>'), {
    error: ['Event 1: missing <reasoning> tag', 'Event 1: missing <decision> tag'],
  });
});

test('buildCausalPrompt and extractMetadata', () => {
  assert.equal(buildCausalPrompt('Implement a caching layer'), readExport('build_causal_prompt.txt'));
  assert.deepEqual(
    extractMetadata('<!-- MODEL:  gpt-4  -->\n<!--timestamp: 2025-01-01 -->\n<!-- model: other -->'),
    {
      model: 'gpt-4',
      timestamp: '2025-01-01',
    },
  );
  assert.deepEqual(extractMetadata('none'), {});
});
