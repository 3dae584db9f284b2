import type { EventId, SessionId } from './ids.js';
import type { JsonValue } from './json.js';

/**
 * A session's timeline is a list of rows in display order: a header row per session (the root
 * and each child session, as a lane), then its items by time. Children are nested under their
 * parent at the moment they start; a collapsed child shows its header row only. The renderer
 * never holds the whole list: it asks for windows of rows by index.
 */
export type TimelineItemKind =
  'session' | 'event' | 'tool_call' | 'decision' | 'transformation' | 'log' | 'lifecycle';

export interface TimelineRow {
  /** Row index in the current (collapse-dependent) ordering. */
  index: number;
  kind: TimelineItemKind;
  session_id: SessionId;
  /** Lane depth relative to the root session (0 for the root's own items). */
  depth: number;
  /** Event id for event rows; null for session header rows. */
  event_id: EventId | null;
  label: string;
  event_type: string | null;
  /** Milliseconds since the root session's start. */
  start_ms: number;
  /** Null when not measured; bars then render as a point. */
  duration_ms: number | null;
  success: boolean | null;
  cache_hit: boolean | null;
  on_critical_path: boolean;
  /** For session rows: its own child sessions exist (the header can collapse). */
  has_children: boolean;
}

export interface TimelineLane {
  session_id: SessionId;
  parent_session_id: SessionId | null;
  agent_type: string;
  query: string;
  depth: number;
  start_ms: number;
  end_ms: number | null;
  event_count: number;
  success: boolean | null;
}

export interface TimelineOverview {
  root: SessionId;
  /** ISO time of the root session's start: t = 0 of every `start_ms`. */
  origin: string;
  /** Milliseconds from origin to the last known end or event. */
  span_ms: number;
  lanes: TimelineLane[];
  /** Total rows with nothing collapsed. */
  total_rows: number;
  /** Event counts in equal time buckets across the span, for the minimap. */
  density: number[];
  /** Event ids on the critical path (the chain of longest items that determines the end). */
  critical_path: EventId[];
}

export interface TimelineWindowArgs {
  session_id: SessionId;
  offset: number;
  limit: number;
  collapsed?: SessionId[];
}

export interface TimelineWindow {
  total_rows: number;
  offset: number;
  rows: TimelineRow[];
  /** The overview's `span_ms`, so rows can be drawn before the overview (with its analysis) lands. */
  span_ms?: number;
  /**
   * False when the critical path was not computed yet: `on_critical_path` is then false on every
   * row, and the window is worth asking again once `timeline/overview` has answered.
   */
  critical_path_ready?: boolean;
}

/** The detail panel's item: one event with what it links to. */
export interface TimelineItemDetail {
  event_id: EventId;
  session_id: SessionId;
  event_type: string;
  event_name: string;
  timestamp: string;
  sequence_number: number;
  duration_ms: number | null;
  details: JsonValue;
  tool_call: JsonValue | null;
  decision: JsonValue | null;
  transformation: JsonValue | null;
  entity_links: { entity_table: string; entity_id: string; link_type: string; other_sessions: SessionId[] }[];
}
