/**
 * A layered (Sugiyama-style) layout for dependency graphs, pure so it runs in a Web Worker and in
 * tests: cycles broken by reversing DFS back edges, longest-path layers (every edge points down),
 * barycentric ordering sweeps within layers, then coordinates. Nodes without any edge are packed in
 * a grid block below the layers so they do not widen the first layer. No dummy nodes: an edge that
 * spans several layers pulls on its endpoints' relative positions instead (cheaper for 10,000
 * edges, good enough for ordering). Layers wider than `maxRowWidth` wrap into several rows.
 */

/** Edges point from the node drawn above (`from`, e.g. a blocker) to the one drawn below. */
export interface LayoutInput {
  nodes: readonly string[];
  edges: readonly (readonly [from: string, to: string])[];
}

export interface LayoutOptions {
  /** Horizontal distance between node centres. */
  columnGap: number;
  /** Vertical distance between layer rows. */
  rowGap: number;
  /** Down + up barycentric sweeps. */
  sweeps: number;
  /** Nodes per row before a layer (or the unconnected block) wraps. */
  maxRowWidth: number;
}

export interface Point {
  x: number;
  y: number;
}

export interface LayoutResult {
  positions: Record<string, Point>;
  /** Layer of each connected node (0 = top); unconnected nodes get -1. */
  layerOf: Record<string, number>;
  layerCount: number;
  /** Edges reversed to break cycles (0 for a DAG). */
  reversedEdges: number;
}

export const DEFAULT_LAYOUT_OPTIONS: LayoutOptions = {
  columnGap: 200,
  rowGap: 110,
  sweeps: 8,
  maxRowWidth: 40,
};

export function layeredLayout(input: LayoutInput, options: Partial<LayoutOptions> = {}): LayoutResult {
  const o = { ...DEFAULT_LAYOUT_OPTIONS, ...options };
  const ids = [...new Set(input.nodes)];
  const indexOf = new Map(ids.map((id, i) => [id, i]));
  const n = ids.length;
  const succ: number[][] = Array.from({ length: n }, () => []);
  const seenEdge = new Set<number>();
  for (const [from, to] of input.edges) {
    const a = indexOf.get(from);
    const b = indexOf.get(to);
    if (a === undefined || b === undefined || a === b) continue;
    const key = a * n + b;
    if (seenEdge.has(key)) continue;
    seenEdge.add(key);
    succ[a]!.push(b);
  }
  const reversedEdges = breakCycles(succ);
  const pred: number[][] = Array.from({ length: n }, () => []);
  for (let a = 0; a < n; a++) for (const b of succ[a]!) pred[b]!.push(a);

  const connected = (v: number) => succ[v]!.length > 0 || pred[v]!.length > 0;
  const layer = longestPathLayers(succ, pred);
  const layers: number[][] = [];
  const isolated: number[] = [];
  // Initial order: input order, which callers make meaningful (e.g. created_at).
  for (let v = 0; v < n; v++) {
    if (!connected(v)) isolated.push(v);
    else (layers[layer[v]!] ??= []).push(v);
  }
  orderLayers(layers, succ, pred, o.sweeps);

  const positions: Record<string, Point> = {};
  const layerOf: Record<string, number> = {};
  let row = 0;
  const place = (nodes: readonly number[], l: number) => {
    for (let start = 0; start < nodes.length; start += o.maxRowWidth) {
      const chunk = nodes.slice(start, start + o.maxRowWidth);
      chunk.forEach((v, i) => {
        const id = ids[v]!;
        positions[id] = { x: (i - (chunk.length - 1) / 2) * o.columnGap, y: row * o.rowGap };
        layerOf[id] = l;
      });
      row++;
    }
  };
  layers.forEach((nodes, l) => place(nodes, l));
  if (isolated.length > 0) {
    if (layers.length > 0) row++; // a blank row between the graph and the unconnected block
    place(isolated, -1);
  }
  return { positions, layerOf, layerCount: layers.length, reversedEdges };
}

/** Reverses every DFS back edge in place (iterative DFS, so deep chains cannot overflow). */
function breakCycles(succ: number[][]): number {
  const n = succ.length;
  const state = new Uint8Array(n); // 0 new, 1 on the stack, 2 done
  let reversed = 0;
  const flips: [number, number][] = [];
  for (let root = 0; root < n; root++) {
    if (state[root] !== 0) continue;
    const stack: [node: number, next: number][] = [[root, 0]];
    state[root] = 1;
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const out = succ[top[0]]!;
      if (top[1] >= out.length) {
        state[top[0]] = 2;
        stack.pop();
        continue;
      }
      const w = out[top[1]++]!;
      if (state[w] === 1) flips.push([top[0], w]);
      else if (state[w] === 0) {
        state[w] = 1;
        stack.push([w, 0]);
      }
    }
  }
  for (const [a, b] of flips) {
    const list = succ[a]!;
    list.splice(list.indexOf(b), 1);
    if (!succ[b]!.includes(a)) succ[b]!.push(a);
    reversed++;
  }
  return reversed;
}

/** layer(v) = 0 without predecessors, else 1 + the deepest predecessor (Kahn order). */
function longestPathLayers(succ: number[][], pred: number[][]): Int32Array {
  const n = succ.length;
  const layer = new Int32Array(n);
  const indegree = new Int32Array(n);
  for (let v = 0; v < n; v++) indegree[v] = pred[v]!.length;
  const queue: number[] = [];
  for (let v = 0; v < n; v++) if (indegree[v] === 0) queue.push(v);
  for (let i = 0; i < queue.length; i++) {
    const v = queue[i]!;
    for (const w of succ[v]!) {
      if (layer[w]! < layer[v]! + 1) layer[w] = layer[v]! + 1;
      if (--indegree[w]! === 0) queue.push(w);
    }
  }
  return layer;
}

/**
 * Barycentric sweeps: down (order by the mean relative position of predecessors), then up (of
 * successors). Relative position = index / layer size, so neighbours in any layer compare.
 * Nodes without neighbours on the swept side keep their current relative position.
 */
function orderLayers(layers: number[][], succ: number[][], pred: number[][], sweeps: number): void {
  const rel = new Float64Array(succ.length);
  const setRel = (layerNodes: readonly number[]) =>
    layerNodes.forEach((v, i) => (rel[v] = (i + 0.5) / layerNodes.length));
  layers.forEach(setRel);
  const layerIndex = new Int32Array(succ.length);
  layers.forEach((nodes, l) => nodes.forEach((v) => (layerIndex[v] = l)));
  // Neighbours in the adjacent layer decide; farther ones (long edges) only when there are none.
  const reorder = (layerNodes: number[], neighbours: number[][], adjacent: number) => {
    const key = new Map<number, number>();
    for (const v of layerNodes) {
      let sum = 0;
      let count = 0;
      let farSum = 0;
      let farCount = 0;
      for (const u of neighbours[v]!) {
        if (layerIndex[u] === adjacent) {
          sum += rel[u]!;
          count++;
        } else {
          farSum += rel[u]!;
          farCount++;
        }
      }
      key.set(v, count > 0 ? sum / count : farCount > 0 ? farSum / farCount : rel[v]!);
    }
    // Array.prototype.sort is stable: ties keep the previous order.
    layerNodes.sort((a, b) => key.get(a)! - key.get(b)!);
    setRel(layerNodes);
  };
  // An up sweep can undo a good down sweep (long edges): keep the ordering with the fewest crossings.
  let best = layers.map((l) => [...l]);
  let bestCrossings = adjacentCrossings(layers, succ, layerIndex);
  for (let s = 0; s < sweeps && bestCrossings > 0; s++) {
    if (s % 2 === 0) for (let l = 1; l < layers.length; l++) reorder(layers[l]!, pred, l - 1);
    else for (let l = layers.length - 2; l >= 0; l--) reorder(layers[l]!, succ, l + 1);
    const c = adjacentCrossings(layers, succ, layerIndex);
    if (c < bestCrossings) {
      bestCrossings = c;
      best = layers.map((l) => [...l]);
    }
  }
  best.forEach((l, i) => (layers[i] = l));
}

/** Crossings between edges of adjacent layers, by counting inversions with a Fenwick tree. */
function adjacentCrossings(layers: number[][], succ: number[][], layerIndex: Int32Array): number {
  const pos = new Int32Array(succ.length);
  layers.forEach((nodes) => nodes.forEach((v, i) => (pos[v] = i)));
  let total = 0;
  for (let l = 0; l + 1 < layers.length; l++) {
    const lower: number[] = [];
    // Upper nodes in order, each one's lower ends ascending: the lower sequence's inversions cross.
    for (const v of layers[l]!) {
      const ends = succ[v]!.filter((w) => layerIndex[w] === l + 1).map((w) => pos[w]!);
      ends.sort((a, b) => a - b);
      lower.push(...ends);
    }
    const size = layers[l + 1]!.length;
    const tree = new Int32Array(size + 1);
    for (let i = 0; i < lower.length; i++) {
      // Count earlier ends strictly greater than this one.
      let le = 0;
      for (let k = lower[i]! + 1; k > 0; k -= k & -k) le += tree[k]!;
      total += i - le;
      for (let k = lower[i]! + 1; k <= size; k += k & -k) tree[k]!++;
    }
  }
  return total;
}

/** Pairs of edges between adjacent layers that cross (for tests and for judging the ordering). */
export function countCrossings(input: LayoutInput, result: LayoutResult): number {
  const spans = input.edges
    .map(
      ([a, b]) => [result.positions[a], result.positions[b], result.layerOf[a], result.layerOf[b]] as const,
    )
    .filter(([pa, pb, la, lb]) => pa && pb && la !== undefined && lb === la + 1)
    .map(([pa, pb, la]) => ({ layer: la!, x1: pa!.x, x2: pb!.x }));
  let crossings = 0;
  for (let i = 0; i < spans.length; i++) {
    for (let j = i + 1; j < spans.length; j++) {
      const p = spans[i]!;
      const q = spans[j]!;
      if (p.layer === q.layer && (p.x1 - q.x1) * (p.x2 - q.x2) < 0) crossings++;
    }
  }
  return crossings;
}
