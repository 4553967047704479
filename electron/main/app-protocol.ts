/**
 * The privileged app:// scheme that serves the built renderer (never file://). Every request
 * is resolved inside the renderer folder; anything that could point outside it (dot
 * segments, encoded slashes or dots, empty segments, drive letters, another host or scheme)
 * is refused before the path is touched. Every response carries the security headers of
 * electron/shared/static-files.ts (the Content-Security-Policy among them), as web mode's do.
 */
import { extname, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Protocol } from 'electron';
import { securityHeaders, staticFileHeaders } from '../shared/static-files';
import { parseMediaPath, type MediaKind } from '../shared/media';
import { mediaHeaders, type MediaItem } from '../core/media';

export const APP_SCHEME = 'app';
export const APP_HOST = 'kiosk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The attract screen: where the kiosk starts and where a crashed renderer comes back to. */
export const APP_HOME_URL = `${APP_ORIGIN}/`;
/** The page a hidden print window loads (PrintJobView). */
export const PRINT_JOB_URL = `${APP_ORIGIN}/#print-job`;

/** standard + secure gives app:// a real origin and a secure context; no bypassCSP. */
export const appSchemePrivileges = { standard: true, secure: true, supportFetchAPI: true } as const;

/** Must run before the app's `ready` event. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...appSchemePrivileges } }]);
}

/** True only for URLs whose origin is exactly app://kiosk (parsed, never a string prefix). */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
}

/** One path segment of a built renderer file: letters, digits and . _ @ + ~ -, never starting with a dot. */
const SAFE_SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9._@+~-]*$/;

/** The file an app:// URL names inside `root`, or null when it is refused. */
export function resolveAppPath(root: string, requestUrl: string): string | null {
  // Checked on the raw string first: URL parsing would silently drop "..", and we refuse instead.
  if (requestUrl !== APP_ORIGIN && !requestUrl.startsWith(`${APP_ORIGIN}/`)) return null;
  if (!isAppUrl(requestUrl)) return null;
  const rawPath = requestUrl.slice(APP_ORIGIN.length).split(/[?#]/)[0] ?? '';
  if (rawPath === '' || rawPath === '/') return resolve(root, 'index.html');
  // Encoded slash, backslash, dot or NUL, and raw backslashes, are never part of a real asset path.
  if (/%(2f|5c|2e|00)/i.test(rawPath) || rawPath.includes('\\')) return null;
  const segments = rawPath.slice(1).split('/');
  const decoded: string[] = [];
  for (const segment of segments) {
    let value: string;
    try {
      value = decodeURIComponent(segment);
    } catch {
      return null;
    }
    // Refuses "", ".", "..", hidden files, drive letters ("C:") and anything with a separator.
    if (!SAFE_SEGMENT.test(value)) return null;
    decoded.push(value);
  }
  const base = resolve(root);
  const target = resolve(base, ...decoded);
  if (!target.startsWith(base + sep)) return null;
  // The renderer routes with the hash (#print-job), so only real files are served.
  return extname(target) ? target : null;
}

/** Sent with every app:// response, files and errors alike. */
export const appResponseHeaders = securityHeaders;

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...appResponseHeaders, 'Content-Type': 'text/plain; charset=utf-8' } });
}

/** Reads a file:// URL (the shell passes Electron's net.fetch, which also reads inside app.asar). */
export type FileFetcher = (fileUrl: string) => Promise<Response>;

/** Finds served media by kind and id (the core's MediaRegistry), or null. */
export type MediaLookup = (kind: MediaKind, id: string) => MediaItem | null;
export type MediaSource = MediaLookup;

/** app://kiosk/media/<kind>/<id>: the media item, or null when the URL is not a media path. */
function mediaResponse(request: Request, media: MediaLookup): Response | null {
  if (!isAppUrl(request.url)) return null;
  const path = new URL(request.url).pathname;
  if (!path.startsWith('/media/')) return null;
  const target = parseMediaPath(path);
  const item = target ? media(target.kind, target.id) : null;
  if (!target || !item) return plain(404, 'Not found');
  const headers = new Headers({ ...appResponseHeaders, ...mediaHeaders(item, target.id) });
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(item.bytes), { status: 200, headers });
}

/** The app:// handler for protocol.handle: GET/HEAD of files under `root`, and media by kind and id. */
export function createAppProtocolHandler(root: string, fetchFile: FileFetcher, media: MediaLookup = () => null): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
    const served = mediaResponse(request, media);
    if (served) return served;
    const file = resolveAppPath(root, request.url);
    if (!file) return plain(404, 'Not found');
    let response: Response;
    try {
      response = await fetchFile(pathToFileURL(file).toString());
    } catch {
      return plain(404, 'Not found');
    }
    if (!response.ok) return plain(404, 'Not found');
    const headers = new Headers(staticFileHeaders(file));
    return new Response(request.method === 'HEAD' ? null : response.body, { status: 200, headers });
  };
}
