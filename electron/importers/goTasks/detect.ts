/**
 * Generation detection (§2.1): not a provenance file, classic (writable), extended classic
 * (post-v0.0.2 layers, read only) or journal (v0.0.3+, read only). Lookup tables are compared with
 * §5: a known id mapped to another name makes the file read only, with a warning.
 */
import type { TaskGraphGeneration } from '../../../shared/model/tasks.js';
import { ENUMS, LOOKUP_TABLES } from '../../../shared/tasks/enums.js';
import { REQUIRED_TABLES } from './referenceSchema.js';
import { rowsOf, type SqlJsDatabase } from './sqlJs.js';

export class NotTaskDatabaseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotTaskDatabaseError';
  }
}

export interface Detection {
  generation: Exclude<TaskGraphGeneration, 'workspace'>;
  read_only: boolean;
  warnings: string[];
}

const EXTENDED_TABLES = ['plans', 'plan_steps', 'derivation_kinds', 'derivation_qualifiers'];

export function detectGeneration(db: SqlJsDatabase, fileName: string): Detection {
  let objects: Set<string>;
  try {
    objects = new Set(
      rowsOf(db, `SELECT name FROM sqlite_master WHERE type IN ('table', 'view')`).map((r) => String(r.name)),
    );
  } catch (e) {
    throw new NotTaskDatabaseError(`${fileName}: not a SQLite database (${(e as Error).message})`);
  }
  const missing = REQUIRED_TABLES.filter((t) => !objects.has(t));
  if (missing.length > 0) {
    const what =
      missing.length === REQUIRED_TABLES.length ? 'none of its tables' : `missing ${missing.join(', ')}`;
    throw new NotTaskDatabaseError(
      `${fileName}: not a Go task-provenance database (SQLite file, but ${what}; expected tasks, edges, agents, activities, labels, comments, ml_models and the lookup tables)`,
    );
  }
  const warnings: string[] = [];
  const taskColumns = columns(db, 'tasks');
  const activityColumns = columns(db, 'activities');
  let generation: Detection['generation'];
  if (objects.has('journal') || taskColumns.has('last_journal_id')) {
    generation = 'journal';
    warnings.push(
      `${fileName}: journal generation (provenance v0.0.3 or later): imported read-only; its tasks are projections of an append-only journal and must not be written (§12)`,
    );
  } else if (EXTENDED_TABLES.some((t) => objects.has(t)) || activityColumns.has('plan_id')) {
    generation = 'extended_classic';
    warnings.push(
      `${fileName}: classic file with post-v0.0.2 layers (plans or derivation qualifiers): imported read-only`,
    );
  } else {
    generation = 'classic';
  }
  const lookupProblems = compareLookupTables(db);
  for (const p of lookupProblems) warnings.push(`${fileName}: ${p}; imported read-only`);
  return { generation, read_only: generation !== 'classic' || lookupProblems.length > 0, warnings };
}

function columns(db: SqlJsDatabase, table: string): Set<string> {
  return new Set(rowsOf(db, `PRAGMA table_info(${table})`).map((r) => String(r.name)));
}

/** Known ids that map to another name (extra rows, e.g. more providers, are allowed). */
function compareLookupTables(db: SqlJsDatabase): string[] {
  const problems: string[] = [];
  for (const { table, kind } of LOOKUP_TABLES) {
    const names: readonly string[] = ENUMS[kind];
    for (const row of rowsOf(db, `SELECT id, name FROM ${table}`)) {
      const expected = names[Number(row.id)];
      if (expected !== undefined && expected !== row.name) {
        problems.push(
          `lookup table ${table} maps id ${String(row.id)} to '${String(row.name)}', not '${expected}'`,
        );
      }
    }
  }
  return problems;
}
