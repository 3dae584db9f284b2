/** Saved queries of the SQL console: the built-in reference queries and the user's own. */
export interface SavedQueryParam {
  name: string;
  /** A value to start from (shown in the input). */
  example: string;
}

export interface SavedQuery {
  /** `ref:<name>` for built-in queries, `user:<n>` for the user's. */
  id: string;
  name: string;
  description: string;
  sql: string;
  /** The `?` placeholders, in order. */
  params: SavedQueryParam[];
  /** Built in (the reference ProvenanceQueries): cannot be changed or deleted. */
  builtin: boolean;
}

export interface SaveQueryArgs {
  name: string;
  sql: string;
  description?: string;
}
