/**
 * The browser-mode transport: `POST /api/<key>` with fetch, events from one shared EventSource on
 * `/api/events`, opened on the first subscription and closed after the last one.
 */
import { EVENT_KEYS, type CallKey, type EventKey } from '../../../shared/ipc/contract.js';
import { ApiError, type Api } from './types.js';

/** The part of EventSource this module uses (so tests can pass their own). */
export interface EventSourceLike {
  addEventListener(type: string, listener: (event: { data: string }) => void): void;
  close(): void;
}

export interface HttpApiOptions {
  /** '' in the browser (same origin); an absolute origin in tests. */
  baseUrl: string;
  /** The token from the page URL, if any; otherwise the HttpOnly cookie carries it. */
  token: string | null;
  fetch: typeof fetch;
  EventSource: new (url: string) => EventSourceLike;
}

export function httpApi(options: HttpApiOptions): Api {
  const { baseUrl, token } = options;
  const listeners = new Map<EventKey, Set<(payload: never) => void>>();
  let source: EventSourceLike | null = null;

  function openSource(): EventSourceLike {
    const query = token === null ? '' : `?token=${encodeURIComponent(token)}`;
    const es = new options.EventSource(`${baseUrl}/api/events${query}`);
    for (const key of EVENT_KEYS) {
      es.addEventListener(key, (event) => {
        let payload: never;
        try {
          payload = JSON.parse(event.data) as never;
        } catch {
          return console.error(`provex: unreadable ${key} event`, event.data);
        }
        for (const fn of [...(listeners.get(key) ?? [])]) fn(payload);
      });
    }
    return es;
  }

  return {
    transport: 'http',
    async call(key, ...rest) {
      const args = rest[0];
      const headers: Record<string, string> = { 'Content-Type': 'application/json' };
      if (token !== null) headers.Authorization = `Bearer ${token}`;
      let response: Response;
      try {
        response = await options.fetch(`${baseUrl}/api/${key}`, {
          method: 'POST',
          headers,
          body: args === undefined ? '' : JSON.stringify(args),
          credentials: 'same-origin',
        });
      } catch (e) {
        throw new ApiError(key as CallKey, 0, `cannot reach provex serve (${(e as Error).message})`);
      }
      const text = await response.text();
      let body: unknown;
      try {
        body = text === '' ? null : JSON.parse(text);
      } catch {
        throw new ApiError(key as CallKey, response.status, `unreadable reply (HTTP ${response.status})`);
      }
      if (!response.ok) {
        const message = (body as { error?: unknown } | null)?.error;
        throw new ApiError(
          key as CallKey,
          response.status,
          typeof message === 'string' ? message : `HTTP ${response.status}`,
        );
      }
      return body as never;
    },
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      const fn = listener as (payload: never) => void;
      set.add(fn);
      source ??= openSource();
      return () => {
        set.delete(fn);
        if ([...listeners.values()].every((s) => s.size === 0)) {
          source?.close();
          source = null;
        }
      };
    },
  };
}
