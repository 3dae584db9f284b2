/**
 * JSON carries no bigint: over HTTP a TaskGraph's nanosecond timestamps travel as decimal strings
 * and are restored exactly on the other side.
 */
import type { TaskGraph } from '../model/tasks.js';

/** `T` with every bigint as its decimal string (what JSON can carry). */
export type Wire<T> = T extends bigint
  ? string
  : T extends string | number | boolean | null | undefined
    ? T // branded ids stay branded
    : T extends readonly (infer U)[]
      ? Wire<U>[]
      : T extends object
        ? { [K in keyof T]: Wire<T[K]> }
        : T;

export type TaskGraphWire = Wire<TaskGraph>;

const TIME_FIELDS = new Set(['created_at', 'updated_at', 'closed_at', 'started_at', 'ended_at']);

export function toWire(graph: TaskGraph): TaskGraphWire {
  return JSON.parse(
    JSON.stringify(graph, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)),
  ) as TaskGraphWire;
}

export function fromWire(wire: TaskGraphWire): TaskGraph {
  return JSON.parse(JSON.stringify(wire), (k, v: unknown) =>
    TIME_FIELDS.has(k) && typeof v === 'string' ? BigInt(v) : v,
  ) as TaskGraph;
}

/** Any task DTO (a Task, an edge, a comment) in wire form. */
export function toWireValue<T>(value: T): Wire<T> {
  return JSON.parse(
    JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)),
  ) as Wire<T>;
}

/** Restores the bigint timestamps of a task DTO in wire form. */
export function fromWireValue<T>(wire: Wire<T>): T {
  return JSON.parse(JSON.stringify(wire), (k, v: unknown) =>
    TIME_FIELDS.has(k) && typeof v === 'string' ? BigInt(v) : v,
  ) as T;
}
