/**
 * Longest-common-subsequence matching on integer keys, fast for long, mostly equal sequences:
 * strip the common prefix and suffix, anchor on keys unique to both sides (patience: a longest
 * increasing subsequence of their positions), recurse into the gaps, and run Myers' O((N+M)D)
 * algorithm only on gaps without unique anchors. Never the O(N*M) table.
 */

type Keys = ArrayLike<number>;
export type MatchPair = [number, number];

/** Myers gives up (leaving a gap unmatched) beyond this much work: pathological inputs only. */
const MYERS_BUDGET = 2e8;

/**
 * Matched index pairs (i in a, j in b), ascending in both. With `exact`, a true longest common
 * subsequence (Myers only); otherwise patience-anchored, which can match slightly fewer keys but is
 * near-linear on long sequences and pairs distinctive lines the way a reader expects.
 */
export function lcsPairs(a: Keys, b: Keys, opts: { exact?: boolean } = {}): MatchPair[] {
  const out: MatchPair[] = [];
  solve(a, 0, a.length, b, 0, b.length, out, opts.exact ?? false);
  return out;
}

function solve(
  a: Keys,
  a0: number,
  a1: number,
  b: Keys,
  b0: number,
  b1: number,
  out: MatchPair[],
  exact: boolean,
): void {
  while (a0 < a1 && b0 < b1 && a[a0] === b[b0]) out.push([a0++, b0++]);
  let s = 0;
  while (a1 - s > a0 && b1 - s > b0 && a[a1 - 1 - s] === b[b1 - 1 - s]) s++;
  const aEnd = a1 - s;
  const bEnd = b1 - s;
  if (a0 < aEnd && b0 < bEnd) {
    const anchors = exact ? [] : uniqueAnchors(a, a0, aEnd, b, b0, bEnd);
    if (anchors.length) {
      let pa = a0;
      let pb = b0;
      for (const [i, j] of anchors) {
        solve(a, pa, i, b, pb, j, out, exact);
        out.push([i, j]);
        pa = i + 1;
        pb = j + 1;
      }
      solve(a, pa, aEnd, b, pb, bEnd, out, exact);
    } else {
      myers(a, a0, aEnd, b, b0, bEnd, out);
    }
  }
  for (let k = 0; k < s; k++) out.push([aEnd + k, bEnd + k]);
}

/** Keys occurring exactly once on each side, paired, reduced to a longest increasing run in b. */
function uniqueAnchors(a: Keys, a0: number, a1: number, b: Keys, b0: number, b1: number): MatchPair[] {
  const inA = new Map<number, number>(); // key -> index, or -1 when repeated
  for (let i = a0; i < a1; i++) inA.set(a[i]!, inA.has(a[i]!) ? -1 : i);
  const inB = new Map<number, number>();
  for (let j = b0; j < b1; j++) {
    const k = b[j]!;
    if (inA.has(k)) inB.set(k, inB.has(k) ? -1 : j);
  }
  const candidates: MatchPair[] = [];
  for (let i = a0; i < a1; i++) {
    const k = a[i]!;
    if (inA.get(k) !== i) continue;
    const j = inB.get(k);
    if (j !== undefined && j >= 0) candidates.push([i, j]);
  }
  if (candidates.length === 0) return [];
  // Patience sorting: tails[t] = index of the candidate ending the best run of length t+1.
  const tails: number[] = [];
  const prev = new Int32Array(candidates.length).fill(-1);
  for (let c = 0; c < candidates.length; c++) {
    const j = candidates[c]![1];
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (candidates[tails[mid]!]![1] < j) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[c] = tails[lo - 1]!;
    tails[lo] = c;
  }
  const run: MatchPair[] = [];
  for (let c = tails[tails.length - 1]!; c >= 0; c = prev[c]!) run.push(candidates[c]!);
  return run.reverse();
}

function myers(a: Keys, a0: number, a1: number, b: Keys, b0: number, b1: number, out: MatchPair[]): void {
  const n = a1 - a0;
  const m = b1 - b0;
  const max = n + m;
  const off = max + 1;
  const v = new Int32Array(2 * max + 3);
  // trace[d] holds v over k in [-(d-1), d-1] as it was before step d.
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    if (n + m > 0 && (n + m) * d > MYERS_BUDGET) return; // give up: the gap stays unmatched
    trace.push(d === 0 ? new Int32Array(0) : v.slice(off - d + 1, off + d));
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[off + k - 1]! < v[off + k + 1]!) ? v[off + k + 1]! : v[off + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[a0 + x] === b[b0 + y]) {
        x++;
        y++;
      }
      v[off + k] = x;
      if (x >= n && y >= m) {
        backtrack(trace, d, n, m, a0, b0, out);
        return;
      }
    }
  }
}

function backtrack(
  trace: Int32Array[],
  dEnd: number,
  n: number,
  m: number,
  a0: number,
  b0: number,
  out: MatchPair[],
) {
  const found: MatchPair[] = [];
  let x = n;
  let y = m;
  for (let d = dEnd; d > 0; d--) {
    const t = trace[d]!;
    const at = (k: number): number => t[k + d - 1]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) found.push([a0 + --x, b0 + --y]);
    x = prevX;
    y = prevY;
  }
  while (x > 0 && y > 0) found.push([a0 + --x, b0 + --y]);
  for (let i = found.length - 1; i >= 0; i--) out.push(found[i]!);
}
