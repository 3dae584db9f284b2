/**
 * The reference diff of §5: set matching on a key (id, position or type_decision), no alignment.
 * Later duplicates of a key replace earlier ones; every list comes out in ascending key order.
 */
import type {
  Chain,
  ChainEvent,
  DiffKey,
  DiffResult,
  FieldChange,
  MatchBy,
  ModifiedEvent,
} from '../../model/chains.js';
import { compareUtf8 } from '../keptJson.js';
import { roundTo } from '../numberText.js';

export interface CompareOptions {
  matchBy?: MatchBy;
  ignoreTimestamps?: boolean;
}

function resolveMode(a: Chain, b: Chain, matchBy: MatchBy): Exclude<MatchBy, 'auto'> {
  if (matchBy !== 'auto') return matchBy;
  const idsB = new Set(b.events.map((e) => e.id));
  return a.events.some((e) => idsB.has(e.id)) ? 'id' : 'content';
}

function keyOf(mode: Exclude<MatchBy, 'auto'>, e: ChainEvent, index: number): DiffKey {
  if (mode === 'id') return e.id;
  if (mode === 'position') return index;
  return `${e.type}_${e.decision ?? ''}`;
}

function keyed(chain: Chain, mode: Exclude<MatchBy, 'auto'>): Map<DiffKey, ChainEvent> {
  const map = new Map<DiffKey, ChainEvent>();
  chain.events.forEach((e, i) => map.set(keyOf(mode, e, i), e)); // the later duplicate wins
  return map;
}

export function compareKeys(x: DiffKey, y: DiffKey): number {
  if (typeof x === 'number' && typeof y === 'number') return x - y;
  if (typeof x === 'string' && typeof y === 'string') return compareUtf8(x, y);
  return typeof x === 'number' ? -1 : 1;
}

const sameList = (x: string[], y: string[]): boolean =>
  x.length === y.length && x.every((v, i) => v === y[i]);

/** Changed fields in the fixed order alternatives, confidence, decision, reasoning, timestamp. */
export function fieldChanges(a: ChainEvent, b: ChainEvent, ignoreTimestamps: boolean): FieldChange[] {
  const out: FieldChange[] = [];
  if (!sameList(a.alternatives, b.alternatives))
    out.push({ field: 'alternatives', old: a.alternatives, new: b.alternatives });
  if (a.confidence !== b.confidence) out.push({ field: 'confidence', old: a.confidence, new: b.confidence });
  if (a.decision !== b.decision) out.push({ field: 'decision', old: a.decision, new: b.decision });
  if (a.reasoning !== b.reasoning) out.push({ field: 'reasoning', old: a.reasoning, new: b.reasoning });
  // Canonical ISO text: equal text = same instant and same precision.
  if (!ignoreTimestamps && a.timestamp !== b.timestamp)
    out.push({ field: 'timestamp', old: a.timestamp, new: b.timestamp });
  return out;
}

export function compareChains(a: Chain, b: Chain, opts: CompareOptions = {}): DiffResult {
  const mode = resolveMode(a, b, opts.matchBy ?? 'auto');
  const ignoreTimestamps = opts.ignoreTimestamps ?? true;
  const mapA = keyed(a, mode);
  const mapB = keyed(b, mode);
  const added: [DiffKey, ChainEvent][] = [];
  const removed: [DiffKey, ChainEvent][] = [];
  const modified: ModifiedEvent[] = [];
  let common = 0;
  for (const [k, e] of mapB) if (!mapA.has(k)) added.push([k, e]);
  for (const [k, before] of mapA) {
    const after = mapB.get(k);
    if (!after) {
      removed.push([k, before]);
      continue;
    }
    common++;
    const changes = fieldChanges(before, after, ignoreTimestamps);
    if (changes.length) modified.push({ key: k, changes, before, after });
  }
  const byKey = (x: [DiffKey, unknown], y: [DiffKey, unknown]): number => compareKeys(x[0], y[0]);
  added.sort(byKey);
  removed.sort(byKey);
  modified.sort((x, y) => compareKeys(x.key, y.key));
  const confidenceDeltas = modified
    .filter((m) => m.changes.some((c) => c.field === 'confidence'))
    .map((m) => ({ key: m.key, delta: roundTo(m.after.confidence - m.before.confidence, 6) }));
  const longest = Math.max(a.events.length, b.events.length);
  return {
    matchBy: mode,
    added: added.map(([, e]) => e),
    removed: removed.map(([, e]) => e),
    modified,
    confidenceDeltas,
    similarity: longest === 0 ? 1.0 : common / longest,
    summary: `${added.length} added, ${removed.length} removed, ${modified.length} modified`,
  };
}
