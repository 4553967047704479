/** The built renderer's files are served alike by app:// (Electron) and web mode: one media-type table, one set of headers. */
import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createWebServer } from '../../electron/web/server';
import { APP_ORIGIN, createAppProtocolHandler } from '../../electron/main/app-protocol';
import { contentSecurityPolicy } from '../../electron/shared/csp';
import { net } from '../fixtures/fake-electron';
import { removeTempDirs, tempDir } from '../fixtures/content';
import { listenDuringTests, loopbackRequest } from '../fixtures/http';

/** What a browser must be told for each kind of file the renderer build can hold. */
const expected: Record<string, string> = {
  'assets/index-x1.mjs': 'text/javascript; charset=utf-8',
  'assets/photo-x1.jpg': 'image/jpeg',
  'assets/noto-sans-x1.ttf': 'font/ttf',
  'assets/licenses-x1.txt': 'text/plain; charset=utf-8',
  'assets/noto-sans-x1.woff2': 'font/woff2',
  'assets/strings-x1.json': 'application/json; charset=utf-8',
  'assets/logo-x1.svg': 'image/svg+xml',
  'assets/chime-x1.wav': 'audio/wav',
  'index.html': 'text/html; charset=utf-8',
};

const root = tempDir('kiosk-static-');
mkdirSync(join(root, 'assets'));
for (const file of Object.keys(expected)) writeFileSync(join(root, file), `contents of ${file}`);

const server = createWebServer({ dispatcher: async () => ({ ok: false, error: { code: 'NOT_FOUND', message: 'no calls here' } }), staticDir: root });
const { port } = listenDuringTests(server, removeTempDirs);

async function webGet(path: string): Promise<{ status: number; headers: Record<string, string>; body: string }> {
  const { status, headers, body } = await loopbackRequest(port(), 'GET', path);
  return { status, headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, String(v)])), body };
}

/** Headers that belong to the HTTP connection, not to the file. */
const transportHeaders = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length']);
const appHandler = createAppProtocolHandler(root, (url) => net.fetch(url));

describe('static files in Electron (app://) and web mode', () => {
  for (const [file, type] of Object.entries(expected)) {
    it(`serves ${file} as ${type} with the same headers from both`, async () => {
      const app = await appHandler(new Request(`${APP_ORIGIN}/${file}`));
      const web = await webGet(`/${file}`);
      expect(app.status).toBe(200);
      expect(web.status).toBe(200);
      expect(await app.text()).toBe(`contents of ${file}`);
      expect(web.body).toBe(`contents of ${file}`);
      const appHeaders = Object.fromEntries([...app.headers].map(([k, v]) => [k.toLowerCase(), v]));
      const webHeaders = Object.fromEntries(Object.entries(web.headers).filter(([k]) => !transportHeaders.has(k)));
      expect(appHeaders['content-type']).toBe(type);
      expect(webHeaders['content-type']).toBe(type);
      expect(appHeaders).toEqual(webHeaders);
      expect(appHeaders).toMatchObject({
        'content-security-policy': contentSecurityPolicy,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'cross-origin-opener-policy': 'same-origin',
        'cross-origin-resource-policy': 'same-origin',
        'x-frame-options': 'DENY',
        'cache-control': 'no-store',
      });
    });
  }
});
