/**
 * The renderer is served from `app://provex/`, never `file://`: a standard, secure scheme gives the
 * page a real origin for the CSP and the sender check, and confines it to dist/renderer.
 */
import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { contentTypeOf, lookupStatic, RENDERER_CSP } from '../server/staticFiles.js';

export const APP_SCHEME = 'app';
export const APP_HOST = 'provex';
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** True for URLs of our own renderer (`app://provex/...`). */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

/** Serves `rendererDir` on app://provex/ with the CSP on every response. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const headers = { 'Content-Security-Policy': RENDERER_CSP, 'X-Content-Type-Options': 'nosniff' };
    if (!isAppUrl(request.url)) return new Response('not found', { status: 404, headers });
    const found = await lookupStatic(rendererDir, new URL(request.url).pathname);
    if (found.kind !== 'file') return new Response(found.kind, { status: 404, headers });
    const body = await readFile(found.file);
    return new Response(body, { headers: { ...headers, 'Content-Type': contentTypeOf(found.file) } });
  });
}
