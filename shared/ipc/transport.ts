/**
 * What the three transports (IPC, HTTP, direct) agree on beyond the contract itself: the shape of
 * the object every side exposes, and how a call's outcome travels so that errors keep their message.
 */
import type { ContractHandlers, EventKey, Events } from './contract.js';

/** Subscribe to one event; returns the unsubscribe function. */
export type Subscribe = <E extends EventKey>(event: E, listener: (payload: Events[E]) => void) => () => void;

/** One async function per call key plus `on`: what the preload exposes as `window.provex`. */
export type ContractBridge = ContractHandlers & { on: Subscribe };

/**
 * A call's outcome over IPC. Electron rewrites errors thrown in `ipcMain.handle` into
 * "Error invoking remote method …", so the handler returns this and the preload rethrows.
 */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: string; status: number };

/** The global name of the preload bridge (`window.provex`). */
export const BRIDGE_NAME = 'provex';
