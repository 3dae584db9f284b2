/**
 * Pure transforms of a chain's events for the chains view: filtering by type, confidence range and
 * text, type counts, and the confidence level used for colours. No store, no DOM.
 */
import type { ChainEvent } from '../../../shared/model/chains.js';

export interface EventFilter {
  /** Types to show; empty means every type. */
  types: ReadonlySet<string>;
  minConfidence: number;
  maxConfidence: number;
  /** Case-insensitive text in the decision, reasoning, alternatives, code section, spec, ids. */
  text: string;
}

export const NO_FILTER: EventFilter = { types: new Set(), minConfidence: 0, maxConfidence: 1, text: '' };

/** Whether a filter narrows anything (the view shows "n of m" only then). */
export function isFiltering(f: EventFilter): boolean {
  return f.types.size > 0 || f.minConfidence > 0 || f.maxConfidence < 1 || f.text.trim() !== '';
}

function haystack(e: ChainEvent): string {
  return [
    e.type,
    e.decision,
    e.reasoning,
    ...e.alternatives,
    e.code_section,
    e.spec_reference,
    e.stage_id,
    e.experiment_id,
    e.id,
  ]
    .filter((x): x is string => typeof x === 'string')
    .join('\n')
    .toLowerCase();
}

/**
 * Indices (ascending) of the events the filter keeps. Confidence bounds are inclusive; values out of
 * [0, 1] (files may hold 1.5) count as the nearest bound, so the default range keeps every event.
 */
export function filterEventIndices(events: readonly ChainEvent[], f: EventFilter): number[] {
  const needle = f.text.trim().toLowerCase();
  const out: number[] = [];
  events.forEach((e, i) => {
    if (f.types.size && !f.types.has(e.type)) return;
    const c = Math.min(1, Math.max(0, e.confidence));
    if (c < f.minConfidence || c > f.maxConfidence) return;
    if (needle && !haystack(e).includes(needle)) return;
    out.push(i);
  });
  return out;
}

/** Event types with their counts, most frequent first, then by name. */
export function typeCounts(events: readonly ChainEvent[]): [string, number][] {
  const m = new Map<string, number>();
  for (const e of events) m.set(e.type, (m.get(e.type) ?? 0) + 1);
  return [...m].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
}

export type ConfidenceLevel = 'high' | 'medium' | 'low';

/** The reference viewer's classes: high >= 0.8, medium >= 0.5, else low. */
export function confidenceLevel(c: number): ConfidenceLevel {
  return c >= 0.8 ? 'high' : c >= 0.5 ? 'medium' : 'low';
}

/** Bar width in percent, clamped (a file may hold a confidence out of range). */
export function confidencePercent(c: number): number {
  return Number.isFinite(c) ? Math.round(Math.min(1, Math.max(0, c)) * 1000) / 10 : 0;
}

/** Replaces one member of a type set (sets are replaced, never mutated). */
export function toggleType(types: ReadonlySet<string>, type: string): ReadonlySet<string> {
  const next = new Set(types);
  if (next.has(type)) next.delete(type);
  else next.add(type);
  return next;
}
