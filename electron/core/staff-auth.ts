/**
 * Staff PINs, stored only as salted scrypt hashes. New PINs have 6 to 8 digits (the contract's
 * pinSchema); PINs set before that rule keep working until changed, and admins are told.
 *
 * Each sign-in place (the kiosk's touch screen, a workstation window, web mode) has its own lock,
 * so wrong PINs typed on the waiting-room screen never lock out a nurse at a workstation. After
 * 5 wrong PINs a place is locked for 5 minutes, and every further wrong PIN doubles the lock (up
 * to a day); the count is kept in the database (a restart does not reset it) and only a right PIN
 * at that place or an admin's unlock resets it. Every wrong PIN and every lock is in the audit log.
 */
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import type { Db } from '../../db/connection';
import { staffRepo, type PinHash } from '../../db/repos/staff';
import { KioskError } from '../shared/errors';
import { MIN_NEW_PIN_DIGITS, type SignInLock, type SignInPlace, type StaffRole } from '../shared/staff';
import type { AuditLog } from './audit-log';

export const MAX_FAILURES = 5;
export const LOCKOUT_MS = 5 * 60 * 1000;
export const MAX_LOCKOUT_MS = 24 * 60 * 60 * 1000;
/**
 * scrypt cost, within a sign-in budget of 500 ms (a sign-in checks at most two PINs). Measured on
 * the shared 2-core build machine under load (2026-12-01, Node 20): N = 2^14 130 ms a PIN,
 * 2^15 160 ms, 2^16 560 ms. So 2^15 (32 MiB); hashes keep their own parameters, so older ones still verify.
 */
const SCRYPT = { N: 32768, r: 8, p: 1, keylen: 32, maxmem: 64 * 1024 * 1024 };

export function hashPin(pin: string, salt: Buffer = randomBytes(16)): { hash: string; salt: string; params: string } {
  const { N, r, p, keylen, maxmem } = SCRYPT;
  const hash = scryptSync(pin, salt, keylen, { N, r, p, maxmem });
  return { hash: hash.toString('base64'), salt: salt.toString('base64'), params: JSON.stringify({ N, r, p, keylen }) };
}

function pinMatches(pin: string, row: PinHash): boolean {
  const { N, r, p, keylen } = JSON.parse(row.params) as typeof SCRYPT;
  const expected = Buffer.from(row.hash, 'base64');
  const actual = scryptSync(pin, Buffer.from(row.salt, 'base64'), keylen, { N, r, p, maxmem: SCRYPT.maxmem });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** How long a place stays locked after its `failures`-th wrong PIN in a row (0 below the limit). */
export function lockDuration(failures: number): number {
  if (failures < MAX_FAILURES) return 0;
  return Math.min(MAX_LOCKOUT_MS, LOCKOUT_MS * 2 ** Math.min(20, failures - MAX_FAILURES));
}

export class StaffAuth {
  constructor(
    private readonly db: Db | null,
    private readonly now: () => number = Date.now,
    private readonly audit: AuditLog | null = null,
  ) {}

  private requireDb(): Db {
    if (!this.db) throw new KioskError('READ_ONLY', 'Staff sign-in is unavailable because the local database cannot be opened. Ask IT to check the data folder.');
    return this.db;
  }

  pinsSet(): Record<StaffRole, boolean> {
    const roles = this.db ? staffRepo(this.db).roles() : [];
    return { nurse: roles.includes('nurse'), admin: roles.includes('admin') };
  }

  /** Roles whose PIN is shorter than new PINs may be (or was set before the rule, and not used since). */
  shortPins(): StaffRole[] {
    return this.db ? staffRepo(this.db).shortRoles() : [];
  }

  lockedUntil(place: SignInPlace): number | null {
    if (!this.db) return null;
    const lockedUntil = staffRepo(this.db).lockIfAny(place)?.lockedUntil;
    const until = lockedUntil ? Date.parse(lockedUntil) : null;
    return until && until > this.now() ? until : null;
  }

  /** Every place with wrong PINs counted, for admins. */
  locks(): SignInLock[] {
    if (!this.db) return [];
    return staffRepo(this.db).failedPlaces().map((r) => {
      const until = this.lockedUntil(r.place);
      return { place: r.place, failures: r.failures, lockedUntil: until ? new Date(until).toISOString() : null };
    });
  }

  /** An admin clears a place's lock and its count of wrong PINs. */
  unlock(role: string, place: SignInPlace): void {
    const db = this.requireDb();
    db.transaction(() => {
      staffRepo(db).setLock(place, 0, null);
      this.audit?.record(role, 'unlock-sign-in', place, null, null);
    })();
  }

  /** Stores a PIN (callers validate new PINs with pinSchema first; shorter ones are legacy and flagged). */
  setPin(role: StaffRole, pin: string): void {
    const db = this.requireDb();
    if (!/^[0-9]{4,8}$/.test(pin)) throw new KioskError('INVALID_INPUT', `A PIN is ${MIN_NEW_PIN_DIGITS} to 8 digits (0-9).`, 'pin');
    const repo = staffRepo(db);
    const other = repo.pinOf(role === 'nurse' ? 'admin' : 'nurse');
    if (other && pinMatches(pin, other)) throw new KioskError('INVALID_INPUT', 'The nurse and admin PINs must be different.', 'pin');
    repo.putPin(role, hashPin(pin), new Date(this.now()).toISOString(), pin.length < MIN_NEW_PIN_DIGITS);
  }

  /** Returns the role whose PIN this is; throws UNAUTHORIZED or LOCKED_OUT. */
  signIn(pin: string, place: SignInPlace = 'kiosk'): StaffRole {
    const db = this.requireDb();
    const locked = this.lockedUntil(place);
    if (locked) throw this.lockedError(locked);
    const repo = staffRepo(db);
    const rows = repo.pins();
    if (!rows.length) throw new KioskError('UNAUTHORIZED', 'No staff PIN is set yet. Set one with "npm run admin -- set-pin --role nurse" (or --role admin).');
    const match = rows.find((r) => pinMatches(pin, r));
    if (match) {
      db.transaction(() => {
        repo.setLock(place, 0, null);
        repo.markShort(match.role, pin.length < MIN_NEW_PIN_DIGITS);
      })();
      return match.role;
    }
    const failures = repo.lock(place).failures + 1;
    const lockMs = lockDuration(failures);
    const until = lockMs ? this.now() + lockMs : null;
    db.transaction(() => {
      repo.setLock(place, failures, until ? new Date(until).toISOString() : null);
      this.audit?.record('public', until ? 'sign-in-locked' : 'sign-in-failed', `${place}: wrong PIN ${failures}`, null, null);
    })();
    if (until) throw this.lockedError(until);
    const left = MAX_FAILURES - failures;
    throw new KioskError('UNAUTHORIZED', `That PIN is not right. ${left} ${left === 1 ? 'try' : 'tries'} left before staff sign-in here is locked for 5 minutes.`, 'pin');
  }

  private lockedError(until: number): KioskError {
    const ms = until - this.now();
    const text = ms > 90 * 60 * 1000 ? `${Math.ceil(ms / 3_600_000)} more hours` : `${Math.max(1, Math.ceil(ms / 60000))} more minute${Math.ceil(ms / 60000) <= 1 ? '' : 's'}`;
    return new KioskError('LOCKED_OUT', `Too many wrong PINs. Staff sign-in here is locked for ${text}. Every further wrong PIN locks it longer. An admin can unlock it from another place (a workstation).`);
  }
}
