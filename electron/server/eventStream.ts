/**
 * `GET /api/events`: every contract event as a server-sent event (`event: <key>`, `data: <json>`),
 * with a comment line every `keepAliveMs` so proxies and browsers keep the stream open.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { EVENT_KEYS } from '../../shared/ipc/contract.js';
import type { ContractService } from '../serviceTypes.js';
import { sendError } from './http.js';

export interface EventStreams {
  open(req: IncomingMessage, res: ServerResponse): void;
  /** Ends every open stream (the server cannot close while they are open). */
  closeAll(): void;
}

export function eventStreams(service: ContractService, keepAliveMs: number): EventStreams {
  const open = new Set<() => void>();
  return {
    open(req, res) {
      if (req.method !== 'GET') {
        res.setHeader('Allow', 'GET');
        return sendError(res, 405, 'events: use GET');
      }
      res.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
        'X-Accel-Buffering': 'no',
      });
      const unsubscribe = EVENT_KEYS.map((key) =>
        service.on(key, (payload) => {
          res.write(`event: ${key}\ndata: ${JSON.stringify(payload)}\n\n`);
        }),
      );
      const ping = setInterval(() => res.write(': ping\n\n'), keepAliveMs);
      const end = () => {
        if (!open.delete(end)) return;
        clearInterval(ping);
        for (const off of unsubscribe) off();
        res.end();
      };
      open.add(end);
      req.on('close', end);
      // Subscribed before this first line, so a client that has read it cannot miss an event.
      res.write(`retry: 2000\n: connected\n\n`);
    },
    closeAll() {
      for (const end of [...open]) end();
    },
  };
}
