import type { JsonObject, JsonValue } from '../../shared/model/json.js';
import type { Instant } from './clock.js';
import type { GitState } from './environment.js';
import type {
  DecisionRecord,
  EntityLinkRecord,
  RuntimeEnvironment,
  ToolCallRecord,
  TrackedEvent,
  TransformationRecord,
} from './records.js';

export interface SessionEnd {
  at: Instant;
  iso: string;
  durationMs: number;
  success: boolean;
  resultSummary: JsonValue;
  errorMessage: string | null;
  git: GitState;
}

/**
 * Everything one running session has recorded, kept in memory until it ends (the `<uuid>.json`
 * manifest and the summary are written from it). One object per session: nothing is shared
 * between sessions, so concurrent sessions never mix (§12.1, §12.4).
 */
export class SessionState {
  counter = 0;
  readonly events: TrackedEvent[] = [];
  /** The action lines written for `events`, same order. */
  readonly lines: JsonObject[] = [];
  readonly toolCalls: ToolCallRecord[] = [];
  readonly decisions: DecisionRecord[] = [];
  readonly transformations: TransformationRecord[] = [];
  readonly links: EntityLinkRecord[] = [];
  readonly children: SessionState[] = [];
  /** Rows queued for the DB since the last flush request. */
  unflushed = 0;
  startEventId: string | null = null;
  end: SessionEnd | null = null;

  constructor(
    readonly id: string,
    readonly agentType: string,
    readonly query: string,
    readonly kwargs: JsonObject,
    readonly parent: SessionState | null,
    readonly parentId: string | null,
    readonly depth: number,
    readonly start: Instant,
    readonly startIso: string,
    /** Folder name under `sessions/` (unique: `YYYY-MM-DD-HH-MM[-n]`), null without file output. */
    readonly folder: string | null,
    readonly environment: RuntimeEnvironment,
    readonly gitBefore: GitState,
  ) {}

  get ended(): boolean {
    return this.end !== null;
  }

  get lastEventId(): string | null {
    return this.events[this.events.length - 1]?.event_id ?? null;
  }

  /** The innermost session on this session's parent chain that is still running. */
  get openAncestorOrSelf(): SessionState | null {
    if (!this.ended) return this;
    return this.parent ? this.parent.openAncestorOrSelf : null;
  }
}
