import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  escapeLabel,
  graphNodeIds,
  toMermaidFlowchart,
  toMermaidGraph,
  toMermaidSequence,
  toMermaidTimeline,
  truncateLabel,
} from '../../../../shared/export/mermaidChains.js';
import { createEvent } from '../../../../shared/chains/event.js';
import type { Chain, ChainEvent } from '../../../../shared/model/chains.js';
import { emptyChain, golden, readExport } from '../../../helpers/crucible.js';

const withEvents = (events: ChainEvent[]): Chain => ({ ...emptyChain(), events });
const ev = (decision: string | null, extra: Partial<ChainEvent> = {}): ChainEvent => ({
  ...createEvent({ type: 'pattern_applied', decision, reasoning: 'r' }),
  ...extra,
});

test('the four diagrams of the golden chain, with option variants (§7)', () => {
  const g = golden();
  assert.equal(toMermaidFlowchart(g), readExport('golden.flowchart.mmd'));
  assert.equal(
    toMermaidFlowchart(g, { includeConfidence: true, maxLabelLength: 20 }),
    readExport('golden.flowchart.confidence.mmd'),
  );
  assert.equal(toMermaidFlowchart(g, { colorByType: false }), readExport('golden.flowchart.nocolor.mmd'));
  assert.equal(toMermaidFlowchart(g, { showAlternatives: false }), readExport('golden.flowchart.mmd'));
  assert.equal(toMermaidSequence(g), readExport('golden.sequence.mmd'));
  assert.equal(toMermaidSequence(g, { showAlternatives: false }), readExport('golden.sequence.noalts.mmd'));
  assert.equal(toMermaidTimeline(g), readExport('golden.timeline.mmd'));
  assert.equal(toMermaidGraph(g), readExport('golden.graph.mmd'));
});

test('empty chains', () => {
  const e = emptyChain();
  assert.equal(toMermaidFlowchart(e), readExport('empty.flowchart.mmd'));
  assert.equal(toMermaidSequence(e), readExport('empty.sequence.mmd'));
  assert.equal(toMermaidTimeline(e), readExport('empty.timeline.mmd'));
  assert.equal(toMermaidGraph(e), readExport('empty.graph.mmd'));
});

test('labels: truncate graphemes first, then escape " < > # and LF only', () => {
  assert.equal(
    escapeLabel('Spec says "fast" <unclear> #1'),
    'Spec says &quot;fast&quot; &lt;unclear&gt; &#35;1',
  );
  assert.equal(escapeLabel('a\nb & [c] (d) {e} | f: g; h\r'), 'a<br/>b & [c] (d) {e} | f: g; h\r');
  assert.equal(escapeLabel(null), '');
  assert.equal(escapeLabel('[x] (y) {z} |', { safe: true }), '&#91;x&#93; &#40;y&#41; &#123;z&#125; &#124;');
  assert.equal(truncateLabel('e\u0301'.repeat(5), 3), 'e\u0301'.repeat(3) + '...');
  assert.equal(truncateLabel('abc', 3), 'abc');
  assert.equal(truncateLabel(null, 3), '');
  // Truncation counts the raw text, so an entity is never cut in half.
  assert.equal(escapeLabel(truncateLabel('<<<<<', 2)), '&lt;&lt;...');
});

test('single event: empty edge line; unknown types keep their class name and EVT code', () => {
  const one = withEvents([ev('Only', { type: 'stage_start' })]);
  assert.equal(
    toMermaidFlowchart(one, { colorByType: false }),
    'flowchart TD\n    E0[Only]:::stage_start\n\n',
  );
  assert.equal(toMermaidSequence(one), 'sequenceDiagram\n    participant EVT as Only\n');
  assert.equal(
    toMermaidTimeline(one, { title: 'T "q" #' }),
    'timeline\n    title T &quot;q&quot; &#35;\n    section Reasoning Chain\n                Only\n',
  );
});

test('timeline labels truncate at a fixed 40; multi-line decisions become <br/>', () => {
  const long = 'x'.repeat(45);
  const t = toMermaidTimeline(withEvents([ev(long), ev('two\nlines')]));
  assert.ok(t.includes(`${'x'.repeat(40)}... : \n        two<br/>lines\n`));
  assert.ok(toMermaidFlowchart(withEvents([ev(long)]), { maxLabelLength: 80 }).includes(`E0[${long}]`));
});

test('graph node ids: 8-grapheme prefixes, the full id where prefixes collide (§12)', () => {
  const chain = withEvents([
    ev('a', { id: 'abcdefgh-1' }),
    ev('b', { id: 'abcdefgh-2' }),
    ev('c', { id: 'zzzzzzzz-3' }),
    ev('d', { id: 'short' }),
  ]);
  assert.deepEqual(graphNodeIds(chain), ['abcdefgh-1', 'abcdefgh-2', 'zzzzzzzz', 'short']);
  assert.equal(
    toMermaidGraph(chain, { colorByType: false }),
    'graph TD\n' +
      '    abcdefgh-1[a]:::pattern_applied\n    abcdefgh-2[b]:::pattern_applied\n' +
      '    zzzzzzzz[c]:::pattern_applied\n    short[d]:::pattern_applied\n' +
      '    abcdefgh-1 --> abcdefgh-2\n    abcdefgh-2 --> zzzzzzzz\n    zzzzzzzz --> short\n',
  );
});

test('null decisions render as empty labels', () => {
  const chain = withEvents([ev(null)]);
  assert.match(toMermaidFlowchart(chain), /E0\[\]:::pattern_applied/);
  assert.match(toMermaidSequence(chain), /participant PAT as \n/);
});
