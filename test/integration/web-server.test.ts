import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createWebServer } from '../../electron/web/server';
import { openTestCore } from '../fixtures/core';
import { bundledLanguages, removeTempDirs, tempDir } from '../fixtures/content';
import { listenDuringTests, loopbackRequest } from '../fixtures/http';

const { core, dispatch } = openTestCore();
const staticDir = tempDir('kiosk-static-');
mkdirSync(join(staticDir, 'assets'));
writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>kiosk</title>');
writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
const server = createWebServer({ dispatcher: dispatch, staticDir, maxBodyBytes: 4096 });
const { port } = listenDuringTests(server, () => {
  core.close();
  removeTempDirs();
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(method: string, path: string, body?: string, headers: Record<string, string> = {}): Promise<Reply> {
  return loopbackRequest(port(), method, path, { ...(body !== undefined ? { body } : {}), headers });
}
const json = { 'Content-Type': 'application/json' };

describe('web mode HTTP adapter', () => {
  it('200 with the result envelope for a valid call', async () => {
    const r = await send('POST', '/api/listLocales', '{}', json);
    expect(r.status).toBe(200);
    const parsed = JSON.parse(r.body) as { ok: boolean; value: { code: string }[] };
    expect(parsed.ok).toBe(true);
    expect(parsed.value.map((l) => l.code)).toEqual(bundledLanguages);
  });

  it('400 INVALID_INPUT with the failing field', async () => {
    const r = await send('POST', '/api/getTopic', JSON.stringify({ procedureId: 'kyphoplasty', topicId: 42, locale: 'en' }), json);
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'topicId' } });
    const notJson = await send('POST', '/api/listLocales', '{nope', json);
    expect(notJson.status).toBe(400);
  });

  it('403 for a Host header that is not 127.0.0.1 or localhost (DNS rebinding)', async () => {
    const r = await send('POST', '/api/listLocales', '{}', { ...json, Host: `evil.example:${port()}` });
    expect(r.status).toBe(403);
    expect((await send('GET', '/', undefined, { Host: `localhost:${port()}` })).status).toBe(200);
  });

  it('403 for a cross-origin request, and never sends CORS headers', async () => {
    const r = await send('POST', '/api/listLocales', '{}', { ...json, Origin: 'http://evil.example' });
    expect(r.status).toBe(403);
    const ok = await send('POST', '/api/listLocales', '{}', json);
    expect(Object.keys(ok.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
  });

  it('404 for an unknown call or language, 405 for GET on the API, 415 for a form post, 413 for a huge body', async () => {
    expect((await send('POST', '/api/nope', '{}', json)).status).toBe(404);
    expect((await send('POST', '/api/listProcedures', '{"locale":"de"}', json)).status).toBe(404);
    expect((await send('GET', '/api/listLocales')).status).toBe(405);
    expect((await send('POST', '/api/listLocales', 'a=b', { 'Content-Type': 'application/x-www-form-urlencoded' })).status).toBe(415);
    expect((await send('POST', '/api/listProcedures', JSON.stringify({ locale: 'e'.repeat(10_000) }), json)).status).toBe(413);
  });

  it('serves the renderer with the CSP, falls back to index.html for routes, and refuses paths outside its folder', async () => {
    const page = await send('GET', '/walkthrough');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>kiosk</title>');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect((await send('GET', '/assets/app.js')).headers['content-type']).toMatch(/javascript/);
    expect((await send('GET', '/assets/missing.js')).status).toBe(404);
    const traversal = await send('GET', '/..%2f..%2fetc%2fpasswd');
    expect(traversal.body).not.toContain('root:');
  });

  it('gives staff an HttpOnly, SameSite=Strict session cookie at sign-in (and the public none)', async () => {
    core.staff.setPin('nurse', '246810');
    expect((await send('POST', '/api/getAppInfo', '{}', json)).headers['set-cookie']).toBeUndefined();
    const r = await send('POST', '/api/staffSignIn', '{"pin":"246810"}', json);
    expect(String(r.headers['set-cookie'])).toMatch(/kiosk_session=[\w-]+; HttpOnly; SameSite=Strict; Path=\//);
  });
});
