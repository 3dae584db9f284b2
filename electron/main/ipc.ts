/**
 * The contract over Electron IPC. The channel of a call or an event is its contract key; these
 * two typed helpers are the only places that touch ipcMain / webContents.send.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent, type WebContents } from 'electron';
import {
  CALL_KEYS,
  EVENT_KEYS,
  type Args,
  type CallKey,
  type EventKey,
  type Events,
  type Result,
} from '../../shared/ipc/contract.js';
import type { Outcome } from '../../shared/ipc/transport.js';
import { validateArgs } from '../../shared/ipc/validateArgs.js';
import { callService, errorOutcome, type ContractService } from '../serviceTypes.js';
import { isAppUrl } from './appProtocol.js';

/** Only our window's top frame, showing our renderer, may call. */
export function isTrustedSender(event: IpcMainInvokeEvent, win: BrowserWindow | null): boolean {
  const frame = event.senderFrame;
  if (!win || win.isDestroyed() || !frame) return false;
  return event.sender.id === win.webContents.id && frame.parent === null && isAppUrl(frame.url);
}

/** Registers one key: sender checked, payload validated, errors returned as an Outcome. */
function handle<K extends CallKey>(
  key: K,
  run: (args: Args<K>) => Promise<Result<K>>,
  trusted: (event: IpcMainInvokeEvent) => boolean,
): void {
  ipcMain.handle(key, async (event, raw: unknown): Promise<Outcome<Result<K>>> => {
    if (!trusted(event)) {
      console.error(
        `provex: refused ${key} from an untrusted sender (${event.senderFrame?.url ?? 'no frame'})`,
      );
      return { ok: false, error: 'refused: untrusted sender', status: 403 };
    }
    try {
      return { ok: true, value: await run(validateArgs(key, raw)) };
    } catch (e) {
      const outcome = errorOutcome(e);
      if (outcome.status >= 500) console.error(`provex: ${key} failed:`, e);
      return { ok: false, ...outcome };
    }
  });
}

/** Every contract key, handled by the service. */
export function registerContract(
  service: ContractService,
  trusted: (event: IpcMainInvokeEvent) => boolean,
): void {
  for (const key of CALL_KEYS) handle(key, (args) => callService(service, key, args), trusted);
}

/** Sends one contract event to a renderer. */
export function sendEvent<E extends EventKey>(contents: WebContents, event: E, payload: Events[E]): void {
  if (!contents.isDestroyed()) contents.send(event, payload);
}

/** Forwards every service event to the current window; returns the unsubscribe. */
export function forwardEvents(service: ContractService, target: () => WebContents | null): () => void {
  const offs = EVENT_KEYS.map((key) =>
    service.on(key, (payload) => {
      const contents = target();
      if (contents) sendEvent(contents, key, payload);
    }),
  );
  return () => offs.forEach((off) => off());
}
