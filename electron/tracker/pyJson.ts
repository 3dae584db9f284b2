import type { JsonObject, JsonValue } from '../../shared/model/json.js';

/**
 * JSON text as Python's `json` module writes it. Lines of actions.jsonl use `json.dumps(x,
 * ensure_ascii=False)` (separators `", "` and `": "`, raw UTF-8); the per-session manifest uses
 * `json.dump(x, indent=2)` (ASCII only, `\uXXXX`). Key order is insertion order in both.
 */
export function pyJsonLine(value: JsonValue): string {
  if (value === null) return 'null';
  if (typeof value === 'number') return pyNumber(value);
  if (typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(pyJsonLine).join(', ')}]`;
  const parts = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${pyJsonLine(v)}`);
  return `{${parts.join(', ')}}`;
}

/** `json.dump(value, f, indent=2)` with `ensure_ascii=True`; no trailing newline. */
export function pyJsonIndent2(value: JsonValue): string {
  return asciiOnly(JSON.stringify(value, (_k, v: unknown) => (typeof v === 'number' ? nanSafe(v) : v), 2));
}

/** Escapes every character outside printable ASCII as Python's `ensure_ascii` does. */
export function asciiOnly(json: string): string {
  return json.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function pyNumber(n: number): string {
  return Number.isFinite(n) ? JSON.stringify(n) : 'null';
}

function nanSafe(n: number): number | null {
  return Number.isFinite(n) ? n : null;
}

/**
 * Makes any value JSON-safe (§12.14): undefined members dropped, bigint as number when safe,
 * Dates as ISO text, Maps and Sets as objects and lists, cycles and functions as text. Never throws.
 */
export function toJsonSafe(value: unknown, seen: Set<object> = new Set()): JsonValue {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : String(value);
    case 'bigint':
      return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
    case 'function':
    case 'symbol':
      return String(value);
    default:
      break;
  }
  const obj = value as object;
  if (seen.has(obj)) return '[Circular]';
  if (obj instanceof Date) return Number.isNaN(obj.getTime()) ? String(obj) : obj.toISOString();
  if (obj instanceof Error) return `${obj.name}: ${obj.message}`;
  seen.add(obj);
  try {
    if (Array.isArray(obj)) return obj.map((x) => toJsonSafe(x, seen));
    if (obj instanceof Set) return [...obj].map((x) => toJsonSafe(x, seen));
    if (obj instanceof Map) {
      const out: JsonObject = {};
      for (const [k, v] of obj) out[String(k)] = toJsonSafe(v, seen);
      return out;
    }
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(obj)) if (v !== undefined) out[k] = toJsonSafe(v, seen);
    return out;
  } finally {
    seen.delete(obj);
  }
}

export function toJsonObject(value: unknown): JsonObject {
  const v = toJsonSafe(value);
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? v : {};
}
