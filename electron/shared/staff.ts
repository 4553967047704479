import { z } from 'zod';

export type StaffRole = 'nurse' | 'admin';
export const staffRole = z.enum(['nurse', 'admin']);
export const pinSchema = z.string().regex(/^\d{4,8}$/, 'a PIN is 4 to 8 digits');

/** A staff session ends after this long without a touch. */
export const STAFF_SESSION_IDLE_MS = 2 * 60 * 1000;

export interface StaffStatus {
  role: 'public' | StaffRole;
  pinsSet: Record<StaffRole, boolean>;
  /** ISO time until which sign-in is locked, or null. */
  lockedUntil: string | null;
}
