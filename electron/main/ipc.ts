/**
 * Registers every contract call on ipcMain through one wrapper: the sender frame must be
 * the app's own origin (app://kiosk), then the shared dispatcher validates the input with the
 * contract's zod schema and checks the role against the window's session. Nothing else is
 * ever registered on ipcMain (test/unit/electron-lifecycle.test.ts checks the whole shell).
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { callNames } from '../shared/contract';
import type { Session } from '../core/handlers';
import type { CallResult } from '../shared/errors';
import type { Dispatcher } from '../core/dispatch';
import type { SignInPlace } from '../shared/staff';
import { isAppUrl } from './app-protocol';

export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  const url = event.senderFrame?.url;
  return typeof url === 'string' && isAppUrl(url);
}

/**
 * One session per renderer (webContents id): public until staff sign in. A window signs in at the
 * kiosk's touch screen when kiosk mode is on, else at a workstation (each place has its own lock).
 */
export class WindowSessions {
  private readonly byId = new Map<number, Session>();
  constructor(private readonly place: () => SignInPlace = () => 'kiosk') {}
  get(id: number): Session {
    let s = this.byId.get(id);
    if (!s) this.byId.set(id, (s = { role: 'public', place: this.place() }));
    return s;
  }
  /** The session without creating one. */
  peek(id: number): Session | undefined {
    return this.byId.get(id);
  }
  /** Starts a window's session with a given state (hidden print windows). */
  begin(id: number, session: Session): void {
    this.byId.set(id, session);
  }
  end(id: number): void {
    this.byId.delete(id);
  }
}

const forbidden: CallResult<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'This call is only accepted from the kiosk itself.' },
};

export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, dispatcher: Dispatcher, sessions: WindowSessions): void {
  for (const name of callNames) {
    ipcMain.handle(name, async (event, input: unknown): Promise<CallResult<unknown>> => {
      if (!isTrustedSender(event)) return forbidden;
      return dispatcher(name, input, { session: sessions.get(event.sender.id) });
    });
  }
}
