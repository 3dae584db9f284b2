/**
 * The self-contained HTML viewer of a chain (§11): reproduces the reference's page byte for byte on
 * its samples. Every chain value is escaped (`& < > " '`); the only script is the fixed filter code.
 */
import type { Chain, ChainEvent } from '../model/chains.js';
import { REASONING_TYPES } from '../chains/eventTypes.js';
import { compareUtf8 } from '../chains/keptJson.js';
import { formatFloat, roundedText } from '../chains/numberText.js';
import { statisticsOrZero } from '../chains/statistics.js';
import { titleType } from '../chains/text.js';
import { displayTimestamp, unixMillis } from '../chains/timestamps.js';
import { VIEWER_CSS_DARK, VIEWER_CSS_LIGHT, VIEWER_SCRIPT } from './viewerStyles.js';

export interface ViewerOptions {
  /** Page title (default: the chain name); the heading always shows the chain name. */
  title?: string;
  style?: 'light' | 'dark';
  include_statistics?: boolean;
  include_timeline?: boolean;
}

export function escapeHtmlText(text: string | null): string {
  return (text ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function statistics(chain: Chain): string {
  const s = statisticsOrZero(chain);
  const typeCards = Object.keys(s.event_type_counts)
    .sort(compareUtf8)
    .map(
      (type) => `<div class="stat-item">
          <div class="stat-label">${escapeHtmlText(titleType(type))}</div>
          <div class="stat-value">${s.event_type_counts[type]}</div>
        </div>`,
    );
  return `<section class="statistics">
  <h2>Statistics</h2>
  <div class="stats-grid">
    <div class="stat-item">
      <div class="stat-label">Total Events</div>
      <div class="stat-value">${s.total_events}</div>
    </div>
    <div class="stat-item">
      <div class="stat-label">Average Confidence</div>
      <div class="stat-value">${roundedText(s.avg_confidence, 2)}</div>
    </div>
    <div class="stat-item">
      <div class="stat-label">Duration</div>
      <div class="stat-value">${s.duration_seconds}s</div>
    </div>
    ${typeCards.join('\n')}
  </div>
</section>
`;
}

/** Marker offsets in percent of the first-to-last span (list order, whole milliseconds). */
export function timelineOffsets(events: readonly ChainEvent[]): string[] {
  const first = events[0];
  const last = events[events.length - 1];
  if (!first || !last) return [];
  const t0 = unixMillis(first.timestamp);
  const total = unixMillis(last.timestamp) - t0;
  return events.map((e) => (total === 0 ? '0' : formatFloat(((unixMillis(e.timestamp) - t0) / total) * 100)));
}

function timeline(chain: Chain): string {
  if (chain.events.length === 0) return '';
  const offsets = timelineOffsets(chain.events);
  const markers = chain.events.map(
    (e, i) => `<div class="timeline-marker" style="left: ${offsets[i]}%"
     title="${escapeHtmlText(titleType(e.type))}: ${escapeHtmlText(e.decision)}"></div>
`,
  );
  return `<section class="timeline">
  <h2>Timeline</h2>
  <div class="timeline-bar">
    ${markers.join('\n')}
  </div>
</section>
`;
}

function confidenceClass(c: number): string {
  return c >= 0.8 ? 'high' : c >= 0.5 ? 'medium' : 'low';
}

function eventCard(e: ChainEvent, idx: number): string {
  const alternatives = e.alternatives.length
    ? `<div class="alternatives">
  <div class="alternatives-label">Alternatives Considered:</div>
  ${e.alternatives.map((a) => `<div class="alternative-item">${escapeHtmlText(a)}</div>`).join('\n')}
</div>
`
    : '';
  const code =
    e.code_section !== null
      ? `<span>Code: <code class="code-section">${escapeHtmlText(e.code_section)}</code></span>`
      : '';
  const spec = e.spec_reference !== null ? `<span>Spec: ${escapeHtmlText(e.spec_reference)}</span>` : '';
  const type = escapeHtmlText(e.type);
  return `<div class="event" data-type="${type}" data-confidence="${formatFloat(e.confidence)}">
  <div class="event-header">
    <span class="event-type ${type}">${escapeHtmlText(titleType(e.type))}</span>
    <span class="confidence-badge confidence-${confidenceClass(e.confidence)}">${roundedText(e.confidence, 2)}</span>
  </div>
  <div class="decision">${idx}. ${escapeHtmlText(e.decision)}</div>
  <div class="reasoning">${escapeHtmlText(e.reasoning)}</div>
  ${alternatives}
  <div class="event-meta">${code}${spec}<span>${displayTimestamp(e.timestamp)}</span></div>
</div>
`;
}

export function toChainViewerHtml(chain: Chain, opts: ViewerOptions = {}): string {
  const { style = 'light', include_statistics = true, include_timeline = true } = opts;
  const description =
    chain.description !== null ? `<p class="description">${escapeHtmlText(chain.description)}</p>` : '';
  const options = REASONING_TYPES.map(
    (t) => `            <option value="${t}">${titleType(t)}</option>`,
  ).join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <title>${escapeHtmlText(opts.title ?? chain.name)} - CausalTrace</title>
  <style>
    ${style === 'dark' ? VIEWER_CSS_DARK : VIEWER_CSS_LIGHT}
  </style>
</head>
<body>
  <div class="container">
    <header>
      <h1>${escapeHtmlText(chain.name)}</h1>
      ${description}
      <div class="metadata">
        <span>Chain ID: ${escapeHtmlText(chain.id)}</span>
        <span>Created: ${displayTimestamp(chain.created_at)}</span>
        <span>Events: ${chain.events.length}</span>
      </div>
    </header>

    ${include_statistics ? statistics(chain) : ''}

    ${include_timeline ? timeline(chain) : ''}

    <section class="events">
      <h2>Reasoning Chain</h2>
      <div class="filter-controls">
        <label>Filter by type:
          <select id="typeFilter" onchange="filterEvents()">
            <option value="all">All Events</option>
${options}
          </select>
        </label>
        <label>Min confidence:
          <input type="range" id="confidenceSlider" min="0" max="100" value="0"
                 onchange="filterEvents()" oninput="updateConfidenceLabel(this.value)">
          <span id="confidenceLabel">0.0</span>
        </label>
      </div>
      ${chain.events.map((e, i) => eventCard(e, i + 1)).join('\n')}
    </section>
  </div>

  <script>
    ${VIEWER_SCRIPT}
  </script>
</body>
</html>
`;
}
