/**
 * Mermaid, loaded on first use (it is large) and configured once: `securityLevel: 'strict'` (no
 * clicks, no HTML in labels beyond what Mermaid sanitizes), `startOnLoad: false`. The SVG is shown
 * through an <img> (see ExportPanel), so nothing in it can run.
 */
import type { Mermaid } from 'mermaid';
import { xmlSafeSvg } from './svgText.js';

type MermaidApi = Mermaid;

let loading: Promise<MermaidApi> | null = null;
let counter = 0;

function mermaid(dark: boolean): Promise<MermaidApi> {
  loading ??= import('mermaid').then((m) => m.default);
  return loading.then((api) => {
    api.initialize({
      startOnLoad: false,
      securityLevel: 'strict',
      theme: dark ? 'dark' : 'default',
      maxTextSize: 500_000,
      maxEdges: 5_000,
    });
    return api;
  });
}

/** The SVG text of a diagram, as XML; throws Mermaid's parse error with its message. */
export async function renderMermaid(source: string, dark = false): Promise<string> {
  const api = await mermaid(dark);
  await api.parse(source);
  const { svg } = await api.render(`provex-mermaid-${++counter}`, source);
  return xmlSafeSvg(svg);
}
