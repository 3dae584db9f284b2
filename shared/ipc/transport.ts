/**
 * What the Electron transport's two sides (main + preload, renderer api) agree on beyond the
 * contract: the shape of `window.provex`, and how a call's outcome travels so errors keep their
 * message and status.
 */
import type { Args, CallKey, EventKey, Events, Result } from './contract.js';

/** Subscribe to one event; returns the unsubscribe function. */
export type Subscribe = <E extends EventKey>(event: E, listener: (payload: Events[E]) => void) => () => void;

/**
 * A call's outcome over IPC. Electron rewrites errors thrown in `ipcMain.handle` into
 * "Error invoking remote method …", so the handler returns this and the renderer's api unwraps it.
 */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: string; status: number };

/**
 * What the preload exposes as `window.provex`: one function per call key, each resolving to an
 * Outcome (so the renderer gets the message and status, not Electron's rewritten error), plus `on`.
 */
export type PreloadBridge = { [K in CallKey]: (args: Args<K>) => Promise<Outcome<Result<K>>> } & {
  on: Subscribe;
};

/** The global name of the preload bridge (`window.provex`). */
export const BRIDGE_NAME = 'provex';
