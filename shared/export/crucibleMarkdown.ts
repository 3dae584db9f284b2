/** Markdown export of a chain (§6.2), exact; nothing is escaped. Empty chains follow §12. */
import type { Chain, ChainEvent } from '../model/chains.js';
import { formatFloat, roundedText } from '../chains/numberText.js';
import { statisticsOrZero } from '../chains/statistics.js';
import { titleType } from '../chains/text.js';
import { displayTimestamp } from '../chains/timestamps.js';

function eventBlock(e: ChainEvent, idx: number): string {
  return (
    `### ${idx}. ${titleType(e.type)}\n\n` +
    `**Decision:** ${e.decision ?? ''}\n\n` +
    `**Reasoning:** ${e.reasoning ?? ''}\n\n` +
    (e.alternatives.length ? `**Alternatives:** ${e.alternatives.join(', ')}\n` : '') +
    '\n' +
    `**Confidence:** ${formatFloat(e.confidence)}\n` +
    (e.code_section !== null ? `**Code Section:** ${e.code_section}\n` : '') +
    '\n' +
    (e.spec_reference !== null ? `**Spec Reference:** ${e.spec_reference}\n` : '') +
    '\n' +
    `**Timestamp:** ${displayTimestamp(e.timestamp)}\n\n` +
    '---\n'
  );
}

export function toCrucibleMarkdown(chain: Chain): string {
  const s = statisticsOrZero(chain);
  return (
    `# ${chain.name ?? ''}\n\n` +
    (chain.description !== null ? `${chain.description}\n` : '') +
    '\n' +
    `**Chain ID:** ${chain.id}\n` +
    `**Created:** ${displayTimestamp(chain.created_at)}\n` +
    `**Updated:** ${displayTimestamp(chain.updated_at)}\n` +
    `**Total Events:** ${s.total_events}\n` +
    `**Average Confidence:** ${roundedText(s.avg_confidence, 2)}\n` +
    `**Duration:** ${s.duration_seconds}s\n` +
    '\n## Events\n\n' +
    chain.events.map((e, i) => eventBlock(e, i + 1)).join('\n') +
    '\n'
  );
}
