/** The app:// scheme: registered privileged (no bypassCSP), serves only files under its root, with the CSP. */
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { contentSecurityPolicy } from '../../electron/shared/csp';
import { APP_ORIGIN, createAppProtocolHandler, isAppUrl, registerAppScheme, resolveAppPath } from '../../electron/main/app-protocol';
import { net, protocol, resetFakeElectron } from '../fixtures/fake-electron';
import { removeTempDirs, tempDir } from '../fixtures/content';

const root = tempDir('kiosk-renderer-');
mkdirSync(join(root, 'assets'));
writeFileSync(join(root, 'index.html'), '<!doctype html><title>Clinic Kiosk</title>');
writeFileSync(join(root, 'assets', 'index-AbC_12-x.js'), 'console.log(1)');
writeFileSync(join(root, 'assets', 'noto-sans-latin-400-normal-Bx7z.woff2'), 'font');
afterAll(removeTempDirs);
beforeEach(resetFakeElectron);

describe('resolveAppPath', () => {
  it('serves index.html for the origin and files inside the root', () => {
    expect(resolveAppPath(root, `${APP_ORIGIN}/`)).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, APP_ORIGIN)).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, `${APP_ORIGIN}/#print-job`)).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, `${APP_ORIGIN}/index.html`)).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, `${APP_ORIGIN}/assets/index-AbC_12-x.js`)).toBe(join(root, 'assets', 'index-AbC_12-x.js'));
    expect(resolveAppPath(root, `${APP_ORIGIN}/assets/noto-sans-latin-400-normal-Bx7z.woff2?v=1`)).toBe(join(root, 'assets', 'noto-sans-latin-400-normal-Bx7z.woff2'));
  });

  const refused = [
    'app://kiosk/../../etc/passwd',
    'app://kiosk/assets/../../../etc/passwd',
    'app://kiosk/%2e%2e%2fetc%2fpasswd',
    'app://kiosk/%2E%2E/%2E%2E/etc/passwd',
    'app://kiosk/..%2F..%2Fetc%2Fpasswd',
    'app://kiosk/..%5C..%5Cwindows%5Cwin.ini',
    'app://kiosk/assets%2findex.js',
    'app://kiosk//etc/passwd',
    'app://kiosk/assets//index-AbC_12-x.js',
    'app://kiosk/C:/Windows/win.ini',
    'app://kiosk/C:%5CWindows%5Cwin.ini',
    'app://kiosk/\\etc\\passwd',
    'app://kiosk/.env',
    'app://kiosk/index.html%00.js',
    'app://kiosk/etc/passwd',
    'app://evil/index.html',
    'app://kiosk.evil.example/index.html',
    'app://kiosk@evil.example/index.html',
    'app://kiosk:8080/index.html',
    'file:///etc/passwd',
    'https://kiosk/index.html',
    'not a url',
  ];
  for (const url of refused) {
    it(`refuses ${url}`, () => {
      expect(resolveAppPath(root, url)).toBeNull();
    });
  }

  it('never resolves outside the root, whatever the input', () => {
    const samples = ['a', '..', '.', '%2e', '%2f', '/', '\\', 'C:', 'x.js', '%00', '~', '@'];
    for (const a of samples) for (const b of samples) for (const c of samples) {
      const file = resolveAppPath(root, `${APP_ORIGIN}/${a}/${b}${c}`);
      if (file !== null) expect(file.startsWith(root + sep)).toBe(true);
    }
  });
});

describe('isAppUrl (origin check used for navigation and IPC senders)', () => {
  it('compares the parsed origin, not a prefix', () => {
    expect(isAppUrl('app://kiosk/')).toBe(true);
    expect(isAppUrl('app://kiosk/#print-job')).toBe(true);
    expect(isAppUrl('app://kiosk.evil.example/')).toBe(false);
    expect(isAppUrl('app://kiosk@evil.example/')).toBe(false);
    expect(isAppUrl('app://user:pw@kiosk/')).toBe(false);
    expect(isAppUrl('https://evil.example/app://kiosk/')).toBe(false);
    expect(isAppUrl('file:///app/kiosk/index.html')).toBe(false);
    expect(isAppUrl('')).toBe(false);
  });
});

describe('registerAppScheme', () => {
  it('registers app:// as standard and secure before ready, without bypassing the CSP', () => {
    registerAppScheme(protocol as never);
    expect(protocol.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(protocol.privileged[0]?.privileges).not.toHaveProperty('bypassCSP');
  });
});

describe('the app:// handler', () => {
  const fetchFile = vi.fn((url: string) => net.fetch(url));
  const handler = createAppProtocolHandler(root, fetchFile);
  beforeEach(() => {
    fetchFile.mockClear();
  });

  it('serves the renderer with the Content-Security-Policy header and a content type', async () => {
    const res = await handler(new Request(`${APP_ORIGIN}/`));
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Security-Policy')).toBe(contentSecurityPolicy);
    expect(res.headers.get('Content-Type')).toMatch(/^text\/html/);
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(await res.text()).toContain('Clinic Kiosk');
    const js = await handler(new Request(`${APP_ORIGIN}/assets/index-AbC_12-x.js`));
    expect(js.headers.get('Content-Type')).toMatch(/^text\/javascript/);
    const font = await handler(new Request(`${APP_ORIGIN}/assets/noto-sans-latin-400-normal-Bx7z.woff2`));
    expect(font.headers.get('Content-Type')).toBe('font/woff2');
  });

  it('serves media/<kind>/<id> from the media registry with a long cache, and 404 for anything else there', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>');
    const media = createAppProtocolHandler(root, fetchFile, (kind, id) => (kind === 'illustration' && id === '0123456789abcdef0123456789abcdef.svg' ? { mime: 'image/svg+xml', bytes: svg } : null));
    const res = await media(new Request(`${APP_ORIGIN}/media/illustration/0123456789abcdef0123456789abcdef.svg`));
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('image/svg+xml');
    expect(res.headers.get('Cache-Control')).toBe('private, max-age=31536000, immutable');
    expect(res.headers.get('Content-Security-Policy')).toBe(contentSecurityPolicy);
    expect(Buffer.from(await res.arrayBuffer()).equals(svg)).toBe(true);
    for (const path of ['media/illustration/ffffffffffffffff.svg', 'media/speech/0123456789abcdef0123456789abcdef.svg', 'media/illustration/..%2findex.html', 'media/other/0123456789abcdef']) {
      const miss = await media(new Request(`${APP_ORIGIN}/${path}`));
      expect(miss.status, path).toBe(404);
      expect(miss.headers.get('Cache-Control'), path).toBeNull();
    }
    expect(fetchFile).not.toHaveBeenCalled();
  });

  it('answers 404 for refused paths without reading anything', async () => {
    for (const url of ['app://kiosk/%2e%2e%2fetc%2fpasswd', 'app://kiosk/..%2F..%2Fetc%2Fpasswd', 'app://kiosk/C:/Windows/win.ini', 'app://evil/index.html']) {
      const res = await handler(new Request(url));
      expect(res.status, url).toBe(404);
      expect(res.headers.get('Content-Security-Policy')).toBe(contentSecurityPolicy);
    }
    expect(fetchFile).not.toHaveBeenCalled();
  });

  it('answers 404 for a missing file and 405 for anything but GET/HEAD', async () => {
    expect((await handler(new Request(`${APP_ORIGIN}/assets/missing.js`))).status).toBe(404);
    expect((await handler(new Request(`${APP_ORIGIN}/index.html`, { method: 'POST', body: 'x' }))).status).toBe(405);
    const head = await handler(new Request(`${APP_ORIGIN}/index.html`, { method: 'HEAD' }));
    expect(head.status).toBe(200);
  });
});

describe('media over app://', () => {
  const wav = Buffer.concat([Buffer.from('RIFF\u0024\u0000\u0000\u0000WAVEfmt ', 'latin1'), Buffer.alloc(32)]);
  const id = `${'ab'.repeat(32)}.wav`;
  const fetchFile = vi.fn((url: string) => net.fetch(url));
  const handler = createAppProtocolHandler(root, fetchFile, (kind, mediaId) => (kind === 'narration' && mediaId === id ? { mime: 'audio/wav', bytes: wav } : null));

  it('serves app://kiosk/media/narration/<sha256>.wav with its type, immutable caching and the CSP, without touching files', async () => {
    const res = await handler(new Request(`${APP_ORIGIN}/media/narration/${id}`));
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('audio/wav');
    expect(res.headers.get('Cache-Control')).toBe('private, max-age=31536000, immutable');
    expect(res.headers.get('Content-Security-Policy')).toBe(contentSecurityPolicy);
    expect(Buffer.from(await res.arrayBuffer()).equals(wav)).toBe(true);
    expect(fetchFile).not.toHaveBeenCalled();
  });

  it('answers 404 for unknown ids, other kinds and malformed media paths', async () => {
    for (const path of [`/media/narration/${'cd'.repeat(32)}.wav`, `/media/other/${id}`, '/media/narration/..%2f..%2flocal.db', '/media/narration/NOTHEX.wav', `/media/narration/${id}/x`]) {
      const res = await handler(new Request(`${APP_ORIGIN}${path}`));
      expect(res.status, path).toBe(404);
    }
    expect(fetchFile).not.toHaveBeenCalled();
  });
});
