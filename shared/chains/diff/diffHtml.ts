/**
 * The diff page (§5.4, informative): reproduces the reference's page. Escapes `& < > "` in every
 * value, including inspected ones; self-contained, no script.
 */
import type { Chain, ChainEvent, DiffResult } from '../../model/chains.js';
import { formatFloat, roundedText } from '../numberText.js';
import { DIFF_CSS } from './diffStyles.js';
import { inspectChange } from './diffText.js';

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function eventEntry(kind: 'added' | 'removed', e: ChainEvent): string {
  return `<div class="event ${kind}">
  <strong>[${escapeHtml(e.type)}]</strong> ${escapeHtml(e.decision ?? '')}
  <p>${escapeHtml(e.reasoning ?? '')}</p>
  <small>Confidence: ${formatFloat(e.confidence)}</small>
</div>
`;
}

function section(title: string, entries: string[]): string {
  const body = entries.length ? entries.join('\n') : '<p>None</p>\n';
  return `<section class="diff-section">
  <h2>${title} (${entries.length})</h2>
  ${body}
</section>`;
}

export function diffToHtml(d: DiffResult, a: Chain, b: Chain): string {
  const nameA = escapeHtml(a.name ?? '');
  const nameB = escapeHtml(b.name ?? '');
  const modified = d.modified.map((m) => {
    const items = m.changes.map((c) => {
      const [o, n] = inspectChange(c);
      return `<li><strong>${c.field}:</strong> ${escapeHtml(o)} → ${escapeHtml(n)}</li>`;
    });
    return `<div class="event modified">
  <ul>
    ${items.join('\n')}
  </ul>
</div>
`;
  });
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <title>Chain Diff - ${nameA} vs ${nameB}</title>
  <style>
    ${DIFF_CSS}
  </style>
</head>
<body>
  <div class="container">
    <header>
      <h1>Chain Comparison</h1>
      <div class="chains">
        <div class="chain-info">
          <h3>Chain A: ${nameA}</h3>
          <p>Events: ${a.events.length}</p>
        </div>
        <div class="chain-info">
          <h3>Chain B: ${nameB}</h3>
          <p>Events: ${b.events.length}</p>
        </div>
      </div>
    </header>

    <section class="summary">
      <h2>Summary</h2>
      <p>${escapeHtml(d.summary)}</p>
      <div class="similarity">
        <span class="label">Similarity:</span>
        <span class="value">${roundedText(d.similarity * 100, 1)}%</span>
        <div class="similarity-bar">
          <div class="similarity-fill" style="width: ${formatFloat(d.similarity * 100)}%"></div>
        </div>
      </div>
    </section>

    ${section(
      'Added Events',
      d.added.map((e) => eventEntry('added', e)),
    )}

${section(
  'Removed Events',
  d.removed.map((e) => eventEntry('removed', e)),
)}

${section('Modified Events', modified)}

  </div>
</body>
</html>
`;
}
