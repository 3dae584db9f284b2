/** Branded ids: a session id cannot be passed where a task id is expected. */
export type Brand<T, B extends string> = T & { readonly __brand: B };

export type SessionId = Brand<string, 'SessionId'>;
export type EventId = Brand<string, 'EventId'>;
export type ProjectId = Brand<number, 'ProjectId'>;
export type SourceId = Brand<number, 'SourceId'>;
export type TaskId = Brand<string, 'TaskId'>;
export type ChainId = Brand<string, 'ChainId'>;

export const asSessionId = (s: string): SessionId => s as SessionId;
export const asEventId = (s: string): EventId => s as EventId;
export const asProjectId = (n: number): ProjectId => n as ProjectId;
export const asSourceId = (n: number): SourceId => n as SourceId;
export const asTaskId = (s: string): TaskId => s as TaskId;
export const asChainId = (s: string): ChainId => s as ChainId;
