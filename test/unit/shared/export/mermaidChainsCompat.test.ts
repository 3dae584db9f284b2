/**
 * The chain diagrams' `compat: 'mermaid'` mode: the reference's structure in text Mermaid 12
 * parses. (That it renders is checked in Chromium by test/e2e/export.test.ts.)
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  toMermaidFlowchart,
  toMermaidGraph,
  toMermaidSequence,
  toMermaidTimeline,
} from '../../../../shared/export/mermaidChains.js';
import { chainText } from '../../../../shared/export/exportText.js';
import {
  breakingLabel,
  flowchartClass,
  flowchartIds,
  timelineLabel,
} from '../../../../shared/export/mermaidText.js';
import type { Chain } from '../../../../shared/model/chains.js';
import { emptyChain, golden, hostileChain, readExport } from '../../../helpers/crucible.js';

const M = { compat: 'mermaid' } as const;
const GENERATORS = {
  flowchart: toMermaidFlowchart,
  sequence: toMermaidSequence,
  timeline: toMermaidTimeline,
  graph: toMermaidGraph,
} as const;

const CLASSDEF_LINES =
  '    classDef hypothesis_formed fill:#e8f5e9,stroke:#2e7d32,stroke-width:2px\n' +
  '    classDef alternative_rejected fill:#ffebee,stroke:#c62828,stroke-width:2px\n' +
  '    classDef constraint_evaluated fill:#fff3e0,stroke:#ef6c00,stroke-width:2px\n' +
  '    classDef pattern_applied fill:#e3f2fd,stroke:#1565c0,stroke-width:2px\n' +
  '    classDef ambiguity_flagged fill:#fff9c4,stroke:#f57f17,stroke-width:2px\n' +
  '    classDef confidence_updated fill:#f3e5f5,stroke:#6a1b9a,stroke-width:2px\n';

test("the default stays the reference's bytes; compat: 'reference' is the same", () => {
  for (const [kind, make] of Object.entries(GENERATORS)) {
    assert.equal(make(golden(), { compat: 'reference' }), readExport(`golden.${kind}.mmd`), kind);
    assert.equal(make(golden()), readExport(`golden.${kind}.mmd`), kind);
    assert.equal(make(emptyChain(), { compat: 'reference' }), readExport(`empty.${kind}.mmd`), kind);
  }
});

test('golden chain, mermaid mode: the same diagrams with Mermaid entity codes', () => {
  const g = golden();
  assert.equal(
    toMermaidFlowchart(g, M),
    'flowchart TD\n' +
      '    E0["Use GenServer for state management"]:::hypothesis_formed\n' +
      '    E1["Limit concurrent connections to 100"]:::constraint_evaluated\n' +
      '    E2["Reject ETS-only cache"]:::alternative_rejected\n' +
      '    E3["Spec says #34;fast#34; #60;unclear#62; #35;1"]:::ambiguity_flagged\n' +
      '    E0 --> E1\n    E1 --> E2\n    E2 --> E3\n' +
      CLASSDEF_LINES +
      '\n\n',
  );
  assert.equal(
    toMermaidSequence(g, M),
    'sequenceDiagram\n' +
      '    participant HYP as Use GenServer for state management\n' +
      '    Note over HYP: Alternatives: Agent, ETS table\n' +
      '    participant CON as Limit concurrent connections to 100\n' +
      '    participant REJ as Reject ETS-only cache\n' +
      '    Note over REJ: Alternatives: ETS table\n' +
      '    participant AMB as Spec says #34;fast#34; #60;unclear#62; #35;1\n' +
      // The reference's `&lt; 10ms, p50 &lt; 5ms; best` ended the statement at each `;`.
      '    Note over AMB: Alternatives: p99 #60; 10ms, p50 #60; 5ms#59; best effort\n',
  );
  assert.equal(
    toMermaidTimeline(g, M),
    'timeline\n    title State Manager Implementation\n    section Reasoning Chain\n' +
      '        Use GenServer for state management\n' +
      '        Limit concurrent connections to 100\n' +
      '        Reject ETS-only cache\n' +
      '        Spec says #34;fast#34; #60;unclear#62; #35;1\n',
  );
  assert.equal(
    toMermaidGraph(g, M),
    'graph TD\n' +
      '    a1b2c3d4["Use GenServer for state management"]:::hypothesis_formed\n' +
      '    b2c3d4e5["Limit concurrent connections to 100"]:::constraint_evaluated\n' +
      '    c3d4e5f6["Reject ETS-only cache"]:::alternative_rejected\n' +
      '    d4e5f607["Spec says #34;fast#34; #60;unclear#62; #35;1"]:::ambiguity_flagged\n' +
      '    a1b2c3d4 --> b2c3d4e5\n    b2c3d4e5 --> c3d4e5f6\n    c3d4e5f6 --> d4e5f607\n' +
      CLASSDEF_LINES +
      '\n',
  );
  // Options still apply: confidence in the label, no styles, no alternatives.
  assert.match(
    toMermaidFlowchart(g, { ...M, includeConfidence: true, maxLabelLength: 20, colorByType: false }),
    /E0\["Use GenServer for st\.\.\. #40;0\.9#41;"\]:::hypothesis_formed\n/,
  );
  assert.doesNotMatch(toMermaidSequence(g, { ...M, showAlternatives: false }), /Note/);
  assert.match(toMermaidTimeline(g, { ...M, title: 'Other: #2' }), /^timeline\n {4}title Other#58; #35;2\n/);
});

test('empty chain, mermaid mode: the reference placeholders; an empty title line is left out', () => {
  const e = emptyChain();
  assert.equal(toMermaidFlowchart(e, M), readExport('empty.flowchart.mmd'));
  assert.equal(toMermaidSequence(e, M), readExport('empty.sequence.mmd'));
  assert.equal(toMermaidGraph(e, M), readExport('empty.graph.mmd'));
  assert.equal(toMermaidTimeline(e, M), readExport('empty.timeline.mmd'));
  assert.equal(
    toMermaidTimeline({ ...e, name: null }, M),
    'timeline\n    section No Events\n        Empty : No events recorded\n',
  );
});

/** Everything a label may hold once coded: no character with a meaning in any of the grammars. */
const CODED_LABEL = /^[^"<>&;%[\](){}|`\n\r]*$/;
const labelsOf = (text: string, pattern: RegExp): string[] =>
  [...text.matchAll(pattern)].map((m) => m[1]!.replace(/<br\/>/g, '').replace(/#\d+;/g, ''));

test('hostile labels: the same nodes, edges, participants and items, every label coded', () => {
  const h = hostileChain();
  const n = h.events.length;
  const flow = toMermaidFlowchart(h, M);
  const flowLabels = labelsOf(flow, /^ {4}E\d+\["(.*)"\]/gm);
  assert.equal(flowLabels.length, n);
  for (const l of flowLabels) assert.match(l, CODED_LABEL);
  // One line per line of the reference: newlines in labels are `<br/>`, never line breaks.
  assert.equal(flow.split('\n').length, toMermaidFlowchart(h).split('\n').length);
  assert.equal((flow.match(/ --> /g) ?? []).length, n - 1);

  const seq = toMermaidSequence(h, M);
  assert.equal(seq.split('\n').length, toMermaidSequence(h).split('\n').length);
  const aliases = labelsOf(seq, /^ {4}participant [A-Z]{3} as (.*)$/gm);
  const notes = labelsOf(seq, /^ {4}Note over [A-Z]{3}: Alternatives: (.*)$/gm);
  assert.deepEqual([aliases.length, notes.length], [n, 2]);
  for (const l of [...aliases, ...notes]) assert.match(l, CODED_LABEL);
  assert.match(seq, /participant HYP as x#34;#59; end #37;#37; #35;35#59; #38;quot#59; #60;script#62;/);
  assert.match(
    seq,
    /participant REJ as first line<br\/>second line<br\/>third<br\/>fourth<br\/>fifth {2}tab no-break\n/,
  );

  const timeline = toMermaidTimeline(h, M);
  const items = timeline.split('\n').slice(3, -1);
  assert.equal(items.length, n);
  for (const item of items) {
    assert.match(item, /^ {8}\S/);
    assert.match(item.replace(/#\d+;/g, ''), /^[^#:;%\n]*$/);
    // A line starting with a statement keyword would be read as a section, a title or a directive.
    assert.doesNotMatch(item.trim(), /^(timeline|title|section|acc)/i);
  }
  assert.equal(items[3], '        #8203;', 'a null decision keeps its period');
  assert.equal(items[4], '        #115;ection Evil');
  assert.equal(items[8], '        #8203;', 'a blank decision keeps its period');
  assert.match(
    timeline,
    /^timeline\n {4}title Evil #34;name#34;#59; #35;1 #60;b#62;bold#60;\/b#62; #58; colon section Injected title again\n/,
  );

  const graph = toMermaidGraph(h, M);
  const ids = [...graph.matchAll(/^ {4}(\S+)\["/gm)].map((m) => m[1]);
  assert.deepEqual(ids, ['N0', 'abcdefgh-1', 'abcdefgh-2', '_N3', 'N3', 'N5', 'a1b2c3d4', 'N7', 'N8', 'N9']);
  assert.equal((graph.match(/ --> /g) ?? []).length, n - 1);
  assert.match(graph, /\n {4}N0 --> abcdefgh-1\n/);
});

test('hostile types: a class name Mermaid parses, or none', () => {
  const h = hostileChain();
  const classes = [...toMermaidFlowchart(h, M).matchAll(/^ {4}E(\d+)\[".*"\](?::::(\S+))?$/gm)].map(
    (m) => m[2] ?? null,
  );
  assert.deepEqual(classes, [
    'hypothesis_formed',
    'alternative_rejected',
    'constraint_evaluated',
    'pattern_applied',
    'end_',
    'stage_start__x',
    null,
    'class_',
    'hypothesis_formed',
    'ambiguity_flagged',
  ]);
});

test('long labels are cut before coding, so no code is split', () => {
  const long: Chain = { ...emptyChain(), events: hostileChain().events.slice(2, 3) };
  const label = /E0\["(.*)"\]/.exec(toMermaidFlowchart(long, M))![1]!;
  assert.ok(label.endsWith('...'));
  assert.ok([...label.replace(/#\d+;/g, '')].length < 70);
  assert.match(toMermaidTimeline(long, M), /\n {8}Ünïcødé 🧪 日本語 — Ünïcødé 🧪 日本語 — Ünïcødé \.\.\.\n/);
});

test('chainText passes compat to the four diagrams only', () => {
  const g = golden();
  assert.equal(chainText(g, 'mermaid-sequence'), readExport('golden.sequence.mmd'));
  assert.equal(chainText(g, 'mermaid-sequence', M), toMermaidSequence(g, M));
  assert.equal(chainText(g, 'mermaid-timeline', M), toMermaidTimeline(g, M));
  assert.equal(chainText(g, 'crucible-markdown', M), readExport('golden.md'));
});

test('label helpers: line breaks, control characters, keywords', () => {
  assert.equal(breakingLabel('a\r\nb\rc\u2028d\u0085e\u0000f\tg\u00a0h'), 'a<br/>b<br/>c<br/>d<br/>e f g h');
  assert.equal(breakingLabel('<br/>'), '#60;br/#62;');
  assert.equal(timelineLabel('  Title: x \n y '), '#84;itle#58; x y');
  assert.equal(timelineLabel(''), '#8203;');
  assert.equal(timelineLabel('entitled'), 'entitled');
  assert.deepEqual(flowchartIds(['a', 'end', 'a', 'x y', 'x y', 'N1', 'end-2', 'x-end']), [
    'a',
    '_N1',
    'a',
    'N3',
    'N3',
    'N1',
    'N6',
    'x-end',
  ]);
  assert.equal(flowchartClass('Style'), 'Style_');
  assert.equal(flowchartClass('--'), null);
  assert.equal(flowchartClass('x-y'), 'x_y');
});
