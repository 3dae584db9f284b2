/**
 * Python's `"%.Nf" % x`: like `toFixed`, but exact ties round half to even (0.125 -> "0.12"),
 * where JavaScript rounds them up.
 */
export function pyFixed(x: number, digits: number): string {
  const scale = 10 ** digits;
  const scaled = x * scale;
  const isTie = Number.isFinite(scaled) && !Number.isInteger(scaled) && Number.isInteger(scaled * 2);
  if (!isTie) return x.toFixed(digits);
  const floor = Math.floor(scaled);
  const even = floor % 2 === 0 ? floor : floor + 1;
  return (even / scale).toFixed(digits);
}

/** Python's `round(x, 2)` for the durations the manifest shows (halves away are rare enough). */
export function pyRound2(x: number): number {
  return Number(pyFixed(x, 2));
}

/** Compares by code point, as Python sorts strings. */
export function byCodePoint(a: string, b: string): number {
  const ai = [...a];
  const bi = [...b];
  for (let i = 0; i < Math.min(ai.length, bi.length); i++) {
    const d = ai[i]!.codePointAt(0)! - bi[i]!.codePointAt(0)!;
    if (d !== 0) return d;
  }
  return ai.length - bi.length;
}
