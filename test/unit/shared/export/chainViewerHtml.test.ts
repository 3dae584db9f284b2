import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  escapeHtmlText,
  timelineOffsets,
  toChainViewerHtml,
} from '../../../../shared/export/chainViewerHtml.js';
import { createEvent } from '../../../../shared/chains/event.js';
import { emptyChain, golden, readExport } from '../../../helpers/crucible.js';

test('the viewer reproduces the three reference pages (§11)', () => {
  const g = golden();
  assert.equal(toChainViewerHtml(g), readExport('golden.viewer.html'));
  assert.equal(
    toChainViewerHtml(g, {
      style: 'dark',
      include_statistics: false,
      include_timeline: false,
      title: 'Custom <Title>',
    }),
    readExport('golden.viewer.dark.nostats.html'),
  );
  assert.equal(toChainViewerHtml(emptyChain()), readExport('empty.viewer.html'));
});

test('timeline offsets: whole milliseconds, list order, 0 when the span is 0', () => {
  assert.deepEqual(timelineOffsets(golden().events), [
    '0.0',
    '29.256875365710943',
    '56.11468695143359',
    '100.0',
  ]);
  const e = createEvent({ type: 'x', decision: 'd', reasoning: 'r', timestamp: '2025-01-01T00:00:00Z' });
  assert.deepEqual(timelineOffsets([e, e]), ['0', '0']);
  assert.deepEqual(timelineOffsets([]), []);
});

test('every chain value is escaped; no markup gets through', () => {
  assert.equal(
    escapeHtmlText(`<a href="x">'&'</a>`),
    '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
  );
  const evil = createEvent({
    type: '"><script>alert(1)</script>',
    decision: '<img src=x onerror=alert(1)>',
    reasoning: "</div><script>x='1'</script>",
    alternatives: ['<b>bold</b>'],
    code_section: '<code>',
    spec_reference: '"spec"',
    timestamp: '2025-01-01T00:00:00Z',
  });
  const chain = { ...emptyChain(), name: '<h1>n</h1>', description: '<p>d</p>', id: '<id>', events: [evil] };
  const html = toChainViewerHtml(chain);
  assert.equal(html.match(/<script>/g)?.length, 1); // the page's own script only
  assert.ok(!html.includes('<img'));
  assert.ok(!html.includes('<b>bold'));
  assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
  assert.ok(html.includes('<title>&lt;h1&gt;n&lt;/h1&gt; - CausalTrace</title>'));
  assert.ok(html.includes('data-confidence="1.0"'));
});
