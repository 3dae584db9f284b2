import type { JsonObject, JsonValue } from '../../shared/model/json.js';

/**
 * How much of the data passing through tool calls and transformations is kept (§11): `minimal`
 * keeps the type only, `standard` the first 3 list items or 5 object keys, `full` everything.
 */
export type DetailLevel = 'minimal' | 'standard' | 'full';

/** Python's type names, so stored schemas read the same as the reference's. */
export function pyTypeName(v: JsonValue): string {
  if (v === null) return 'NoneType';
  if (Array.isArray(v)) return 'list';
  switch (typeof v) {
    case 'string':
      return 'str';
    case 'boolean':
      return 'bool';
    case 'number':
      return Number.isInteger(v) ? 'int' : 'float';
    default:
      return 'dict';
  }
}

export function trimData(v: JsonValue, level: DetailLevel): JsonValue {
  if (v === null || level === 'full') return v;
  if (level === 'minimal') return { type: pyTypeName(v) };
  if (Array.isArray(v)) return v.slice(0, 3);
  if (typeof v === 'object') return Object.fromEntries(Object.entries(v).slice(0, 5));
  return v;
}

/** `result_summary`: first 10 keys of an object (strings cut to 100), else type and text; falsy -> null. */
export function resultSummary(v: JsonValue): JsonValue {
  if (isFalsy(v)) return null;
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
    const out: JsonObject = {};
    for (const [k, x] of Object.entries(v).slice(0, 10)) {
      out[k] = typeof x === 'string' && x.length > 100 ? x.slice(0, 100) : x;
    }
    return out;
  }
  const text = typeof v === 'string' ? v : JSON.stringify(v);
  return { type: pyTypeName(v), repr: text.slice(0, 200) };
}

/** Schema of a value: key -> type of the first 5 keys, or list element type and count. */
export function inferSchema(v: JsonValue): JsonValue {
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
    return Object.fromEntries(
      Object.entries(v)
        .slice(0, 5)
        .map(([k, x]) => [k, pyTypeName(x)]),
    );
  }
  if (Array.isArray(v) && v.length > 0) {
    return { type: 'list', element_type: pyTypeName(v[0] ?? null), count: v.length };
  }
  return { type: pyTypeName(v) };
}

function isFalsy(v: JsonValue): boolean {
  if (v === null || v === false || v === 0 || v === '') return true;
  if (Array.isArray(v)) return v.length === 0;
  return typeof v === 'object' && Object.keys(v).length === 0;
}
