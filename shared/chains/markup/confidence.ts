/** The confidence grammar of §4.2: the longest numeric prefix, clamped for LLM markup. */
import { trimText } from '../text.js';

const PREFIX = /^[+-]?[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/;

/** The value of the longest numeric prefix of the trimmed text, or null when there is none. */
export function numericPrefix(text: string): number | null {
  const m = PREFIX.exec(trimText(text));
  return m ? Number(m[0]) : null;
}

/** Markup confidence: empty or no prefix -> 1.0; clamped to [0.0, 1.0]. */
export function parseConfidence(text: string): number {
  const v = numericPrefix(text);
  if (v === null || Number.isNaN(v)) return 1.0;
  if (v > 1) return 1.0;
  if (v < 0) return 0.0;
  return v === 0 ? 0 : v;
}
