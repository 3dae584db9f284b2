/**
 * The sandboxed preload: exposes `window.provex`, one function per contract call key (generated
 * from CALL_KEYS, so nothing else can be reached) plus `on(event, listener)` for contract events.
 * The channel of a call or an event is its contract key. Bundled to one CommonJS file
 * (vite.config.ts beside this file): a sandboxed preload can only require 'electron'.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CALL_KEYS, EVENT_KEYS, type CallKey, type EventKey } from '../../shared/ipc/contract.js';
import { BRIDGE_NAME, type Outcome, type PreloadBridge, type Subscribe } from '../../shared/ipc/transport.js';

function invoker(key: CallKey) {
  return (args: unknown): Promise<Outcome<unknown>> => ipcRenderer.invoke(key, args);
}

const on: Subscribe = (event, listener) => {
  if (!EVENT_KEYS.includes(event as EventKey)) throw new Error(`provex: unknown event "${String(event)}"`);
  // Only the payload crosses into the page, never the IpcRendererEvent (it holds `sender`).
  const forward = (_e: IpcRendererEvent, payload: unknown) => listener(payload as never);
  ipcRenderer.on(event, forward);
  return () => {
    ipcRenderer.removeListener(event, forward);
  };
};

const bridge = Object.fromEntries([
  ...CALL_KEYS.map((key) => [key, invoker(key)]),
  ['on', on],
]) as PreloadBridge;

contextBridge.exposeInMainWorld(BRIDGE_NAME, bridge);
