import fs from 'node:fs/promises';
import path from 'node:path';
import { APP_HOST, APP_RESPONSE_HEADERS, APP_SCHEME } from './policy.ts';

// Serves the built renderer for the app:// scheme. Plain Node, so the
// browser tests serve pages through exactly the same code and headers.

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

export interface AppResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** Map an app:// URL to a file under rootDir, refusing anything that escapes it. */
export function resolveAppPath(rootDir: string, url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const relative = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
  const root = path.resolve(rootDir);
  const resolved = path.resolve(root, relative);
  if (resolved !== root && !resolved.startsWith(root + path.sep)) return null;
  return resolved;
}

export async function serveAppRequest(rootDir: string, url: string): Promise<AppResponse> {
  const file = resolveAppPath(rootDir, url);
  const notFound = { status: 404, headers: { ...APP_RESPONSE_HEADERS, 'Content-Type': 'text/plain' }, body: Buffer.from('Not found') };
  if (!file) return notFound;
  try {
    const body = await fs.readFile(file);
    const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    return { status: 200, headers: { ...APP_RESPONSE_HEADERS, 'Content-Type': type }, body };
  } catch {
    return notFound;
  }
}
