/**
 * The browser mode's only credential: a random token, given once in the printed URL. A request
 * carries it as `Authorization: Bearer <t>`, as the HttpOnly cookie set on the first page load, or
 * (GET only: page loads and EventSource) as `?token=`.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_COOKIE = 'provex_token';

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export type TokenSource = 'header' | 'cookie' | 'query';

/** Where the request presented the right token, or null when it did not. */
export function authenticate(req: IncomingMessage, url: URL, token: string): TokenSource | null {
  const header = req.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    // A wrong header is a wrong credential, even if a cookie would have matched.
    return match?.[1] !== undefined && sameToken(match[1], token) ? 'header' : null;
  }
  const cookie = readCookie(req.headers.cookie, TOKEN_COOKIE);
  if (cookie !== undefined && sameToken(cookie, token)) return 'cookie';
  const query = url.searchParams.get('token');
  if (req.method === 'GET' && query !== null && sameToken(query, token)) return 'query';
  return null;
}

/** The cookie that lets the page's later requests (fetch, EventSource, assets) through. */
export function tokenCookie(token: string): string {
  return `${TOKEN_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict`;
}

function readCookie(header: string | undefined, name: string): string | undefined {
  if (header === undefined) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** Constant-time comparison (hashing first makes the lengths equal). */
function sameToken(given: string, expected: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
