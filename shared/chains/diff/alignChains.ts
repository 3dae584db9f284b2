/**
 * Our aligned side-by-side model of two chains (the diff view): an LCS alignment on a content key
 * (everything shown except id and timestamp, so two runs of one prompt align), then text similarity
 * of decision + reasoning to pair edited events inside each gap and moved events across gaps.
 * Linear-ish on long, mostly equal chains (see lcs.ts); similarity work is bounded.
 */
import type { Alignment, AlignmentRow, AlignmentRowKind, Chain, ChainEvent } from '../../model/chains.js';
import { keptEqual, writeKeptJson } from '../keptJson.js';
import { lcsPairs } from './lcs.js';
import { bagSimilarity, diffWords, wordBag } from './wordDiff.js';

export interface AlignOptions {
  /** Minimum similarity to show two events in one gap as one edited event. */
  editThreshold?: number;
  /** Minimum similarity to show an edited event as moved across gaps. */
  moveThreshold?: number;
}

/** Above this many candidate pairs, gaps pair by position and moves need equal content. */
const PAIR_BUDGET = 40_000;

/**
 * Interns events by content (everything shown except id and timestamp, metadata included) into small
 * integers, exactly and without building key strings: each field is interned on its own (native
 * hashing of the original strings), then the tuple of field ids is looked up in a hash table.
 */
export class ContentInterner {
  private readonly fields = new Map<string, number>();
  private readonly numbers = new Map<number, number>();
  private readonly buckets = new Map<number, number[]>();
  private readonly tuples: number[][] = [];

  private str(s: string | null): number {
    if (s === null) return 0;
    let id = this.fields.get(s);
    if (id === undefined) this.fields.set(s, (id = this.fields.size + 1));
    return id;
  }

  idOf(e: ChainEvent): number {
    let c = this.numbers.get(e.confidence); // printing a double would be far slower than hashing it
    if (c === undefined) this.numbers.set(e.confidence, (c = this.numbers.size));
    const meta = isEmpty(e.metadata) ? 0 : this.str(writeKeptJson(e.metadata));
    const tuple = [
      this.str(e.type),
      this.str(e.decision),
      this.str(e.reasoning),
      c,
      this.str(e.code_section),
      this.str(e.spec_reference),
      meta,
    ];
    for (const alt of e.alternatives) tuple.push(this.str(alt));
    let h = 0x811c9dc5;
    for (const v of tuple) h = Math.imul(h ^ v, 0x01000193);
    h &= 0x3fffffff;
    const bucket = this.buckets.get(h);
    for (const id of bucket ?? []) if (sameTuple(this.tuples[id]!, tuple)) return id;
    const id = this.tuples.length;
    this.tuples.push(tuple);
    if (bucket) bucket.push(id);
    else this.buckets.set(h, [id]);
    return id;
  }
}

function isEmpty(o: object): boolean {
  for (const _ in o) return false;
  return true;
}

function sameTuple(x: number[], y: number[]): boolean {
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

/** Content fields that differ between two events, in display order. */
export function changedFields(x: ChainEvent, y: ChainEvent): string[] {
  const out: string[] = [];
  if (x.type !== y.type) out.push('type');
  if (x.decision !== y.decision) out.push('decision');
  if (x.reasoning !== y.reasoning) out.push('reasoning');
  if (
    x.alternatives.length !== y.alternatives.length ||
    x.alternatives.some((v, i) => v !== y.alternatives[i])
  ) {
    out.push('alternatives');
  }
  if (x.confidence !== y.confidence) out.push('confidence');
  if (x.code_section !== y.code_section) out.push('code_section');
  if (x.spec_reference !== y.spec_reference) out.push('spec_reference');
  if (!keptEqual(x.metadata, y.metadata)) out.push('metadata');
  return out;
}

/** Word-bag similarity of decision + reasoning, bags built once per event. */
class Similarity {
  private readonly bags = new Map<ChainEvent, Int32Array>();
  private readonly words = new Map<string, number>();
  private bag(e: ChainEvent): Int32Array {
    let b = this.bags.get(e);
    if (!b) this.bags.set(e, (b = wordBag(`${e.decision ?? ''} ${e.reasoning ?? ''}`, this.words)));
    return b;
  }
  of(x: ChainEvent, y: ChainEvent): number {
    return bagSimilarity(this.bag(x), this.bag(y));
  }
}

interface Gap {
  /** index of the match closing this gap (matches.length for the tail) */
  before: number;
  left: number[];
  right: number[];
  /** pairs inside the gap, non-crossing, ascending */
  edits: [number, number, number][];
}

/** Best non-crossing pairing of a gap's events by total similarity (small gaps), else by position. */
function pairEdits(gap: Gap, a: Chain, b: Chain, sim: Similarity, threshold: number): void {
  const { left, right } = gap;
  const n = left.length;
  const m = right.length;
  if (n === 0 || m === 0) return;
  const score = (i: number, j: number): number => sim.of(a.events[left[i]!]!, b.events[right[j]!]!);
  if (n * m > PAIR_BUDGET) {
    for (let k = 0; k < Math.min(n, m); k++) {
      const s = score(k, k);
      if (s >= threshold) gap.edits.push([left[k]!, right[k]!, s]);
    }
    return;
  }
  // best[i][j] = best total for left[i..], right[j..]
  const best = new Float64Array((n + 1) * (m + 1));
  const at = (i: number, j: number): number => i * (m + 1) + j;
  const s = new Float64Array(n * m);
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) s[i * m + j] = score(i, j);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const pair = s[i * m + j]! >= threshold ? s[i * m + j]! + best[at(i + 1, j + 1)]! : -1;
      best[at(i, j)] = Math.max(pair, best[at(i + 1, j)]!, best[at(i, j + 1)]!);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    const v = s[i * m + j]!;
    if (v >= threshold && best[at(i, j)] === v + best[at(i + 1, j + 1)]!) {
      gap.edits.push([left[i]!, right[j]!, v]);
      i++;
      j++;
    } else if (best[at(i, j)] === best[at(i + 1, j)]) i++;
    else j++;
  }
}

function row(
  kind: AlignmentRowKind,
  left: number | null,
  right: number | null,
  similarity: number,
): AlignmentRow {
  return { kind, left, right, partner: null, similarity, changedFields: [] };
}

function withTextDiff(r: AlignmentRow, x: ChainEvent, y: ChainEvent): AlignmentRow {
  r.changedFields = changedFields(x, y);
  if (r.changedFields.includes('decision')) r.decisionDiff = diffWords(x.decision ?? '', y.decision ?? '');
  if (r.changedFields.includes('reasoning'))
    r.reasoningDiff = diffWords(x.reasoning ?? '', y.reasoning ?? '');
  return r;
}

export function alignChains(a: Chain, b: Chain, opts: AlignOptions = {}): Alignment {
  const editThreshold = opts.editThreshold ?? 0.5;
  const moveThreshold = opts.moveThreshold ?? 0.8;
  const interner = new ContentInterner();
  const ka = Int32Array.from(a.events, (e) => interner.idOf(e));
  const kb = Int32Array.from(b.events, (e) => interner.idOf(e));
  const matches = lcsPairs(ka, kb);

  // Gaps between consecutive matches (and before the first / after the last).
  const gaps: Gap[] = [];
  let pa = 0;
  let pb = 0;
  for (let gi = 0; gi <= matches.length; gi++) {
    const [i, j] = matches[gi] ?? [a.events.length, b.events.length];
    if (i > pa || j > pb) {
      const gap: Gap = { before: gi, left: [], right: [], edits: [] };
      for (let x = pa; x < i; x++) gap.left.push(x);
      for (let y = pb; y < j; y++) gap.right.push(y);
      gaps.push(gap);
    }
    pa = i + 1;
    pb = j + 1;
  }
  const sim = new Similarity();
  for (const g of gaps) pairEdits(g, a, b, sim, editThreshold);

  // Moves: events left unpaired on both sides, equal content first, then similar text.
  const pairedL = new Set<number>();
  const pairedR = new Set<number>();
  for (const g of gaps) {
    for (const [l, r] of g.edits) {
      pairedL.add(l);
      pairedR.add(r);
    }
  }
  const loneL = gaps.flatMap((g) => g.left.filter((l) => !pairedL.has(l)));
  const loneR = gaps.flatMap((g) => g.right.filter((r) => !pairedR.has(r)));
  const moveOf = new Map<number, number>(); // left index -> right index
  const movedR = new Set<number>();
  const byKey = new Map<number, number[]>();
  for (const r of loneR) {
    const list = byKey.get(kb[r]!);
    if (list) list.push(r);
    else byKey.set(kb[r]!, [r]);
  }
  for (const l of loneL) {
    const r = byKey.get(ka[l]!)?.shift();
    if (r !== undefined) {
      moveOf.set(l, r);
      movedR.add(r);
    }
  }
  const restL = loneL.filter((l) => !moveOf.has(l));
  const restR = loneR.filter((r) => !movedR.has(r));
  if (restL.length * restR.length <= PAIR_BUDGET) {
    for (const l of restL) {
      let bestR = -1;
      let bestS = moveThreshold;
      for (const r of restR) {
        if (movedR.has(r)) continue;
        const s = sim.of(a.events[l]!, b.events[r]!);
        if (s >= bestS) [bestR, bestS] = [r, s];
      }
      if (bestR >= 0) {
        moveOf.set(l, bestR);
        movedR.add(bestR);
      }
    }
  }

  // Rows in order: each gap (edits non-crossing), then its closing match.
  const rows: AlignmentRow[] = [];
  const rowOfLeft = new Map<number, number>();
  const rowOfRight = new Map<number, number>();
  const lone = (side: 'left' | 'right', idx: number): void => {
    const moved = side === 'left' ? moveOf.has(idx) : movedR.has(idx);
    const r =
      side === 'left'
        ? row(moved ? 'moved' : 'removed', idx, null, 0)
        : row(moved ? 'moved' : 'added', null, idx, 0);
    (side === 'left' ? rowOfLeft : rowOfRight).set(idx, rows.length);
    rows.push(r);
  };
  const emitGap = (g: Gap): void => {
    let li = 0;
    let ri = 0;
    for (const [l, r, s] of [...g.edits, [Infinity, Infinity, 0] as [number, number, number]]) {
      while (li < g.left.length && g.left[li]! < l) lone('left', g.left[li++]!);
      while (ri < g.right.length && g.right[ri]! < r) lone('right', g.right[ri++]!);
      if (l === Infinity) break;
      rows.push(withTextDiff(row('modified', l, r, s), a.events[l]!, b.events[r]!));
      li++;
      ri++;
    }
  };
  let next = 0;
  for (let gi = 0; gi <= matches.length; gi++) {
    const g = gaps[next];
    if (g && g.before === gi) {
      emitGap(g);
      next++;
    }
    const m = matches[gi];
    if (m) rows.push(row('same', m[0], m[1], 1));
  }
  for (const [l, r] of moveOf) {
    const from = rowOfLeft.get(l)!;
    const to = rowOfRight.get(r)!;
    rows[from]!.partner = to;
    rows[to]!.partner = from;
    const s = sim.of(a.events[l]!, b.events[r]!);
    rows[from]!.similarity = s;
    withTextDiff(rows[to]!, a.events[l]!, b.events[r]!).similarity = s;
    rows[from]!.changedFields = rows[to]!.changedFields;
  }

  const counts: Record<AlignmentRowKind, number> = { same: 0, modified: 0, added: 0, removed: 0, moved: 0 };
  const changeIndices: number[] = [];
  rows.forEach((r, i) => {
    counts[r.kind]++;
    if (r.kind !== 'same') changeIndices.push(i);
  });
  return { rows, firstDivergence: changeIndices[0] ?? null, changeIndices, counts };
}
