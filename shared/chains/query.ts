/**
 * Search and query of §9. Absent or null options impose nothing; query conditions of a shape the
 * reference does not support match everything (a quirk that is part of the format, §12.2).
 */
import type { Chain, ChainEvent, IsoTimestamp } from '../model/chains.js';
import { compareInstants } from './timestamps.js';
import { compareUtf8 } from './keptJson.js';

export interface SearchOptions {
  type?: string | string[] | null;
  min_confidence?: number | null;
  max_confidence?: number | null;
  since?: IsoTimestamp | null;
  until?: IsoTimestamp | null;
  stage_id?: string | null;
  experiment_id?: string | null;
}

function passes(e: ChainEvent, o: SearchOptions): boolean {
  if (o.type != null && !(Array.isArray(o.type) ? o.type.includes(e.type) : e.type === o.type)) return false;
  if (o.min_confidence != null && e.confidence < o.min_confidence) return false;
  if (o.max_confidence != null && e.confidence > o.max_confidence) return false;
  if (o.since != null && compareInstants(e.timestamp, o.since) < 0) return false;
  if (o.until != null && compareInstants(e.timestamp, o.until) > 0) return false;
  if (o.stage_id != null && e.stage_id !== o.stage_id) return false;
  if (o.experiment_id != null && e.experiment_id !== o.experiment_id) return false;
  return true;
}

function containsText(e: ChainEvent, needle: string): boolean {
  const n = needle.toLowerCase();
  return (e.decision ?? '').toLowerCase().includes(n) || (e.reasoning ?? '').toLowerCase().includes(n);
}

function matchesRegex(e: ChainEvent, re: RegExp): boolean {
  const r = new RegExp(re.source, re.flags.replace(/[gy]/g, '')); // no lastIndex state between events
  return r.test(e.decision ?? '') || r.test(e.reasoning ?? '');
}

/** Case-insensitive substring of decision or reasoning ("" matches all), then the options. */
export function searchEvents(chain: Chain, content: string, opts: SearchOptions = {}): ChainEvent[] {
  return chain.events.filter((e) => containsText(e, content) && passes(e, opts));
}

/** Unanchored regex on decision or reasoning, then the options. */
export function searchRegex(chain: Chain, re: RegExp | string, opts: SearchOptions = {}): ChainEvent[] {
  const regex = typeof re === 'string' ? new RegExp(re) : re;
  return chain.events.filter((e) => matchesRegex(e, regex) && passes(e, opts));
}

export type ConfidenceOp = 'gte' | 'gt' | 'lte' | 'lt' | 'eq';
/** One condition; entries are ANDed. Unknown keys and unsupported value shapes match everything. */
export type Condition = { [key: string]: unknown };
export interface Query extends Condition {
  and?: Condition[];
  or?: Condition[];
}

function entryMatches(e: ChainEvent, key: string, value: unknown): boolean {
  switch (key) {
    case 'type':
      return typeof value === 'string' ? e.type === value : true;
    case 'content':
      if (typeof value === 'string') return containsText(e, value);
      if (value instanceof RegExp) return matchesRegex(e, value);
      return true;
    case 'confidence': {
      if (!Array.isArray(value) || value.length !== 2 || typeof value[1] !== 'number') return true;
      const v = value[1];
      const c = e.confidence;
      switch (value[0]) {
        case 'gte':
          return c >= v;
        case 'gt':
          return c > v;
        case 'lte':
          return c <= v;
        case 'lt':
          return c < v;
        case 'eq':
          return c === v;
        default:
          return true;
      }
    }
    case 'stage_id':
      return value === null || typeof value === 'string' ? e.stage_id === value : true;
    case 'experiment_id':
      return value === null || typeof value === 'string' ? e.experiment_id === value : true;
    default:
      return true;
  }
}

function conditionMatches(e: ChainEvent, cond: Condition): boolean {
  return Object.entries(cond).every(([k, v]) => entryMatches(e, k, v));
}

/** direct AND all(and) AND any(or); an absent or empty part is true. */
export function query(chain: Chain, q: Query): ChainEvent[] {
  const { and, or, ...direct } = q;
  return chain.events.filter(
    (e) =>
      conditionMatches(e, direct) &&
      (and ?? []).every((c) => conditionMatches(e, c)) &&
      (!or || or.length === 0 || or.some((c) => conditionMatches(e, c))),
  );
}

type FieldValue = ChainEvent[keyof ChainEvent];

function compareValues(a: FieldValue, b: FieldValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return compareUtf8(a, b);
  // Numbers before strings before anything else (lists, objects), then by JSON text.
  const rank = (v: FieldValue): number => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);
  return rank(a) - rank(b) || compareUtf8(JSON.stringify(a), JSON.stringify(b));
}

/** Groups by an event field (null group dropped), maps each group; ascending by value. */
export function aggregateBy<K extends keyof ChainEvent, R>(
  chain: Chain,
  field: K,
  fn: (events: ChainEvent[]) => R,
): [ChainEvent[K], R][] {
  const groups = new Map<string, { value: ChainEvent[K]; events: ChainEvent[] }>();
  for (const e of chain.events) {
    const value = e[field];
    if (value === null) continue;
    const key = typeof value === 'string' ? `s${value}` : JSON.stringify(value);
    const g = groups.get(key);
    if (g) g.events.push(e);
    else groups.set(key, { value, events: [e] });
  }
  return [...groups.values()]
    .sort((x, y) => compareValues(x.value, y.value))
    .map((g) => [g.value, fn(g.events)] as [ChainEvent[K], R]);
}
