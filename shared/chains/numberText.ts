/**
 * Number text of §1.1 / §1.2: floats in the Erlang "short" form (`1.0`, `1.0e3`, `1.2e-4`),
 * decimal rounding of the exact binary value. Every float in JSON and text exports goes through here;
 * JS `String(x)` would print `1` for 1.0 and `1e-7` where Erlang prints `1.0e-7`.
 */
import type { KeptJson, KeptNumber } from '../model/chains.js';

const TWO_53 = 2 ** 53;

/** A float in Erlang short form: the shorter of decimal and scientific, decimal on a tie. */
export function formatFloat(x: number): string {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite float: ${x}`);
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const sign = x < 0 ? '-' : '';
  const abs = Math.abs(x);
  // toExponential() yields the shortest round-tripping digits: "d1.d2...dn e±(p-1)".
  const [mantissa = '', expText = '0'] = abs.toExponential().split('e');
  const digits = mantissa.replace('.', '');
  const exp = Number(expText);
  const scientific = `${digits[0]}.${digits.slice(1) || '0'}e${exp}`;
  if (abs >= TWO_53) return sign + scientific;
  const p = exp + 1;
  const n = digits.length;
  let decimal: string;
  if (p <= 0) decimal = `0.${'0'.repeat(-p)}${digits}`;
  else if (p >= n) decimal = `${digits}${'0'.repeat(p - n)}.0`;
  else decimal = `${digits.slice(0, p)}.${digits.slice(p)}`;
  return sign + (decimal.length <= scientific.length ? decimal : scientific);
}

/**
 * `round(x, n)` of §1.2: ties away from zero on the exact binary value (`toFixed` does exactly that),
 * then the nearest double; a negative value rounding to zero gives 0.
 */
export function roundTo(x: number, digits: number): number {
  const r = Number(x.toFixed(digits));
  return r === 0 ? 0 : r;
}

/** `formatFloat(roundTo(x, n))`: the common "rounded float as text". */
export function roundedText(x: number, digits: number): string {
  return formatFloat(roundTo(x, digits));
}

export function isKeptNumber(v: KeptJson | undefined): v is KeptNumber {
  return (
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    typeof v.$number === 'string' &&
    Object.keys(v).length === 1
  );
}

/** Float kind, whatever the value: integral values become a `KeptNumber`. */
export function keptFloat(x: number): number | KeptNumber {
  return Number.isInteger(x) ? { $number: formatFloat(x) } : x;
}

/** The numeric value of a kept number (plain or lexeme), or null for any other JSON value. */
export function keptNumberValue(v: KeptJson | undefined): number | null {
  if (typeof v === 'number') return v;
  if (isKeptNumber(v)) return Number(v.$number);
  return null;
}

/** Whether a kept number is of float kind. */
export function isKeptFloat(v: KeptJson | undefined): boolean {
  if (typeof v === 'number') return !Number.isInteger(v);
  return isKeptNumber(v) && /[.eE]/.test(v.$number);
}

/** Number text of a kept number: integers in decimal, floats in the short form. */
export function keptNumberText(v: number | KeptNumber): string {
  if (typeof v === 'number') return Number.isInteger(v) ? integerText(v) : formatFloat(v);
  return /[.eE]/.test(v.$number) ? formatFloat(Number(v.$number)) : v.$number;
}

function integerText(n: number): string {
  return Number.isSafeInteger(n) ? String(n === 0 ? 0 : n) : BigInt(n).toString();
}
