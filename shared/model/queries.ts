import type { JsonValue } from './json.js';

/** A read-only SQL result, every value already converted to JSON (BIGINT -> number or string). */
export interface QueryResult {
  columns: { name: string; type: string }[];
  rows: JsonValue[][];
  truncated: boolean;
}
