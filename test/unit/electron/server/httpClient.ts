/** A raw node:http client for the server tests: exact request paths (no URL normalisation). */
import { request as httpRequest, type IncomingMessage } from 'node:http';

export interface Reply {
  status: number;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface RequestOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  host?: string;
}

export function request(port: number, path: string, options: RequestOptions = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: options.host ?? '127.0.0.1',
        port,
        path,
        method: options.method ?? 'GET',
        headers: options.headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** POST /api/<key> with a JSON body. */
export function post(port: number, token: string, key: string, args: unknown): Promise<Reply> {
  return request(port, `/api/${key}`, {
    method: 'POST',
    headers: { ...bearer(token), 'content-type': 'application/json' },
    body: args === undefined ? '' : JSON.stringify(args),
  });
}

/** An open server-sent-events stream: `next(predicate)` resolves with the first matching block. */
export interface SseStream {
  next(predicate: (block: string) => boolean): Promise<string>;
  close(): void;
}

export function openEvents(port: number, path: string, headers: Record<string, string>): Promise<SseStream> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, headers }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`events: HTTP ${res.statusCode}`));
      let buffer = '';
      const blocks: string[] = [];
      let waiter: { predicate: (b: string) => boolean; resolve: (b: string) => void } | null = null;
      const deliver = () => {
        if (!waiter) return;
        const i = blocks.findIndex(waiter.predicate);
        if (i < 0) return;
        const [block] = blocks.splice(0, i + 1).slice(-1);
        const w = waiter;
        waiter = null;
        w.resolve(block!);
      };
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          blocks.push(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
        deliver();
      });
      resolve({
        next: (predicate) =>
          new Promise((res2) => {
            waiter = { predicate, resolve: res2 };
            deliver();
          }),
        close: () => req.destroy(),
      });
    });
    req.on('error', (e) => {
      if ((e as NodeJS.ErrnoException).code !== 'ECONNRESET') reject(e);
    });
    req.end();
  });
}
