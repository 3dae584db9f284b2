import assert from 'node:assert/strict';
import { test } from 'node:test';
import type * as SvgText from '../../../../../renderer/src/features/export/svgText.js';
import { rendererJs } from '../../../../helpers/rendererModule.js';

const { xmlSafeSvg } = (await import(rendererJs('features/export/svgText.js'))) as typeof SvgText;

test('HTML void elements and &nbsp; from Mermaid become XML; the rest is unchanged', () => {
  const html =
    '<svg><foreignObject><div><p>a<br>b<br/>c<br class="x">d&nbsp;e &amp; &lt;f&gt;</p><hr></div></foreignObject><text>brave</text></svg>';
  assert.equal(
    xmlSafeSvg(html),
    '<svg><foreignObject><div><p>a<br/>b<br/>c<br class="x"/>d&#160;e &amp; &lt;f&gt;</p><hr/></div></foreignObject><text>brave</text></svg>',
  );
  assert.equal(xmlSafeSvg(xmlSafeSvg(html)), xmlSafeSvg(html));
});
