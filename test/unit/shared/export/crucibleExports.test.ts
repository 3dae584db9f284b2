import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toCrucibleCsv, csvField } from '../../../../shared/export/crucibleCsv.js';
import { toCrucibleMarkdown } from '../../../../shared/export/crucibleMarkdown.js';
import { exportChain, CHAIN_EXPORT_FORMATS } from '../../../../shared/export/crucibleExport.js';
import { parseToChain } from '../../../../shared/chains/markup/parser.js';
import { createEvent } from '../../../../shared/chains/event.js';
import { emptyChain, golden, parserInput, readCrucible, readExport } from '../../../helpers/crucible.js';

test('CSV of the golden and the empty chain (§6.1)', () => {
  assert.equal(toCrucibleCsv(golden()), readExport('golden.csv'));
  assert.equal(toCrucibleCsv(emptyChain()), readExport('empty.csv'));
});

test('CSV escaping: quotes on , " LF and CR, also in code_section and spec_reference (§12)', () => {
  assert.equal(csvField('plain'), 'plain');
  assert.equal(csvField('a,b'), '"a,b"');
  assert.equal(csvField('say "hi"'), '"say ""hi"""');
  assert.equal(csvField('cr\rhere'), '"cr\rhere"');
  const g = golden();
  const e = { ...g.events[0]!, code_section: 'a,b', spec_reference: 'x"y', decision: null, confidence: 1 };
  const row = toCrucibleCsv({ ...g, events: [e] }).split('\n')[1]!;
  assert.equal(
    row,
    'a1b2c3d4e5f60718293a4b5c6d7e8f90,2025-01-15T10:30:00.123456Z,hypothesis_formed,,Agent; ETS table,Need concurrent access and OTP supervision,1.0,"a,b","x""y"',
  );
});

test('Markdown of the golden chain; the empty chain uses the corrected template (§6.2, §12)', () => {
  assert.equal(toCrucibleMarkdown(golden()), readExport('golden.md'));
  assert.match(readExport('empty.md.txt'), /KeyError/); // the reference fails here
  assert.equal(
    toCrucibleMarkdown(emptyChain()),
    '# Empty\n\n\n**Chain ID:** e0\n**Created:** 2025-01-15 10:29:59.000000Z\n**Updated:** 2025-01-15 10:29:59.000000Z\n' +
      '**Total Events:** 0\n**Average Confidence:** 0.0\n**Duration:** 0s\n\n## Events\n\n\n',
  );
});

test('Markdown of parsed events: "" counts as present', () => {
  const md = toCrucibleMarkdown(parseToChain(parserInput(), 'Run', { description: '' }));
  assert.match(md, /^# Run\n\n\n\n\*\*Chain ID:\*\*/);
  assert.match(md, /\*\*Confidence:\*\* 0\.95\n\*\*Code Section:\*\* \n\n\*\*Spec Reference:\*\* \n\n/);
});

test('exportChain dispatches every format and names unsupported ones (§6)', () => {
  const g = golden();
  assert.deepEqual(exportChain(g, 'json'), { ok: readCrucible('chain_golden_deterministic.json') });
  assert.deepEqual(exportChain(g, 'csv'), { ok: readExport('golden.csv') });
  assert.deepEqual(exportChain(g, 'markdown'), { ok: readExport('golden.md') });
  assert.deepEqual(exportChain(g, 'mermaid_flowchart'), { ok: readExport('golden.flowchart.mmd') });
  assert.deepEqual(exportChain(g, 'mermaid_sequence', { showAlternatives: false }), {
    ok: readExport('golden.sequence.noalts.mmd'),
  });
  assert.deepEqual(exportChain(g, 'mermaid_timeline'), { ok: readExport('golden.timeline.mmd') });
  assert.deepEqual(exportChain(g, 'mermaid_graph'), { ok: readExport('golden.graph.mmd') });
  assert.deepEqual(exportChain(g, 'pdf'), { error: 'Unsupported export format: pdf' });
  assert.equal(CHAIN_EXPORT_FORMATS.length, 7);
});

test('floats in text exports never print as integers', () => {
  const e = createEvent({
    type: 'x',
    decision: 'd',
    reasoning: 'r',
    confidence: 1,
    timestamp: '2025-01-01T00:00:00Z',
  });
  const chain = { ...emptyChain(), events: [e] };
  assert.match(toCrucibleCsv(chain), /,1\.0,,$/);
  assert.match(toCrucibleMarkdown(chain), /\*\*Confidence:\*\* 1\.0\n/);
  assert.match(toCrucibleMarkdown(chain), /\*\*Average Confidence:\*\* 1\.0\n/);
});
