/**
 * The ONLY renderer module that knows how it reaches the main process: the preload's
 * `window.provex` in the desktop app, HTTP + server-sent events in the browser mode.
 * Everything else imports `api` from here and calls `api.call('sessions/list', filter)`.
 */
import { BRIDGE_NAME, type PreloadBridge } from '../../../shared/ipc/transport.js';
import { bridgeApi } from './bridgeApi.js';
import { httpApi } from './httpApi.js';
import type { Api } from './types.js';

export { ApiError, type Api, type CallArgs } from './types.js';

/** The token of the printed `provex serve` URL, when the page was opened with it. */
function tokenFromPage(): string | null {
  if (typeof location === 'undefined') return null;
  return new URLSearchParams(location.search).get('token');
}

function pickTransport(): Api {
  const bridge = (globalThis as { [BRIDGE_NAME]?: PreloadBridge })[BRIDGE_NAME];
  if (bridge !== undefined) return bridgeApi(bridge);
  return httpApi({
    baseUrl: '',
    token: tokenFromPage(),
    fetch: (input, init) => fetch(input, init),
    // Read from globalThis so that merely importing this module never throws where it is missing.
    EventSource: globalThis.EventSource,
  });
}

export const api: Api = pickTransport();
