/** Chain statistics of §2.4: list-order duration, unrounded average. */
import type { Chain, ChainStatistics } from '../model/chains.js';
import { unixSeconds } from './timestamps.js';

export function chainStatistics(chain: Pick<Chain, 'events'>): ChainStatistics {
  const events = chain.events;
  const first = events[0];
  const last = events[events.length - 1];
  if (!first || !last) return { total_events: 0 };
  const counts: Record<string, number> = {};
  let sum = 0;
  for (const e of events) {
    counts[e.type] = (counts[e.type] ?? 0) + 1;
    sum += e.confidence;
  }
  return {
    total_events: events.length,
    event_type_counts: counts,
    avg_confidence: sum / events.length,
    // First and last by list position, each truncated to whole seconds: can be negative.
    duration_seconds: unixSeconds(last.timestamp) - unixSeconds(first.timestamp),
  };
}

/** Statistics with the empty-chain zeros of §12 filled in (for text exports). */
export function statisticsOrZero(chain: Pick<Chain, 'events'>): {
  total_events: number;
  event_type_counts: Record<string, number>;
  avg_confidence: number;
  duration_seconds: number;
} {
  const s = chainStatistics(chain);
  if ('avg_confidence' in s) return s;
  return { total_events: 0, event_type_counts: {}, avg_confidence: 0, duration_seconds: 0 };
}
