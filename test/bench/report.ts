/** The figures of one benchmark run: each printed as one JSON line as it is measured, and kept. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** The target (a maximum), when the issue sets one. */
  target?: number;
  ok?: boolean;
  note?: string;
}

export class Report {
  readonly figures: Figure[] = [];

  add(name: string, value: number, unit: string, target?: number, note?: string): Figure {
    const f: Figure = { name, value: round(value), unit };
    if (target !== undefined) {
      f.target = target;
      f.ok = value <= target;
    }
    if (note) f.note = note;
    this.figures.push(f);
    console.log(JSON.stringify(f));
    return f;
  }
}

export function round(x: number): number {
  return Math.abs(x) >= 100 ? Math.round(x) : Math.round(x * 100) / 100;
}

/** The q-quantile (nearest rank) of some numbers. */
export function quantile(xs: readonly number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
}

/** Runs `fn` `n` times and returns each duration in ms. */
export async function timeEach(n: number, fn: (i: number) => unknown): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn(i);
    out.push(performance.now() - t0);
  }
  return out;
}
