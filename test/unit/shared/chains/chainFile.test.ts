import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ChainReadError, readChain, summarizeChainFile } from '../../../../shared/chains/chainReader.js';
import { writeChain, writeEvents } from '../../../../shared/chains/chainWriter.js';
import { chainStatistics } from '../../../../shared/chains/statistics.js';
import { searchChainSummaries } from '../../../../shared/chains/chainListing.js';
import { parseKeptJson } from '../../../../shared/chains/keptJson.js';
import { golden, readCrucible, readExport, readOwn } from '../../../helpers/crucible.js';

test('the golden chain reads and writes back byte for byte (§3.3)', () => {
  const text = readCrucible('chain_golden_deterministic.json');
  const out = writeChain(readChain(text));
  assert.equal(out, text);
  assert.equal(out, readExport('golden.export.json'));
});

test('the empty chain writes statistics {"total_events": 0} only', () => {
  const text = readExport('empty.export.json');
  const chain = readChain(text);
  assert.deepEqual(chainStatistics(chain), { total_events: 0 });
  assert.equal(writeChain(chain), text);
});

test('our training chain round-trips, float and integer metadata kept apart', () => {
  const text = readOwn('chain_training.json');
  const chain = readChain(text);
  assert.deepEqual(chain.events[1]!.metadata, { accuracy: 0.91, epoch: 1, loss: 0.25, lr: 0.001 });
  assert.deepEqual(chain.events[2]!.metadata.loss_value, { $number: '2.0' });
  assert.equal(writeChain(chain), text);
});

test('golden statistics: unrounded average, list-order duration', () => {
  const s = chainStatistics(golden());
  assert.deepEqual(s, {
    total_events: 4,
    event_type_counts: {
      hypothesis_formed: 1,
      constraint_evaluated: 1,
      alternative_rejected: 1,
      ambiguity_flagged: 1,
    },
    avg_confidence: 0.7250000000000001,
    duration_seconds: 5,
  });
  const g = golden();
  const reversed = { ...g, events: [...g.events].reverse() };
  assert.equal((chainStatistics(reversed) as { duration_seconds: number }).duration_seconds, -5);
  const single = { ...g, events: [g.events[0]!] };
  assert.equal((chainStatistics(single) as { duration_seconds: number }).duration_seconds, 0);
});

test('a 0.2 file without relationship keys takes every default (§3.3)', () => {
  const chain = readChain(readOwn('chain_v02_no_relationships.json'));
  assert.equal(chain.description, null);
  assert.equal(chain.updated_at, '2024-06-01T08:30:00.5Z');
  assert.deepEqual(chain.metadata, {
    model: 'claude',
    temperature: { $number: '0.0' },
    max_tokens: 4096,
    score: 0.001,
  });
  const [e1, e2, e3] = chain.events;
  assert.deepEqual(e1, {
    id: 'ev1',
    timestamp: '2024-06-01T08:00:00Z',
    type: 'hypothesis_formed',
    decision: 'Cache in ETS',
    reasoning: 'Fast reads',
    alternatives: ['Redis'],
    confidence: 1,
    code_section: null,
    spec_reference: '§2',
    metadata: {},
    parent_id: null,
    depends_on: [],
    stage_id: null,
    experiment_id: null,
  });
  assert.equal(e2!.type, 'stage_start'); // unknown type kept verbatim
  assert.equal(e2!.reasoning, null);
  assert.equal(e2!.confidence, 0.85); // numeric text: longest float prefix
  assert.equal(e2!.timestamp, '2024-06-01T08:00:02.250Z');
  assert.equal(e3!.type, 'hypothesis_formed'); // missing type
  assert.equal(e3!.confidence, 1.5); // never clamped on load
  assert.deepEqual(e3!.alternatives, []); // false takes the default
  const written = writeChain(chain);
  assert.match(written, /"confidence": 1\.0,/); // integer confidence written as a float
  assert.match(written, /"type": "stage_start"/);
  assert.match(written, /"reasoning": null/);
  assert.deepEqual(readChain(written), chain);
});

test('confidence readings: integer, text, garbage', () => {
  const make = (c: string): number =>
    readChain(
      `{"created_at":"2025-01-01T00:00:00Z","updated_at":"2025-01-01T00:00:00Z","events":[{"timestamp":"2025-01-01T00:00:00Z","confidence":${c}}]}`,
    ).events[0]!.confidence;
  assert.equal(make('1'), 1);
  assert.equal(make('"-0.3x"'), -0.3);
  assert.equal(make('"high"'), 1);
  assert.equal(make('true'), 1);
  assert.equal(make('null'), 1);
  assert.equal(make('[0.5]'), 1);
});

test('absent ids are generated', () => {
  const c = readChain(
    '{"created_at":"2025-01-01T00:00:00Z","updated_at":"2025-01-01T00:00:00Z","events":[{"timestamp":"2025-01-01T00:00:00Z"}]}',
  );
  assert.match(c.id, /^[0-9a-f]{32}$/);
  assert.match(c.events[0]!.id, /^[0-9a-f]{32}$/);
});

test('errors name the chain, event and field', () => {
  const base = (events: string, extra = '"updated_at":"2025-01-01T00:00:00Z"'): string =>
    `{"id":"c1","created_at":"2025-01-01T00:00:00Z",${extra},"events":${events}}`;
  assert.throws(() => readChain(base('[]', '"x":1')), /Chain c1: updated_at is missing/);
  assert.throws(
    () => readChain(base('[{"id":"e9","timestamp":"2025-01-01T00:00:00"}]')),
    (e: unknown) =>
      e instanceof ChainReadError && /Chain c1: event e9: timestamp is not a valid timestamp/.test(e.message),
  );
  assert.throws(() => readChain(base('[{"id":"e9"}]')), /event e9: timestamp is missing/);
  assert.throws(() => readChain(base('[7]')), /Chain c1: event 0 is not an object/);
  assert.throws(() => readChain(base('{}')), /Chain c1: events must be a list/);
  assert.throws(
    () => readChain(base('[{"id":"e9","timestamp":"2025-01-01T00:00:00Z","decision":3}]')),
    /event e9: decision must be a string, got a number/,
  );
  assert.throws(
    () => readChain(base('[{"id":"e9","timestamp":"2025-01-01T00:00:00Z","depends_on":[1]}]')),
    /depends_on must be a list of strings/,
  );
  assert.throws(() => readChain('[1]'), /not a JSON object/);
  assert.throws(() => readChain('{'), /offset/);
});

test('listing rows and chain search (§3.1)', () => {
  const rows = [
    summarizeChainFile(readCrucible('chain_golden_deterministic.json')),
    summarizeChainFile(readExport('empty.export.json')),
    summarizeChainFile(readOwn('chain_training.json')),
    summarizeChainFile('not json'),
    summarizeChainFile('[]'),
  ];
  assert.equal(rows[3], null);
  assert.equal(rows[4], null);
  const list = rows.filter((r) => r !== null);
  assert.deepEqual(list[0], {
    id: '0f1e2d3c4b5a69788796a5b4c3d2e1f0',
    name: 'State Manager Implementation',
    description: 'Deterministic golden chain',
    event_count: 4,
    created_at: '2025-01-15T10:29:59.000000Z',
    updated_at: '2025-01-15T10:30:05.300000Z',
  });
  const ids = (q: Parameters<typeof searchChainSummaries>[1]): string[] =>
    searchChainSummaries(list, q).map((r) => r.id);
  assert.deepEqual(ids({ name_contains: 'STATE' }), ['0f1e2d3c4b5a69788796a5b4c3d2e1f0']);
  assert.deepEqual(ids({ min_events: 4, max_events: 4 }), [
    '0f1e2d3c4b5a69788796a5b4c3d2e1f0',
    'train-chain',
  ]);
  assert.deepEqual(ids({ created_after: '2025-01-15T10:29:59Z', created_before: '2025-01-15T10:29:59Z' }), [
    '0f1e2d3c4b5a69788796a5b4c3d2e1f0',
    'e0',
  ]);
  assert.deepEqual(ids({}), ['0f1e2d3c4b5a69788796a5b4c3d2e1f0', 'e0', 'train-chain']);
});

test('events write as the reference JSON maps', () => {
  const file = parseKeptJson(readCrucible('chain_golden_deterministic.json')) as { events: unknown[] };
  assert.deepEqual(parseKeptJson(writeEvents(golden().events)), file.events);
});
