/** Word-level diff of two texts (for the side-by-side view) and a cheap word-overlap similarity. */
import type { WordSegment } from '../../model/chains.js';
import { lcsPairs } from './lcs.js';

/** Words, runs of whitespace and single other characters: concatenated they give the text back. */
export function tokenize(text: string): string[] {
  return text.match(/[\p{L}\p{N}\p{M}_]+|\s+|[^\p{L}\p{N}\p{M}_\s]/gu) ?? [];
}

/** Segments whose equal+delete texts give `a` and equal+insert texts give `b`. */
export function diffWords(a: string, b: string): WordSegment[] {
  const ta = tokenize(a);
  const tb = tokenize(b);
  const ids = new Map<string, number>();
  const intern = (t: string): number => {
    let id = ids.get(t);
    if (id === undefined) ids.set(t, (id = ids.size));
    return id;
  };
  const pairs = lcsPairs(ta.map(intern), tb.map(intern), { exact: true });
  const out: WordSegment[] = [];
  const push = (kind: WordSegment['kind'], text: string): void => {
    if (text === '') return;
    const last = out[out.length - 1];
    if (last && last.kind === kind) last.text += text;
    else out.push({ kind, text });
  };
  let i = 0;
  let j = 0;
  for (const [pi, pj] of [...pairs, [ta.length, tb.length] as [number, number]]) {
    push('delete', ta.slice(i, pi).join(''));
    push('insert', tb.slice(j, pj).join(''));
    if (pi < ta.length) push('equal', ta[pi]!);
    i = pi + 1;
    j = pj + 1;
  }
  return absorbLoneSpaces(out);
}

/**
 * A whitespace-only equal segment between two changes reads as noise ("an| |Agent"): fold it into
 * the change, then regroup each run of changes as one delete followed by one insert.
 */
function absorbLoneSpaces(segments: WordSegment[]): WordSegment[] {
  const out: WordSegment[] = [];
  let del = '';
  let ins = '';
  const flush = (): void => {
    if (del) out.push({ kind: 'delete', text: del });
    if (ins) out.push({ kind: 'insert', text: ins });
    del = ins = '';
  };
  segments.forEach((s, k) => {
    const lone = s.kind === 'equal' && /^\s+$/.test(s.text) && k > 0 && k < segments.length - 1;
    if (s.kind === 'delete' || lone) del += s.text;
    if (s.kind === 'insert' || lone) ins += s.text;
    if (s.kind === 'equal' && !lone) {
      flush();
      out.push({ ...s });
    }
  });
  flush();
  return out;
}

/** Lower-cased words of a text as sorted ids (a multiset), ids shared through `dictionary`. */
export function wordBag(text: string, dictionary: Map<string, number>): Int32Array {
  const words = text.toLowerCase().match(/[\p{L}\p{N}\p{M}_]+/gu) ?? [];
  const bag = new Int32Array(words.length);
  words.forEach((w, k) => {
    let id = dictionary.get(w);
    if (id === undefined) dictionary.set(w, (id = dictionary.size));
    bag[k] = id;
  });
  return bag.sort();
}

/** Dice coefficient of two sorted word-id multisets: 1 for identical bags (and for two empty ones). */
export function bagSimilarity(x: Int32Array, y: Int32Array): number {
  if (x.length + y.length === 0) return 1;
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < x.length && j < y.length) {
    if (x[i]! === y[j]!) {
      common++;
      i++;
      j++;
    } else if (x[i]! < y[j]!) i++;
    else j++;
  }
  return (2 * common) / (x.length + y.length);
}

/** Word-overlap similarity of two texts (0..1). */
export function textSimilarity(a: string, b: string): number {
  const dictionary = new Map<string, number>();
  return bagSimilarity(wordBag(a, dictionary), wordBag(b, dictionary));
}
