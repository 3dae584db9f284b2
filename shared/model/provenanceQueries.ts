import type { SessionId } from './ids.js';

/**
 * Results of the reference `ProvenanceQueries` (formats/claude-provenance.md §9), one type per
 * method. Times are ISO-8601 UTC with `Z`; averages are null when no duration was recorded.
 */

/** What the reference returns instead of a result (`{"error": ...}`). */
export interface QueryError {
  error: string;
}

export interface TimeWindow {
  /** Days back from `now` (default 7). */
  days?: number;
  /** The reference time, ISO-8601 (default: the current time). The cutoff is computed in UTC. */
  now?: string;
}

export interface AgentStatistics {
  agent_type: string;
  executions: number;
  avg_duration_ms: number | null;
  max_duration_ms: number | null;
  min_duration_ms: number | null;
  successful: number;
  failed: number;
}

export interface EntityProvenance {
  session_id: SessionId;
  agent_type: string;
  query: string;
  start_time: string;
  duration_ms: number | null;
  success: boolean | null;
  link_type: string;
  timestamp: string;
}

export interface ToolCallStatistics {
  tool_type: string;
  tool_name: string;
  call_count: number;
  avg_duration_ms: number | null;
  cache_hits: number;
  cache_misses: number;
  successful: number;
  failed: number;
}

export interface DecisionPattern {
  agent_type: string;
  decision_type: string;
  branch_taken: string | null;
  count: number;
}

export interface SessionHierarchyNode {
  session_id: SessionId;
  agent_type: string;
  query: string;
  parent_session_id: SessionId | null;
  depth: number;
  duration_ms: number | null;
  success: boolean | null;
  /** 0 for the root asked for, 1 for its children, … */
  level: number;
}

export interface RecentSession {
  session_id: SessionId;
  agent_type: string;
  query: string;
  start_time: string;
  end_time: string | null;
  duration_ms: number | null;
  success: boolean | null;
  error_message: string | null;
}

export interface ComparedSession {
  session_id: SessionId;
  agent_type: string;
  duration_ms: number | null;
  success: boolean | null;
}

export interface SessionComparison {
  /** The queries or the kwargs differ. */
  inputs_differ: boolean;
  agent_types_match: boolean;
  /** Session 1 minus session 2; null when either duration is unknown. */
  duration_diff_ms: number | null;
  both_successful: boolean;
  event_count_diff: number;
  tool_call_count_diff: number;
  decision_count_diff: number;
  session_1: ComparedSession;
  session_2: ComparedSession;
}
