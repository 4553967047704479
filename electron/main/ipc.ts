/**
 * Every IPC channel goes through one wrapper (handleFromApp): the sender frame must be the
 * app's own origin (app://kiosk). The contract calls then go to the shared dispatcher, which
 * validates the input with the contract's zod schema and checks the role against the window's
 * session. The only other channel is the print windows' own (printing.ts); nothing else is
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
  /** Starts a window's session with a given state. */
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

/** Registers one channel: a frame that is not the app's own is refused before `handler` runs. */
export function handleFromApp(
  ipcMain: Pick<IpcMain, 'handle'>,
  channel: string,
  handler: (event: IpcMainInvokeEvent, input: unknown) => CallResult<unknown> | Promise<CallResult<unknown>>,
): void {
  ipcMain.handle(channel, async (event, input: unknown): Promise<CallResult<unknown>> => (isTrustedSender(event) ? handler(event, input) : forbidden));
}

export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, dispatcher: Dispatcher, sessions: WindowSessions): void {
  for (const name of callNames) handleFromApp(ipcMain, name, (event, input) => dispatcher(name, input, { session: sessions.get(event.sender.id) }));
}
