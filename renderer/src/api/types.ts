import type { Args, CallKey, EventKey, Events, Result } from '../../../shared/ipc/contract.js';

/** Calls without arguments may omit them: `api.call('workspace/info')`. */
export type CallArgs<K extends CallKey> = [Args<K>] extends [void] ? [args?: Args<K>] : [args: Args<K>];

/** The renderer's whole view of the main process, whatever carries it. */
export interface Api {
  readonly transport: 'electron' | 'http';
  call<K extends CallKey>(key: K, ...args: CallArgs<K>): Promise<Result<K>>;
  /** Subscribe to one event; returns the unsubscribe function. */
  on<E extends EventKey>(event: E, listener: (payload: Events[E]) => void): () => void;
}

/** A failed call: the service's message, the HTTP-like status (400 bad input, 404, 500…) and the key. */
export class ApiError extends Error {
  constructor(
    readonly key: CallKey,
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}
