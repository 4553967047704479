/** Every webContents and the session, hardened: navigation, windows, webviews, permissions, downloads, network. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Session, WebContents } from 'electron';
import { hardenSession, hardenWebContents } from '../../electron/main/hardening';
import { createRecordingLogger, FakeEvent, FakeSession, FakeWebContents, resetFakeElectron } from '../fixtures/fake-electron';

beforeEach(resetFakeElectron);

function hardened() {
  const contents = new FakeWebContents();
  const log = createRecordingLogger();
  hardenWebContents(contents as unknown as WebContents, log);
  return { contents, log };
}

describe('hardenWebContents', () => {
  it('prevents will-navigate away from the app and allows app://kiosk/', () => {
    const { contents, log } = hardened();
    expect(contents.fire('will-navigate', 'https://evil.example').defaultPrevented).toBe(true);
    expect(contents.fire('will-navigate', 'https://evil.example/phish?name=Zebulon').defaultPrevented).toBe(true);
    expect(contents.fire('will-navigate', 'file:///etc/passwd').defaultPrevented).toBe(true);
    expect(contents.fire('will-navigate', 'app://kiosk.evil.example/').defaultPrevented).toBe(true);
    expect(contents.fire('will-navigate', 'javascript:alert(1)').defaultPrevented).toBe(true);
    expect(contents.fire('will-navigate', 'app://kiosk/').defaultPrevented).toBe(false);
    expect(contents.fire('will-navigate', 'app://kiosk/#print-job').defaultPrevented).toBe(false);
    // Only scheme and host are logged, never a path or query.
    expect(log.text()).toContain('https://evil.example');
    expect(log.text()).not.toContain('Zebulon');
  });

  it('prevents redirects and frame navigations away from the app', () => {
    const { contents } = hardened();
    expect(contents.fire('will-redirect', 'https://evil.example/').defaultPrevented).toBe(true);
    expect(contents.fire('will-redirect', 'app://kiosk/index.html').defaultPrevented).toBe(false);
    const frameNav = new FakeEvent('https://evil.example/');
    contents.emit('will-frame-navigate', frameNav);
    expect(frameNav.defaultPrevented).toBe(true);
    const ownFrame = new FakeEvent('app://kiosk/');
    contents.emit('will-frame-navigate', ownFrame);
    expect(ownFrame.defaultPrevented).toBe(false);
  });

  it('denies every new window, even to the app itself', () => {
    const { contents } = hardened();
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'app://kiosk/' })).toEqual({ action: 'deny' });
  });

  it('prevents will-attach-webview', () => {
    const { contents } = hardened();
    expect(contents.fire('will-attach-webview', {}, { src: 'https://evil.example' }).defaultPrevented).toBe(true);
  });
});

describe('hardenSession', () => {
  function session() {
    const s = new FakeSession();
    const log = createRecordingLogger();
    hardenSession(s as unknown as Session, log);
    return { s, log };
  }

  it('resets earlier grants, then denies every permission request except fullscreen', async () => {
    const { s, log } = session();
    expect(s.handlerResets).toEqual(['permissionRequest']);
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'midi', 'display-capture', 'openExternal', 'pointerLock', 'unknown']) {
      expect(await s.requestPermission(p), p).toBe(false);
    }
    expect(await s.requestPermission('fullscreen')).toBe(true);
    expect(log.lines.filter((l) => l.event === 'permission denied').map((l) => l.fields?.permission)).toContain('media');
  });

  it('answers permission checks the same way and denies devices', () => {
    const { s } = session();
    expect(s.permissionCheckHandler?.({}, 'media')).toBe(false);
    expect(s.permissionCheckHandler?.({}, 'geolocation')).toBe(false);
    expect(s.permissionCheckHandler?.({}, 'fullscreen')).toBe(true);
    expect(s.devicePermissionHandler?.({ deviceType: 'usb' })).toBe(false);
  });

  it('allows the microphone (audio only, from app://kiosk) only where an admin is signed in; never the camera', async () => {
    const s = new FakeSession();
    const log = createRecordingLogger();
    const adminContents = { id: 1 };
    hardenSession(s as unknown as Session, log, (contents) => contents === (adminContents as unknown));
    const ask = (contents: unknown, details: Record<string, unknown>) => new Promise<boolean>((resolve) => s.permissionRequestHandler!(contents as never, 'media', resolve, details as never));
    expect(await ask(adminContents, { mediaTypes: ['audio'], requestingUrl: 'app://kiosk/' })).toBe(true);
    expect(await ask({ id: 2 }, { mediaTypes: ['audio'], requestingUrl: 'app://kiosk/' })).toBe(false);
    expect(await ask(adminContents, { mediaTypes: ['audio', 'video'], requestingUrl: 'app://kiosk/' })).toBe(false);
    expect(await ask(adminContents, { mediaTypes: ['video'], requestingUrl: 'app://kiosk/' })).toBe(false);
    expect(await ask(adminContents, { mediaTypes: ['audio'], requestingUrl: 'https://evil.example/' })).toBe(false);
    expect(await ask(adminContents, {})).toBe(false);
    const check = s.permissionCheckHandler as unknown as (c: unknown, p: string, o: string, d: unknown) => boolean;
    expect(check(adminContents, 'media', 'app://kiosk', { mediaType: 'audio' })).toBe(true);
    expect(check(adminContents, 'media', 'app://kiosk', { mediaType: 'video' })).toBe(false);
    expect(check({ id: 2 }, 'media', 'app://kiosk', { mediaType: 'audio' })).toBe(false);
  });

  it('refuses downloads', () => {
    const { s } = session();
    const e = new FakeEvent();
    s.emit('will-download', e, { getFilename: () => 'x.exe' }, {});
    expect(e.defaultPrevented).toBe(true);
  });

  it('blocks the network and turns the spell checker off', async () => {
    const { s } = session();
    expect(await s.requestCancelled('https://evil.example/x')).toBe(true);
    expect(await s.requestCancelled('http://127.0.0.1:8080/')).toBe(true);
    expect(await s.requestCancelled('wss://evil.example/socket')).toBe(true);
    expect(await s.requestCancelled('app://kiosk/index.html')).toBe(false);
    expect(s.spellChecker).toBe(false);
  });
});
