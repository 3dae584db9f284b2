/**
 * The built renderer as static files, shared by the browser mode and Electron's `app://` protocol:
 * URL path -> file inside the root (never outside it), content types, and the one CSP.
 */
import { realpathSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

/** The renderer's Content-Security-Policy (index.html carries the same as a meta tag). */
export const RENDERER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // React and Mermaid set inline style attributes; no inline scripts anywhere.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export type StaticLookup =
  { kind: 'file'; file: string; size: number } | { kind: 'not-found' } | { kind: 'refused'; reason: string };

/**
 * Maps an URL pathname (still percent-encoded, as in the request line) to a file inside `root`.
 * Refuses anything that could leave the root: `..` segments (raw or encoded), backslashes, NUL,
 * undecodable escapes, and symlinks pointing outside. `/` and extension-less paths that match no
 * file fall back to index.html, so the single-page app can be reloaded on any view.
 */
export async function lookupStatic(root: string, pathname: string): Promise<StaticLookup> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { kind: 'refused', reason: 'malformed percent-encoding' };
  }
  if (!decoded.startsWith('/')) return { kind: 'refused', reason: 'relative path' };
  if (decoded.includes('\0') || decoded.includes('\\')) return { kind: 'refused', reason: 'bad character' };
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s === '.')) return { kind: 'refused', reason: 'dot segment' };

  const realRoot = realpathSync(root);
  const relative = segments.length === 0 ? 'index.html' : segments.join('/');
  const found = await fileInside(realRoot, relative);
  if (found !== null) return found;
  if (segments.length > 0 && extname(relative) === '') {
    return (await fileInside(realRoot, 'index.html')) ?? { kind: 'not-found' };
  }
  return { kind: 'not-found' };
}

async function fileInside(realRoot: string, relative: string): Promise<StaticLookup | null> {
  const candidate = resolve(realRoot, relative);
  if (!isInside(realRoot, candidate)) return { kind: 'refused', reason: 'outside the root' };
  let real: string;
  try {
    real = realpathSync(candidate);
  } catch {
    return null;
  }
  if (!isInside(realRoot, real)) return { kind: 'refused', reason: 'symlink outside the root' };
  const info = await stat(real);
  if (!info.isFile()) return null;
  return { kind: 'file', file: real, size: info.size };
}

function isInside(root: string, candidate: string): boolean {
  return candidate.startsWith(root.endsWith(sep) ? root : root + sep);
}
