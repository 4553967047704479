/**
 * Registers every contract call on ipcMain through one wrapper: the sender frame must be
 * the app's own origin, then the shared dispatcher validates input and checks the role.
 * Nothing else is ever registered on ipcMain.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { callNames } from '../shared/contract';
import type { Session } from '../core/handlers';
import type { CallResult } from '../shared/errors';
import type { Dispatcher } from '../core/dispatch';
import { APP_ORIGIN } from './app-protocol';

export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  const url = event.senderFrame?.url;
  if (!url) return false;
  try {
    return new URL(url).origin === APP_ORIGIN || url.startsWith(`${APP_ORIGIN}/`);
  } catch {
    return false;
  }
}

/** One session per renderer (webContents id): public until staff sign in. */
export class WindowSessions {
  private readonly byId = new Map<number, Session>();
  get(id: number): Session {
    let s = this.byId.get(id);
    if (!s) this.byId.set(id, (s = { role: 'public' }));
    return s;
  }
  end(id: number): void {
    this.byId.delete(id);
  }
}

export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, dispatcher: Dispatcher, sessions: WindowSessions): void {
  for (const name of callNames) {
    ipcMain.handle(name, async (event, input: unknown): Promise<CallResult<unknown>> => {
      if (!isTrustedSender(event)) return { ok: false, error: { code: 'FORBIDDEN', message: 'This call is only accepted from the kiosk itself.' } };
      return dispatcher(name, input, { session: sessions.get(event.sender.id) });
    });
  }
}
