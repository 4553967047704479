/**
 * Web mode: the built renderer and the contract over HTTP on loopback only.
 * POST /api/<name> with a JSON body; the same dispatcher as Electron IPC.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { Dispatcher } from '../core/dispatch';
import type { Session } from '../core/handlers';
import { httpStatusFor, type CallResult, type ErrorCode } from '../shared/errors';
import { contentSecurityPolicy } from '../shared/csp';
import { contract, isCallName } from '../shared/contract';
import { parseMediaPath, type MediaKind } from '../shared/media';
import { mediaHeaders, type MediaItem } from '../core/media';

export interface WebServerOptions {
  dispatcher: Dispatcher;
  /** The built renderer (out/renderer). */
  staticDir: string;
  /** Largest request body accepted, in bytes. */
  maxBodyBytes?: number;
  /** Media served at GET /media/<kind>/<id> (the core's MediaRegistry). */
  media?: (kind: MediaKind, id: string) => MediaItem | null;
}

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

const SESSION_COOKIE = 'kiosk_session';

const securityHeaders = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

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
  // Room for the largest content pack (200 MB, with recorded narration) and its JSON envelope.
  const maxBody = options.maxBodyBytes ?? 210 * 1024 * 1024;
  const sessions = new Map<string, Session>();
  /** Sessions unused for an hour are forgotten, and there are never more than 1,000. */
  const pruneSessions = () => {
    const cutoff = Date.now() - 60 * 60 * 1000;
    for (const [key, s] of sessions) if ((s.lastSeen ?? 0) < cutoff && sessions.size > 1) sessions.delete(key);
    while (sessions.size > 1000) sessions.delete(sessions.keys().next().value as string);
  };

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
    if (!allowedHost(req)) return fail(res, 'FORBIDDEN', 'This kiosk only answers on 127.0.0.1 or localhost.');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/api/')) return api(req, res, url.pathname.slice(5));
    if (req.method !== 'GET' && req.method !== 'HEAD') return fail(res, 'NOT_FOUND', 'Only GET is served here.');
    if (url.pathname.startsWith('/media/')) return media(req, res, url.pathname);
    return staticFile(res, decodeURIComponent(url.pathname));
  }

  async function api(req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
    if (req.method !== 'POST') return send(res, 405, JSON.stringify({ ok: false, error: { code: 'INVALID_INPUT', message: 'Use POST.' } }), 'application/json', { Allow: 'POST' });
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `http://${req.headers.host}`) return fail(res, 'FORBIDDEN', 'Requests from other sites are refused.');
    if (!(req.headers['content-type'] ?? '').startsWith('application/json'))
      return send(res, 415, JSON.stringify({ ok: false, error: { code: 'INVALID_INPUT', message: 'Send JSON (Content-Type: application/json).' } }), 'application/json');
    const declared = Number(req.headers['content-length'] ?? 0);
    const callLimit = isCallName(name) ? contract[name].maxBodyBytes : undefined;
    const bodyLimit = callLimit !== undefined ? Math.min(callLimit, maxBody) : maxBody;
    const body = declared > bodyLimit ? null : await readBody(req, bodyLimit);
    if (body === null) {
      res.on('finish', () => req.destroy());
      const limit = bodyLimit >= 1048576 ? `${Math.round(bodyLimit / 1048576)} MB` : bodyLimit >= 1024 ? `${Math.round(bodyLimit / 1024)} KB` : `${bodyLimit} bytes`;
      return send(res, 413, JSON.stringify({ ok: false, error: { code: 'INVALID_INPUT', message: `The request is larger than ${limit}.` } }), 'application/json', { Connection: 'close' });
    }
    let input: unknown;
    try {
      input = body.length ? JSON.parse(body.toString('utf8')) : {};
    } catch {
      return fail(res, 'INVALID_INPUT', 'The request body is not valid JSON.');
    }
    let id = cookie(req, SESSION_COOKIE);
    let session = id ? sessions.get(id) : undefined;
    const extra: Record<string, string> = {};
    if (!id || !session) {
      id = randomBytes(24).toString('base64url');
      session = { role: 'public', lastSeen: Date.now() };
      sessions.set(id, session);
      pruneSessions();
      extra['Set-Cookie'] = `${SESSION_COOKIE}=${id}; HttpOnly; SameSite=Strict; Path=/`;
    }
    const result = await options.dispatcher(name, input, { session });
    sendResult(res, result, extra);
  }

  function media(req: IncomingMessage, res: ServerResponse, pathname: string): void {
    const target = parseMediaPath(pathname);
    const item = target ? (options.media?.(target.kind, target.id) ?? null) : null;
    if (!target || !item) return fail(res, 'NOT_FOUND', 'Not found.');
    res.writeHead(200, { ...securityHeaders, ...mediaHeaders(item, target.id) });
    res.end(req.method === 'HEAD' ? undefined : item.bytes);
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
    send(res, 200, data, mimeTypes[extname(file)] ?? 'application/octet-stream');
  }

  return server;
}
