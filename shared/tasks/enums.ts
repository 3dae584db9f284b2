/**
 * The nine enumerations of the Go tracker (§5): names <-> stored integers. A name's index in its
 * list is its integer. Unknown integers read as Go's `String()` form (`Status(7)`) instead of
 * failing, and that form converts back to the same integer.
 */
import type { UnknownEnum } from '../model/tasks.js';

export const ENUMS = {
  Status: ['open', 'in_progress', 'closed'],
  Priority: ['critical', 'high', 'medium', 'low', 'backlog'],
  TaskType: ['bug', 'feature', 'task', 'epic', 'chore'],
  EdgeKind: ['blocked_by', 'derived_from', 'supersedes', 'discovered_from', 'generated_by', 'attributed_to'],
  AgentKind: ['human', 'machine_learning', 'software'],
  Provider: ['anthropic', 'google', 'openai', 'local'],
  Role: ['human', 'architect', 'supervisor', 'worker', 'reviewer'],
  Phase: [
    'request',
    'elicit',
    'propose',
    'review',
    'plan_uat',
    'ratify',
    'handoff',
    'impl_plan',
    'worker_slices',
    'code_review',
    'impl_uat',
    'landing',
    'unscoped',
  ],
  Stage: ['not_started', 'in_progress', 'blocked', 'complete'],
} as const;

export type EnumKind = keyof typeof ENUMS;
export type EnumName<K extends EnumKind> = (typeof ENUMS)[K][number];

/** The lookup table of each enumeration, in the order the reference seeds them (§4). */
export const LOOKUP_TABLES: readonly { table: string; kind: EnumKind }[] = [
  { table: 'statuses', kind: 'Status' },
  { table: 'priorities', kind: 'Priority' },
  { table: 'task_types', kind: 'TaskType' },
  { table: 'edge_kinds', kind: 'EdgeKind' },
  { table: 'agent_kinds', kind: 'AgentKind' },
  { table: 'providers', kind: 'Provider' },
  { table: 'roles', kind: 'Role' },
  { table: 'phases', kind: 'Phase' },
  { table: 'stages', kind: 'Stage' },
];

/** Stored integer -> name, or `Kind(n)` for a value the reference does not define. */
export function enumName<K extends EnumKind>(kind: K, value: number): EnumName<K> | UnknownEnum {
  const names: readonly string[] = ENUMS[kind];
  const name = Number.isInteger(value) && value >= 0 ? names[value] : undefined;
  return (name ?? `${kind}(${value})`) as EnumName<K> | UnknownEnum;
}

/** Name (or `Kind(n)`) -> stored integer; undefined for anything else. */
export function enumValue(kind: EnumKind, name: string): number | undefined {
  const names: readonly string[] = ENUMS[kind];
  const i = names.indexOf(name);
  if (i >= 0) return i;
  const m = /^([A-Za-z]+)\((-?\d+)\)$/.exec(name);
  return m && m[1] === kind ? Number(m[2]) : undefined;
}

/** Like `enumValue`, but a name outside the enumeration is an error that says which enum. */
export function requireEnumValue(kind: EnumKind, name: string): number {
  const v = enumValue(kind, name);
  if (v === undefined) throw new RangeError(`${kind}: unknown value '${name}'`);
  return v;
}

/** True when `name` is one of the names the reference defines (not an unknown `Kind(n)`). */
export function isKnownName<K extends EnumKind>(kind: K, name: string): name is EnumName<K> {
  return (ENUMS[kind] as readonly string[]).includes(name);
}
