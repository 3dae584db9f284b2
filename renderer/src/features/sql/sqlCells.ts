/** Pure helpers of the SQL console: which cells hold session ids, and how cells print. */
import type { QueryResult } from '../../../../shared/model/queries.js';

/** Columns whose values are session ids: by name (`session_id`, `parent_session_id`, `*_session_id`). */
export function sessionColumns(result: QueryResult): Set<number> {
  const out = new Set<number>();
  result.columns.forEach((c, i) => {
    if (/(^|_)session_id$/i.test(c.name)) out.add(i);
  });
  return out;
}

export function cellText(v: unknown): string {
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}
