import { REBUILD_DERIVED } from '../sessionDerived.js';
import type { Migration } from './index.js';

/**
 * Per-session counts and search runs derived from the events (store/sessionDerived.ts), filled
 * here for the rows a workspace already holds and kept exact by every write path after. Every
 * statement is idempotent (`provex migrate --recreate` runs them again: the table is refilled).
 */
export const sessionDerived: Migration = {
  version: 4,
  name: 'per-session event counts and search runs',
  statements: REBUILD_DERIVED,
};
