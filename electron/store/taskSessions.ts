/**
 * Plan against execution: the agent sessions that reference a task, found the two ways a session
 * can name one: an entity link (`entity_table` 'tasks' or 'task', `entity_id` = the task id) or the
 * task id written inside an event's details (a prompt, a tool argument). Newest reference first.
 */
import type { TaskSessionLink } from '../../shared/model/taskCalls.js';
import { DERIVED_TABLE } from './sessionDerived.js';
import { toSummary } from './sessionRepository.js';
import type { Workspace } from './workspace.js';

export async function sessionsForTask(ws: Workspace, taskId: string): Promise<TaskSessionLink[]> {
  if (taskId === '') return [];
  const rows = await ws.all(
    `WITH refs AS (
       SELECT session_id, 'entity_link' AS via, timestamp AS ref_time FROM provenance_entity_links
        WHERE entity_table IN ('tasks', 'task') AND entity_id = ?
       UNION ALL
       SELECT session_id, 'event_details' AS via, timestamp AS ref_time FROM provenance_events
        WHERE strpos(CAST(details AS VARCHAR), ?) > 0
     ), hits AS (
       SELECT session_id, bool_or(via = 'entity_link') AS by_link, bool_or(via = 'event_details') AS by_details,
              max(ref_time) AS last_ref
         FROM refs GROUP BY session_id
     )
     SELECT s.session_id, p.name AS project, p.project_id, s.agent_type, s.query, s.start_time, s.end_time,
            s.duration_ms, s.success, s.parent_session_id, COALESCE(s.depth, 0) AS depth,
            COALESCE(d.event_count, 0) AS event_count, COALESCE(d.tool_call_count, 0) AS tool_call_count,
            COALESCE(d.cache_hits, 0) AS cache_hits, h.by_link, h.by_details, h.last_ref
       FROM hits h
       JOIN provenance_sessions s ON s.session_id = h.session_id
       LEFT JOIN provex_session_info i ON i.session_id = s.session_id
       LEFT JOIN provex_projects p ON p.project_id = i.project_id
       LEFT JOIN ${DERIVED_TABLE} d ON d.session_id = s.session_id
      ORDER BY h.last_ref DESC, s.session_id`,
    [taskId, taskId],
  );
  return rows.map((r) => ({
    ...toSummary(r),
    via: [
      ...(r.by_link === true ? (['entity_link'] as const) : []),
      ...(r.by_details === true ? (['event_details'] as const) : []),
    ],
  }));
}
