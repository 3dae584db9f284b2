/** Creating and validating events (§2.1). */
import type { ChainEvent, IsoTimestamp, KeptObject } from '../model/chains.js';
import { isEventType } from './eventTypes.js';
import { randomId } from './ids.js';
import { formatFloat } from './numberText.js';
import { normalizeTimestamp, nowTimestamp } from './timestamps.js';

export type EventInit = Partial<Omit<ChainEvent, 'type' | 'decision' | 'reasoning'>> &
  Pick<ChainEvent, 'type'> & { decision: string | null; reasoning: string | null };

/** A new event with the defaults of §2.1 (random id, now, confidence 1.0); timestamps are normalised. */
export function createEvent(init: EventInit): ChainEvent {
  let timestamp: IsoTimestamp = nowTimestamp();
  if (init.timestamp !== undefined) {
    const iso = normalizeTimestamp(init.timestamp);
    if (iso === null) throw new RangeError(`invalid timestamp: ${init.timestamp}`);
    timestamp = iso;
  }
  return {
    id: init.id ?? randomId(),
    timestamp,
    type: init.type,
    decision: init.decision,
    reasoning: init.reasoning,
    alternatives: init.alternatives ?? [],
    confidence: init.confidence ?? 1.0,
    code_section: init.code_section ?? null,
    spec_reference: init.spec_reference ?? null,
    metadata: init.metadata ?? ({} as KeptObject),
    parent_id: init.parent_id ?? null,
    depends_on: init.depends_on ?? [],
    stage_id: init.stage_id ?? null,
    experiment_id: init.experiment_id ?? null,
  };
}

/** Validation of §2.1 (never automatic): the first failure wins. */
export function validateEvent(event: ChainEvent): { ok: ChainEvent } | { error: string } {
  if (!isEventType(event.type)) return { error: `Invalid event type: :${event.type}` };
  const c = event.confidence;
  if (!(c >= 0 && c <= 1)) return { error: `Confidence must be between 0.0 and 1.0, got: ${formatFloat(c)}` };
  if (!event.decision || !event.reasoning)
    return { error: 'Decision and reasoning must be non-empty strings' };
  return { ok: event };
}
