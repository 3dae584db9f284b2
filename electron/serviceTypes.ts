/**
 * What the transports (Electron IPC, the HTTP server) need from `electron/service.ts`: one method
 * per contract key plus a typed event subscription. Tests implement it with a fake.
 */
import type { Args, CallKey, ContractHandlers, EventKey, Events, Result } from '../shared/ipc/contract.js';

export interface ContractService extends ContractHandlers {
  /** Subscribe to one event; returns the unsubscribe function. */
  on<E extends EventKey>(event: E, listener: (payload: Events[E]) => void): () => void;
}

/** A service that owns a workspace and must be closed (the desktop app closes it on quit). */
export interface ClosableService extends ContractService {
  close(): Promise<void>;
}

/** One typed dispatch for transports that iterate CALL_KEYS: the key picks the method. */
export function callService<K extends CallKey>(
  service: ContractService,
  key: K,
  args: Args<K>,
): Promise<Result<K>> {
  const method = service[key] as (args: Args<K>) => Promise<Result<K>>;
  return method.call(service, args);
}

/**
 * How a transport reports a thrown error. Errors marked `userFacing` (WorkspaceError, ArgsError…)
 * keep their message and their `status` (default 400); anything else is a 500, message kept too,
 * since both transports only serve the local user.
 */
export function errorOutcome(e: unknown): { status: number; error: string } {
  const err = e instanceof Error ? e : new Error(String(e));
  const marked = err as Error & { userFacing?: unknown; status?: unknown };
  const status =
    typeof marked.status === 'number' && marked.status >= 400 && marked.status < 600
      ? marked.status
      : marked.userFacing === true
        ? 400
        : 500;
  return { status, error: err.message || err.name };
}
