/** Text primitives of §1.4: type titles, grapheme-counted lengths, the reference's whitespace trim. */

let segmenter: Intl.Segmenter | null | undefined;

/** The grapheme clusters of a string (code points where Intl.Segmenter is missing). */
export function graphemes(text: string): string[] {
  if (segmenter === undefined) {
    segmenter =
      typeof Intl.Segmenter === 'function'
        ? new Intl.Segmenter(undefined, { granularity: 'grapheme' })
        : null;
  }
  if (!segmenter) return Array.from(text);
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/** Length in grapheme clusters: `"e\u0301"` has length 1. */
export function graphemeLength(text: string): number {
  return graphemes(text).length;
}

/** The first `n` graphemes. */
export function takeGraphemes(text: string, n: number): string {
  if (text.length <= n) return text; // fewer UTF-16 units than n means fewer graphemes too
  return graphemes(text).slice(0, n).join('');
}

/** `hypothesis_formed` -> `Hypothesis Formed`. */
export function titleType(type: string): string {
  return type
    .split('_')
    .map((part) => {
      const first = Array.from(part)[0] ?? '';
      return first.toUpperCase() + part.slice(first.length).toLowerCase();
    })
    .join(' ');
}

// Unicode White_Space without the no-break spaces (U+00A0, U+2007, U+202F), as the reference's trim.
const WS = '[\\t\\n\\v\\f\\r \\u0085\\u1680\\u2000-\\u2006\\u2008-\\u200A\\u2028\\u2029\\u205F\\u3000]';
const LEADING = new RegExp(`^${WS}+`);
const TRAILING = new RegExp(`${WS}+$`);

/** Trims Unicode whitespace as the reference does (unlike JS `trim`, keeps U+00A0 and U+FEFF). */
export function trimText(text: string): string {
  return text.replace(LEADING, '').replace(TRAILING, '');
}
