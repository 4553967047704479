/**
 * Electron's security checklist, applied to every webContents (app 'web-contents-created')
 * and to the session: navigation and redirects only within app://kiosk, new windows denied,
 * webviews refused, permissions denied except an allowlist, downloads refused, no network.
 */
import type { Session, WebContents } from 'electron';
import { isAppUrl } from './app-protocol';
import type { KioskLogger } from './logging';

export { isAppUrl };

/**
 * The only permission any page gets. speechSynthesis (read aloud) needs none; microphone,
 * camera, location, notifications, clipboard reads, MIDI, HID/serial/USB and the rest are denied.
 * The one exception is the microphone (audio only) for the admin screen, to record narration.
 */
export const allowedPermissions: ReadonlySet<string> = new Set(['fullscreen']);

/** True when an admin is signed in on this page right now (the admin screen). */
export type AdminCheck = (contents: WebContents | null) => boolean;

/** Microphone only, never the camera or the screen, and only from app://kiosk. */
function audioOnly(details: { mediaTypes?: string[]; requestingUrl?: string } | undefined): boolean {
  const types = details?.mediaTypes ?? [];
  return types.length > 0 && types.every((t) => t === 'audio') && isAppUrl(details?.requestingUrl ?? '');
}

/** Scheme and host only: enough to see what was refused, never a path or query. */
function where(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}`;
  } catch {
    return 'unparseable';
  }
}

export function hardenWebContents(contents: WebContents, log: KioskLogger): void {
  contents.on('will-navigate', (event, url) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    log.warn('navigation blocked', { to: where(url) });
  });
  contents.on('will-frame-navigate', (event) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    log.warn('frame navigation blocked', { to: where(event.url) });
  });
  contents.on('will-redirect', (event, url) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    log.warn('redirect blocked', { to: where(url) });
  });
  contents.setWindowOpenHandler(({ url }) => {
    log.warn('new window blocked', { to: where(url) });
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('webview blocked');
  });
  contents.on('preload-error', (_event, _path, error) => log.error('preload failed', { errorName: error.name }));
}

export function hardenSession(session: Session, log: KioskLogger, isAdmin: AdminCheck = () => false): void {
  // Reset first, so nothing granted before this point survives.
  session.setPermissionRequestHandler(null);
  session.setPermissionRequestHandler((contents, permission, callback, details) => {
    const microphone = permission === 'media' && audioOnly(details as { mediaTypes?: string[]; requestingUrl?: string }) && isAdmin(contents);
    const allowed = allowedPermissions.has(permission) || microphone;
    if (!allowed) log.warn('permission denied', { permission });
    callback(allowed);
  });
  session.setPermissionCheckHandler(
    (contents, permission, _origin, details) =>
      allowedPermissions.has(permission) || (permission === 'media' && (details as { mediaType?: string } | undefined)?.mediaType === 'audio' && isAdmin(contents)),
  );
  session.setDevicePermissionHandler(() => false);
  // No spell-check dictionaries are downloaded (the kiosk is offline) and no typed text is checked.
  session.setSpellCheckerEnabled(false);
  session.on('will-download', (event) => {
    event.preventDefault();
    log.warn('download refused');
  });
  // The kiosk works offline: pages never reach the network, whatever a page might try.
  session.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*'] }, (details, callback) => {
    log.warn('network request blocked', { to: where(details.url) });
    callback({ cancel: true });
  });
}
