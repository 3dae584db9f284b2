import type { Migration } from './index.js';

/**
 * Chains in a workspace: two files may hold the same chain id (a chain and its "v2" keep the
 * reference's id), so `chains.chain_id` becomes the workspace key and `file_chain_id` keeps the id
 * the file had, which the writer puts back. A file may hold a null name, decision or reasoning
 * (§2.1, §12), which a byte-exact round trip must keep apart from "".
 * Every statement is idempotent: `provex migrate --recreate` runs all migrations' statements again.
 */
export const chainKeys: Migration = {
  version: 2,
  name: 'chain workspace keys, nullable chain name, decision and reasoning',
  statements: [
    `ALTER TABLE chains ADD COLUMN IF NOT EXISTS file_chain_id VARCHAR`,
    `UPDATE chains SET file_chain_id = chain_id WHERE file_chain_id IS NULL`,
    `ALTER TABLE chains ALTER COLUMN name DROP NOT NULL`,
    `ALTER TABLE chain_events ALTER COLUMN decision DROP NOT NULL`,
    `ALTER TABLE chain_events ALTER COLUMN reasoning DROP NOT NULL`,
  ],
};
