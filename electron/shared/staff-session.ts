/**
 * How long a staff session lasts, apart from staff.ts's schemas, so the kiosk's patient
 * screens can use it without loading zod.
 */

/** A staff session ends after this long without a touch. */
export const STAFF_SESSION_IDLE_MS = 2 * 60 * 1000;
