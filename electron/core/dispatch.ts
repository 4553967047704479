/**
 * The one wrapper every transport calls: look up the call, check the role, validate the input
 * with the contract's schema, run the handler, and return a CallResult. Nothing
 * about a caller's input is logged.
 */
import { contract, isCallName, roleAllows, type CallName } from '../shared/contract';
import { KioskError, type CallResult } from '../shared/errors';
import type { CallContext, HandlerTable, Session } from './handlers';
import { STAFF_SESSION_IDLE_MS } from '../shared/staff';

export type Dispatcher = (name: string, input: unknown, ctx: CallContext) => Promise<CallResult<unknown>>;

function storageError(e: unknown): KioskError | null {
  const code = (e as { code?: string }).code;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC')
    return new KioskError('STORAGE_FULL', 'The disk is full, so nothing was saved. Free some space and try again; no earlier work was lost.');
  if (code === 'SQLITE_READONLY' || code === 'EROFS' || code === 'EACCES')
    return new KioskError('READ_ONLY', 'The kiosk cannot write to its data folder, so nothing was saved. Ask IT to make the data folder writable.');
  return null;
}

/** Ends a staff session idle for longer than the timeout; says whether it did. */
export function expireIdleStaff(session: Session, t: number): boolean {
  if (session.role === 'public' || session.lastSeen === undefined || t - session.lastSeen <= STAFF_SESSION_IDLE_MS) return false;
  session.role = 'public';
  return true;
}

export function createDispatcher(
  handlers: HandlerTable,
  onInternalError: (name: string, e: unknown) => void = () => {},
  now: () => number = Date.now,
): Dispatcher {
  return async (name, input, ctx) => {
    // A staff session ends after two minutes without an accepted staff call (the staff screens keep it alive while touched).
    const t = now();
    expireIdleStaff(ctx.session, t);
    if (!isCallName(name)) return { ok: false, error: { code: 'NOT_FOUND', message: `There is no call named "${name}".` } };
    const spec = contract[name];
    // The role first: callers without it learn nothing about the call's input.
    if (!roleAllows(spec.role, ctx.session.role)) {
      return {
        ok: false,
        error: { code: 'UNAUTHORIZED', message: spec.role === 'admin' ? 'An admin must sign in for this.' : 'A staff member must sign in for this.' },
      };
    }
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.map(String).join('.') || undefined;
      const issues = parsed.error.issues.slice(0, 50).map((i) => ({ field: i.path.map(String).join('.'), message: i.message }));
      return {
        ok: false,
        error: { code: 'INVALID_INPUT', message: `Invalid input${field ? ` in "${field}"` : ''}: ${issue?.message ?? 'not valid'}.`, ...(field ? { field } : {}), issues },
      };
    }
    const result = await run(name, parsed.data, ctx);
    // Only accepted staff calls (and a sign-in) count as staff activity.
    if (result.ok && ctx.session.role !== 'public' && (spec.role !== 'public' || name === 'staffSignIn')) ctx.session.lastSeen = t;
    return result;
  };

  async function run(name: CallName, data: unknown, ctx: CallContext): Promise<CallResult<unknown>> {
    try {
      const handler = handlers[name] as (i: unknown, c: CallContext) => unknown;
      return { ok: true, value: await handler(data, ctx) };
    } catch (e) {
      const known = e instanceof KioskError ? e : storageError(e);
      if (known) return { ok: false, error: { code: known.code, message: known.message, ...(known.field ? { field: known.field } : {}) } };
      onInternalError(name, e);
      return { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong inside the kiosk. Please try again; if it keeps happening, tell staff.' } };
    }
  }
}
