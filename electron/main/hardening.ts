/**
 * Electron security checklist, applied to every webContents and session: navigation and new
 * windows denied, webviews refused, permissions denied except an allowlist, downloads refused.
 */
import type { Session, WebContents } from 'electron';
import { APP_ORIGIN } from './app-protocol';

export const allowedPermissions = new Set(['fullscreen']);

export function isAppUrl(url: string): boolean {
  return url === APP_ORIGIN || url.startsWith(`${APP_ORIGIN}/`);
}

export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(allowedPermissions.has(permission)));
  session.setPermissionCheckHandler((_contents, permission) => allowedPermissions.has(permission));
  session.on('will-download', (event) => event.preventDefault());
}
