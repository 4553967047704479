import { z } from 'zod';

export type StaffRole = 'nurse' | 'admin';
export const staffRole = z.enum(['nurse', 'admin']);
/** New PINs have at least this many digits; shorter PINs set before this rule keep working until changed. */
export const MIN_NEW_PIN_DIGITS = 6;
/** A new PIN: 6 to 8 ASCII digits (not full-width or other scripts' digits). */
export const pinSchema = z.string().regex(/^[0-9]{6,8}$/, 'a PIN is 6 to 8 digits (0-9)');
/** A PIN typed at sign-in: 4 to 8 ASCII digits (older PINs may have 4 or 5). */
export const signInPinSchema = z.string().regex(/^[0-9]{4,8}$/, 'a PIN is 4 to 8 digits (0-9)');

/** Where staff sign in; each place has its own lock. */
export const signInPlaces = ['kiosk', 'workstation', 'web'] as const;
export type SignInPlace = (typeof signInPlaces)[number];
export const signInPlace = z.enum(signInPlaces);

export interface SignInLock {
  place: SignInPlace;
  /** Wrong PINs in a row at this place. */
  failures: number;
  /** ISO time until which sign-in here is locked, or null. */
  lockedUntil: string | null;
}

export { STAFF_SESSION_IDLE_MS } from './staff-session';

export interface StaffStatus {
  role: 'public' | StaffRole;
  pinsSet: Record<StaffRole, boolean>;
  /** ISO time until which sign-in is locked at the caller's place, or null. */
  lockedUntil: string | null;
  /** Admins only (empty for others): roles whose PIN is shorter than 6 digits, and places with wrong PINs. */
  shortPins: StaffRole[];
  locks: SignInLock[];
}
