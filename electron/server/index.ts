/**
 * The browser mode (`provex serve`): the contract over HTTP on the loopback interface, guarded by
 * a random token, plus the built renderer as static files. No framework: a handful of routes.
 */
import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ContractService } from '../serviceTypes.js';
import { handleApiCall } from './apiCall.js';
import { authenticate, newToken, tokenCookie } from './auth.js';
import { eventStreams } from './eventStream.js';
import { securityHeaders, sendError } from './http.js';
import { contentTypeOf, lookupStatic } from './staticFiles.js';

export interface ServerOptions {
  service: ContractService;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  /** 0 or absent: a random free port. */
  port?: number;
  /** A loopback address only (default 127.0.0.1): the token is not meant to cross a network. */
  host?: string;
  /** Default: 32 random bytes. */
  token?: string;
  /** Largest accepted request body (default 1 MiB). */
  bodyLimit?: number;
  /** Interval of the keep-alive comment on event streams (default 15 s). */
  keepAliveMs?: number;
  /** Where internal failures are reported (default console.error). */
  logError?: (message: string, error: unknown) => void;
}

export interface RunningServer {
  /** The address to open, token included (`http://127.0.0.1:PORT/?token=...`). */
  url: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);
const MIN_TOKEN_LENGTH = 16;

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK.has(host)) {
    throw new Error(`provex serve listens on loopback only (127.0.0.1, ::1); got --host ${host}`);
  }
  const token = options.token ?? newToken();
  if (token.length < MIN_TOKEN_LENGTH || !/^[\w.~-]+$/.test(token)) {
    throw new Error(`the token must be at least ${MIN_TOKEN_LENGTH} URL-safe characters`);
  }
  const bodyLimit = options.bodyLimit ?? 1024 * 1024;
  const streams = eventStreams(options.service, options.keepAliveMs ?? 15_000);
  const logError = options.logError ?? ((message: string, error: unknown) => console.error(message, error));

  const server = createServer((req, res) => {
    route(req, res).catch((e: unknown) => {
      logError('provex serve: request failed:', e);
      if (!res.headersSent) sendError(res, 500, 'internal error');
      else res.destroy();
    });
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    securityHeaders(res);
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      return sendError(res, 400, 'malformed request URL');
    }
    const auth = authenticate(req, url, token);
    if (auth === null) {
      res.setHeader('WWW-Authenticate', 'Bearer');
      return sendError(res, 401, 'missing or wrong token: open the URL printed by `provex serve`');
    }
    if (auth === 'query') res.setHeader('Set-Cookie', tokenCookie(token));

    if (url.pathname === '/api/events') return streams.open(req, res);
    if (url.pathname.startsWith('/api/')) {
      const key = url.pathname.slice('/api/'.length);
      return handleApiCall(options.service, key, req, res, { bodyLimit, logError });
    }
    return serveStatic(req, res, url);
  }

  async function serveStatic(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return sendError(res, 405, 'static files: use GET');
    }
    // The raw request path, not url.pathname: the URL parser would silently resolve `/../`.
    const rawPath = (req.url ?? '/').split(/[?#]/, 1)[0] ?? '/';
    const found = await lookupStatic(options.staticDir, rawPath);
    if (found.kind === 'refused') return sendError(res, 400, `refused path (${found.reason})`);
    if (found.kind === 'not-found') return sendError(res, 404, `not found: ${url.pathname}`);
    res.writeHead(200, {
      'Content-Type': contentTypeOf(found.file),
      'Content-Length': found.size,
      'Cache-Control': 'no-cache',
    });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(found.file).pipe(res);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  return {
    url: `http://${urlHost}:${address.port}/?token=${token}`,
    token,
    port: address.port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        streams.closeAll();
        server.close((e) => (e ? reject(e) : resolve()));
        server.closeIdleConnections();
      }),
  };
}
