import type { Migration } from './index.js';

/**
 * The SQL console's saved queries: the user's own (the reference ProvenanceQueries are built in,
 * never stored). `params` is a JSON list of parameter names shown beside the text.
 */
export const savedQueries: Migration = {
  version: 3,
  name: 'saved SQL queries',
  statements: [
    `CREATE SEQUENCE IF NOT EXISTS provex_saved_query_seq START 1`,
    `CREATE TABLE IF NOT EXISTS provex_saved_queries (
      query_id INTEGER PRIMARY KEY DEFAULT nextval('provex_saved_query_seq'),
      name VARCHAR NOT NULL,
      description VARCHAR NOT NULL DEFAULT '',
      sql VARCHAR NOT NULL,
      created_at TIMESTAMP NOT NULL,
      updated_at TIMESTAMP NOT NULL,
      UNIQUE (name)
    )`,
  ],
};
