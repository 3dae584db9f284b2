import type { SessionId } from '../../shared/model/ids.js';
import type { SessionState } from './sessionState.js';
import type { ProvenanceTracker } from './tracker.js';
import type {
  DecisionOptions,
  EndOptions,
  EventOptions,
  ToolCallOptions,
  TrackToolCallOptions,
  TransformationOptions,
} from './trackerTypes.js';

/**
 * One started session. Its methods record on exactly this session, whatever the current async
 * context says: the explicit alternative to the tracker's context-based calls.
 */
export class SessionHandle {
  /** @internal */
  constructor(
    private readonly tracker: ProvenanceTracker,
    readonly state: SessionState,
  ) {}

  get id(): SessionId {
    return this.state.id as SessionId;
  }
  get folder(): string | null {
    return this.state.folder;
  }
  get depth(): number {
    return this.state.depth;
  }
  get parentId(): string | null {
    return this.state.parentId;
  }
  get agentType(): string {
    return this.state.agentType;
  }
  get ended(): boolean {
    return this.state.ended;
  }

  recordEvent(
    eventType: string,
    eventName: string,
    details: unknown = {},
    options: EventOptions = {},
  ): string | null {
    return this.tracker.recordEvent(eventType, eventName, details, { ...options, session: this });
  }

  log(message: string, level = 'INFO'): string | null {
    return this.tracker.log(message, level, { session: this });
  }

  recordToolCall(
    toolType: string,
    toolName: string,
    inputParams: unknown,
    options: ToolCallOptions = {},
  ): string | null {
    return this.tracker.recordToolCall(toolType, toolName, inputParams, { ...options, session: this });
  }

  recordDecision(
    decisionType: string,
    decisionPoint: string,
    inputValues: unknown,
    branchTaken: string | null,
    branchesAvailable: readonly unknown[],
    reason: string | null,
    options: DecisionOptions = {},
  ): string | null {
    return this.tracker.recordDecision(
      decisionType,
      decisionPoint,
      inputValues,
      branchTaken,
      branchesAvailable,
      reason,
      {
        ...options,
        session: this,
      },
    );
  }

  recordTransformation(
    transformationType: string,
    transformationName: string,
    inputData: unknown,
    outputData: unknown,
    method: string | null,
    options: TransformationOptions = {},
  ): string | null {
    return this.tracker.recordTransformation(
      transformationType,
      transformationName,
      inputData,
      outputData,
      method,
      {
        ...options,
        session: this,
      },
    );
  }

  linkEntity(entityTable: string, entityId: string, linkType: string): void {
    this.tracker.linkEntity(entityTable, entityId, linkType, { session: this });
  }

  trackToolCall<T>(
    toolType: string,
    toolName: string,
    inputParams: unknown,
    fn: () => T | Promise<T>,
    options: TrackToolCallOptions = {},
  ): Promise<T> {
    return this.tracker.trackToolCall(toolType, toolName, inputParams, fn, { ...options, session: this });
  }

  end(success: boolean, options: Omit<EndOptions, 'session'> = {}): Promise<void> {
    return this.tracker.endSession(success, { ...options, session: this });
  }
}
