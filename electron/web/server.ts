/**
 * Web mode: the built renderer and the contract over HTTP on loopback only.
 * POST /api/<name> with a JSON body; the same dispatcher as Electron IPC.
 *
 * Before a body is read, the call must exist and the session's role must allow it, and the body
 * must fit the call's own limit (the contract's maxBodyBytes); at most a few requests are read at
 * once, and only one large body. Sessions exist only for signed-in staff: a cookie is set at sign-in,
 * replaced by a new id at every role change, and public requests never create or evict one.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { expireIdleStaff, type Dispatcher } from '../core/dispatch';
import type { Session } from '../core/handlers';
import { contract, DEFAULT_MAX_BODY_BYTES, isCallName, roleAllows } from '../shared/contract';
import { httpStatusFor, type CallResult, type ErrorCode } from '../shared/errors';
import { securityHeaders, staticFileHeaders } from '../shared/static-files';
import { parseMediaPath, type MediaKind } from '../shared/media';
import { mediaHeaders, type MediaBytes } from '../core/media';

export interface WebServerOptions {
  dispatcher: Dispatcher;
  /** The built renderer (out/renderer). */
  staticDir: string;
  /** Largest request body accepted for any call, in bytes (each call also has its own limit in the contract). */
  maxBodyBytes?: number;
  /** Most API requests handled at once, and most of those with a body over the default limit. */
  maxInFlight?: number;
  maxLargeInFlight?: number;
  /** Most signed-in staff sessions kept (the oldest is signed out beyond it). */
  maxStaffSessions?: number;
  /** The clock for staff idle timeouts (the dispatcher's). */
  now?: () => number;
  /** Pictures and audio by content hash: GET /media/<kind>/<id> (core.media.resolveMedia). */
  media?: (kind: MediaKind, id: string) => MediaBytes | null;
}

const SESSION_COOKIE = 'kiosk_session';

function send(res: ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...securityHeaders, ...extra });
  res.end(body);
}

function sendResult(res: ServerResponse, result: CallResult<unknown>, extra: Record<string, string> = {}): void {
  const status = result.ok ? 200 : httpStatusFor[result.error.code];
  send(res, status, JSON.stringify(result), 'application/json; charset=utf-8', extra);
}

function fail(res: ServerResponse, code: ErrorCode, message: string): void {
  sendResult(res, { ok: false, error: { code, message } });
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.pause();
        resolveBody(null);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

export function createWebServer(options: WebServerOptions): Server {
  const root = resolve(options.staticDir);
  // Room for the largest content pack (200 MB, with recorded narration) in its JSON envelope.
  const maxBody = options.maxBodyBytes ?? 240 * 1024 * 1024;
  const maxInFlight = options.maxInFlight ?? 32;
  const maxLargeInFlight = options.maxLargeInFlight ?? 2;
  const maxStaffSessions = options.maxStaffSessions ?? 100;
  const now = options.now ?? Date.now;
  /** Signed-in staff sessions only, by cookie id. */
  const sessions = new Map<string, Session>();
  let inFlight = 0;
  let largeInFlight = 0;

  const server = createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) fail(res, 'INTERNAL', 'The request could not be handled.');
      else res.destroy();
    });
  });

  function allowedHost(req: IncomingMessage): boolean {
    const address = server.address();
    const port = address && typeof address === 'object' ? address.port : 0;
    const host = req.headers.host ?? '';
    return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // RFC 9112 section 3.2: a request with more than one Host header is answered with 400.
    const hosts = req.rawHeaders.filter((_, i) => i % 2 === 0 && req.rawHeaders[i]!.toLowerCase() === 'host').length;
    if (hosts > 1) return send(res, 400, JSON.stringify({ ok: false, error: { code: 'INVALID_INPUT', message: 'Send one Host header.' } }), 'application/json', { Connection: 'close' });
    if (!allowedHost(req)) return fail(res, 'FORBIDDEN', 'This kiosk only answers on 127.0.0.1 or localhost.');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/api/')) return api(req, res, url.pathname.slice(5));
    if (req.method !== 'GET' && req.method !== 'HEAD') return fail(res, 'NOT_FOUND', 'Only GET is served here.');
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return fail(res, 'INVALID_INPUT', 'The address has a malformed % escape.');
    }
    if (pathname.startsWith('/media/')) return media(req, res, pathname);
    return staticFile(res, pathname);
  }

  function media(req: IncomingMessage, res: ServerResponse, pathname: string): void {
    const wanted = parseMediaPath(pathname);
    const found = wanted && options.media ? options.media(wanted.kind, wanted.id) : null;
    if (!wanted || !found) return fail(res, 'NOT_FOUND', 'Not found.');
    res.writeHead(200, { ...securityHeaders, ...mediaHeaders(found, wanted.id) });
    res.end(req.method === 'HEAD' ? undefined : found.bytes);
  }

  /** Refuses a request without reading its body, and closes the connection once answered. */
  function refuse(req: IncomingMessage, res: ServerResponse, status: number, code: ErrorCode, message: string, extra: Record<string, string> = {}): void {
    res.on('finish', () => req.destroy());
    send(res, status, JSON.stringify({ ok: false, error: { code, message } }), 'application/json; charset=utf-8', { Connection: 'close', ...extra });
  }

  function sessionOf(req: IncomingMessage): { id: string | undefined; session: Session | undefined } {
    const id = cookie(req, SESSION_COOKIE);
    const session = id ? sessions.get(id) : undefined;
    if (id && session && expireIdleStaff(session, now())) sessions.delete(id);
    return { id, session: session && session.role !== 'public' ? session : undefined };
  }

  async function api(req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
    if (req.method !== 'POST') return send(res, 405, JSON.stringify({ ok: false, error: { code: 'INVALID_INPUT', message: 'Use POST.' } }), 'application/json', { Allow: 'POST' });
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `http://${req.headers.host}`) return fail(res, 'FORBIDDEN', 'Requests from other sites are refused.');
    if (!(req.headers['content-type'] ?? '').startsWith('application/json'))
      return send(res, 415, JSON.stringify({ ok: false, error: { code: 'INVALID_INPUT', message: 'Send JSON (Content-Type: application/json).' } }), 'application/json');
    // Nothing is read before the call, the caller's role and the size are known to be acceptable.
    if (!isCallName(name)) return refuse(req, res, 404, 'NOT_FOUND', `There is no call named "${name.slice(0, 60)}".`);
    const spec = contract[name];
    const found = sessionOf(req);
    const session: Session = found.session ?? { role: 'public', place: 'web' };
    if (!roleAllows(spec.role, session.role))
      return refuse(req, res, 401, 'UNAUTHORIZED', spec.role === 'admin' ? 'An admin must sign in for this.' : 'A staff member must sign in for this.');
    const limit = Math.min(maxBody, spec.maxBodyBytes);
    const large = limit > DEFAULT_MAX_BODY_BYTES;
    const declared = Number(req.headers['content-length'] ?? 0);
    const tooLarge = () => {
      const text = limit >= 1048576 ? `${Math.round(limit / 1048576)} MB` : limit >= 1024 ? `${Math.round(limit / 1024)} KB` : `${limit} bytes`;
      refuse(req, res, 413, 'INVALID_INPUT', `The request is larger than ${text}, the most "${name}" accepts.`);
    };
    if (!(declared <= limit)) return tooLarge();
    if (inFlight >= maxInFlight || (large && largeInFlight >= maxLargeInFlight))
      return refuse(req, res, 503, 'INTERNAL', 'The kiosk is busy. Please try again in a moment.', { 'Retry-After': '1' });
    inFlight += 1;
    if (large) largeInFlight += 1;
    try {
      const body = await readBody(req, limit);
      if (body === null) return tooLarge();
      let input: unknown;
      try {
        input = body.length ? JSON.parse(body.toString('utf8')) : {};
      } catch {
        return fail(res, 'INVALID_INPUT', 'The request body is not valid JSON.');
      }
      const roleBefore = session.role;
      const result = await options.dispatcher(name, input, { session });
      sendResult(res, result, cookieFor(found.id, session, roleBefore));
    } finally {
      inFlight -= 1;
      if (large) largeInFlight -= 1;
    }
  }

  /** A new session id at every role change (a planted id never gains staff rights); none for the public. */
  function cookieFor(oldId: string | undefined, session: Session, roleBefore: Session['role']): Record<string, string> {
    if (session.role === roleBefore) return {};
    if (oldId) sessions.delete(oldId);
    if (session.role === 'public') return oldId ? { 'Set-Cookie': `${SESSION_COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0` } : {};
    const id = randomBytes(24).toString('base64url');
    sessions.set(id, session);
    for (const [key, s] of sessions) if (expireIdleStaff(s, now()) || s.role === 'public') sessions.delete(key);
    while (sessions.size > maxStaffSessions) sessions.delete(sessions.keys().next().value as string);
    return { 'Set-Cookie': `${SESSION_COOKIE}=${id}; HttpOnly; SameSite=Strict; Path=/` };
  }

  async function staticFile(res: ServerResponse, pathname: string): Promise<void> {
    const target = resolve(join(root, pathname));
    if (target !== root && !target.startsWith(root + sep)) return fail(res, 'NOT_FOUND', 'Not found.');
    let file = target;
    const info = await stat(file).catch(() => null);
    if (!info || info.isDirectory()) {
      if (extname(pathname)) return fail(res, 'NOT_FOUND', 'Not found.');
      file = join(root, 'index.html');
    }
    const data = await readFile(file).catch(() => null);
    if (!data) return fail(res, 'NOT_FOUND', 'The kiosk pages are not built. Run "npm run build".');
    res.writeHead(200, staticFileHeaders(file));
    res.end(data);
  }

  return server;
}
