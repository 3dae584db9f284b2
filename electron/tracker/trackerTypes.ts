import type { JsonObject } from '../../shared/model/json.js';
import type { SessionHandle } from './sessionHandle.js';

/** Options of the tracker's record calls. */
export interface Targeted {
  /** Record on this session instead of the current one. */
  session?: SessionHandle;
}
export interface StartOptions {
  /** The parent session; default the current session; `null` for a root session. */
  parent?: SessionHandle | string | null;
}
export interface EndOptions extends Targeted {
  result?: unknown;
  error?: unknown;
}
export interface EventOptions extends Targeted {
  durationMs?: number | null;
  filesAffected?: string[];
  relatedEventId?: string | null;
}
export interface ToolCallOptions extends Targeted {
  output?: unknown;
  durationMs?: number | null;
  cacheHit?: boolean;
  /** Default: false when `error` is given, else true. */
  success?: boolean;
  error?: unknown;
}
export interface TrackToolCallOptions extends Targeted {
  cacheHit?: boolean;
  /** Store the block's result as `output_data` (trimmed by the detail level); default true. */
  captureOutput?: boolean;
}
export interface DecisionOptions extends Targeted {
  conditionEvaluated?: string | null;
}
export interface TransformationOptions extends Targeted {
  parameters?: unknown;
  durationMs?: number | null;
}

/** What an event carries besides type, name and details. */
export interface EventExtras {
  eventId?: string;
  durationMs?: number | null;
  relatedEventId?: string | null;
  /** Set for failures (§12.8). */
  error?: string | null;
  filesAffected?: string[];
}

/** The event a record is announced by (recorded right after the record, with the pre-made id). */
export interface AnnouncingEvent {
  type: string;
  name: string;
  details: JsonObject;
  extras: EventExtras;
}

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** A measured duration as whole milliseconds, or null when not measured. */
export function toMs(v: number | null | undefined): number | null {
  return v === undefined || v === null || !Number.isFinite(v) ? null : Math.trunc(v);
}
