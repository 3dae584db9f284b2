/** The chain file writer of §3.2: all 14 event keys, recomputed statistics, byte-exact text. */
import type { Chain, ChainEvent, ChainStatistics, KeptObject } from '../model/chains.js';
import { writeKeptJson } from './keptJson.js';
import { keptFloat } from './numberText.js';
import { chainStatistics } from './statistics.js';

export function eventToJson(e: ChainEvent): KeptObject {
  return {
    alternatives: e.alternatives,
    code_section: e.code_section,
    confidence: keptFloat(e.confidence),
    decision: e.decision,
    depends_on: e.depends_on,
    experiment_id: e.experiment_id,
    id: e.id,
    metadata: e.metadata,
    parent_id: e.parent_id,
    reasoning: e.reasoning,
    spec_reference: e.spec_reference,
    stage_id: e.stage_id,
    timestamp: e.timestamp,
    type: e.type,
  };
}

export function statisticsToJson(s: ChainStatistics): KeptObject {
  if (!('avg_confidence' in s)) return { total_events: 0 };
  return {
    total_events: s.total_events,
    event_type_counts: s.event_type_counts,
    avg_confidence: keptFloat(s.avg_confidence),
    duration_seconds: s.duration_seconds,
  };
}

export function chainToJson(chain: Chain): KeptObject {
  return {
    created_at: chain.created_at,
    description: chain.description,
    events: chain.events.map(eventToJson),
    id: chain.id,
    metadata: chain.metadata,
    name: chain.name,
    statistics: statisticsToJson(chainStatistics(chain)),
    updated_at: chain.updated_at,
  };
}

/** The chain file text (also the `json` export): sorted keys, no trailing newline. */
export function writeChain(chain: Chain): string {
  return writeKeptJson(chainToJson(chain));
}

/** A list of events as the reference's JSON maps (the parser samples). */
export function writeEvents(events: readonly ChainEvent[]): string {
  return writeKeptJson(events.map(eventToJson));
}
