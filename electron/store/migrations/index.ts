import { initial } from './001_initial.js';
import { chainKeys } from './002_chain_keys.js';
import { savedQueries } from './003_saved_queries.js';
import { sessionDerived } from './004_session_derived.js';

export interface Migration {
  version: number;
  name: string;
  statements: readonly string[];
}

/** Numbered, append-only. A workspace records each applied version in `provex_schema_version`. */
export const MIGRATIONS: readonly Migration[] = [initial, chainKeys, savedQueries, sessionDerived];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
