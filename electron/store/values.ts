import type { JsonValue } from '../../shared/model/json.js';

/**
 * Conversions at the repository boundary. Rows are read with `getRowObjectsJson()`, which gives
 * TIMESTAMP as 'YYYY-MM-DD HH:MM:SS[.ffffff]' and BIGINT/HUGEINT as decimal strings; nothing of
 * DuckDB's own value classes goes further than this file.
 */
export type Row = Record<string, unknown>;

/** DuckDB's naive-UTC timestamp text -> ISO-8601 with `Z`. */
export function isoUtc(value: unknown): string {
  if (value === null || value === undefined) throw new Error('timestamp is null');
  const s = String(value);
  return s.includes('T') ? (s.endsWith('Z') ? s : `${s}Z`) : `${s.replace(' ', 'T')}Z`;
}

export function isoUtcOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : isoUtc(value);
}

/** BIGINT/INTEGER (string or number) -> number; values past 2^53 are refused rather than rounded. */
export function int(value: unknown): number {
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isSafeInteger(n)) throw new Error(`not a safe integer: ${String(value)}`);
  return n;
}

export function intOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : int(value);
}

export function bigintOrNull(value: unknown): bigint | null {
  return value === null || value === undefined ? null : BigInt(value as string);
}

export function str(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

export function strOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

export function boolOrNull(value: unknown): boolean | null {
  return value === null || value === undefined ? null : Boolean(value);
}

/** JSON columns arrive as text; invalid text is kept as a string rather than failing the read. */
export function json(value: unknown): JsonValue {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') return value as JsonValue;
  try {
    return JSON.parse(value) as JsonValue;
  } catch {
    return value;
  }
}

/** Python `json.dumps` spacing (", " and ": "), as the reference stores JSON columns; ASCII-only. */
export function pyJson(value: unknown): string {
  return stringifyPy(value === undefined ? null : value);
}

function stringifyPy(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'number') return Number.isFinite(v) ? JSON.stringify(v) : 'NaN';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'string') return asciiJsonString(v);
  if (typeof v === 'bigint') return v.toString();
  if (Array.isArray(v)) return `[${v.map(stringifyPy).join(', ')}]`;
  if (typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
    return `{${entries.map(([k, x]) => `${asciiJsonString(k)}: ${stringifyPy(x)}`).join(', ')}}`;
  }
  return asciiJsonString(String(v));
}

function asciiJsonString(s: string): string {
  return JSON.stringify(s).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
