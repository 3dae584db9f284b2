/** Chain operations of §2.3. Every function returns a new chain; inputs are never mutated. */
import type { Chain, ChainEvent, IsoTimestamp, KeptJson, KeptObject } from '../model/chains.js';
import { randomId } from './ids.js';
import { compareInstants, normalizeTimestamp, nowTimestamp } from './timestamps.js';
import { setKey } from './keptJson.js';

export interface NewChainOptions {
  id?: string;
  description?: string | null;
  metadata?: KeptObject;
  /** Creation time; "now" by default. */
  created_at?: IsoTimestamp;
}

export function createChain(name: string | null, opts: NewChainOptions = {}): Chain {
  const created = opts.created_at === undefined ? nowTimestamp() : normalizeTimestamp(opts.created_at);
  if (created === null) throw new RangeError(`invalid timestamp: ${opts.created_at}`);
  return {
    id: opts.id ?? randomId(),
    name,
    description: opts.description ?? null,
    events: [],
    metadata: opts.metadata ?? {},
    created_at: created,
    updated_at: created,
  };
}

/** Appends events and sets `updated_at` to now. */
export function addEvents(
  chain: Chain,
  events: readonly ChainEvent[],
  now: IsoTimestamp = nowTimestamp(),
): Chain {
  return { ...chain, events: [...chain.events, ...events], updated_at: now };
}

export function addEvent(chain: Chain, event: ChainEvent, now?: IsoTimestamp): Chain {
  return addEvents(chain, [event], now);
}

/** Shallow object merge where `b` wins, safe for any key. */
export function mergeObjects(a: KeptObject, b: KeptObject): KeptObject {
  const out: KeptObject = {};
  for (const [k, v] of Object.entries(a)) setKey(out, k, v);
  for (const [k, v] of Object.entries(b)) setKey(out, k, v as KeptJson);
  return out;
}

/** Keeps a's id, name, description and created_at; concatenates events; b's metadata wins. */
export function mergeChains(a: Chain, b: Chain, now: IsoTimestamp = nowTimestamp()): Chain {
  return {
    ...a,
    events: [...a.events, ...b.events],
    metadata: mergeObjects(a.metadata, b.metadata),
    updated_at: now,
  };
}

/** Stable sort by instant; `updated_at` unchanged. */
export function sortByTimestamp(chain: Chain): Chain {
  return { ...chain, events: [...chain.events].sort((x, y) => compareInstants(x.timestamp, y.timestamp)) };
}

export function filterEvents(chain: Chain, keep: (e: ChainEvent) => boolean): Chain {
  return { ...chain, events: chain.events.filter(keep) };
}

/** Events whose instant lies in [from, to], inclusive. */
export function getEventsInRange(chain: Chain, from: IsoTimestamp, to: IsoTimestamp): ChainEvent[] {
  return chain.events.filter(
    (e) => compareInstants(e.timestamp, from) >= 0 && compareInstants(e.timestamp, to) <= 0,
  );
}

export function findLowConfidence(chain: Chain, threshold = 0.7): ChainEvent[] {
  return chain.events.filter((e) => e.confidence < threshold);
}

export interface DecisionPoint {
  decision: string | null;
  alternatives: string[];
  reasoning: string | null;
  confidence: number;
  timestamp: IsoTimestamp;
}

export function findDecisionPoints(chain: Chain): DecisionPoint[] {
  return chain.events
    .filter((e) => e.type === 'alternative_rejected' || e.type === 'hypothesis_formed')
    .map((e) => ({
      decision: e.decision,
      alternatives: e.alternatives,
      reasoning: e.reasoning,
      confidence: e.confidence,
      timestamp: e.timestamp,
    }));
}
