/** Staff PIN hashes and the sign-in lock of each place. */
import type { SignInPlace, StaffRole } from '../../electron/shared/staff';
import { perConnection } from './per-connection';

/** A salted scrypt hash with the parameters it was made with (JSON). */
export interface PinHash {
  hash: string;
  salt: string;
  params: string;
}

export interface SignInLockRow {
  failures: number;
  /** ISO time, or null when the place is not locked. */
  lockedUntil: string | null;
}

export const staffRepo = perConnection((db) => {
  const roles = db.prepare<[], { role: StaffRole }>('SELECT role FROM staff_pins ORDER BY role');
  const shortRoles = db.prepare<[], { role: StaffRole }>('SELECT role FROM staff_pins WHERE short = 1 ORDER BY role');
  const pinOf = db.prepare<[role: StaffRole], PinHash>('SELECT hash, salt, params FROM staff_pins WHERE role = ?');
  const pins = db.prepare<[], PinHash & { role: StaffRole }>('SELECT role, hash, salt, params FROM staff_pins');
  const putPin = db.prepare<[role: StaffRole, hash: string, salt: string, params: string, updatedAt: string, short: 0 | 1]>(
    `INSERT INTO staff_pins (role, hash, salt, params, updated_at, short) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (role) DO UPDATE SET hash = excluded.hash, salt = excluded.salt, params = excluded.params, updated_at = excluded.updated_at, short = excluded.short`,
  );
  const markShort = db.prepare<[short: 0 | 1, role: StaffRole]>('UPDATE staff_pins SET short = ? WHERE role = ?');
  const ensureLock = db.prepare<[place: SignInPlace]>('INSERT OR IGNORE INTO staff_sign_in_locks (place) VALUES (?)');
  const lockOf = db.prepare<[place: SignInPlace], SignInLockRow>('SELECT failures, locked_until AS lockedUntil FROM staff_sign_in_locks WHERE place = ?');
  const failedPlaces = db.prepare<[], { place: SignInPlace; failures: number }>('SELECT place, failures FROM staff_sign_in_locks WHERE failures > 0 ORDER BY place');
  const setLock = db.prepare<[failures: number, lockedUntil: string | null, place: SignInPlace]>('UPDATE staff_sign_in_locks SET failures = ?, locked_until = ? WHERE place = ?');
  return {
    /** The roles that have a PIN. */
    roles: (): StaffRole[] => roles.all().map((r) => r.role),
    /** The roles whose PIN is flagged as shorter than new PINs may be. */
    shortRoles: (): StaffRole[] => shortRoles.all().map((r) => r.role),
    pinOf: (role: StaffRole): PinHash | undefined => pinOf.get(role),
    pins: (): (PinHash & { role: StaffRole })[] => pins.all(),
    putPin: (role: StaffRole, pin: PinHash, updatedAt: string, short: boolean): void => void putPin.run(role, pin.hash, pin.salt, pin.params, updatedAt, short ? 1 : 0),
    markShort: (role: StaffRole, short: boolean): void => void markShort.run(short ? 1 : 0, role),
    /** A place's lock row; a place never seen before gets one with no failures. */
    lock: (place: SignInPlace): SignInLockRow => {
      ensureLock.run(place);
      return lockOf.get(place) ?? { failures: 0, lockedUntil: null };
    },
    /** A place's lock row, without creating one. */
    lockIfAny: (place: SignInPlace): SignInLockRow | undefined => lockOf.get(place),
    /** Places with wrong PINs counted. */
    failedPlaces: (): { place: SignInPlace; failures: number }[] => failedPlaces.all(),
    setLock: (place: SignInPlace, failures: number, lockedUntil: string | null): void => {
      ensureLock.run(place);
      setLock.run(failures, lockedUntil, place);
    },
  };
});
