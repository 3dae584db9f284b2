/** The Electron transport: `window.provex`, exposed by the preload, one function per call key. */
import type { CallKey } from '../../../shared/ipc/contract.js';
import type { Outcome, PreloadBridge } from '../../../shared/ipc/transport.js';
import { ApiError, type Api } from './types.js';

export function bridgeApi(bridge: PreloadBridge): Api {
  return {
    transport: 'electron',
    async call(key, ...rest) {
      const send = bridge[key] as (args: unknown) => Promise<Outcome<unknown>>;
      const outcome = await send(rest[0]);
      if (!outcome.ok) throw new ApiError(key as CallKey, outcome.status, outcome.error);
      return outcome.value as never;
    },
    on: (event, listener) => bridge.on(event, listener),
  };
}
