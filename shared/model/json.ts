/** JSON values as they cross the process boundary (no DuckDB value objects, no bigint). */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };
