import { asSessionId } from '../../shared/model/ids.js';
import type { SessionRecord } from '../../shared/model/provenanceRecords.js';

/** A session row for writer tests: agent `A`, query `q <id>`, started 2026-01-01, the rest empty. */
export const sessionRecord = (id: string, extra: Partial<SessionRecord> = {}): SessionRecord => ({
  session_id: asSessionId(id),
  agent_type: 'A',
  agent_version: null,
  query: `q ${id}`,
  start_time: '2026-01-01 00:00:00',
  end_time: null,
  duration_ms: null,
  success: null,
  error_message: null,
  python_version: null,
  db_path: null,
  parent_session_id: null,
  depth: null,
  created_at: null,
  ...extra,
});
